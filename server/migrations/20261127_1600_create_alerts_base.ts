import { type Kysely, PostgresAdapter } from 'kysely';

/**
 * Issue 6, the shared base: sentiment on stored comments and per-minute rollups, alerts, the outbox of outgoing
 * notifications, and tasks (incident action items, later accepted suggestions). The areas' own tables (alert rules and
 * thresholds, channels and routes, incidents, playbooks, risks) come in their own migrations.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;

  // Sentiment of each comment as it was stored: positive | neutral | negative, a score in [-1, 1], aspect tags (JSON).
  await db.schema.alterTable('live_events').addColumn('sentiment', 'text').execute();
  await db.schema.alterTable('live_events').addColumn('sentiment_score', 'double precision').execute();
  await db.schema.alterTable('live_events').addColumn('aspects', 'text').execute();
  for (const c of ['sentiment_pos', 'sentiment_neu', 'sentiment_neg']) {
    await db.schema.alterTable('live_minutes').addColumn(c, 'integer', (col) => col.notNull().defaultTo(0)).execute();
  }

  await db.schema
    .createTable('alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('room_id', 'text')
    .addColumn('session_id', 'text')
    /** compliance | sentiment_surge | viewer_drop | stream_silent | gmv_pace */
    .addColumn('kind', 'text', (c) => c.notNull())
    /** info | warn | critical */
    .addColumn('severity', 'text', (c) => c.notNull())
    /** Occurrences with the same key while the alert is open are one alert (count, last_at). */
    .addColumn('group_key', 'text', (c) => c.notNull())
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    /** JSON: what fired it (numbers, themes, example comments, findings). */
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('first_at', 'text', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    /** open | acknowledged | resolved */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('acknowledged_by', 'text')
    .addColumn('acknowledged_at', 'text')
    .addColumn('resolved_by', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('incident_id', 'text')
    .execute();
  await db.schema.createIndex('alerts_key_idx').on('alerts').columns(['group_key', 'status']).execute();
  await db.schema.createIndex('alerts_session_idx').on('alerts').columns(['session_id', 'last_at']).execute();
  await db.schema.createIndex('alerts_team_idx').on('alerts').columns(['team_id', 'last_at']).execute();

  /** Outgoing notifications waiting for delivery to the routed channels (written in the transaction that raised them). */
  await db.schema
    .createTable('outbox')
    .addColumn('id', isPg ? 'bigserial' : 'integer', (c) => (isPg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    /** alert | incident | report … */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text')
    .addColumn('room_id', 'text')
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('body_zh', 'text', (c) => c.notNull())
    .addColumn('body_en', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    /** The alert or incident id it is about. */
    .addColumn('ref_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    /** Set once every routed channel's delivery is recorded (delivered or given up). */
    .addColumn('routed_at', 'text')
    .execute();

  await db.schema
    .createTable('tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('owner_person_id', 'text')
    /** YYYY-MM-DD in the owner's calendar. */
    .addColumn('due_date', 'text')
    /** open | done */
    .addColumn('status', 'text', (c) => c.notNull())
    /** incident_action | suggestion | manual */
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .execute();
  await db.schema.createIndex('tasks_owner_idx').on('tasks').columns(['owner_person_id', 'status']).execute();
  await db.schema.createIndex('tasks_source_idx').on('tasks').columns(['source_kind', 'source_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['tasks', 'outbox', 'alerts']) await db.schema.dropTable(t).execute();
  for (const c of ['sentiment_pos', 'sentiment_neu', 'sentiment_neg']) await db.schema.alterTable('live_minutes').dropColumn(c).execute();
  for (const c of ['sentiment', 'sentiment_score', 'aspects']) await db.schema.alterTable('live_events').dropColumn(c).execute();
}
