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
