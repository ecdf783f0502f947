import { PostgresAdapter, sql } from 'kysely';
import { BAND_METRICS, metricUnit, type GoalVsActual, type MetricBand, type ReviewFindings, type ReviewMinute, type ReviewSlot, type SessionReview } from '../../../contracts/analytics';
import type { TeamScope } from '../../platform/context';
import type { Executor } from '../../platform/db';
import { DomainError } from '../../platform/errors';
import { findSession, listSlots } from '../planning/planning.repository';
import { ratio } from './formulas';
import { band, commentThemes, minutesBetween, productRuns, slotTimes } from './review.rules';
import { sessionMetrics, sessionsMetrics, type SessionMetrics } from './session-metrics';

/** Comments read per minute for the themes: the first ones, so the sample is the same on every call. */
export const THEME_SAMPLE_PER_MINUTE = 20;
/** A long show reads fewer per minute (never under 5), so a 6-hour review segments about 4,000 comments, not 7,200. */
const THEME_SAMPLE_TOTAL = 4000;
export const themeSamplePerMinute = (minutes: number) => Math.max(5, Math.min(THEME_SAMPLE_PER_MINUTE, Math.floor(THEME_SAMPLE_TOTAL / Math.max(1, minutes))));
/** Minutes per sampling statement (SQLite allows at most 500 terms in a compound select). */
const MINUTES_PER_STATEMENT = 100;
const PREVIOUS_SESSIONS = 10;
const FINDING_LINES = 200;

const num = (v: unknown) => Number(v ?? 0);
const isPostgres = (db: Executor) => db.getExecutor().adapter instanceof PostgresAdapter;

/** The session review (复盘): everything the review page shows, from rollups, a bounded sample and stored records. */
export async function sessionReview(db: Executor, scope: TeamScope, sessionId: string): Promise<SessionReview> {
  const session = await findSession(db, scope, sessionId);
  if (!session) throw new DomainError('analytics/session-not-found');
  // One batch: on PostgreSQL the queries run side by side on the pool; on SQLite they run one after another anyway.
  const [room, stats, metrics, minuteRows, slots, alerts, incidents, runs, themes, findings, comparison] = await Promise.all([
    db.selectFrom('rooms').select(['platform']).where('id', '=', session.roomId).executeTakeFirstOrThrow(),
    db.selectFrom('live_session_stats').select(['first_event_at', 'last_event_at']).where('session_id', '=', sessionId).executeTakeFirst(),
    sessionMetrics(db, sessionId),
    db.selectFrom('live_minutes').selectAll().where('session_id', '=', sessionId).orderBy('minute').execute(),
    listSlots(db, sessionId),
    db.selectFrom('alerts').select(['id', 'kind', 'severity', 'first_at', 'title_zh', 'title_en']).where('session_id', '=', sessionId).orderBy('first_at').orderBy('id').execute(),
    db.selectFrom('incidents').select(['id', 'title', 'severity', 'status', 'opened_at']).where('session_id', '=', sessionId).orderBy('opened_at').orderBy('id').execute(),
    productRunsOf(db, sessionId),
    themesOf(db, sessionId),
    findingsOf(db, sessionId),
    roomComparison(db, session.roomId, sessionId, session.plannedStart),
  ]);
  const firstAt = stats?.first_event_at ?? null;
  const lastAt = stats?.last_event_at ?? null;
  const value = (k: string) => metrics.metrics.find((m) => m.metric === k)!;

  // Kinds that never arrived are no data in every minute, as in the session totals.
  const hasOrders = value('orders').source === 'events' || minuteRows.some((m) => num(m.orders) > 0);
  const hasSentiment = minuteRows.some((m) => num(m.sentiment_pos) + num(m.sentiment_neu) + num(m.sentiment_neg) > 0);
  const timeline: ReviewMinute[] = minuteRows.map((m) => ({
    minute: m.minute,
    viewersAvg: num(m.viewers_samples) > 0 ? num(m.viewers_sum) / num(m.viewers_samples) : null,
    viewersMax: m.viewers_max === null ? null : Number(m.viewers_max),
    comments: num(m.comments),
    sentiment: hasSentiment ? { positive: num(m.sentiment_pos), neutral: num(m.sentiment_neu), negative: num(m.sentiment_neg) } : null,
    gmvFen: hasOrders ? num(m.gmv_fen) : null,
    orders: hasOrders ? num(m.orders) : null,
  }));

  const goals: GoalVsActual[] = (
    [
      ['gmv_fen', session.goals.gmvFen],
      ['viewers', session.goals.viewers],
      ['orders', session.goals.orders],
    ] as const
  ).map(([metric, goal]) => {
    const actual = value(metric);
    return { metric, goal, actual: actual.value, source: actual.source, attainment: ratio(actual.value, goal) };
  });


  const { timing, times } = slotTimes(slots, runs, firstAt, lastAt);
  const reviewSlots: ReviewSlot[] = slots.map((s, i) => {
    const { start, end } = times[i]!;
    const actualMinutes = minutesBetween(start, end);
    let gmvFen: number | null = null;
    let orders: number | null = null;
    if (hasOrders && start && end) {
      // A minute belongs to the slot it starts in: the rollups are per minute.
      const from = start.slice(0, 16);
      const to = end.slice(0, 16);
      const inSlot = minuteRows.filter((m) => m.minute.slice(0, 16) >= from && (m.minute.slice(0, 16) < to || (i === slots.length - 1 && m.minute.slice(0, 16) <= to)));
      gmvFen = inSlot.reduce((a, m) => a + num(m.gmv_fen), 0);
      orders = inSlot.reduce((a, m) => a + num(m.orders), 0);
    }
    return {
      position: s.position,
      productId: s.productId,
      productName: s.productName,
      productSku: s.productSku,
      slotType: s.slotType,
      plannedMinutes: s.plannedMinutes,
      start,
      end,
      actualMinutes,
      gmvFen,
      orders,
      gmvPerMinuteFen: actualMinutes ? ratio(gmvFen, actualMinutes) : null,
      // No source gives clicks per product yet (imports are per session): shown as no data.
      clicks: null,
    };
  });

  return {
    session: {
      id: session.id,
      title: session.title,
      roomId: session.roomId,
      roomName: session.roomName,
      platform: room.platform,
      status: session.status,
      plannedStart: session.plannedStart,
      plannedEnd: session.plannedEnd,
      timeZone: session.timeZone,
      firstEventAt: firstAt,
      lastEventAt: lastAt,
    },
    metrics: metrics.metrics,
    goals,
    timeline,
    slotTiming: timing,
    slots: reviewSlots,
    alerts: alerts.map((a) => ({ id: a.id, kind: a.kind, severity: a.severity, at: a.first_at, titleZh: a.title_zh, titleEn: a.title_en })),
    incidents: incidents.map((x) => ({ id: x.id, title: x.title, severity: x.severity, status: x.status, at: x.opened_at })),
    themes,
    findings,
    comparison: { sessionIds: comparison.sessionIds, bands: bandsFor(metrics.metrics, comparison.earlier) },
  };
}

/**
 * The product each minute was about: the most named product_ref among its orders and host lines, as runs in time
 * order. Grouped per minute in the database so a session with a hundred thousand orders returns a few hundred rows.
 */
async function productRunsOf(db: Executor, sessionId: string) {
  const minute = sql<string>`substr(at, 1, 16)`;
  const rows = await db
    .selectFrom('live_events')
    .select((eb) => [minute.as('m'), 'product_ref', eb.fn.countAll<number>().as('n'), eb.fn.min<string>('at').as('first')])
    .where('session_id', '=', sessionId)
    .where('kind', 'in', ['order', 'transcript'])
    .where('product_ref', 'is not', null)
    .groupBy([minute, 'product_ref'])
    .execute();
  const best = new Map<string, { ref: string; n: number; first: string }>();
  for (const r of rows) {
    const prior = best.get(r.m);
    const n = num(r.n);
    if (!prior || n > prior.n || (n === prior.n && r.first < prior.first)) best.set(r.m, { ref: r.product_ref!, n, first: r.first });
  }
  const perMinute = [...best.values()].sort((a, b) => (a.first < b.first ? -1 : 1));
  return productRuns(perMinute.map((x) => ({ at: x.first, ref: x.ref })));
}

/** Comment themes from a bounded, deterministic sample: the first comments of every minute (themeSamplePerMinute). */
async function themesOf(db: Executor, sessionId: string) {
  const rows = await db.selectFrom('live_minutes').select(['minute', 'comments']).where('session_id', '=', sessionId).where('comments', '>', 0).orderBy('minute').execute();
  const minutes = rows.map((r) => r.minute);
  const total = rows.reduce((a, r) => a + num(r.comments), 0);
  const perMinute = themeSamplePerMinute(minutes.length);
  const texts: string[] = [];
  // "order by at": the index (session_id, kind, at, …) gives each minute's comments in time order without a sort;
  // ties keep the index's own order (rowid on SQLite, heap position on PostgreSQL), the same on every call.
  if (isPostgres(db)) {
    // One statement: a lateral join over the minutes reads 'perMinute' index entries per minute.
    const ends = minutes.map((m) => new Date(Date.parse(m) + 60_000).toISOString());
    const { rows } = await sql<{ text: string | null }>`select x.text from unnest(${minutes}::text[], ${ends}::text[]) with ordinality as w(s, e, n)
      cross join lateral (select text, at from live_events where session_id = ${sessionId} and kind = 'comment' and at >= w.s and at < w.e order by at limit ${perMinute}) x
      order by w.n, x.at`.execute(db);
    for (const r of rows) if (r.text) texts.push(r.text);
  } else {
    // SQLite has no lateral join: a compound select of one limited subquery per minute, 100 minutes a statement.
    for (let i = 0; i < minutes.length; i += MINUTES_PER_STATEMENT) {
      const part = minutes.slice(i, i + MINUTES_PER_STATEMENT);
      const selects = part.map((m, k) => {
        const end = new Date(Date.parse(m) + 60_000).toISOString();
        return sql`select * from (select text from live_events where session_id = ${sessionId} and kind = 'comment' and at >= ${m} and at < ${end} order by at limit ${perMinute}) as ${sql.raw(`m${k}`)}`;
      });
      const { rows } = await sql<{ text: string | null }>`${sql.join(selects, sql` union all `)}`.execute(db);
      for (const r of rows) if (r.text) texts.push(r.text);
    }
  }
  return { comments: total, sampled: texts.length, perMinute, ...commentThemes(texts) };
}

async function findingsOf(db: Executor, sessionId: string): Promise<ReviewFindings> {
  const [byRule, lines] = await Promise.all([
    db
      .selectFrom('compliance_findings')
      .select((eb) => ['rule', 'category', 'severity', eb.fn.countAll<number>().as('n')])
      .where('session_id', '=', sessionId)
      .groupBy(['rule', 'category', 'severity'])
      .execute(),
    db
      .selectFrom('compliance_findings as f')
      .leftJoin('live_events as e', 'e.id', 'f.event_id')
      .select(['f.id', 'f.at', 'f.source', 'f.rule', 'f.category', 'f.severity', 'f.term', 'e.text'])
      .where('f.session_id', '=', sessionId)
      .orderBy('f.at')
      .orderBy('f.id')
      .limit(FINDING_LINES)
      .execute(),
  ]);
  const rules = byRule.map((r) => ({ rule: r.rule, category: r.category, severity: r.severity, count: num(r.n) })).sort((a, b) => b.count - a.count || (a.rule < b.rule ? -1 : 1));
  const severities = new Map<string, number>();
  for (const r of rules) severities.set(r.severity, (severities.get(r.severity) ?? 0) + r.count);
  const order = ['block', 'warn', 'info'];
  return {
    total: rules.reduce((a, r) => a + r.count, 0),
    bySeverity: [...severities].map(([severity, count]) => ({ severity, count })).sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity)),
    byRule: rules,
    lines: lines.map((l) => ({ id: Number(l.id), at: l.at, source: l.source, rule: l.rule, category: l.category, severity: l.severity, term: l.term, text: l.text })),
  };
}

/** The room's previous sessions that ran (up to 10), newest first, with their metrics. */
async function roomComparison(db: Executor, roomId: string, sessionId: string, plannedStart: string) {
  const previous = await db
    .selectFrom('live_sessions')
    .select('id')
    .where('room_id', '=', roomId)
    .where('id', '!=', sessionId)
    .where('planned_start', '<', plannedStart)
    .where('status', 'in', ['live', 'ended', 'reviewed'])
    .orderBy('planned_start', 'desc')
    .limit(PREVIOUS_SESSIONS)
    .execute();
  const sessionIds = previous.map((p) => p.id);
  return { sessionIds, earlier: [...(await sessionsMetrics(db, sessionIds)).values()] };
}

/** p10/p50/p90 per key metric over the earlier sessions, like bases only (GPM per view is not GPM per viewer). */
function bandsFor(mine: SessionReview['metrics'], earlier: SessionMetrics[]): MetricBand[] {
  return BAND_METRICS.map((metric) => {
    const own = mine.find((m) => m.metric === metric)!;
    const values = earlier
      .map((s) => s.metrics.find((m) => m.metric === metric)!)
      .filter((m) => m.value !== null && (own.basis === null || m.basis === own.basis))
      .map((m) => m.value!);
    return { metric, unit: metricUnit(metric), value: own.value, basis: own.basis, ...band(own.value, values) };
  });
}
