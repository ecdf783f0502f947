import type { Kysely } from 'kysely';

/**
 * Issue 7, session reviews: events of one kind in one session, in time order. The review counts distinct buyers over a
 * session's orders and samples its comments minute by minute; without this index either reads every event of the
 * session (a 6-hour show holds about a million).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('live_events_session_kind_at_idx').on('live_events').columns(['session_id', 'kind', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('live_events_session_kind_at_idx').execute();
}
