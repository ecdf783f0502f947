import type { Kysely } from 'kysely';

/**
 * Issue 7, session reviews: the (session_id, kind, at) index of 20261128_0945 also carries product_ref and buyer_ref,
 * so a review counts a session's distinct buyers and finds which product each minute sold from the index alone,
 * without reading a table row per order (a 6-hour show has tens of thousands of them).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('live_events_session_kind_at_refs_idx').on('live_events').columns(['session_id', 'kind', 'at', 'product_ref', 'buyer_ref']).execute();
  await db.schema.dropIndex('live_events_session_kind_at_idx').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('live_events_session_kind_at_idx').on('live_events').columns(['session_id', 'kind', 'at']).execute();
  await db.schema.dropIndex('live_events_session_kind_at_refs_idx').execute();
}
