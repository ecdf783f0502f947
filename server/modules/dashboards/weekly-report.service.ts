import type { Locale } from '../../../contracts/common';
import { WeeklySchedule, type WeeklyReportBody, type WeeklyReportSummary, type WeeklyReportView } from '../../../contracts/dashboards';
import type { Actor, Deps } from '../../platform/context';
import { systemActor } from '../../platform/context';
import { json, withTransaction, type Executor } from '../../platform/db';
import { DomainError } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { recordAudit } from '../audit/audit.repository';
import { nudgeOutbox } from '../channels/channels.delivery';
import * as repo from './dashboards.repository';
import { addDays, dueWeek, emptyTotals, kpiValues, lastCompleteWeek, localClock, mergeTotals, mondayOf, zonedDayStart } from './dashboards.rules';
import { getDashboard, readSchedule, SCHEDULE_KEY } from './dashboards.service';
import { startClock, type Clock, type ClockOptions } from '../../platform/clock';

/** Counts of the week's alerts, incidents and compliance block findings, over the week's UTC span. */
async function weekCounts(db: Executor, fromIso: string, toIso: string) {
  const count = async (q: Promise<{ n: number | string } | undefined>) => Number((await q)?.n ?? 0);
  return {
    alerts: await count(db.selectFrom('alerts').select((eb) => eb.fn.countAll<number>().as('n')).where('first_at', '>=', fromIso).where('first_at', '<', toIso).executeTakeFirst()),
    incidents: await count(db.selectFrom('incidents').select((eb) => eb.fn.countAll<number>().as('n')).where('opened_at', '>=', fromIso).where('opened_at', '<', toIso).executeTakeFirst()),
    complianceBlocks: await count(
      db.selectFrom('compliance_findings').select((eb) => eb.fn.countAll<number>().as('n')).where('severity', '=', 'block').where('at', '>=', fromIso).where('at', '<', toIso).executeTakeFirst(),
    ),
  };
}

/**
 * Suggestions accepted during the week and those still open at its end; null when the table has no rows at all (the
 * suggestions area is built alongside: read defensively, outside any transaction, as a failed statement would abort
 * a PostgreSQL one).
 */
async function suggestionCounts(db: Executor, fromIso: string, toIso: string): Promise<WeeklyReportBody['suggestions']> {
  try {
    if (!(await db.selectFrom('suggestions').select('id').limit(1).executeTakeFirst())) return null;
    const accepted = await db
      .selectFrom('suggestions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'accepted')
      .where('decided_at', '>=', fromIso)
      .where('decided_at', '<', toIso)
      .executeTakeFirst();
    const open = await db.selectFrom('suggestions').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'open').where('created_at', '<', toIso).executeTakeFirst();
    return { accepted: Number(accepted?.n ?? 0), open: Number(open?.n ?? 0) };
  } catch {
    return null;
  }
}

/** Builds the report of the Monday–Sunday starting weekStart (company scope: every team). */
export async function buildReportBody(db: Executor, weekStart: string, timeZone: string): Promise<WeeklyReportBody> {
  const view = await getDashboard(db, systemActor, { scope: 'company', period: 'week', from: weekStart });
  const f: repo.SummaryFilter = { scope: 'all', from: view.from, to: view.to };
  const worst = await repo.topSessions(db, f, 'gmv_fen', 'asc', 3);
  const previousCells = await repo.roomTotals(db, { scope: 'all', from: view.previousFrom, to: view.previousTo });
  const previousByTeam = new Map<string, ReturnType<typeof emptyTotals>>();
  for (const c of previousCells) previousByTeam.set(c.teamId, mergeTotals(previousByTeam.get(c.teamId) ?? emptyTotals(), c.totals));
  const fromIso = zonedDayStart(view.from, timeZone);
  const toIso = zonedDayStart(addDays(view.to, 1), timeZone);
  return {
    weekStart: view.from,
    weekEnd: view.to,
    kpis: view.kpis,
    best: view.rankings.sessionsByGmv.slice(0, 3),
    worst,
    teams: view.rankings.teams.map((t) => ({ ...t, previousGmvFen: previousByTeam.has(t.id) ? kpiValues(previousByTeam.get(t.id)!).gmv_fen.value : null })),
    counts: await weekCounts(db, fromIso, toIso),
    suggestions: await suggestionCounts(db, fromIso, toIso),
  };
}

const yuan = (fen: number | null) => (fen === null ? null : (fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 }));

function outboxText(body: WeeklyReportBody) {
  const gmv = body.kpis.find((k) => k.key === 'gmv_fen');
  const sessions = body.kpis.find((k) => k.key === 'sessions')?.value ?? 0;
  const pct = gmv?.change === null || gmv?.change === undefined ? null : `${gmv.change >= 0 ? '+' : ''}${(gmv.change * 100).toFixed(1)}%`;
  const c = body.counts;
  return {
    title_zh: `直播周报 ${body.weekStart} ~ ${body.weekEnd}`,
    title_en: `Weekly live report ${body.weekStart} – ${body.weekEnd}`,
    body_zh: `成交金额 ${yuan(gmv?.value ?? null) === null ? '暂无数据' : `¥${yuan(gmv!.value)}`}${pct ? `（环比 ${pct}）` : ''}，${sessions} 场直播；告警 ${c.alerts} 条，事件 ${c.incidents} 个，合规拦截 ${c.complianceBlocks} 次。`,
    body_en: `GMV ${yuan(gmv?.value ?? null) === null ? 'no data' : `¥${yuan(gmv!.value)}`}${pct ? ` (${pct} on the week before)` : ''}, ${sessions} sessions; ${c.alerts} alerts, ${c.incidents} incidents, ${c.complianceBlocks} compliance blocks.`,
  };
}

function toSummary(r: { id: string; week_start: string; week_end: string; trigger: string; created_at: string; body: string }): WeeklyReportSummary {
  const body = json.parse<WeeklyReportBody | null>(r.body, null);
  return {
    id: r.id,
    weekStart: r.week_start,
    weekEnd: r.week_end,
    trigger: r.trigger === 'manual' ? 'manual' : 'schedule',
    createdAt: r.created_at,
    gmvFen: body?.kpis.find((k) => k.key === 'gmv_fen')?.value ?? null,
  };
}

/**
 * Generates (or, on demand, regenerates) the report of the week starting weekStart. The first report of a week also
 * goes to the notification channels: an outbox row in the same transaction, the worker nudged after commit.
 * One row per week (unique week_start), so a second scheduler tick or a restart cannot make a duplicate.
 */
export async function generateReport(deps: Pick<Deps, 'db'>, actor: Actor, weekStart: string, trigger: 'schedule' | 'manual'): Promise<{ report: WeeklyReportView; created: boolean }> {
  const schedule = await readSchedule(deps.db);
  const monday = mondayOf(weekStart);
  const body = await buildReportBody(deps.db, monday, schedule.timeZone);
  const channels = await deps.db.selectFrom('channels').select('id').where('enabled', '=', 1).limit(1).executeTakeFirst();
  const created = await withTransaction(deps.db, async (trx) => {
    const existing = await trx.selectFrom('weekly_reports').select(['id']).where('week_start', '=', monday).executeTakeFirst();
    if (existing) {
      if (trigger === 'schedule') return null;
      await trx.updateTable('weekly_reports').set({ body: json.stringify(body), trigger, generated_by: actor.userId, created_at: nowIso(), time_zone: schedule.timeZone }).where('id', '=', existing.id).execute();
      await recordAudit(trx, actor, { action: 'update', entityType: 'weekly-report', entityId: existing.id, summary: { zh: `重新生成周报 ${monday}`, en: `Regenerated the weekly report of ${monday}` } });
      return { id: existing.id, first: false };
    }
    const id = newId();
    await trx
      .insertInto('weekly_reports')
      .values({ id, week_start: monday, week_end: body.weekEnd, time_zone: schedule.timeZone, trigger, generated_by: actor.userId, body: json.stringify(body), created_at: nowIso() })
      .execute();
    if (channels) {
      await trx
        .insertInto('outbox')
        .values({ kind: 'report', team_id: null, room_id: null, severity: 'info', ...outboxText(body), link: `/reports/weekly?id=${id}`, ref_id: id, created_at: nowIso() })
        .execute();
    }
    await recordAudit(trx, actor, { action: 'create', entityType: 'weekly-report', entityId: id, summary: { zh: `生成周报 ${monday}`, en: `Generated the weekly report of ${monday}` } });
    return { id, first: true };
  });
  if (created?.first && channels) nudgeOutbox(deps);
  const id = created?.id ?? (await deps.db.selectFrom('weekly_reports').select('id').where('week_start', '=', monday).executeTakeFirstOrThrow()).id;
  return { report: await getReport(deps.db, id), created: created?.first ?? false };
}

/** "Generate now": the week of weekOf, or the last complete Monday–Sunday in the company time zone. */
export async function generateNow(deps: Pick<Deps, 'db'>, actor: Actor, weekOf?: string) {
  const schedule = await readSchedule(deps.db);
  const week = weekOf ? mondayOf(weekOf) : lastCompleteWeek(localClock(new Date(), schedule.timeZone).day);
  return generateReport(deps, actor, week, 'manual');
}

export async function listReports(db: Executor): Promise<WeeklyReportSummary[]> {
  const rows = await db.selectFrom('weekly_reports').select(['id', 'week_start', 'week_end', 'trigger', 'created_at', 'body']).orderBy('week_start', 'desc').limit(104).execute();
  return rows.map(toSummary);
}

export async function getReport(db: Executor, id: string): Promise<WeeklyReportView> {
  const r = await db.selectFrom('weekly_reports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new DomainError('dashboards/report-not-found');
  return { ...toSummary(r), timeZone: r.time_zone, body: json.parse<WeeklyReportBody>(r.body, null as never) };
}

export async function saveSchedule(db: Executor, actor: Actor, input: WeeklySchedule): Promise<WeeklySchedule> {
  const value = WeeklySchedule.parse(input);
  const before = await readSchedule(db);
  await withTransaction(db, async (trx) => {
    await trx.deleteFrom('settings').where('key', '=', SCHEDULE_KEY).execute();
    await trx.insertInto('settings').values({ key: SCHEDULE_KEY, value: json.stringify(value), updated_at: nowIso() }).execute();
    await recordAudit(trx, actor, { action: 'update', entityType: 'weekly-report-schedule', entityId: SCHEDULE_KEY, summary: { zh: '修改周报计划', en: 'Changed the weekly report schedule' }, before, after: value });
  });
  return value;
}

/** One scheduler tick: generates the due week's report if it does not exist yet. Returns the week generated, if any. */
export async function runScheduledReport(deps: Pick<Deps, 'db'>, now = new Date()): Promise<string | null> {
  const schedule = await readSchedule(deps.db);
  if (!schedule.enabled) return null;
  const existing = new Set((await deps.db.selectFrom('weekly_reports').select('week_start').orderBy('week_start', 'desc').limit(5).execute()).map((r) => r.week_start));
  const week = dueWeek(schedule, now, existing);
  if (!week) return null;
  const { created } = await generateReport(deps, systemActor, week, 'schedule');
  return created ? week : null;
}

/**
 * Keeps the last two months' session summaries current between requests, so a dashboard rarely waits for a refresh
 * (a no-op when nothing changed: see ensureFresh's fingerprint).
 */
export async function warmRecentSummaries(deps: Pick<Deps, 'db'>, now = new Date()): Promise<number> {
  const schedule = await readSchedule(deps.db);
  const today = localClock(now, schedule.timeZone).day;
  return repo.ensureFresh(deps.db, addDays(today, -62), today);
}

/** Starts the weekly-report clock on an unref'd timer (it never keeps the process alive); checks once a minute, and warms the recent summaries. */
export function startWeeklyReportScheduler(deps: Pick<Deps, 'db'>, options: ClockOptions = {}): Clock {
  return startClock(() => runScheduledReport(deps).then(() => warmRecentSummaries(deps)), options);
}

export type { Locale };
