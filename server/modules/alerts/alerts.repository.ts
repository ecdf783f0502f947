import { AlertDetail, DEFAULT_THRESHOLDS, type AlertKind, type AlertList, type AlertListQuery, type AlertSeverity, type AlertStatus, type AlertThresholds, type AlertView, type RoomAlertRules } from '../../../contracts/alerts';
import type { TeamScope } from '../../platform/context';
import { json, type Executor } from '../../platform/db';
import { mergeThresholds } from './alerts.rules';

/** A room's thresholds as the evaluator uses them: its own merged over the defaults, else the defaults. */
export async function roomThresholds(db: Executor, roomId: string): Promise<AlertThresholds> {
  const row = await db.selectFrom('alert_rules').select('thresholds').where('room_id', '=', roomId).executeTakeFirst();
  return row ? mergeThresholds(DEFAULT_THRESHOLDS, json.parse(row.thresholds, null)) : DEFAULT_THRESHOLDS;
}

export async function roomRules(db: Executor, roomId: string): Promise<RoomAlertRules> {
  const row = await db.selectFrom('alert_rules').select(['thresholds', 'updated_at']).where('room_id', '=', roomId).executeTakeFirst();
  return {
    roomId,
    custom: !!row,
    thresholds: row ? mergeThresholds(DEFAULT_THRESHOLDS, json.parse(row.thresholds, null)) : DEFAULT_THRESHOLDS,
    defaults: DEFAULT_THRESHOLDS,
    updatedAt: row?.updated_at ?? null,
  };
}

const base = (db: Executor) =>
  db
    .selectFrom('alerts as a')
    .leftJoin('rooms as r', 'r.id', 'a.room_id')
    .leftJoin('live_sessions as s', 's.id', 'a.session_id')
    .leftJoin('users as ua', 'ua.id', 'a.acknowledged_by')
    .leftJoin('users as ur', 'ur.id', 'a.resolved_by')
    .selectAll('a')
    .select(['r.display_name as room_name', 's.title as session_title', 'ua.display_name as ack_name', 'ur.display_name as resolved_name']);

type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

function toView(r: Row): AlertView {
  const parsed = AlertDetail.safeParse(json.parse(r.detail, {}));
  const rule = r.group_key.split(':').slice(2).join(':');
  return {
    id: r.id,
    teamId: r.team_id,
    roomId: r.room_id,
    roomName: r.room_name ?? null,
    sessionId: r.session_id,
    sessionTitle: r.session_title ?? null,
    kind: r.kind as AlertKind,
    severity: r.severity as AlertSeverity,
    rule,
    title: { zh: r.title_zh, en: r.title_en },
    detail: parsed.success ? parsed.data : { metrics: {} },
    count: Number(r.count),
    firstAt: r.first_at,
    lastAt: r.last_at,
    status: r.status as AlertStatus,
    acknowledgedBy: r.acknowledged_by ? (r.ack_name ?? r.acknowledged_by) : null,
    acknowledgedAt: r.acknowledged_at,
    resolvedBy: r.resolved_by ? (r.resolved_name ?? r.resolved_by) : null,
    resolvedAt: r.resolved_at,
    incidentId: r.incident_id,
  };
}

export async function findAlert(db: Executor, scope: TeamScope, id: string): Promise<AlertView | null> {
  let q = base(db).where('a.id', '=', id);
  if (scope !== 'all') q = q.where('a.team_id', 'in', scope.length ? [...scope] : ['']);
  const row = await q.executeTakeFirst();
  return row ? toView(row) : null;
}

export async function listAlerts(db: Executor, scope: TeamScope, f: AlertListQuery): Promise<AlertList> {
  let q = base(db);
  if (scope !== 'all') q = q.where('a.team_id', 'in', scope.length ? [...scope] : ['']);
  if (f.status) q = q.where('a.status', '=', f.status);
  if (f.active === 'true') q = q.where('a.status', '!=', 'resolved');
  if (f.active === 'false') q = q.where('a.status', '=', 'resolved');
  if (f.kind) q = q.where('a.kind', '=', f.kind);
  if (f.severity) q = q.where('a.severity', '=', f.severity);
  if (f.roomId) q = q.where('a.room_id', '=', f.roomId);
  if (f.sessionId) q = q.where('a.session_id', '=', f.sessionId);
  if (f.from) q = q.where('a.last_at', '>=', new Date(f.from).toISOString());
  if (f.to) q = q.where('a.last_at', '<', new Date(f.to).toISOString());
  const rows = await q.orderBy('a.last_at', 'desc').orderBy('a.id').limit(f.limit).execute();
  const items = rows.map(toView);
  const open = { critical: 0, warn: 0, info: 0 };
  for (const a of items) if (a.status === 'open') open[a.severity]++;
  return { items, open };
}

/** The session's open and acknowledged alerts, most severe first then newest: what the live monitor shows. */
export async function activeSessionAlerts(db: Executor, sessionId: string): Promise<AlertView[]> {
  const rows = await base(db).where('a.session_id', '=', sessionId).where('a.status', '!=', 'resolved').orderBy('a.last_at', 'desc').limit(50).execute();
  const rank = { critical: 0, warn: 1, info: 2 } as const;
  return rows.map(toView).sort((a, b) => (a.status === b.status ? 0 : a.status === 'open' ? -1 : 1) || rank[a.severity] - rank[b.severity] || b.lastAt.localeCompare(a.lastAt));
}
