import type { ChannelInput, ChannelUpdateInput, ChannelView, RouteInput, RouteUpdateInput, RouteView, TestSendResult } from '../../../contracts/channels';
import { inScope, type Actor, type Deps } from '../../platform/context';
import { withTransaction, type Db } from '../../platform/db';
import { DomainError } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { changedFields, recordAudit } from '../audit/audit.repository';
import * as repo from './channels.repository';
import { channelTarget, sendRequest } from './channels.delivery';
import { buildRequest, type Notice } from './formats';

function channelAuditView(v: ChannelView) {
  return { name: v.name, kind: v.kind, url: v.urlMasked, hasSecret: v.hasSecret, locale: v.locale, enabled: v.enabled };
}

export async function createChannel(deps: Deps, actor: Actor, input: ChannelInput): Promise<ChannelView> {
  return withTransaction(deps.db, async (trx) => {
    const id = newId();
    const at = nowIso();
    await trx
      .insertInto('channels')
      .values({
        id,
        name: input.name,
        kind: input.kind,
        url_enc: deps.cipher.encrypt(input.url),
        secret_enc: deps.cipher.encryptNullable(input.secret),
        locale: input.locale,
        enabled: input.enabled ? 1 : 0,
        created_by: actor.userId,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const view = (await repo.channelView(trx, deps.cipher, id))!;
    await recordAudit(trx, actor, { action: 'create', entityType: 'channel', entityId: id, summary: { zh: `新建通知渠道 ${view.name}`, en: `Created notification channel ${view.name}` }, after: channelAuditView(view) });
    return view;
  });
}

export async function updateChannel(deps: Deps, actor: Actor, id: string, input: ChannelUpdateInput): Promise<ChannelView> {
  return withTransaction(deps.db, async (trx) => {
    const before = await repo.channelView(trx, deps.cipher, id);
    if (!before) throw new DomainError('channel/not-found');
    const set: Partial<repo.ChannelRow> = { updated_at: nowIso() };
    if (input.name !== undefined) set.name = input.name;
    if (input.kind !== undefined) set.kind = input.kind;
    if (input.url !== undefined) set.url_enc = deps.cipher.encrypt(input.url);
    if (input.secret !== undefined) set.secret_enc = deps.cipher.encryptNullable(input.secret);
    if (input.locale !== undefined) set.locale = input.locale;
    if (input.enabled !== undefined) set.enabled = input.enabled ? 1 : 0;
    await trx.updateTable('channels').set(set).where('id', '=', id).execute();
    const after = (await repo.channelView(trx, deps.cipher, id))!;
    const diff = changedFields(channelAuditView(before), channelAuditView(after));
    const secretNote = input.secret !== undefined ? { zh: '（已更换密钥）', en: ' (secret changed)' } : { zh: '', en: '' };
    await recordAudit(trx, actor, { action: 'update', entityType: 'channel', entityId: id, summary: { zh: `修改通知渠道 ${after.name}${secretNote.zh}`, en: `Updated notification channel ${after.name}${secretNote.en}` }, ...diff });
    return after;
  });
}

export async function deleteChannel(deps: Deps, actor: Actor, id: string): Promise<void> {
  await withTransaction(deps.db, async (trx) => {
    const before = await repo.channelView(trx, deps.cipher, id);
    if (!before) throw new DomainError('channel/not-found');
    const at = nowIso();
    await trx.deleteFrom('channel_routes').where('channel_id', '=', id).execute();
    // The log keeps its history; what was still waiting will not be sent.
    await trx
      .updateTable('channel_deliveries')
      .set({ status: 'failed', last_error: 'channel deleted / 渠道已删除', next_attempt_at: at, updated_at: at })
      .where('channel_id', '=', id)
      .where('status', 'in', ['pending', 'sending'])
      .execute();
    await trx.deleteFrom('channels').where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: 'delete', entityType: 'channel', entityId: id, summary: { zh: `删除通知渠道 ${before.name}`, en: `Deleted notification channel ${before.name}` }, before: channelAuditView(before) });
  });
}

async function checkRouteTargets(db: Db, actor: Actor, r: { channelId: string; teamId: string | null; roomId: string | null }) {
  if (!(await repo.findChannelRow(db, r.channelId))) throw new DomainError('channel/not-found', [{ path: 'channelId', message: r.channelId }]);
  if (r.teamId !== null) {
    const team = await db.selectFrom('teams').select('id').where('id', '=', r.teamId).executeTakeFirst();
    if (!team || !inScope(actor.scope, r.teamId)) throw new DomainError('team/not-found', [{ path: 'teamId', message: r.teamId }]);
  }
  if (r.roomId !== null) {
    const room = await db.selectFrom('rooms').select(['id', 'team_id']).where('id', '=', r.roomId).executeTakeFirst();
    if (!room || !inScope(actor.scope, room.team_id)) throw new DomainError('room/not-found', [{ path: 'roomId', message: r.roomId }]);
    if (r.teamId !== null && room.team_id !== r.teamId) throw new DomainError('channel/room-not-in-team', [{ path: 'roomId', message: r.roomId }]);
  }
}

function routeAuditView(v: RouteView) {
  return { channel: v.channelName, kind: v.kind, minSeverity: v.minSeverity, team: v.teamName, room: v.roomName };
}

async function routeView(db: Db, id: string): Promise<RouteView> {
  return (await repo.listRoutes(db)).find((r) => r.id === id)!;
}

export async function createRoute(deps: Deps, actor: Actor, input: RouteInput): Promise<RouteView> {
  return withTransaction(deps.db, async (trx) => {
    const next = { channelId: input.channelId, kind: input.kind ?? null, minSeverity: input.minSeverity ?? null, teamId: input.teamId ?? null, roomId: input.roomId ?? null };
    await checkRouteTargets(trx, actor, next);
    const id = newId();
    const at = nowIso();
    await trx
      .insertInto('channel_routes')
      .values({ id, channel_id: next.channelId, kind: next.kind, min_severity: next.minSeverity, team_id: next.teamId, room_id: next.roomId, created_at: at, updated_at: at })
      .execute();
    const view = await routeView(trx, id);
    await recordAudit(trx, actor, { action: 'create', entityType: 'channel-route', entityId: id, teamId: next.teamId, summary: { zh: `新建路由规则 → ${view.channelName}`, en: `Created routing rule → ${view.channelName}` }, after: routeAuditView(view) });
    return view;
  });
}

export async function updateRoute(deps: Deps, actor: Actor, id: string, input: RouteUpdateInput): Promise<RouteView> {
  return withTransaction(deps.db, async (trx) => {
    const row = await repo.findRouteRow(trx, id);
    if (!row) throw new DomainError('channel/route-not-found');
    const before = await routeView(trx, id);
    const next = {
      channelId: input.channelId ?? row.channel_id,
      kind: input.kind === undefined ? row.kind : input.kind,
      minSeverity: input.minSeverity === undefined ? row.min_severity : input.minSeverity,
      teamId: input.teamId === undefined ? row.team_id : input.teamId,
      roomId: input.roomId === undefined ? row.room_id : input.roomId,
    };
    await checkRouteTargets(trx, actor, next);
    await trx
      .updateTable('channel_routes')
      .set({ channel_id: next.channelId, kind: next.kind, min_severity: next.minSeverity, team_id: next.teamId, room_id: next.roomId, updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
    const after = await routeView(trx, id);
    await recordAudit(trx, actor, { action: 'update', entityType: 'channel-route', entityId: id, teamId: next.teamId, summary: { zh: `修改路由规则 → ${after.channelName}`, en: `Updated routing rule → ${after.channelName}` }, ...changedFields(routeAuditView(before), routeAuditView(after)) });
    return after;
  });
}

export async function deleteRoute(deps: Deps, actor: Actor, id: string): Promise<void> {
  await withTransaction(deps.db, async (trx) => {
    if (!(await repo.findRouteRow(trx, id))) throw new DomainError('channel/route-not-found');
    const before = await routeView(trx, id);
    await trx.deleteFrom('channel_routes').where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: 'delete', entityType: 'channel-route', entityId: id, teamId: before.teamId, summary: { zh: `删除路由规则 → ${before.channelName}`, en: `Deleted routing rule → ${before.channelName}` }, before: routeAuditView(before) });
  });
}

/**
 * Sends a test message to the channel now, once (no retries), and records it in the delivery log like any delivery.
 * Works on a disabled channel too, so a channel can be checked before it is switched on.
 */
export async function sendTestMessage(deps: Deps, actor: Actor, id: string, now: () => Date = () => new Date()): Promise<TestSendResult> {
  const row = await repo.findChannelRow(deps.db, id);
  if (!row) throw new DomainError('channel/not-found');
  const target = channelTarget(deps, row);
  const zh = target.locale === 'zh-CN';
  const started = now();
  const notice: Notice = {
    outboxId: null,
    kind: 'test',
    severity: 'info',
    title: zh ? `测试消息：${row.name}` : `Test message: ${row.name}`,
    body: zh ? `Showrunner 直播运营台的通知已接通（由 ${actor.label} 发送）。` : `Showrunner notifications reach this channel (sent by ${actor.label}).`,
    link: null,
    refId: null,
    teamId: null,
    teamName: null,
    roomId: null,
    roomName: null,
    createdAt: started.toISOString(),
    locale: target.locale,
  };
  const at = started.toISOString();
  const inserted = await deps.db
    .insertInto('channel_deliveries')
    .values({ outbox_id: null, channel_id: id, severity: 'info', title: notice.title, status: 'sending', attempts: 1, next_attempt_at: new Date(started.getTime() + 60_000).toISOString(), created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  const deliveryId = Number(inserted.id);
  const outcome = await sendRequest(buildRequest(target, notice, started, deliveryId), 10_000, target.kind);
  const finished = now();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('channel_attempts')
      .values({ delivery_id: deliveryId, attempt: 1, started_at: at, finished_at: finished.toISOString(), ok: outcome.ok ? 1 : 0, response_status: outcome.responseStatus, error: outcome.error, response_body: outcome.responseBody })
      .execute();
    await trx
      .updateTable('channel_deliveries')
      .set({ status: outcome.ok ? 'sent' : 'failed', last_error: outcome.error, response_status: outcome.responseStatus, next_attempt_at: finished.toISOString(), updated_at: finished.toISOString(), ...(outcome.ok ? { sent_at: finished.toISOString() } : {}) })
      .where('id', '=', deliveryId)
      .execute();
  });
  return { ok: outcome.ok, responseStatus: outcome.responseStatus, error: outcome.error, deliveryId };
}
