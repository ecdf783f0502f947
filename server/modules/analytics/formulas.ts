import type { BaseMetric, DerivedMetric } from '../../../contracts/analytics';

/**
 * The canonical formulas of domain.md §1.2 as pure functions. Every one answers null when an input is missing or the
 * denominator is zero: "no data" is never shown as 0.
 */

export type Base = Partial<Record<BaseMetric, number | null>>;

/** Which definition a derived value was computed under; stored and shown with the number. */
export interface Bases {
  /** GPM per thousand views (PV, the Douyin compass) or per thousand viewers (UV). */
  gpm: 'pv' | 'uv';
  /** 互动率: comments per view (Douyin practice) or commenters per viewer (WeChat Channels). */
  interaction: 'comments/views' | 'commenters/viewers';
  /** 退款率 by amount or by orders (keep both; the review shows the one chosen). */
  refund: 'amount' | 'orders';
}

export const DEFAULT_BASES: Bases = { gpm: 'pv', interaction: 'comments/views', refund: 'amount' };

const has = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** a / b, or null when either is missing or b is 0. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (!has(a) || !has(b) || b === 0) return null;
  return a / b;
}

export const aov = (gmvFen?: number | null, buyers?: number | null) => ratio(gmvFen, buyers);
export const uvValue = (gmvFen?: number | null, viewers?: number | null) => ratio(gmvFen, viewers);
export function gpm(gmvFen: number | null | undefined, views: number | null | undefined): number | null {
  const r = ratio(gmvFen, views);
  return r === null ? null : r * 1000;
}
export const followRate = (follows?: number | null, viewers?: number | null) => ratio(follows, viewers);
export const fansClubRate = (joins?: number | null, viewers?: number | null) => ratio(joins, viewers);
export const enterRate = (viewers?: number | null, exposure?: number | null) => ratio(viewers, exposure);
export const productExposureRate = (productExposure?: number | null, viewers?: number | null) => ratio(productExposure, viewers);
export const productClickRate = (clicks?: number | null, viewers?: number | null) => ratio(clicks, viewers);
export const clickToPayRate = (buyers?: number | null, clicks?: number | null) => ratio(buyers, clicks);
export const payRate = (buyers?: number | null, viewers?: number | null) => ratio(buyers, viewers);
export const over1MinRate = (over?: number | null, viewers?: number | null) => ratio(over, viewers);
export const roi = (gmvFen?: number | null, costFen?: number | null) => ratio(gmvFen, costFen);
/** 人均观看时长 = 累计观看时长 / 观看人数. */
export const avgWatchSeconds = (total?: number | null, viewers?: number | null) => ratio(total, viewers);

/** Every derived metric with the basis it was computed under (null where the metric has one definition). */
export function derive(b: Base, bases: Bases = DEFAULT_BASES): Record<DerivedMetric, { value: number | null; basis: string | null }> {
  const one = (value: number | null) => ({ value, basis: null });
  return {
    aov_fen: one(aov(b.gmv_fen, b.buyers)),
    uv_value_fen: one(uvValue(b.gmv_fen, b.viewers)),
    gpm_fen: { value: gpm(b.gmv_fen, bases.gpm === 'pv' ? b.views : b.viewers), basis: bases.gpm },
    interaction_rate: {
      value: bases.interaction === 'comments/views' ? ratio(b.comments, b.views) : ratio(b.commenters, b.viewers),
      basis: bases.interaction,
    },
    follow_rate: one(followRate(b.follows, b.viewers)),
    fans_club_rate: one(fansClubRate(b.fans_club_joins, b.viewers)),
    refund_rate: { value: bases.refund === 'amount' ? ratio(b.refund_fen, b.gmv_fen) : ratio(b.refund_orders, b.orders), basis: bases.refund },
    enter_rate: one(enterRate(b.viewers, b.exposure_viewers)),
    product_exposure_rate: one(productExposureRate(b.product_exposure_viewers, b.viewers)),
    product_click_rate: one(productClickRate(b.product_click_viewers, b.viewers)),
    click_to_pay_rate: one(clickToPayRate(b.buyers, b.product_click_viewers)),
    pay_rate: one(payRate(b.buyers, b.viewers)),
    over_1min_rate: one(over1MinRate(b.over_1min_viewers, b.viewers)),
    roi: one(roi(b.gmv_fen, b.ad_cost_fen)),
  };
}

/**
 * The value at percentile p (0–100) of a sample, by linear interpolation between closest ranks; null for an empty
 * sample. Used for the room's bands (last 10 sessions) and the suggestions' "below the 20th percentile".
 */
export function percentile(values: readonly number[], p: number): number | null {
  const xs = values.filter(has).slice().sort((a, b) => a - b);
  if (!xs.length) return null;
  const rank = (Math.min(100, Math.max(0, p)) / 100) * (xs.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return xs[lo]! + (xs[hi]! - xs[lo]!) * (rank - lo);
}
