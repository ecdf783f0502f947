import { describe, expect, it } from 'vitest';
import { clock, formatMetric } from './metric-format';

describe('formatMetric', () => {
  it.each([
    ['gmv_fen', 'fen', 611310, 'zh-CN', '¥6,113.10'],
    ['gmv_fen', 'fen', 611310, 'en-US', '¥6,113.10'],
    ['orders', 'count', 12345, 'en-US', '12,345'],
    ['avg_viewers', 'count', 4475.46, 'zh-CN', '4,475.5'],
    ['duration_seconds', 'seconds', 477, 'en-US', '7:57'],
    ['duration_seconds', 'seconds', 3 * 3600 + 52 * 60 + 26, 'en-US', '3:52:26'],
    ['interaction_rate', 'ratio', 0.03125, 'en-US', '3.13%'],
    ['roi', 'ratio', 4.5, 'zh-CN', '4.5×'],
  ] as const)('%s %s %s in %s → %s', (metric, unit, value, locale, expected) => {
    expect(formatMetric(metric, unit, value, locale)).toBe(expected);
  });

  it('is null for no data, whatever the unit (the page shows "No data"/"暂无数据", never 0)', () => {
    for (const unit of ['fen', 'count', 'seconds', 'ratio'] as const) expect(formatMetric('gmv_fen', unit, null, 'zh-CN')).toBeNull();
    expect(formatMetric('orders', 'count', 0, 'en-US')).toBe('0');
  });

  it('clock: m:ss under an hour, h:mm:ss over', () => {
    expect([clock(0), clock(59.6), clock(3600), clock(-5)]).toEqual(['0:00', '1:00', '1:00:00', '0:00']);
  });
});
