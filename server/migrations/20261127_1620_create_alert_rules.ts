import type { Kysely } from 'kysely';

/**
 * Issue 6, alerts area: per-room alert thresholds, and how far each session's compliance findings have been evaluated
 * (so a finding raises or bumps an alert once, however often the session is evaluated).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('alert_rules')
    .addColumn('room_id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull())
    /** JSON AlertThresholds (contracts/alerts.ts); merged over the defaults when read. */
    .addColumn('thresholds', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('alert_cursors')
    .addColumn('session_id', 'text', (c) => c.primaryKey())
    /** The highest compliance_findings.id already evaluated for the session. */
    .addColumn('finding_id', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('alert_cursors').execute();
  await db.schema.dropTable('alert_rules').execute();
}
