import type { Kysely } from 'kysely';

/**
 * Issue 7, reviews area: optimisation suggestions with their evidence, decisions and follow-ups. One row per session,
 * rule and key (a slot, a window, or 'session'); recomputing a session's suggestions upserts by that triple and keeps
 * the decision (accepted with its task, or dismissed with a reason).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('suggestions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('room_id', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('advice_zh', 'text', (c) => c.notNull())
    .addColumn('advice_en', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('decided_by', 'text')
    .addColumn('decided_by_label', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('dismiss_reason', 'text')
    .addColumn('note', 'text')
    .addColumn('task_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('suggestions_session_rule_key').on('suggestions').columns(['session_id', 'rule', 'key']).unique().execute();
  await db.schema.createIndex('suggestions_room_status').on('suggestions').columns(['room_id', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('suggestions').execute();
}
