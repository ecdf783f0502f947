import { type Kysely, PostgresAdapter, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema
    .createTable('live_events')
    .addColumn('id', isPg ? 'bigserial' : 'integer', (c) => (isPg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('room_id', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('platform_msg_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source_type', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('user_ext_id', 'text')
    .addColumn('user_name', 'text')
    .addColumn('text', 'text')
    .addColumn('count', 'bigint')
    .addColumn('value_fen', 'bigint')
    .addColumn('unit', 'text')
    .addColumn('unit_amount', 'double precision')
    .addColumn('fen_per_unit', 'double precision')
    .addColumn('order_id', 'text')
    .addColumn('product_ref', 'text')
    .addColumn('buyer_ref', 'text')
    .addColumn('status', 'text')
    .addColumn('raw', 'text')
    .execute();
  // A platform message is stored once however often it is delivered.
  await db.schema
    .createIndex('live_events_msg_uq')
    .on('live_events')
    .columns(['room_id', 'platform', 'platform_msg_id'])
    .unique()
    .where(sql.ref('platform_msg_id'), 'is not', null)
    .execute();
  await db.schema.createIndex('live_events_session_idx').on('live_events').columns(['session_id', 'id']).execute();

  await db.schema
    .createTable('live_minutes')
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('minute', 'text', (c) => c.notNull())
    .addColumn('comments', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('commenters', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('gifts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('gift_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('likes', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('follows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('shares', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('joins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('fans_club', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('super_chats', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('super_chat_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('memberships', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('membership_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('orders', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('gmv_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('transcripts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unknown', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('viewers_max', 'bigint')
    .addColumn('viewers_sum', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('viewers_samples', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('live_minutes_pk', ['session_id', 'minute'])
    .execute();

  await db.schema
    .createTable('live_commenters')
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('minute', 'text', (c) => c.notNull()) // '' for the whole session
    .addColumn('user_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('live_commenters_pk', ['session_id', 'minute', 'user_key'])
    .execute();

  await db.schema
    .createTable('live_session_stats')
    .addColumn('session_id', 'text', (c) => c.primaryKey())
    .addColumn('first_event_at', 'text', (c) => c.notNull())
    .addColumn('last_event_at', 'text', (c) => c.notNull())
    .addColumn('events', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('commenters', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('viewers_cumulative', 'bigint')
    .addColumn('likes_total', 'bigint')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['live_session_stats', 'live_commenters', 'live_minutes', 'live_events']) await db.schema.dropTable(t).ifExists().execute();
}
