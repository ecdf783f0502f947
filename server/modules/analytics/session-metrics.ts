import { BASE_METRICS, DERIVED_METRICS, metricUnit, type BaseMetric, type DerivedMetric, type MetricKey, type MetricSource, type MetricValue, type TimeWindow } from '../../../contracts/analytics';
import type { Executor } from '../../platform/db';
import { DomainError } from '../../platform/errors';
import { minuteTotals } from '../ingest/ingest.repository';
import { avgWatchSeconds, derive, type Base, type Bases } from './formulas';

/**
 * A session's metrics under the shared precedence of issue 7: a 'manual' value in metric_values wins, then an 'import'
 * value, then the value computed from ingested events and their rollups; none of them → null ("no data", never 0).
 */
export interface SessionMetrics {
  sessionId: string;
  /** The base metrics as used for the derived ones (after precedence); null or absent: no data. */
  base: Base;
  /** Every MetricKey, base metrics first, in catalogue order. */
  metrics: MetricValue[];
}

export const METRIC_KEYS: readonly MetricKey[] = [...BASE_METRICS, ...DERIVED_METRICS];

/** The base metrics each derived metric is computed from, under the bases chosen for the session. */
function inputsOf(metric: DerivedMetric, bases: Bases): BaseMetric[] {
  switch (metric) {
    case 'aov_fen':
      return ['gmv_fen', 'buyers'];
    case 'uv_value_fen':
      return ['gmv_fen', 'viewers'];
    case 'gpm_fen':
      return ['gmv_fen', bases.gpm === 'pv' ? 'views' : 'viewers'];
    case 'interaction_rate':
      return bases.interaction === 'comments/views' ? ['comments', 'views'] : ['commenters', 'viewers'];
    case 'follow_rate':
      return ['follows', 'viewers'];
    case 'fans_club_rate':
      return ['fans_club_joins', 'viewers'];
    case 'refund_rate':
      return bases.refund === 'amount' ? ['refund_fen', 'gmv_fen'] : ['refund_orders', 'orders'];
    case 'enter_rate':
      return ['viewers', 'exposure_viewers'];
    case 'product_exposure_rate':
      return ['product_exposure_viewers', 'viewers'];
    case 'product_click_rate':
      return ['product_click_viewers', 'viewers'];
    case 'click_to_pay_rate':
      return ['buyers', 'product_click_viewers'];
    case 'pay_rate':
      return ['buyers', 'viewers'];
    case 'over_1min_rate':
      return ['over_1min_viewers', 'viewers'];
    case 'roi':
      return ['gmv_fen', 'ad_cost_fen'];
  }
}

/** GPM per views when views (PV) exist, else per viewers; the interaction rate likewise; refunds by amount when known. */
export function basesFor(base: Base): Bases {
  const has = (m: BaseMetric) => base[m] !== null && base[m] !== undefined;
  return {
    gpm: has('views') ? 'pv' : 'uv',
    interaction: has('views') ? 'comments/views' : 'commenters/viewers',
    refund: has('refund_fen') || !has('refund_orders') ? 'amount' : 'orders',
  };
}

/** What the ingested events say about one session, before imports are considered; null where the feeding kind never arrived. */
export type EventBase = Partial<Record<BaseMetric, number | null>>;

interface MinuteTotals {
  comments: number;
  gifts: number;
  gift_fen: number;
  likes: number;
  follows: number;
  shares: number;
  fans_club: number;
  super_chats: number;
  super_chat_fen: number;
  memberships: number;
  membership_fen: number;
  orders: number;
  gmv_fen: number;
  viewers_peak: number | null;
  viewers_sum: number;
  viewers_samples: number;
}

interface StoredValue {
  value: number;
  source: 'import' | 'manual';
  basis: string | null;
  platform: string;
  window: string;
}

const CHUNK = 500;
const chunks = <T>(xs: readonly T[]) => Array.from({ length: Math.ceil(xs.length / CHUNK) }, (_, i) => xs.slice(i * CHUNK, (i + 1) * CHUNK));
const num = (v: unknown) => Number(v ?? 0);
const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** The metrics computed from events (rollups, session stats, commenters, order buyers), one entry per session asked for. */
export async function eventBases(db: Executor, sessionIds: readonly string[]): Promise<Map<string, EventBase>> {
  const out = new Map<string, EventBase>();
  for (const ids of chunks([...new Set(sessionIds)])) {
    const [minutes, stats, buyers] = await Promise.all([
      db
        .selectFrom('live_minutes')
        .where('session_id', 'in', ids)
        .groupBy('session_id')
        .select((eb) => ['session_id', ...minuteTotals(eb)])
        .execute(),
      // stats.commenters counts the session's distinct commenters (live_commenters rows of minute ''), kept by ingestion.
      db.selectFrom('live_session_stats').select(['session_id', 'first_event_at', 'last_event_at', 'commenters', 'viewers_cumulative', 'likes_total']).where('session_id', 'in', ids).execute(),
      db
        .selectFrom('live_events')
        .where('session_id', 'in', ids)
        .where('kind', '=', 'order')
        .where('buyer_ref', 'is not', null)
        .groupBy('session_id')
        .select((eb) => ['session_id', eb.fn.count<number>('buyer_ref').distinct().as('n')])
        .execute(),
    ]);
    const byMinutes = new Map(minutes.map((m) => [m.session_id, m as unknown as MinuteTotals]));
    const byStats = new Map(stats.map((s) => [s.session_id, s]));
    const byBuyers = new Map(buyers.map((b) => [b.session_id, num(b.n)]));
    for (const id of ids) out.set(id, toEventBase(byMinutes.get(id), byStats.get(id), num(byStats.get(id)?.commenters), byBuyers.get(id) ?? 0));
  }
  return out;
}

function toEventBase(
  m: MinuteTotals | undefined,
  s: { first_event_at: string; last_event_at: string; viewers_cumulative: number | null; likes_total: number | null } | undefined,
  commenters: number,
  buyers: number,
): EventBase {
  // A count of 0 over the whole session means the kind never arrived (every event of a kind adds at least 1 to its
  // counter), so it is "no data", not 0: a Bilibili room sends no orders and its GMV is unknown, not ¥0.
  const some = (n: unknown) => (num(n) > 0 ? num(n) : null);
  const comments = some(m?.comments);
  const orders = some(m?.orders);
  const giftEvents = num(m?.gifts) + num(m?.super_chats) + num(m?.memberships);
  const samples = num(m?.viewers_samples);
  const likes = some(m?.likes) ?? numOrNull(s?.likes_total);
  return {
    gmv_fen: orders === null ? null : num(m?.gmv_fen),
    orders,
    buyers: orders === null || buyers === 0 ? null : buyers,
    viewers: numOrNull(s?.viewers_cumulative),
    peak_viewers: numOrNull(m?.viewers_peak),
    avg_viewers: samples > 0 ? num(m?.viewers_sum) / samples : null,
    comments,
    commenters: comments === null || commenters === 0 ? null : commenters,
    likes,
    shares: some(m?.shares),
    follows: some(m?.follows),
    fans_club_joins: some(m?.fans_club),
    gift_fen: giftEvents > 0 ? num(m?.gift_fen) + num(m?.super_chat_fen) + num(m?.membership_fen) : null,
    duration_seconds: s ? Math.max(0, (Date.parse(s.last_event_at) - Date.parse(s.first_event_at)) / 1000) : null,
  };
}

/** Imported and hand-entered values, by session and metric, the manual one kept over the imported one. */
async function storedValues(db: Executor, sessionIds: readonly string[]): Promise<Map<string, Map<string, StoredValue>>> {
  const out = new Map<string, Map<string, StoredValue>>();
  for (const ids of chunks([...new Set(sessionIds)])) {
    const rows = await db
      .selectFrom('metric_values')
      .select(['session_id', 'metric', 'source', 'value', 'basis', 'platform', 'time_window'])
      .where('session_id', 'in', ids)
      .where('source', 'in', ['import', 'manual'])
      .execute();
    for (const r of rows) {
      let m = out.get(r.session_id);
      if (!m) out.set(r.session_id, (m = new Map()));
      const prior = m.get(r.metric);
      if (prior?.source === 'manual') continue;
      m.set(r.metric, { value: Number(r.value), source: r.source as 'import' | 'manual', basis: r.basis, platform: r.platform, window: r.time_window });
    }
  }
  return out;
}

const WINDOWS = new Set<string>(['live', 'room', 't+1']);
const asWindow = (w: string): TimeWindow | null => (WINDOWS.has(w) ? (w as TimeWindow) : null);

/** Precedence over one session's values: manual, import, events; the room's platform labels computed values. */
export function combineMetrics(sessionId: string, platform: string | null, events: EventBase, stored: Map<string, StoredValue> = new Map()): SessionMetrics {
  const byKey = new Map<MetricKey, MetricValue>();
  const base: Base = {};
  for (const metric of BASE_METRICS) {
    const s = stored.get(metric);
    let v: MetricValue;
    if (s) v = { metric, value: s.value, unit: metricUnit(metric), source: s.source, basis: s.basis, platform: s.platform, window: asWindow(s.window) };
    else {
      const value = events[metric] ?? null;
      v = { metric, value, unit: metricUnit(metric), source: value === null ? null : 'events', basis: null, platform: value === null ? null : platform, window: value === null ? null : 'live' };
    }
    byKey.set(metric, v);
  }
  // 人均观看时长: a source may give it directly; else 累计观看时长 / 观看人数 when both are known.
  const avgWatch = byKey.get('avg_watch_seconds')!;
  if (avgWatch.value === null) {
    const total = byKey.get('watch_seconds_total')!;
    const value = avgWatchSeconds(total.value, byKey.get('viewers')!.value);
    if (value !== null) byKey.set('avg_watch_seconds', { ...avgWatch, value, source: total.source, platform: total.platform, window: total.window, basis: 'watch_seconds_total/viewers' });
  }
  for (const metric of BASE_METRICS) base[metric] = byKey.get(metric)!.value;

  const bases = basesFor(base);
  const derived = derive(base, bases);
  for (const metric of DERIVED_METRICS) {
    const s = stored.get(metric);
    if (s) {
      byKey.set(metric, { metric, value: s.value, unit: metricUnit(metric), source: s.source, basis: s.basis, platform: s.platform, window: asWindow(s.window) });
      continue;
    }
    const { value, basis } = derived[metric];
    const inputs = inputsOf(metric, bases).map((k) => byKey.get(k)!);
    const rank = (x: MetricSource | null) => (x === 'manual' ? 3 : x === 'import' ? 2 : x === 'events' ? 1 : 0);
    const strongest = inputs.reduce((a, b) => (rank(b.source) > rank(a.source) ? b : a));
    byKey.set(metric, {
      metric,
      value,
      unit: metricUnit(metric),
      // A rate computed from an imported number is as good as that import: it carries the strongest source among its inputs.
      source: value === null ? null : strongest.source,
      basis,
      platform: value === null ? null : (strongest.platform ?? platform),
      window: value === null ? null : (inputs.find((i) => i.window && i.window !== 'live')?.window ?? 'live'),
    });
  }
  return { sessionId, base, metrics: METRIC_KEYS.map((k) => byKey.get(k)!) };
}

/** Many sessions' metrics in a handful of queries (dashboards, room bands, suggestions). Unknown ids are left out. */
export async function sessionsMetrics(db: Executor, sessionIds: readonly string[]): Promise<Map<string, SessionMetrics>> {
  const ids = [...new Set(sessionIds)];
  const out = new Map<string, SessionMetrics>();
  if (!ids.length) return out;
  const platforms = new Map<string, string>();
  for (const part of chunks(ids)) {
    const rows = await db.selectFrom('live_sessions as s').innerJoin('rooms as r', 'r.id', 's.room_id').select(['s.id', 'r.platform']).where('s.id', 'in', part).execute();
    for (const r of rows) platforms.set(r.id, r.platform);
  }
  const known = ids.filter((id) => platforms.has(id));
  const [events, stored] = await Promise.all([eventBases(db, known), storedValues(db, known)]);
  for (const id of known) out.set(id, combineMetrics(id, platforms.get(id) ?? null, events.get(id) ?? {}, stored.get(id)));
  return out;
}

/** One session's metrics; 'analytics/session-not-found' when it does not exist (callers check the team scope first). */
export async function sessionMetrics(db: Executor, sessionId: string): Promise<SessionMetrics> {
  const found = (await sessionsMetrics(db, [sessionId])).get(sessionId);
  if (!found) throw new DomainError('analytics/session-not-found');
  return found;
}

/** A metric's value out of a SessionMetrics (null: no data). */
export const metricOf = (m: SessionMetrics, key: MetricKey): number | null => m.metrics.find((x) => x.metric === key)?.value ?? null;
