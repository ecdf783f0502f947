import type { MetricKey, MetricUnit } from '../../../contracts/analytics';
import type { Locale } from '../../../contracts/common';

// Pure, so the browser tests format the API's numbers exactly as the page does.

/** h:mm:ss, or m:ss under an hour. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}

/** A metric value as text in its unit: ¥ for fen, a clock for seconds, % for rates (ROI as a multiple); null → null. */
export function formatMetric(metric: MetricKey, unit: MetricUnit, value: number | null, locale: Locale): string | null {
  if (value === null) return null;
  switch (unit) {
    case 'fen':
      return new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value / 100);
    case 'seconds':
      return clock(value);
    case 'ratio':
      if (metric === 'roi') return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value)}×`;
      return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
    case 'count':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  }
}
