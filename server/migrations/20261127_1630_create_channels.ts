import { type Kysely, PostgresAdapter } from 'kysely';

/**
 * Issue 6, the channels area: outgoing notification channels (WeCom, DingTalk, Feishu robots and generic webhooks), the
 * routing rules that pick which outbox messages go where, and the delivery log with every attempt.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema
    .createTable('channels')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    /** wecom | dingtalk | feishu | webhook */
    .addColumn('kind', 'text', (c) => c.notNull())
    /** The robot's address carries its key or access token, so it is encrypted like the signing secret. */
    .addColumn('url_enc', 'text', (c) => c.notNull())
    .addColumn('secret_enc', 'text')
    /** zh-CN | en-US: the language of the messages sent. */
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('channel_routes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('channel_id', 'text', (c) => c.notNull())
    /** Each filter null = any. kind: alert | incident | report; min_severity: info | warn | critical. */
    .addColumn('kind', 'text')
    .addColumn('min_severity', 'text')
    .addColumn('team_id', 'text')
    .addColumn('room_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('channel_routes_channel_idx').on('channel_routes').column('channel_id').execute();

  await db.schema
    .createTable('channel_deliveries')
    .addColumn('id', isPg ? 'bigserial' : 'integer', (c) => (isPg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    /** Null for a test send from the console. */
    .addColumn('outbox_id', 'bigint')
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    /** pending | sending | sent | failed */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    /** When a pending delivery is due; while sending, when the claim lapses (a crashed sender's delivery is retried). */
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('response_status', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('channel_deliveries_due_idx').on('channel_deliveries').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('channel_deliveries_channel_idx').on('channel_deliveries').columns(['channel_id', 'id']).execute();
  await db.schema.createIndex('channel_deliveries_outbox_idx').on('channel_deliveries').columns(['outbox_id', 'channel_id']).unique().execute();

  await db.schema
    .createTable('channel_attempts')
    .addColumn('id', isPg ? 'bigserial' : 'integer', (c) => (isPg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('delivery_id', 'bigint', (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text', (c) => c.notNull())
    .addColumn('ok', 'integer', (c) => c.notNull())
    .addColumn('response_status', 'integer')
    .addColumn('error', 'text')
    /** The start of the receiver's answer, for the log. */
    .addColumn('response_body', 'text')
    .execute();
  await db.schema.createIndex('channel_attempts_delivery_idx').on('channel_attempts').columns(['delivery_id', 'attempt']).execute();
  await db.schema.createIndex('outbox_unrouted_idx').on('outbox').columns(['routed_at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('outbox_unrouted_idx').execute();
  for (const t of ['channel_attempts', 'channel_deliveries', 'channel_routes', 'channels']) await db.schema.dropTable(t).execute();
}
