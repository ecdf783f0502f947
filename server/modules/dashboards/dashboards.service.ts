import ExcelJS from 'exceljs';
import type { Locale } from '../../../contracts/common';
import {
  DashboardQuery as DashboardQuerySchema,
  DEFAULT_WEEKLY_SCHEDULE,
  WeeklySchedule,
  type DashboardOptions,
  type DashboardQuery,
  type DashboardView,
  type KpiKey,
  type RankRow,
  type TrendPoint,
} from '../../../contracts/dashboards';
import type { Actor, TeamScope } from '../../platform/context';
import { inScope } from '../../platform/context';
import { json, type Executor } from '../../platform/db';
import { DomainError } from '../../platform/errors';
import { findPersonRow } from '../people/people.repository';
import * as repo from './dashboards.repository';
import { eachDay, emptyTotals, kpiValues, localClock, mergeTotals, periodRange, compareKpis, toDateComparison, totalsGpm, type Totals } from './dashboards.rules';

export const SCHEDULE_KEY = 'dashboards.weekly_report';

/** The weekly-report schedule (also the company time zone the dashboards' "today" and hours are read in). */
export async function readSchedule(db: Executor): Promise<WeeklySchedule> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', SCHEDULE_KEY).executeTakeFirst();
  const parsed = WeeklySchedule.safeParse({ ...DEFAULT_WEEKLY_SCHEDULE, ...json.parse<object>(row?.value, {}) });
  return parsed.success ? parsed.data : DEFAULT_WEEKLY_SCHEDULE;
}

interface Target {
  filter: Omit<repo.SummaryFilter, 'from' | 'to'>;
  name: string | null;
}

async function resolveTarget(db: Executor, scope: TeamScope, q: { scope: DashboardView['scope']; id?: string }): Promise<Target> {
  if (q.scope === 'company') return { filter: { scope }, name: null };
  if (!q.id) throw new DomainError('dashboards/not-found', [{ path: 'id', message: 'required / 必填' }]);
  if (q.scope === 'team') {
    const team = await db.selectFrom('teams').select(['id', 'name']).where('id', '=', q.id).executeTakeFirst();
    if (!team || !inScope(scope, team.id)) throw new DomainError('dashboards/not-found');
    return { filter: { scope, teamId: team.id }, name: team.name };
  }
  if (q.scope === 'room') {
    const room = await db.selectFrom('rooms').select(['id', 'team_id', 'display_name']).where('id', '=', q.id).executeTakeFirst();
    if (!room || !inScope(scope, room.team_id)) throw new DomainError('dashboards/not-found');
    return { filter: { scope, roomId: room.id }, name: room.display_name };
  }
  const person = await findPersonRow(db, scope, q.id);
  if (!person) throw new DomainError('dashboards/not-found');
  return { filter: { scope, hostId: person.row.id }, name: person.row.display_name };
}

function rankRow(id: string, name: string, t: Totals): RankRow {
  const k = kpiValues(t);
  const g = totalsGpm(t);
  return { id, name, sessions: t.sessions, gmv_fen: k.gmv_fen.value, orders: k.orders.value, viewers: k.viewers.value, gpm_fen: g.value, gpm_basis: g.value === null ? null : g.basis };
}

/** GMV high to low, no-data last, then by name: a stable order for tables and tests. */
const byGmv = (a: RankRow, b: RankRow) => (b.gmv_fen ?? -Infinity) - (a.gmv_fen ?? -Infinity) || a.name.localeCompare(b.name);

export async function getDashboard(db: Executor, actor: Actor, raw: DashboardQuery): Promise<DashboardView> {
  const q = DashboardQuerySchema.parse(raw);
  const schedule = await readSchedule(db);
  const today = localClock(new Date(), schedule.timeZone).day;
  const asked = periodRange(q.period, q.from ?? today, q.to);
  if (!asked) throw new DomainError('dashboards/bad-period', [{ path: 'to', message: 'to ≥ from, ≤ 400 days / 结束不早于开始，最长 400 天' }]);
  const range = toDateComparison(asked, today);
  const target = await resolveTarget(db, actor.scope, q);
  await repo.ensureFresh(db, range.previousFrom, range.to);

  const f: repo.SummaryFilter = { ...target.filter, from: range.from, to: range.to };
  const [dayCells, roomCells, previous, hosts, sessionsByGmv, sessionsByGpm] = await Promise.all([
    repo.dayTotals(db, f),
    repo.roomTotals(db, f),
    repo.periodTotals(db, { ...f, from: range.previousFrom, to: range.previousTo }),
    repo.hostTotals(db, f),
    repo.topSessions(db, f, 'gmv_fen', 'desc', 10),
    repo.topSessions(db, f, 'gpm_fen', 'desc', 10),
  ]);

  const total = emptyTotals();
  const days = new Map(dayCells.map((c) => [c.day, c.totals]));
  const rooms = new Map<string, Totals>();
  const teams = new Map<string, Totals>();
  for (const c of roomCells) {
    mergeTotals(total, c.totals);
    rooms.set(c.roomId, c.totals);
    teams.set(c.teamId, mergeTotals(teams.get(c.teamId) ?? emptyTotals(), c.totals));
  }

  const granularity = q.period === 'day' ? 'hour' : 'day';
  let trend: TrendPoint[];
  if (granularity === 'hour') {
    const hours = await repo.hourlyFromMinutes(db, f);
    const byLocal = new Map<string, TrendPoint>();
    for (const h of hours) {
      const local = localClock(`${h.hourUtc}:00:00.000Z`, schedule.timeZone);
      const bucket = `${local.day}T${local.time.slice(0, 2)}`;
      const prior = byLocal.get(bucket);
      const gmv = (prior?.gmv_fen ?? 0) + h.gmv_fen;
      byLocal.set(bucket, {
        bucket,
        sessions: Math.max(prior?.sessions ?? 0, h.sessions),
        gmv_fen: gmv,
        orders: (prior?.orders ?? 0) + h.orders,
        viewers: h.peak === null ? (prior?.viewers ?? null) : Math.max(prior?.viewers ?? 0, h.peak),
        gpm_fen: null,
      });
    }
    trend = Array.from({ length: 24 }, (_, i) => {
      const bucket = `${range.from}T${String(i).padStart(2, '0')}`;
      return byLocal.get(bucket) ?? { bucket, sessions: 0, gmv_fen: null, orders: null, viewers: null, gpm_fen: null };
    });
  } else {
    trend = eachDay(range.from, range.to).map((day) => {
      const t = days.get(day) ?? emptyTotals();
      const k = kpiValues(t);
      return { bucket: day, sessions: t.sessions, gmv_fen: k.gmv_fen.value, orders: k.orders.value, viewers: k.viewers.value, gpm_fen: k.gpm_fen.value };
    });
  }

  const [roomNames, teamNames, hostNames] = await Promise.all([
    rooms.size ? db.selectFrom('rooms').select(['id', 'display_name as name']).where('id', 'in', [...rooms.keys()]).execute() : [],
    teams.size ? db.selectFrom('teams').select(['id', 'name']).where('id', 'in', [...teams.keys()]).execute() : [],
    hosts.length ? db.selectFrom('people').select(['id', 'display_name as name']).where('id', 'in', hosts.map((h) => h.personId)).execute() : [],
  ]);
  const nameOf = (rows: Array<{ id: string; name: string }>) => new Map(rows.map((r) => [r.id, r.name]));
  const rn = nameOf(roomNames);
  const tn = nameOf(teamNames);
  const hn = nameOf(hostNames);

  return {
    scope: q.scope,
    id: q.scope === 'company' ? null : (q.id ?? null),
    name: target.name,
    period: q.period,
    ...range,
    granularity,
    kpis: compareKpis(total, previous),
    trend,
    rankings: {
      teams: q.scope === 'company' ? [...teams].map(([id, t]) => rankRow(id, tn.get(id) ?? id, t)).sort(byGmv) : [],
      rooms: [...rooms].map(([id, t]) => rankRow(id, rn.get(id) ?? id, t)).sort(byGmv),
      hosts: hosts.map((h) => rankRow(h.personId, hn.get(h.personId) ?? h.personId, h.totals)).sort(byGmv).slice(0, 20),
      sessionsByGmv,
      sessionsByGpm,
    },
  };
}

export async function dashboardOptions(db: Executor, scope: TeamScope): Promise<DashboardOptions> {
  let teams = db.selectFrom('teams').select(['id', 'name']).orderBy('name');
  let rooms = db.selectFrom('rooms').select(['id', 'display_name as name', 'team_id as teamId']).orderBy('display_name');
  let hosts = db
    .selectFrom('people as p')
    .select(['p.id', 'p.display_name as name'])
    .where('p.id', 'in', (eb) => eb.selectFrom('session_crew').select('person_id').where('role', '=', 'host'))
    .orderBy('p.display_name');
  if (scope !== 'all') {
    const ids = scope.length ? [...scope] : [''];
    teams = teams.where('id', 'in', ids);
    rooms = rooms.where('team_id', 'in', ids);
    hosts = hosts.where('p.id', 'in', (eb) => eb.selectFrom('person_teams').select('person_id').where('team_id', 'in', ids));
  }
  const schedule = await readSchedule(db);
  return { teams: await teams.execute(), rooms: await rooms.execute(), hosts: await hosts.execute(), today: localClock(new Date(), schedule.timeZone).day };
}

// ---- XLSX export ----

const KPI_LABELS: Record<KpiKey, { zh: string; en: string }> = {
  gmv_fen: { zh: '成交金额（元）', en: 'GMV (¥)' },
  orders: { zh: '成交订单数', en: 'Orders' },
  buyers: { zh: '成交人数', en: 'Buyers' },
  sessions: { zh: '直播场次', en: 'Sessions' },
  live_seconds: { zh: '直播时长（小时）', en: 'Live hours' },
  viewers: { zh: '观看人数', en: 'Viewers' },
  peak_viewers: { zh: '在线峰值', en: 'Peak concurrent viewers' },
  aov_fen: { zh: '客单价（元）', en: 'Average order value (¥)' },
  uv_value_fen: { zh: 'UV 价值（元）', en: 'UV value (¥)' },
  gpm_fen: { zh: 'GPM（元）', en: 'GPM (¥)' },
  interaction_rate: { zh: '互动率', en: 'Interaction rate' },
  follow_rate: { zh: '转粉率', en: 'Follow rate' },
  gift_fen: { zh: '礼物收入（元）', en: 'Gift income (¥)' },
};

/** A KPI in the unit a spreadsheet reader expects: yuan, hours, counts and fractions; null stays empty. */
function cellValue(key: KpiKey, v: number | null): number | null {
  if (v === null) return null;
  if (key.endsWith('_fen')) return Math.round(v) / 100;
  if (key === 'live_seconds') return Math.round((v / 3600) * 100) / 100;
  return v;
}

const H = {
  kpis: { zh: '指标', en: 'KPIs' },
  trend: { zh: '趋势', en: 'Trend' },
  teams: { zh: '团队排行', en: 'Teams' },
  rooms: { zh: '直播间排行', en: 'Rooms' },
  hosts: { zh: '主播排行', en: 'Hosts' },
  sessions: { zh: '场次排行', en: 'Sessions' },
  metric: { zh: '指标', en: 'Metric' },
  value: { zh: '本期', en: 'This period' },
  previous: { zh: '上期', en: 'Previous period' },
  change: { zh: '变化', en: 'Change' },
  basis: { zh: '口径', en: 'Basis' },
  bucket: { zh: '日期/小时', en: 'Day / hour' },
  name: { zh: '名称', en: 'Name' },
  session: { zh: '场次', en: 'Session' },
  room: { zh: '直播间', en: 'Room' },
  day: { zh: '日期', en: 'Day' },
  noData: { zh: '暂无数据', en: 'no data' },
};

export async function exportDashboard(db: Executor, actor: Actor, q: DashboardQuery, locale: Locale): Promise<{ buffer: Buffer; filename: string }> {
  const view = await getDashboard(db, actor, q);
  const L = (x: { zh: string; en: string }) => (locale === 'zh-CN' ? x.zh : x.en);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Showrunner';
  const kpis = wb.addWorksheet(L(H.kpis));
  kpis.addRow([L(H.metric), L(H.value), L(H.previous), L(H.change), L(H.basis)]);
  for (const k of view.kpis) kpis.addRow([L(KPI_LABELS[k.key]), cellValue(k.key, k.value) ?? L(H.noData), cellValue(k.key, k.previous) ?? L(H.noData), k.change, k.basis]);
  kpis.addRow([]);
  kpis.addRow([`${view.from} – ${view.to}`, `${view.previousFrom} – ${view.previousTo}`]);

  const trend = wb.addWorksheet(L(H.trend));
  trend.addRow([L(H.bucket), L(KPI_LABELS.sessions), L(KPI_LABELS.gmv_fen), L(KPI_LABELS.orders), view.granularity === 'hour' ? L(KPI_LABELS.peak_viewers) : L(KPI_LABELS.viewers), L(KPI_LABELS.gpm_fen)]);
  for (const p of view.trend) trend.addRow([p.bucket, p.sessions, cellValue('gmv_fen', p.gmv_fen), p.orders, p.viewers, cellValue('gpm_fen', p.gpm_fen)]);

  const ranking = (title: { zh: string; en: string }, rows: RankRow[]) => {
    const ws = wb.addWorksheet(L(title));
    ws.addRow([L(H.name), L(KPI_LABELS.sessions), L(KPI_LABELS.gmv_fen), L(KPI_LABELS.orders), L(KPI_LABELS.viewers), L(KPI_LABELS.gpm_fen), L(H.basis)]);
    for (const r of rows) ws.addRow([r.name, r.sessions, cellValue('gmv_fen', r.gmv_fen), r.orders, r.viewers, cellValue('gpm_fen', r.gpm_fen), r.gpm_basis]);
  };
  if (view.scope === 'company') ranking(H.teams, view.rankings.teams);
  ranking(H.rooms, view.rankings.rooms);
  ranking(H.hosts, view.rankings.hosts);
  const sessions = wb.addWorksheet(L(H.sessions));
  sessions.addRow([L(H.session), L(H.room), L(H.day), L(KPI_LABELS.gmv_fen), L(KPI_LABELS.viewers), L(KPI_LABELS.gpm_fen), L(H.basis)]);
  for (const s of view.rankings.sessionsByGmv) sessions.addRow([s.title, s.roomName, s.day, cellValue('gmv_fen', s.gmv_fen), s.viewers, cellValue('gpm_fen', s.gpm_fen), s.gpm_basis]);
  for (const ws of wb.worksheets) {
    ws.getRow(1).font = { bold: true };
    ws.columns.forEach((c) => (c.width = 18));
  }
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { buffer, filename: `dashboard-${view.scope}-${view.from}-${view.to}.xlsx` };
}
