import { describe, expect, it } from 'vitest';
import {
  aov,
  avgWatchSeconds,
  clickToPayRate,
  derive,
  enterRate,
  fansClubRate,
  followRate,
  gpm,
  over1MinRate,
  payRate,
  percentile,
  productClickRate,
  productExposureRate,
  ratio,
  roi,
  uvValue,
} from './formulas';
import { metricUnit } from '../../../contracts/analytics';
import { basesFor, combineMetrics } from './session-metrics';

// domain.md §1.2, one row per formula: [name, formula, inputs, expected]. Money in fen.
const table: [string, (a?: number | null, b?: number | null) => number | null, number | null, number | null, number | null][] = [
  ['GPM = GMV × 1000 / 观看次数', gpm, 1_250_000, 50_000, 25_000],
  ['UV价值 = GMV / 观看人数', uvValue, 1_250_000, 20_000, 62.5],
  ['客单价 = GMV / 成交人数', aov, 1_250_000, 250, 5_000],
  ['曝光-进入率 = 观看人数 / 曝光人数', enterRate, 20_000, 400_000, 0.05],
  ['商品曝光率 = 商品曝光人数 / 观看人数', productExposureRate, 12_000, 20_000, 0.6],
  ['商品点击率 = 商品点击人数 / 观看人数', productClickRate, 1_600, 20_000, 0.08],
  ['点击-成交转化率 = 成交人数 / 商品点击人数', clickToPayRate, 250, 1_600, 0.15625],
  ['成交转化率 = 成交人数 / 观看人数', payRate, 250, 20_000, 0.0125],
  ['超1分钟观看率 = 超1分钟观看人数 / 观看人数', over1MinRate, 7_000, 20_000, 0.35],
  ['人均观看时长 = 累计观看时长 / 观看人数', avgWatchSeconds, 1_500_000, 20_000, 75],
  ['转粉率 = 新增粉丝 / 观看人数', followRate, 500, 20_000, 0.025],
  ['加团率 = 新加团人数 / 观看人数', fansClubRate, 100, 20_000, 0.005],
  ['ROI = GMV / 投放消耗', roi, 1_250_000, 250_000, 5],
  // no data is never 0: a missing input or a zero denominator answers null
  ['GPM without views', gpm, 1_250_000, null, null],
  ['GPM over zero views', gpm, 1_250_000, 0, null],
  ['客单价 without GMV', aov, null, 250, null],
  ['UV价值 with no GMV', uvValue, null, 20_000, null],
  ['ROI with no spend', roi, 1_250_000, 0, null],
];

describe('formulas (domain.md §1.2)', () => {
  it.each(table)('%s', (_name, f, a, b, expected) => {
    if (expected === null) expect(f(a, b)).toBeNull();
    else expect(f(a, b)).toBeCloseTo(expected, 10);
  });

  it('ratio refuses NaN and infinity as inputs', () => {
    expect(ratio(Number.NaN, 3)).toBeNull();
    expect(ratio(3, Number.POSITIVE_INFINITY)).toBeNull();
    expect(ratio(0, 5)).toBe(0);
  });

  it('derive: GPM and the interaction rate under both bases, the refund rate by amount or by orders', () => {
    const base = { gmv_fen: 1_000_000, views: 40_000, viewers: 10_000, comments: 2_000, commenters: 600, refund_fen: 50_000, refund_orders: 3, orders: 120 };
    const pv = derive(base, { gpm: 'pv', interaction: 'comments/views', refund: 'amount' });
    expect(pv.gpm_fen).toEqual({ value: 25_000, basis: 'pv' });
    expect(pv.interaction_rate).toEqual({ value: 0.05, basis: 'comments/views' });
    expect(pv.refund_rate).toEqual({ value: 0.05, basis: 'amount' });
    const uv = derive(base, { gpm: 'uv', interaction: 'commenters/viewers', refund: 'orders' });
    expect(uv.gpm_fen).toEqual({ value: 100_000, basis: 'uv' });
    expect(uv.interaction_rate).toEqual({ value: 0.06, basis: 'commenters/viewers' });
    expect(uv.refund_rate).toEqual({ value: 0.025, basis: 'orders' });
    expect(derive({}).roi).toEqual({ value: null, basis: null });
  });

  it('basesFor: per view when views exist, else per viewer; refunds by amount when the amount is known', () => {
    expect(basesFor({ views: 10 })).toEqual({ gpm: 'pv', interaction: 'comments/views', refund: 'amount' });
    expect(basesFor({ views: null, refund_orders: 2 })).toEqual({ gpm: 'uv', interaction: 'commenters/viewers', refund: 'orders' });
    expect(basesFor({ refund_fen: 100, refund_orders: 2 }).refund).toBe('amount');
  });

  it('percentile: linear interpolation between closest ranks; null for an empty sample', () => {
    const xs = [10, 20, 30, 40, 50];
    expect(percentile(xs, 0)).toBe(10);
    expect(percentile(xs, 50)).toBe(30);
    expect(percentile(xs, 100)).toBe(50);
    expect(percentile(xs, 10)).toBeCloseTo(14, 10);
    expect(percentile(xs, 90)).toBeCloseTo(46, 10);
    expect(percentile([50, 10, 40, 20, 30], 25)).toBe(20);
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([], 50)).toBeNull();
  });

  it('units: money in fen, durations in seconds, rates as ratios, the rest counts', () => {
    expect([metricUnit('gmv_fen'), metricUnit('aov_fen'), metricUnit('duration_seconds'), metricUnit('avg_watch_seconds'), metricUnit('pay_rate'), metricUnit('roi'), metricUnit('orders')]).toEqual([
      'fen',
      'fen',
      'seconds',
      'seconds',
      'ratio',
      'ratio',
      'count',
    ]);
  });

  it('combineMetrics: 人均观看时长 from the imported total when no source gives it directly', () => {
    const stored = new Map([
      ['watch_seconds_total', { value: 90_000, source: 'import' as const, basis: null, platform: 'douyin', window: 'live' }],
      ['viewers', { value: 1_200, source: 'import' as const, basis: null, platform: 'douyin', window: 'live' }],
    ]);
    const m = combineMetrics('s1', 'douyin', { comments: 10 }, stored);
    expect(m.metrics.find((x) => x.metric === 'avg_watch_seconds')).toMatchObject({ value: 75, source: 'import', unit: 'seconds', basis: 'watch_seconds_total/viewers' });
    expect(m.metrics.find((x) => x.metric === 'comments')).toMatchObject({ value: 10, source: 'events', platform: 'douyin', window: 'live' });
  });
});
