import type { Kysely } from 'kysely';

/** Issue 7, dashboards area: generated weekly reports. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('weekly_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('weekly_reports').execute();
}
