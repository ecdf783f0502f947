import type { Kysely } from 'kysely';

/**
 * Issue 7, the metric spine: one value per session, metric and source. Values computed from events are not stored
 * here (they are recomputed from the rollups); imported platform exports and hand-entered figures are, with the
 * definition they were measured under (domain.md §1.1: platform, basis, time window).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('metric_values')
    .addColumn('session_id', 'text', (c) => c.notNull())
    /** A MetricKey of contracts/analytics.ts, in its base unit (fen, seconds, count). */
    .addColumn('metric', 'text', (c) => c.notNull())
    /** import | manual */
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    /** e.g. pv | uv for GPM, comments_per_pv for the interaction rate; null where the metric has one definition. */
    .addColumn('basis', 'text')
    .addColumn('platform', 'text', (c) => c.notNull())
    /** live (直播期间) | room (直播间) | t+1 */
    .addColumn('time_window', 'text', (c) => c.notNull().defaultTo('live'))
    .addColumn('import_id', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('metric_values_pk', ['session_id', 'metric', 'source'])
    .execute();
  await db.schema.createIndex('metric_values_import').on('metric_values').column('import_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('metric_values').execute();
}
