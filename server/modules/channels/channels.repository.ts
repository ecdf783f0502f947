import type { Selectable } from 'kysely';
import type { AttemptView, ChannelKind, ChannelView, DeliveryPage, DeliveryQuery, DeliveryStatus, NoticeSeverity, OutboxKind, RouteView } from '../../../contracts/channels';
import type { Locale } from '../../../contracts/common';
import type { Cipher } from '../../platform/crypto';
import type { Executor } from '../../platform/db';
import type { Database } from '../../platform/schema';
import { maskUrl, type RouteFilter } from './channels.rules';

export type ChannelRow = Selectable<Database['channels']>;
export type RouteRow = Selectable<Database['channel_routes']>;
export type DeliveryRow = Selectable<Database['channel_deliveries']>;
export type OutboxRow = Selectable<Database['outbox']>;

export async function findChannelRow(db: Executor, id: string): Promise<ChannelRow | undefined> {
  return db.selectFrom('channels').selectAll().where('id', '=', id).executeTakeFirst();
}

export function toChannelView(cipher: Cipher, row: ChannelRow, routeCount: number): ChannelView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as ChannelKind,
    urlMasked: maskUrl(cipher.decrypt(row.url_enc)),
    hasSecret: row.secret_enc !== null,
    locale: row.locale as Locale,
    enabled: row.enabled === 1,
    routeCount,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function routeCounts(db: Executor): Promise<Map<string, number>> {
  const rows = await db.selectFrom('channel_routes').select(['channel_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('channel_id').execute();
  return new Map(rows.map((r) => [r.channel_id, Number(r.n)]));
}

export async function listChannels(db: Executor, cipher: Cipher): Promise<ChannelView[]> {
  const [rows, counts] = await Promise.all([db.selectFrom('channels').selectAll().orderBy('name').orderBy('id').execute(), routeCounts(db)]);
  return rows.map((r) => toChannelView(cipher, r, counts.get(r.id) ?? 0));
}

export async function channelView(db: Executor, cipher: Cipher, id: string): Promise<ChannelView | undefined> {
  const row = await findChannelRow(db, id);
  if (!row) return undefined;
  return toChannelView(cipher, row, (await routeCounts(db)).get(id) ?? 0);
}

export async function findRouteRow(db: Executor, id: string): Promise<RouteRow | undefined> {
  return db.selectFrom('channel_routes').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listRoutes(db: Executor, channelId?: string): Promise<RouteView[]> {
  let q = db
    .selectFrom('channel_routes as r')
    .innerJoin('channels as c', 'c.id', 'r.channel_id')
    .leftJoin('teams as t', 't.id', 'r.team_id')
    .leftJoin('rooms as m', 'm.id', 'r.room_id')
    .select(['r.id', 'r.channel_id', 'r.kind', 'r.min_severity', 'r.team_id', 'r.room_id', 'r.created_at', 'c.name as channel_name', 't.name as team_name', 'm.display_name as room_name'])
    .orderBy('c.name')
    .orderBy('r.created_at')
    .orderBy('r.id');
  if (channelId) q = q.where('r.channel_id', '=', channelId);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    channelId: r.channel_id,
    channelName: r.channel_name,
    kind: r.kind as OutboxKind | null,
    minSeverity: r.min_severity as NoticeSeverity | null,
    teamId: r.team_id,
    teamName: r.team_name ?? null,
    roomId: r.room_id,
    roomName: r.room_name ?? null,
    createdAt: r.created_at,
  }));
}

/** The rules of enabled channels, as the router applies them. */
export async function activeRoutes(db: Executor): Promise<RouteFilter[]> {
  const rows = await db
    .selectFrom('channel_routes as r')
    .innerJoin('channels as c', 'c.id', 'r.channel_id')
    .where('c.enabled', '=', 1)
    .select(['r.channel_id', 'r.kind', 'r.min_severity', 'r.team_id', 'r.room_id'])
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({ channelId: r.channel_id, kind: r.kind, minSeverity: r.min_severity as NoticeSeverity | null, teamId: r.team_id, roomId: r.room_id }));
}

export async function listDeliveries(db: Executor, q: DeliveryQuery): Promise<DeliveryPage> {
  let query = db
    .selectFrom('channel_deliveries as d')
    .leftJoin('channels as c', 'c.id', 'd.channel_id')
    .selectAll('d')
    .select(['c.name as channel_name', 'c.kind as channel_kind'])
    .orderBy('d.id', 'desc')
    .limit(q.limit + 1);
  if (q.channelId) query = query.where('d.channel_id', '=', q.channelId);
  if (q.status) query = query.where('d.status', '=', q.status);
  if (q.outboxId) query = query.where('d.outbox_id', '=', q.outboxId);
  if (q.before) query = query.where('d.id', '<', q.before);
  const rows = await query.execute();
  const page = rows.slice(0, q.limit);
  const ids = page.map((r) => Number(r.id));
  const attempts = ids.length
    ? await db.selectFrom('channel_attempts').selectAll().where('delivery_id', 'in', ids).orderBy('delivery_id').orderBy('attempt').orderBy('id').execute()
    : [];
  const byDelivery = new Map<number, AttemptView[]>();
  for (const a of attempts) {
    const list = byDelivery.get(Number(a.delivery_id)) ?? [];
    list.push({ attempt: a.attempt, startedAt: a.started_at, finishedAt: a.finished_at, ok: a.ok === 1, responseStatus: a.response_status, error: a.error });
    byDelivery.set(Number(a.delivery_id), list);
  }
  return {
    items: page.map((r) => ({
      id: Number(r.id),
      outboxId: r.outbox_id === null ? null : Number(r.outbox_id),
      channelId: r.channel_id,
      channelName: r.channel_name ?? null,
      channelKind: (r.channel_kind as ChannelKind | null) ?? null,
      severity: r.severity,
      title: r.title,
      status: r.status as DeliveryStatus,
      attempts: r.attempts,
      lastError: r.last_error,
      responseStatus: r.response_status,
      nextAttemptAt: r.status === 'pending' ? r.next_attempt_at : null,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      sentAt: r.sent_at,
      attemptLog: byDelivery.get(Number(r.id)) ?? [],
    })),
    nextBefore: rows.length > q.limit ? Number(page[page.length - 1]!.id) : null,
  };
}
