import { z } from 'zod';

/**
 * Issue 7: the metric spine shared by session reviews, imports, suggestions and dashboards.
 *
 * Base metrics are counts and amounts a source measures (events, rollups, a platform export); derived metrics are
 * computed from base metrics by the pure formulas of server/modules/analytics/formulas.ts (domain.md §1.2). Money is
 * in fen, durations in seconds, rates are fractions (0.031 = 3.1 %). A metric with no data is null, never 0.
 */

export const analyticsErrors = {
  'analytics/session-not-found': { status: 404, zh: '找不到该场次', en: 'Session not found' },
} as const;

/** What a source can measure. An import maps a column to one of these. */
export const BASE_METRICS = [
  'gmv_fen', // 成交金额 (paid, refunds not deducted)
  'orders', // 成交订单数
  'buyers', // 成交人数
  'views', // 观看次数 (PV)
  'viewers', // 观看人数 / 场观 (UV)
  'peak_viewers', // 在线峰值 PCU
  'avg_viewers', // 平均在线
  'watch_seconds_total', // 累计观看时长
  'avg_watch_seconds', // 人均观看时长, where a source gives it directly
  'over_1min_viewers', // 超1分钟观看人数
  'comments', // 评论次数
  'commenters', // 评论人数
  'likes',
  'shares',
  'follows', // 新增粉丝
  'fans_club_joins', // 新加团人数
  'gift_fen', // 打赏/礼物收入
  'refund_fen', // 退款金额
  'refund_orders', // 退款订单
  'exposure_viewers', // 直播间曝光人数
  'product_exposure_viewers', // 商品曝光人数
  'product_click_viewers', // 商品点击人数
  'ad_cost_fen', // 投放消耗
  'duration_seconds', // 直播时长
] as const;
export const BaseMetric = z.enum(BASE_METRICS);
export type BaseMetric = z.infer<typeof BaseMetric>;

export const DERIVED_METRICS = [
  'aov_fen', // 客单价 = GMV / 成交人数
  'uv_value_fen', // UV价值 = GMV / 观看人数
  'gpm_fen', // GPM = GMV × 1000 / views (basis pv) or viewers (basis uv)
  'interaction_rate', // 互动率: comments / views (douyin) or commenters / viewers (channels)
  'follow_rate', // 转粉率 = 新增粉丝 / 观看人数
  'fans_club_rate', // 加团率 = 新加团人数 / 观看人数
  'refund_rate', // 退款率: refund amount / GMV (basis amount) or refund orders / orders (basis orders)
  'enter_rate', // 曝光-进入率 = 观看人数 / 曝光人数
  'product_exposure_rate', // 商品曝光率 = 商品曝光人数 / 观看人数
  'product_click_rate', // 商品点击率 = 商品点击人数 / 观看人数
  'click_to_pay_rate', // 点击-成交转化率 = 成交人数 / 商品点击人数
  'pay_rate', // 成交转化率 = 成交人数 / 观看人数
  'over_1min_rate', // 超1分钟观看率
  'roi', // GMV / 投放消耗
] as const;
export const DerivedMetric = z.enum(DERIVED_METRICS);
export type DerivedMetric = z.infer<typeof DerivedMetric>;

export const MetricKey = z.enum([...BASE_METRICS, ...DERIVED_METRICS]);
export type MetricKey = z.infer<typeof MetricKey>;

export const MetricUnit = z.enum(['fen', 'count', 'seconds', 'ratio']);
export type MetricUnit = z.infer<typeof MetricUnit>;

/** The unit a metric is stored and shown in: money in fen, durations in seconds, rates (ROI too) as fractions. */
export function metricUnit(metric: MetricKey): MetricUnit {
  if (metric.endsWith('_fen')) return 'fen';
  if (metric === 'duration_seconds' || metric === 'watch_seconds_total' || metric === 'avg_watch_seconds') return 'seconds';
  if ((DERIVED_METRICS as readonly string[]).includes(metric)) return 'ratio';
  return 'count';
}

/** Where a value came from: computed from ingested events and their rollups, an imported export, or typed in. */
export const MetricSource = z.enum(['events', 'import', 'manual']);
export type MetricSource = z.infer<typeof MetricSource>;

/** 直播期间 (the session's own window), 直播间 (the room over the day), or a T+1 figure. */
export const TimeWindow = z.enum(['live', 'room', 't+1']);
export type TimeWindow = z.infer<typeof TimeWindow>;

/** One metric of one session, with the definition it was measured or computed under (domain.md §1.1). */
export const MetricValue = z.object({
  metric: MetricKey,
  /** null: no data (shown as "no data", never 0). */
  value: z.number().nullable(),
  unit: MetricUnit,
  source: MetricSource.nullable(),
  /** e.g. 'pv' | 'uv' for GPM, 'comments/views' for the interaction rate; null when the metric has one definition. */
  basis: z.string().nullable(),
  platform: z.string().nullable(),
  window: TimeWindow.nullable(),
});
export type MetricValue = z.infer<typeof MetricValue>;

/** GET /api/v1/sessions/:id/metrics: every MetricKey of the session, base metrics first (catalogue order). */
export const SessionMetricsView = z.object({ sessionId: z.string(), metrics: z.array(MetricValue) });
export type SessionMetricsView = z.infer<typeof SessionMetricsView>;

// ---- the session review (复盘): GET /api/v1/sessions/:id/review ----------------------------------------------------

const Count = z.number().int().min(0);

/** A goal of the session plan against what happened; actual null = no data. */
export const GoalVsActual = z.object({
  metric: z.enum(['gmv_fen', 'viewers', 'orders']),
  goal: z.number().nullable(),
  actual: z.number().nullable(),
  source: MetricSource.nullable(),
  /** actual / goal; null when either is missing or the goal is 0. */
  attainment: z.number().nullable(),
});
export type GoalVsActual = z.infer<typeof GoalVsActual>;

/** One minute of the show from the rollups; null where the minute had no such data. */
export const ReviewMinute = z.object({
  minute: z.string(),
  viewersAvg: z.number().nullable(),
  viewersMax: z.number().nullable(),
  comments: Count,
  /** Comment sentiment, present only when the session's comments were scored. */
  sentiment: z.object({ positive: Count, neutral: Count, negative: Count }).nullable(),
  gmvFen: z.number().nullable(),
  orders: Count.nullable(),
});
export type ReviewMinute = z.infer<typeof ReviewMinute>;

/**
 * How the slots' actual times were found: 'events' from the product references of the session's events (a change of
 * product marks a new slot); 'planned' laid end to end from the first event with their planned lengths; 'none' when
 * the session has no events.
 */
export const SlotTiming = z.enum(['events', 'planned', 'none']);
export type SlotTiming = z.infer<typeof SlotTiming>;

export const ReviewSlot = z.object({
  position: z.number().int(),
  productId: z.string(),
  productName: z.string(),
  productSku: z.string(),
  slotType: z.string(),
  plannedMinutes: z.number(),
  start: z.string().nullable(),
  end: z.string().nullable(),
  actualMinutes: z.number().nullable(),
  gmvFen: z.number().nullable(),
  orders: z.number().nullable(),
  gmvPerMinuteFen: z.number().nullable(),
  /** Product clicks, only where an import gives them per product; null otherwise. */
  clicks: z.number().nullable(),
});
export type ReviewSlot = z.infer<typeof ReviewSlot>;

export const ReviewAlertPin = z.object({ id: z.string(), kind: z.string(), severity: z.string(), at: z.string(), titleZh: z.string(), titleEn: z.string() });
export const ReviewIncidentPin = z.object({ id: z.string(), title: z.string(), severity: z.string(), status: z.string(), at: z.string() });

export const ThemeWord = z.object({ word: z.string(), count: Count });
export type ThemeWord = z.infer<typeof ThemeWord>;
export const ThemeQuestion = z.object({ text: z.string(), count: Count });
export type ThemeQuestion = z.infer<typeof ThemeQuestion>;
export const CommentThemes = z.object({
  /** Comments in the session, and how many of them the themes were computed from: the first `perMinute` of each minute. */
  comments: Count,
  sampled: Count,
  /** At most 20; fewer in a long show, so the sample stays about 4,000 comments (never under 5 a minute). */
  perMinute: Count,
  words: z.array(ThemeWord),
  questions: z.array(ThemeQuestion),
});
export type CommentThemes = z.infer<typeof CommentThemes>;

export const ReviewFindingLine = z.object({
  id: z.number(),
  at: z.string(),
  source: z.string(),
  rule: z.string(),
  category: z.string(),
  severity: z.string(),
  term: z.string(),
  text: z.string().nullable(),
});
export const ReviewFindings = z.object({
  total: Count,
  bySeverity: z.array(z.object({ severity: z.string(), count: Count })),
  byRule: z.array(z.object({ rule: z.string(), category: z.string(), severity: z.string(), count: Count })),
  /** The first lines in time order (at most 200). */
  lines: z.array(ReviewFindingLine),
});
export type ReviewFindings = z.infer<typeof ReviewFindings>;

/** The metrics the review compares with the room's previous sessions. */
export const BAND_METRICS = ['gmv_fen', 'orders', 'viewers', 'peak_viewers', 'avg_viewers', 'comments', 'aov_fen', 'gpm_fen', 'uv_value_fen', 'interaction_rate', 'follow_rate', 'duration_seconds'] as const;

export const MetricBand = z.object({
  metric: MetricKey,
  unit: MetricUnit,
  value: z.number().nullable(),
  /** Only earlier sessions measured under the same basis count (GPM per view is not compared with GPM per viewer). */
  basis: z.string().nullable(),
  samples: Count,
  p10: z.number().nullable(),
  p50: z.number().nullable(),
  p90: z.number().nullable(),
  /** below p10 | between | above p90; null when the session or the band has no data. */
  position: z.enum(['below', 'within', 'above']).nullable(),
  /** Share of the earlier sessions at or below this one (0–1). */
  rank: z.number().nullable(),
});
export type MetricBand = z.infer<typeof MetricBand>;

export const SessionReview = z.object({
  session: z.object({
    id: z.string(),
    title: z.string(),
    roomId: z.string(),
    roomName: z.string(),
    platform: z.string(),
    status: z.string(),
    plannedStart: z.string(),
    plannedEnd: z.string(),
    timeZone: z.string(),
    firstEventAt: z.string().nullable(),
    lastEventAt: z.string().nullable(),
  }),
  metrics: z.array(MetricValue),
  goals: z.array(GoalVsActual),
  timeline: z.array(ReviewMinute),
  slotTiming: SlotTiming,
  slots: z.array(ReviewSlot),
  alerts: z.array(ReviewAlertPin),
  incidents: z.array(ReviewIncidentPin),
  themes: CommentThemes,
  findings: ReviewFindings,
  comparison: z.object({ sessionIds: z.array(z.string()), bands: z.array(MetricBand) }),
});
export type SessionReview = z.infer<typeof SessionReview>;
