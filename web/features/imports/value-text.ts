import type { MetricKey, MetricUnit } from '../../../contracts/analytics';
import type { Locale } from '../../../contracts/common';
import { metricKind, type MetricKind } from '../../../contracts/imports';
import { clock, formatMetric } from '../analytics/metric-format';
import { formatNumber } from '../planning/time';

/** The unit a metric is stored in (as the session metrics report it): money in fen, durations in seconds, rates as fractions. */
const UNIT_OF_KIND: Record<MetricKind, MetricUnit> = { money: 'fen', duration: 'seconds', count: 'count', rate: 'ratio' };

export const unitOf = (metric: MetricKey): MetricUnit => UNIT_OF_KIND[metricKind(metric)];

/**
 * A value in its base unit, as this page shows it: the analytics formatter, except that this page has always shown
 * durations as h:mm:ss even under an hour, rates as "3.1%" (no trailing zeros), ROI as a bare number and counts with
 * up to three decimals (the shared formatter: "5:30", "3.10%", "2.5×", one decimal); no data is "—".
 */
export function valueText(metric: MetricKey, unit: MetricUnit, value: number | null, locale: Locale): string {
  if (value === null) return '—';
  switch (unit) {
    case 'seconds':
      return Math.round(value) < 3600 ? `0:${clock(value).padStart(5, '0')}` : clock(value);
    case 'ratio':
      return metric === 'roi' ? formatNumber(Math.round(value * 100) / 100, locale) : `${formatNumber(Math.round(value * 10000) / 100, locale)}%`;
    case 'count':
      return formatNumber(value, locale);
    case 'fen':
      return formatMetric(metric, unit, value, locale) ?? '—';
  }
}
