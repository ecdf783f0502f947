import type { Kysely } from 'kysely';

/**
 * Issue 7, dashboards area. session_summaries keeps one row per session with its base metrics after the shared
 * precedence (manual > import > events), so a dashboard over a year sums ~15k rows instead of millions of minutes.
 * It is a cache: refreshed lazily before a dashboard answers (see dashboards.repository.ts refreshSummaries).
 */
export async function up(db: Kysely<any>): Promise<void> {
  let t = db.schema
    .createTable('session_summaries')
    .addColumn('session_id', 'text', (c) => c.primaryKey())
    .addColumn('room_id', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.notNull())
    /** YYYY-MM-DD of the planned start in the room's time zone. */
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('planned_start', 'text', (c) => c.notNull())
    /** 1 when any metric has a value (events, import or manual); sessions without data are not counted as held. */
    .addColumn('has_data', 'integer', (c) => c.notNull());
  for (const m of SUMMARY_METRICS) t = t.addColumn(m, 'double precision');
  await t
    .addColumn('gpm_fen', 'double precision')
    .addColumn('gpm_basis', 'text')
    /** live_session_stats.events and the count of metric_values rows when computed: a change marks the row stale. */
    .addColumn('events_seen', 'integer', (c) => c.notNull())
    .addColumn('values_seen', 'integer', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('session_summaries_day_idx').on('session_summaries').columns(['day', 'room_id']).execute();
  await db.schema.createIndex('session_summaries_room_day_idx').on('session_summaries').columns(['room_id', 'day']).execute();
  await db.schema.createIndex('session_summaries_team_day_idx').on('session_summaries').columns(['team_id', 'day']).execute();

  await db.schema
    .createTable('session_hosts')
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('session_hosts_pk', ['session_id', 'person_id'])
    .execute();
  await db.schema.createIndex('session_hosts_person_day_idx').on('session_hosts').columns(['person_id', 'day']).execute();

  await db.schema
    .createTable('weekly_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** Monday of the reported week (YYYY-MM-DD in the schedule's time zone); one report per week. */
    .addColumn('week_start', 'text', (c) => c.notNull().unique())
    .addColumn('week_end', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    /** schedule | manual */
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('generated_by', 'text')
    /** JSON WeeklyReportBody (contracts/dashboards.ts). */
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

/** The base metrics a summary keeps (contracts/analytics.ts BASE_METRICS, the ones dashboards show). */
const SUMMARY_METRICS = ['gmv_fen', 'orders', 'buyers', 'views', 'viewers', 'peak_viewers', 'comments', 'commenters', 'follows', 'gift_fen', 'duration_seconds'];

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['weekly_reports', 'session_hosts', 'session_summaries']) await db.schema.dropTable(t).execute();
}
