import type { Evidence, SuggestionQuery, SuggestionView } from '../../../contracts/suggestions';
import type { TeamScope } from '../../platform/context';
import { json, type Executor } from '../../platform/db';
import { sessionsMetrics } from '../analytics/session-metrics';
import { sql } from 'kysely';
import { productRuns, slotTimes, type ProductRun } from '../analytics/review.rules';
import { medianSlotDrop, slotWindows, mergeThresholds, type HistorySession, type MinuteFacts, type SessionFacts, type Thresholds } from './suggestions.rules';

/** The session row the suggestions need, with its room. */
export interface SessionRow {
  id: string;
  room_id: string;
  team_id: string;
  time_zone: string;
  planned_start: string;
  goal_gmv_fen: number | null;
  title: string;
}

export async function findSession(db: Executor, sessionId: string): Promise<SessionRow | undefined> {
  return db
    .selectFrom('live_sessions as s')
    .innerJoin('rooms as r', 'r.id', 's.room_id')
    .select(['s.id', 's.room_id', 'r.team_id', 'r.time_zone', 's.planned_start', 's.goal_gmv_fen', 's.title'])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
}

/** The room's sessions that went on air before this one, newest first (the baselines' "previous N sessions"). */
export async function previousSessionIds(db: Executor, s: SessionRow, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('live_sessions')
    .select('id')
    .where('room_id', '=', s.room_id)
    .where('planned_start', '<', s.planned_start)
    .where('status', 'in', ['live', 'ended', 'reviewed'])
    .orderBy('planned_start', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export const THRESHOLDS_KEY = 'suggestions.thresholds';

/** The company's stored threshold overrides (setting 'suggestions.thresholds', JSON); {} when none. */
export async function loadOverrides(db: Executor): Promise<Record<string, number>> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', THRESHOLDS_KEY).executeTakeFirst();
  return json.parse<Record<string, number>>(row?.value, {});
}

/** The company's threshold overrides over the defaults. */
export async function loadThresholds(db: Executor): Promise<Thresholds> {
  return mergeThresholds(await loadOverrides(db));
}

export interface LoadedFacts {
  sessionStart: string;
  facts: SessionFacts;
}

/** Per session: its metrics (shared precedence), its minutes and its slots laid from the first event. */
export async function loadFacts(db: Executor, sessionIds: readonly string[]): Promise<Map<string, LoadedFacts>> {
  const out = new Map<string, LoadedFacts>();
  const ids = [...new Set(sessionIds)];
  if (!ids.length) return out;
  const [sessions, minutes, slots, stats, metrics, runs] = await Promise.all([
    db
      .selectFrom('live_sessions as s')
      .innerJoin('rooms as r', 'r.id', 's.room_id')
      .select(['s.id', 's.planned_start', 's.goal_gmv_fen', 'r.time_zone'])
      .where('s.id', 'in', ids)
      .execute(),
    db
      .selectFrom('live_minutes')
      .select(['session_id', 'minute', 'comments', 'gmv_fen', 'viewers_sum', 'viewers_samples'])
      .where('session_id', 'in', ids)
      .orderBy('minute')
      .execute(),
    db
      .selectFrom('session_slots as sl')
      .leftJoin('products as p', 'p.id', 'sl.product_id')
      .select(['sl.session_id', 'sl.position', 'sl.product_id', 'sl.planned_minutes', 'p.name', 'p.sku'])
      .where('sl.session_id', 'in', ids)
      .orderBy('sl.position')
      .execute(),
    db.selectFrom('live_session_stats').select(['session_id', 'first_event_at', 'last_event_at']).where('session_id', 'in', ids).execute(),
    sessionsMetrics(db, ids),
    productRunsOf(db, ids),
  ]);
  const minutesBy = new Map<string, MinuteFacts[]>();
  for (const m of minutes) {
    const list = minutesBy.get(m.session_id) ?? [];
    list.push({ minute: m.minute, comments: Number(m.comments), gmvFen: Number(m.gmv_fen), viewersSum: Number(m.viewers_sum), viewersSamples: Number(m.viewers_samples) });
    minutesBy.set(m.session_id, list);
  }
  const statsBy = new Map(stats.map((s) => [s.session_id, s]));
  for (const s of sessions) {
    const ms = (minutesBy.get(s.id) ?? []).sort((a, b) => a.minute.localeCompare(b.minute));
    const st = statsBy.get(s.id);
    const planned = slots
      .filter((x) => x.session_id === s.id)
      .map((x) => ({ position: Number(x.position), productId: x.product_id, productSku: x.sku ?? '', productName: x.name ?? null, plannedMinutes: Number(x.planned_minutes) }));
    const firstAt = st?.first_event_at ?? ms[0]?.minute ?? null;
    const lastAt = st?.last_event_at ?? ms[ms.length - 1]?.minute ?? null;
    // The same slot timing as the session review's slot table, so both show the same actual minutes.
    const { times } = slotTimes(planned, runs.get(s.id) ?? [], firstAt, lastAt);
    const m = metrics.get(s.id);
    const facts: SessionFacts = {
      timeZone: s.time_zone,
      goalGmvFen: s.goal_gmv_fen === null ? null : Number(s.goal_gmv_fen),
      metrics: Object.fromEntries((m?.metrics ?? []).map((x) => [x.metric, { value: x.value, basis: x.basis }])),
      minutes: ms,
      slots: slotWindows(planned.map(({ productSku: _sku, ...rest }) => rest), times, lastAt),
    };
    out.set(s.id, { sessionStart: s.planned_start, facts });
  }
  return out;
}

/**
 * Per session, the product each minute was about (the most named product_ref among its orders and host lines) as
 * runs in time order: the session review's rule (analytics review.service), batched over the sessions the
 * suggestions compare.
 */
async function productRunsOf(db: Executor, sessionIds: readonly string[]): Promise<Map<string, ProductRun[]>> {
  const minute = sql<string>`substr(at, 1, 16)`;
  const rows = await db
    .selectFrom('live_events')
    .select((eb) => ['session_id', minute.as('m'), 'product_ref', eb.fn.countAll<number>().as('n'), eb.fn.min<string>('at').as('first')])
    .where('session_id', 'in', [...sessionIds])
    .where('kind', 'in', ['order', 'transcript'])
    .where('product_ref', 'is not', null)
    .groupBy(['session_id', minute, 'product_ref'])
    .execute();
  const best = new Map<string, Map<string, { ref: string; n: number; first: string }>>();
  for (const r of rows) {
    let perMinute = best.get(r.session_id);
    if (!perMinute) best.set(r.session_id, (perMinute = new Map()));
    const prior = perMinute.get(r.m);
    const n = Number(r.n);
    if (!prior || n > prior.n || (n === prior.n && r.first < prior.first)) perMinute.set(r.m, { ref: r.product_ref!, n, first: r.first });
  }
  const out = new Map<string, ProductRun[]>();
  for (const [id, perMinute] of best) {
    const ordered = [...perMinute.values()].sort((a, b) => (a.first < b.first ? -1 : 1));
    out.set(id, productRuns(ordered.map((x) => ({ at: x.first, ref: x.ref }))));
  }
  return out;
}

export function toHistory(loaded: LoadedFacts): HistorySession {
  const f = loaded.facts;
  return {
    sessionStart: loaded.sessionStart,
    clickToPay: f.metrics.click_to_pay_rate ?? { value: null, basis: null },
    gpm: f.metrics.gpm_fen ?? { value: null, basis: null },
    medianSlotDrop: medianSlotDrop(f.minutes, f.slots),
  };
}

function viewQuery(db: Executor) {
  return db
    .selectFrom('suggestions as g')
    .innerJoin('live_sessions as s', 's.id', 'g.session_id')
    .innerJoin('rooms as r', 'r.id', 'g.room_id')
    .leftJoin('tasks as t', 't.id', 'g.task_id')
    .leftJoin('people as p', 'p.id', 't.owner_person_id')
    .select([
      'g.id',
      'g.session_id',
      's.title as session_title',
      's.planned_start',
      'g.team_id',
      'g.room_id',
      'r.display_name as room_name',
      'g.rule',
      'g.key',
      'g.severity',
      'g.title_zh',
      'g.title_en',
      'g.advice_zh',
      'g.advice_en',
      'g.evidence',
      'g.status',
      'g.decided_at',
      'g.decided_by_label',
      'g.dismiss_reason',
      'g.note',
      'g.task_id',
      't.owner_person_id',
      'p.display_name as owner_name',
      't.due_date',
      't.status as task_status',
      'g.created_at',
      'g.updated_at',
    ]);
}
type ViewRow = Awaited<ReturnType<ReturnType<typeof viewQuery>['execute']>>[number];

const SEVERITY_RANK: Record<string, number> = { critical: 0, warn: 1, info: 2 };

function toView(r: ViewRow): SuggestionView {
  return {
    id: r.id,
    sessionId: r.session_id,
    sessionTitle: r.session_title,
    sessionStart: r.planned_start,
    teamId: r.team_id,
    roomId: r.room_id,
    roomName: r.room_name,
    rule: r.rule as SuggestionView['rule'],
    key: r.key,
    severity: r.severity as SuggestionView['severity'],
    titleZh: r.title_zh,
    titleEn: r.title_en,
    adviceZh: r.advice_zh,
    adviceEn: r.advice_en,
    evidence: json.parse<Evidence>(r.evidence, {} as Evidence),
    status: r.status as SuggestionView['status'],
    decidedAt: r.decided_at,
    decidedBy: r.decided_by_label,
    dismissReason: r.dismiss_reason,
    note: r.note,
    taskId: r.task_id,
    taskOwnerPersonId: r.owner_person_id ?? null,
    taskOwnerName: r.owner_name ?? null,
    taskDueDate: r.due_date ?? null,
    taskStatus: r.task_status ?? null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Newest session first; within a session the most severe first. */
function sortViews(xs: SuggestionView[]): SuggestionView[] {
  return xs.sort((a, b) => b.sessionStart.localeCompare(a.sessionStart) || (SEVERITY_RANK[a.severity] ?? 9) - (SEVERITY_RANK[b.severity] ?? 9) || a.rule.localeCompare(b.rule) || a.key.localeCompare(b.key));
}

export async function sessionSuggestions(db: Executor, sessionId: string): Promise<SuggestionView[]> {
  return sortViews((await viewQuery(db).where('g.session_id', '=', sessionId).execute()).map(toView));
}

export async function findSuggestion(db: Executor, id: string): Promise<SuggestionView | undefined> {
  const r = await viewQuery(db).where('g.id', '=', id).executeTakeFirst();
  return r ? toView(r) : undefined;
}

export async function listSuggestions(db: Executor, scope: TeamScope, q: SuggestionQuery, limit = 500): Promise<SuggestionView[]> {
  let query = viewQuery(db).orderBy('s.planned_start', 'desc').limit(limit);
  if (scope !== 'all') query = scope.length ? query.where('g.team_id', 'in', [...scope]) : query.where('g.id', '=', '');
  if (q.status) query = query.where('g.status', '=', q.status);
  if (q.roomId) query = query.where('g.room_id', '=', q.roomId);
  return sortViews((await query.execute()).map(toView));
}

/** Suggestions accepted in the room's sessions before this one, newest first. */
export async function acceptedBefore(db: Executor, s: SessionRow, limit = 20): Promise<SuggestionView[]> {
  const rows = await viewQuery(db).where('g.room_id', '=', s.room_id).where('g.status', '=', 'accepted').where('s.planned_start', '<', s.planned_start).orderBy('s.planned_start', 'desc').limit(limit).execute();
  return rows.map(toView);
}

// ---------------------------------------------------------------------------------------------
// Runs: when a session's suggestions were computed, and from data up to when.

/** The newest data of a session: its last live event, or its newest imported or typed-in value; null without any. */
export async function dataAt(db: Executor, sessionId: string): Promise<string | null> {
  const [stats, values] = await Promise.all([
    db.selectFrom('live_session_stats').select('last_event_at').where('session_id', '=', sessionId).executeTakeFirst(),
    db.selectFrom('metric_values').select((eb) => eb.fn.max<string | null>('updated_at').as('at')).where('session_id', '=', sessionId).executeTakeFirst(),
  ]);
  return latest(stats?.last_event_at ?? null, values?.at ?? null);
}

const latest = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);

export async function recordRun(db: Executor, sessionId: string, computedAt: string, data: string | null): Promise<void> {
  await db
    .insertInto('suggestion_runs')
    .values({ session_id: sessionId, computed_at: computedAt, data_at: data })
    .onConflict((oc) => oc.column('session_id').doUpdateSet({ computed_at: computedAt, data_at: data }))
    .execute();
}

/**
 * Sessions that ended (planned end) between `since` and `until` whose suggestions were never computed, or computed
 * from older data than they have now; the most recent first, at most `limit`.
 */
export async function sessionsDue(db: Executor, since: string, until: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('live_sessions as s')
    .leftJoin('live_session_stats as st', 'st.session_id', 's.id')
    .leftJoin('suggestion_runs as r', 'r.session_id', 's.id')
    .select((eb) => [
      's.id',
      'st.last_event_at',
      'r.session_id as run',
      'r.data_at',
      eb.selectFrom('metric_values as mv').select((m) => m.fn.max<string | null>('mv.updated_at').as('at')).whereRef('mv.session_id', '=', 's.id').as('values_at'),
    ])
    .where('s.status', 'in', ['ended', 'reviewed'])
    .where('s.planned_end', '>=', since)
    .where('s.planned_end', '<=', until)
    .orderBy('s.planned_end', 'desc')
    .orderBy('s.id')
    .execute();
  const due: string[] = [];
  for (const r of rows) {
    const data = latest(r.last_event_at ?? null, r.values_at ?? null);
    if (r.run === null || (data !== null && (r.data_at === null || data > r.data_at))) due.push(r.id);
    if (due.length >= limit) break;
  }
  return due;
}
