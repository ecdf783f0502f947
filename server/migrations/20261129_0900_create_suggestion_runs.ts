import type { Kysely } from 'kysely';

/**
 * Suggestions computed without anyone opening the review: one row per session whose suggestions were computed, with
 * when, and the newest data they were computed from (the last live event, the last imported or typed-in value), so
 * the clock computes a session again only when its data changed (a platform export imported the day after).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('suggestion_runs')
    .addColumn('session_id', 'text', (c) => c.primaryKey())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addColumn('data_at', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('suggestion_runs').execute();
}
