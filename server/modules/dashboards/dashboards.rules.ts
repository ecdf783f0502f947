import type { DashboardPeriod, Kpi, KpiKey, WeeklySchedule } from '../../../contracts/dashboards';
import { gpm, ratio } from '../analytics/formulas';

/** Pure decisions of the dashboards area: calendar periods, the KPI roll-up and when the weekly report is due. */

const DAY_MS = 86_400_000;

/** YYYY-MM-DD + n days (calendar arithmetic, no time zone involved). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** ISO weekday of a calendar day: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

export const mondayOf = (day: string) => addDays(day, 1 - isoWeekday(day));

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock date (YYYY-MM-DD) and time (HH:MM) of an instant in a time zone. */
export function localClock(at: Date | string, timeZone: string): { day: string; time: string } {
  const parts = formatter(timeZone).formatToParts(typeof at === 'string' ? new Date(at) : at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  return { day: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

export interface PeriodRange {
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
}

/**
 * The period a dashboard shows and the one it is compared with. day: that day vs the day before; week: Monday–Sunday
 * around the anchor vs the week before; month: the calendar month vs the month before; custom: from–to vs the same
 * number of days just before. null when custom is inverted or longer than 400 days.
 */
export function periodRange(period: DashboardPeriod, anchor: string, customTo?: string): PeriodRange | null {
  let from: string;
  let to: string;
  switch (period) {
    case 'day':
      return { from: anchor, to: anchor, previousFrom: addDays(anchor, -1), previousTo: addDays(anchor, -1) };
    case 'week':
      from = mondayOf(anchor);
      to = addDays(from, 6);
      return { from, to, previousFrom: addDays(from, -7), previousTo: addDays(from, -1) };
    case 'month': {
      from = `${anchor.slice(0, 7)}-01`;
      const next = new Date(Date.parse(`${from}T00:00:00Z`));
      next.setUTCMonth(next.getUTCMonth() + 1);
      to = addDays(next.toISOString().slice(0, 10), -1);
      const prev = new Date(Date.parse(`${from}T00:00:00Z`));
      prev.setUTCMonth(prev.getUTCMonth() - 1);
      return { from, to, previousFrom: prev.toISOString().slice(0, 10), previousTo: addDays(from, -1) };
    }
    case 'custom': {
      from = anchor;
      to = customTo ?? anchor;
      const len = daysBetween(from, to) + 1;
      if (len < 1 || len > 400) return null;
      return { from, to, previousFrom: addDays(from, -len), previousTo: addDays(from, -1) };
    }
  }
}

/** Every day from a to b inclusive. */
export function eachDay(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/**
 * Sums over a set of session summaries. s_<m>: Σ of the sessions that have m (null when none has it); pairs p_<a>_<b>:
 * Σ a over the sessions that have both a and b, so a ratio never divides a sum by another sum over different sessions.
 */
export interface Totals {
  sessions: number;
  gmv_fen: number | null;
  orders: number | null;
  buyers: number | null;
  views: number | null;
  viewers: number | null;
  peak_viewers: number | null;
  comments: number | null;
  commenters: number | null;
  follows: number | null;
  gift_fen: number | null;
  duration_seconds: number | null;
  pairs: Record<PairKey, number | null>;
}

export const SUMMED = ['gmv_fen', 'orders', 'buyers', 'views', 'viewers', 'comments', 'commenters', 'follows', 'gift_fen', 'duration_seconds'] as const;
export const PAIRS = [
  ['gmv_fen', 'buyers'],
  ['gmv_fen', 'viewers'],
  ['gmv_fen', 'views'],
  ['comments', 'views'],
  ['commenters', 'viewers'],
  ['follows', 'viewers'],
] as const;
export type PairKey = `${(typeof PAIRS)[number][0]}|${(typeof PAIRS)[number][1]}` | `${(typeof PAIRS)[number][1]}|${(typeof PAIRS)[number][0]}`;
export const PAIR_KEYS: PairKey[] = PAIRS.flatMap(([a, b]) => [`${a}|${b}` as PairKey, `${b}|${a}` as PairKey]);

const addN = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : a + b);
const maxN = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));

export function emptyTotals(): Totals {
  return {
    sessions: 0,
    gmv_fen: null,
    orders: null,
    buyers: null,
    views: null,
    viewers: null,
    peak_viewers: null,
    comments: null,
    commenters: null,
    follows: null,
    gift_fen: null,
    duration_seconds: null,
    pairs: Object.fromEntries(PAIR_KEYS.map((k) => [k, null])) as Totals['pairs'],
  };
}

/** Adds b into a (mutates and returns a). */
export function mergeTotals(a: Totals, b: Totals): Totals {
  a.sessions += b.sessions;
  for (const m of SUMMED) a[m] = addN(a[m], b[m]);
  a.peak_viewers = maxN(a.peak_viewers, b.peak_viewers);
  for (const k of PAIR_KEYS) a.pairs[k] = addN(a.pairs[k], b.pairs[k]);
  return a;
}

const pair = (t: Totals, a: string, b: string) => ratio(t.pairs[`${a}|${b}` as PairKey], t.pairs[`${b}|${a}` as PairKey]);

/** GPM of a roll-up: per thousand views when any session has views (PV), else per thousand viewers. */
export function totalsGpm(t: Totals): { value: number | null; basis: 'pv' | 'uv' } {
  if (t.views !== null) {
    const r = pair(t, 'gmv_fen', 'views');
    return { value: r === null ? null : r * 1000, basis: 'pv' };
  }
  const r = pair(t, 'gmv_fen', 'viewers');
  return { value: r === null ? null : r * 1000, basis: 'uv' };
}

/** The KPI values of a roll-up, with their bases; sessions is the count of sessions with data (0 is a real zero). */
export function kpiValues(t: Totals): Record<KpiKey, { value: number | null; basis: string | null }> {
  const one = (value: number | null) => ({ value, basis: null });
  const g = totalsGpm(t);
  return {
    gmv_fen: one(t.gmv_fen),
    orders: one(t.orders),
    buyers: one(t.buyers),
    sessions: one(t.sessions),
    live_seconds: one(t.duration_seconds),
    viewers: one(t.viewers),
    peak_viewers: one(t.peak_viewers),
    aov_fen: one(pair(t, 'gmv_fen', 'buyers')),
    uv_value_fen: one(pair(t, 'gmv_fen', 'viewers')),
    gpm_fen: g,
    interaction_rate: t.views !== null ? { value: pair(t, 'comments', 'views'), basis: 'comments/views' } : { value: pair(t, 'commenters', 'viewers'), basis: 'commenters/viewers' },
    follow_rate: one(pair(t, 'follows', 'viewers')),
    gift_fen: one(t.gift_fen),
  };
}

export const KPI_UNITS: Record<KpiKey, Kpi['unit']> = {
  gmv_fen: 'fen',
  orders: 'count',
  buyers: 'count',
  sessions: 'count',
  live_seconds: 'seconds',
  viewers: 'count',
  peak_viewers: 'count',
  aov_fen: 'fen',
  uv_value_fen: 'fen',
  gpm_fen: 'fen',
  interaction_rate: 'ratio',
  follow_rate: 'ratio',
  gift_fen: 'fen',
};

/** (value − previous) / previous; null when either is missing or previous is 0. */
export function change(value: number | null, previous: number | null): number | null {
  if (value === null || previous === null || previous === 0) return null;
  return (value - previous) / previous;
}

export function compareKpis(current: Totals, previous: Totals): Kpi[] {
  const now = kpiValues(current);
  const before = kpiValues(previous);
  return (Object.keys(KPI_UNITS) as KpiKey[]).map((key) => ({
    key,
    unit: KPI_UNITS[key],
    value: now[key].value,
    previous: before[key].value,
    change: change(now[key].value, before[key].value),
    basis: now[key].basis,
  }));
}

/** A single session's GPM with its basis (views when the session has them). */
export function sessionGpm(gmvFen: number | null, views: number | null, viewers: number | null): { value: number | null; basis: 'pv' | 'uv' } {
  return views !== null ? { value: gpm(gmvFen, views), basis: 'pv' } : { value: gpm(gmvFen, viewers), basis: 'uv' };
}

/**
 * Which week's report is due at `now`: the Monday (YYYY-MM-DD, schedule time zone) of the latest Monday–Sunday whose
 * due moment (weekday and time of the following week) has passed, or null when that report already exists or the
 * schedule is off. Weeks missed while the server was stopped are not caught up: only the latest one is generated.
 */
export function dueWeek(schedule: WeeklySchedule, now: Date, existingWeekStarts: ReadonlySet<string>): string | null {
  if (!schedule.enabled) return null;
  const week = latestDueWeek(schedule, now);
  return existingWeekStarts.has(week) ? null : week;
}

/** The Monday of the latest week whose report time has passed at `now` (regardless of what exists). */
export function latestDueWeek(schedule: Pick<WeeklySchedule, 'weekday' | 'time' | 'timeZone'>, now: Date): string {
  const local = localClock(now, schedule.timeZone);
  const thisMonday = mondayOf(local.day);
  const dueDay = addDays(thisMonday, schedule.weekday - 1);
  const passed = `${local.day}T${local.time}` >= `${dueDay}T${schedule.time}`;
  return addDays(thisMonday, passed ? -7 : -14);
}

/** The last complete Monday–Sunday before the day (for "generate now"). */
export const lastCompleteWeek = (today: string) => addDays(mondayOf(today), -7);

/** The UTC instant (ISO) of local midnight starting a calendar day in a time zone (DST-safe to within the day's offset). */
export function zonedDayStart(day: string, timeZone: string): string {
  const target = Date.parse(`${day}T00:00:00Z`);
  let guess = target;
  for (let i = 0; i < 3; i++) {
    const l = localClock(new Date(guess), timeZone);
    const shown = Date.parse(`${l.day}T${l.time}:00Z`);
    guess += target - shown;
  }
  return new Date(guess).toISOString();
}

/**
 * A period still running (today inside it) is compared with the same number of elapsed days of the previous period,
 * so Monday–Friday of this week meets Monday–Friday of the last, not the whole of it.
 */
export function toDateComparison(range: PeriodRange, today: string): PeriodRange {
  if (!(range.from <= today && today < range.to)) return range;
  const cut = addDays(range.previousFrom, daysBetween(range.from, today));
  return cut < range.previousTo ? { ...range, previousTo: cut } : range;
}
