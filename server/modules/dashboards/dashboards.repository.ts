import { sql, type AliasedRawBuilder } from 'kysely';
import type { Executor } from '../../platform/db';
import { isUniqueViolation, withTransaction } from '../../platform/db';
import type { TeamScope } from '../../platform/context';
import { sessionsMetrics } from '../analytics/session-metrics';
import { emptyTotals, localClock, PAIRS, sessionGpm, SUMMED, type PairKey, type Totals } from './dashboards.rules';

/**
 * session_summaries is a cache of each session's base metrics (shared precedence: manual > import > events), so the
 * dashboards never aggregate live_minutes at request time. It is refreshed lazily: before a dashboard answers, the
 * sessions of the asked period whose session row, events (live_session_stats.events) or metric_values changed since
 * computed_at are recomputed in batches with analytics' sessionsMetrics.
 */

const BATCH = 400;

/** Which summaries a query covers: the visible teams plus at most one of team, room or host. */
export interface SummaryFilter {
  scope: TeamScope;
  teamId?: string;
  roomId?: string;
  hostId?: string;
  from: string;
  to: string;
}

/** Sessions planned in [fromDay − 2 days, toDay + 2 days] UTC (a room's local day is within 14 h of UTC) that need a refresh. */
export async function staleSessionIds(db: Executor, fromDay: string, toDay: string): Promise<string[]> {
  const lo = new Date(Date.parse(`${fromDay}T00:00:00Z`) - 2 * 86_400_000).toISOString();
  const hi = new Date(Date.parse(`${toDay}T00:00:00Z`) + 3 * 86_400_000).toISOString();
  const rows = await db
    .selectFrom('live_sessions as s')
    .leftJoin('session_summaries as ss', 'ss.session_id', 's.id')
    .leftJoin('live_session_stats as st', 'st.session_id', 's.id')
    .select('s.id')
    .where('s.planned_start', '>=', lo)
    .where('s.planned_start', '<', hi)
    .where((eb) =>
      eb.or([
        eb('ss.session_id', 'is', null),
        eb('ss.computed_at', '<', eb.ref('s.updated_at')),
        eb(eb.fn.coalesce('st.events', sql<number>`0`), '!=', eb.ref('ss.events_seen')),
        eb.exists(eb.selectFrom('metric_values as mv').select('mv.session_id').whereRef('mv.session_id', '=', 's.id').whereRef('mv.updated_at', '>=', 'ss.computed_at')),
        eb(
          eb.selectFrom('metric_values as mv').select((e) => e.fn.countAll<number>().as('n')).whereRef('mv.session_id', '=', 's.id'),
          '!=',
          eb.ref('ss.values_seen'),
        ),
      ]),
    )
    .execute();
  return rows.map((r) => r.id);
}

/** Recomputes the summaries (and host rows) of these sessions. */
export async function refreshSummaries(db: Executor, sessionIds: readonly string[]): Promise<number> {
  let done = 0;
  for (let i = 0; i < sessionIds.length; i += BATCH) {
    const ids = sessionIds.slice(i, i + BATCH);
    const computedAt = new Date().toISOString();
    const [sessions, stats, counts, crew] = await Promise.all([
      db
        .selectFrom('live_sessions as s')
        .innerJoin('rooms as r', 'r.id', 's.room_id')
        .select(['s.id', 's.room_id', 'r.team_id', 'r.time_zone', 's.planned_start'])
        .where('s.id', 'in', ids)
        .execute(),
      db.selectFrom('live_session_stats').select(['session_id', 'events']).where('session_id', 'in', ids).execute(),
      db.selectFrom('metric_values').select((eb) => ['session_id', eb.fn.countAll<number>().as('n')]).where('session_id', 'in', ids).groupBy('session_id').execute(),
      db.selectFrom('session_crew').select(['session_id', 'person_id']).where('session_id', 'in', ids).where('role', '=', 'host').execute(),
    ]);
    const metrics = await sessionsMetrics(db, ids);
    const events = new Map(stats.map((s) => [s.session_id, Number(s.events)]));
    const values = new Map(counts.map((c) => [c.session_id, Number(c.n)]));
    const rows = sessions.map((s) => {
      const b = metrics.get(s.id)?.base ?? {};
      const v = (k: keyof typeof b) => (b[k] === undefined || b[k] === null ? null : Number(b[k]));
      const summary = {
        gmv_fen: v('gmv_fen'),
        orders: v('orders'),
        buyers: v('buyers'),
        views: v('views'),
        viewers: v('viewers'),
        peak_viewers: v('peak_viewers'),
        comments: v('comments'),
        commenters: v('commenters'),
        follows: v('follows'),
        gift_fen: v('gift_fen'),
        duration_seconds: v('duration_seconds'),
      };
      const g = sessionGpm(summary.gmv_fen, summary.views, summary.viewers);
      return {
        session_id: s.id,
        room_id: s.room_id,
        team_id: s.team_id,
        day: localClock(s.planned_start, s.time_zone).day,
        planned_start: s.planned_start,
        has_data: Object.values(summary).some((x) => x !== null) ? 1 : 0,
        ...summary,
        gpm_fen: g.value,
        gpm_basis: g.value === null ? null : g.basis,
        events_seen: events.get(s.id) ?? 0,
        values_seen: values.get(s.id) ?? 0,
        computed_at: computedAt,
      };
    });
    const dayOf = new Map(rows.map((r) => [r.session_id, r.day]));
    const write = withTransaction(db, async (trx) => {
      await trx.deleteFrom('session_summaries').where('session_id', 'in', ids).execute();
      await trx.deleteFrom('session_hosts').where('session_id', 'in', ids).execute();
      if (rows.length) await trx.insertInto('session_summaries').values(rows).execute();
      const hosts = crew.filter((c) => dayOf.has(c.session_id)).map((c) => ({ session_id: c.session_id, person_id: c.person_id, day: dayOf.get(c.session_id)! }));
      const unique = [...new Map(hosts.map((h) => [`${h.session_id}|${h.person_id}`, h])).values()];
      if (unique.length) await trx.insertInto('session_hosts').values(unique).execute();
    });
    // Two refreshers at once (two server processes on one PostgreSQL; within a process ensureFresh takes turns) compute
    // the same rows from the same data: the loser meets the winner's keys (or a deadlock), and its rows are not needed.
    await write.catch((err: unknown) => {
      if (!isUniqueViolation(err) && (err as { code?: string } | null)?.code !== '40P01') throw err;
    });
    done += rows.length;
  }
  return done;
}

/**
 * A cheap fingerprint of everything a summary is computed from: sessions (count, last update), their crews, the
 * ingested events (Σ live_session_stats.events) and the imported values (count, last update). Unchanged since the
 * last check of a range, the per-session staleness scan is skipped (it is the largest part of a year's dashboard).
 */
async function sourceFingerprint(db: Executor): Promise<string> {
  const r = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('live_sessions').select((e) => e.fn.countAll<number>().as('n')).as('sessions'),
      eb.selectFrom('live_sessions').select((e) => e.fn.max('updated_at').as('m')).as('sessions_at'),
      eb.selectFrom('session_crew').select((e) => e.fn.countAll<number>().as('n')).as('crew'),
      eb.selectFrom('live_session_stats').select((e) => e.fn.sum<number>('events').as('n')).as('events'),
      eb.selectFrom('metric_values').select((e) => e.fn.countAll<number>().as('n')).as('values'),
      eb.selectFrom('metric_values').select((e) => e.fn.max('updated_at').as('m')).as('values_at'),
    ])
    .executeTakeFirst();
  return JSON.stringify(Object.values(r ?? {}).map((v) => (v === null || v === undefined ? null : String(v))));
}

const checked = new WeakMap<Executor, { fingerprint: string; ranges: Array<[string, string]> }>();

const turns = new WeakMap<Executor, Promise<unknown>>();

/**
 * Refreshes whatever changed in the days asked for; returns how many sessions were recomputed. Callers in one process
 * take turns (concurrent requests and the scheduler's warm-up would otherwise recompute the same rows together).
 */
export async function ensureFresh(db: Executor, fromDay: string, toDay: string): Promise<number> {
  const run = (turns.get(db) ?? Promise.resolve()).catch(() => undefined).then(() => ensureFreshNow(db, fromDay, toDay));
  turns.set(db, run);
  try {
    return await run;
  } finally {
    if (turns.get(db) === run) turns.delete(db);
  }
}

async function ensureFreshNow(db: Executor, fromDay: string, toDay: string): Promise<number> {
  const fingerprint = await sourceFingerprint(db);
  const known = checked.get(db);
  if (known?.fingerprint === fingerprint && known.ranges.some(([a, b]) => a <= fromDay && toDay <= b)) return 0;
  const stale = await staleSessionIds(db, fromDay, toDay);
  const done = stale.length ? await refreshSummaries(db, stale) : 0;
  // The refresh itself changes nothing the fingerprint covers, so it still describes the data just summarised.
  const ranges = known?.fingerprint === fingerprint ? known.ranges : [];
  checked.set(db, { fingerprint, ranges: [...ranges.slice(-20), [fromDay, toDay]] });
  return done;
}

// ---- aggregates ----

const col = (name: string) => sql.ref(`ss.${name}`);

type Column = AliasedRawBuilder<number | string | null, string>;

function totalsColumns(): Column[] {
  const cols: Column[] = [sql<number>`count(*)`.as('sessions')];
  for (const m of SUMMED) cols.push(sql<number | null>`sum(${col(m)})`.as(m));
  cols.push(sql<number | null>`max(${col('peak_viewers')})`.as('peak_viewers'));
  for (const [a, b] of PAIRS) {
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as Array<[string, string]>) {
      cols.push(sql<number | null>`sum(case when ${col(x)} is not null and ${col(y)} is not null then ${col(x)} end)`.as(`p_${x}__${y}`));
    }
  }
  return cols;
}

const n = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function toTotals(r: Record<string, unknown>): Totals {
  const t = emptyTotals();
  t.sessions = Number(r.sessions ?? 0);
  for (const m of SUMMED) t[m] = n(r[m]);
  t.peak_viewers = n(r.peak_viewers);
  for (const [a, b] of PAIRS) {
    t.pairs[`${a}|${b}` as PairKey] = n(r[`p_${a}__${b}`]);
    t.pairs[`${b}|${a}` as PairKey] = n(r[`p_${b}__${a}`]);
  }
  return t;
}

function filtered(db: Executor, f: SummaryFilter) {
  let q = db.selectFrom('session_summaries as ss').where('ss.has_data', '=', 1).where('ss.day', '>=', f.from).where('ss.day', '<=', f.to);
  if (f.scope !== 'all') q = f.scope.length ? q.where('ss.team_id', 'in', [...f.scope]) : q.where('ss.team_id', '=', '');
  if (f.teamId) q = q.where('ss.team_id', '=', f.teamId);
  if (f.roomId) q = q.where('ss.room_id', '=', f.roomId);
  if (f.hostId) {
    const hostId = f.hostId;
    q = q.where('ss.session_id', 'in', (eb) => eb.selectFrom('session_hosts as h').select('h.session_id').where('h.person_id', '=', hostId).where('h.day', '>=', f.from).where('h.day', '<=', f.to));
  }
  return q;
}

export async function periodTotals(db: Executor, f: SummaryFilter): Promise<Totals> {
  const row = await filtered(db, f).select(totalsColumns()).executeTakeFirst();
  return toTotals((row ?? {}) as Record<string, unknown>);
}

/** Roll-ups per day of the period (the trend). */
export async function dayTotals(db: Executor, f: SummaryFilter): Promise<Array<{ day: string; totals: Totals }>> {
  const rows = await filtered(db, f).select('ss.day').select(totalsColumns()).groupBy('ss.day').execute();
  return rows.map((r) => ({ day: (r as { day: string }).day, totals: toTotals(r as unknown as Record<string, unknown>) }));
}

/** Roll-ups per room of the period (rooms ranking; a room belongs to one team, so they also make the teams'). */
export async function roomTotals(db: Executor, f: SummaryFilter): Promise<Array<{ roomId: string; teamId: string; totals: Totals }>> {
  const rows = await filtered(db, f).select(['ss.room_id', 'ss.team_id']).select(totalsColumns()).groupBy(['ss.room_id', 'ss.team_id']).execute();
  return rows.map((r) => {
    const x = r as unknown as Record<string, unknown> & { room_id: string; team_id: string };
    return { roomId: x.room_id, teamId: x.team_id, totals: toTotals(x) };
  });
}

export async function hostTotals(db: Executor, f: SummaryFilter): Promise<Array<{ personId: string; totals: Totals }>> {
  const rows = await filtered(db, f)
    .innerJoin('session_hosts as sh', 'sh.session_id', 'ss.session_id')
    .select('sh.person_id')
    .select(totalsColumns())
    .groupBy('sh.person_id')
    .execute();
  return rows.map((r) => ({ personId: (r as { person_id: string }).person_id, totals: toTotals(r as unknown as Record<string, unknown>) }));
}

export interface SessionRow {
  id: string;
  title: string;
  roomName: string;
  day: string;
  gmv_fen: number | null;
  viewers: number | null;
  gpm_fen: number | null;
  gpm_basis: string | null;
}

export async function topSessions(db: Executor, f: SummaryFilter, by: 'gmv_fen' | 'gpm_fen', direction: 'desc' | 'asc', limit: number): Promise<SessionRow[]> {
  const rows = await filtered(db, f)
    .innerJoin('live_sessions as s', 's.id', 'ss.session_id')
    .innerJoin('rooms as r', 'r.id', 'ss.room_id')
    .select(['ss.session_id', 's.title', 'r.display_name', 'ss.day', 'ss.gmv_fen', 'ss.viewers', 'ss.gpm_fen', 'ss.gpm_basis'])
    .where(`ss.${by}`, 'is not', null)
    .orderBy(`ss.${by}`, direction)
    .orderBy('ss.session_id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.session_id, title: r.title, roomName: r.display_name, day: r.day, gmv_fen: n(r.gmv_fen), viewers: n(r.viewers), gpm_fen: n(r.gpm_fen), gpm_basis: r.gpm_basis }));
}

/** The single-day trend per UTC hour from the minute rollups (events only: imports carry no time of day). */
export async function hourlyFromMinutes(db: Executor, f: SummaryFilter): Promise<Array<{ hourUtc: string; sessions: number; gmv_fen: number; orders: number; peak: number | null }>> {
  const ids = (await filtered(db, f).select('ss.session_id').execute()).map((r) => r.session_id);
  if (!ids.length) return [];
  const hour = sql<string>`substr(${sql.ref('minute')}, 1, 13)`;
  const rows = await db
    .selectFrom('live_minutes')
    .where('session_id', 'in', ids)
    .select([
      hour.as('hour'),
      sql<number>`count(distinct ${sql.ref('session_id')})`.as('sessions'),
      sql<number>`sum(${sql.ref('gmv_fen')})`.as('gmv_fen'),
      sql<number>`sum(${sql.ref('orders')})`.as('orders'),
      sql<number | null>`max(${sql.ref('viewers_max')})`.as('peak'),
    ])
    .groupBy(hour)
    .execute();
  return rows.map((r) => ({ hourUtc: r.hour, sessions: Number(r.sessions), gmv_fen: Number(r.gmv_fen ?? 0), orders: Number(r.orders ?? 0), peak: n(r.peak) }));
}
