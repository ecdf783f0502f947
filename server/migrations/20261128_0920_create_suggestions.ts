import type { Kysely } from 'kysely';

/** Issue 7, reviews area: optimisation suggestions with their evidence, decisions and follow-ups. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('suggestions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('suggestions').execute();
}
