import type { Kpi } from '../../../contracts/dashboards';
import type { Translate } from '../../i18n';

/** A KPI in its unit: money in yuan, hours, counts, rates as percentages; null → "no data". */
export function formatKpi(t: Translate, value: number | null | undefined, unit: Kpi['unit']): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return t('dashboards.noData');
  switch (unit) {
    case 'fen':
      return `¥${(value / 100).toLocaleString('en-US', { maximumFractionDigits: Math.abs(value) >= 1_000_000 ? 0 : 2 })}`;
    case 'seconds':
      return t('dashboards.hours', { n: (value / 3600).toLocaleString('en-US', { maximumFractionDigits: 1 }) });
    case 'ratio':
      return `${(value * 100).toFixed(Math.abs(value) < 0.1 ? 2 : 1)}%`;
    case 'count':
      return Math.round(value).toLocaleString('en-US');
  }
}

/** ▲ 12.3% / ▼ 4.0% / — (no comparison). */
export function formatChange(change: number | null): { text: string; direction: 'up' | 'down' | 'flat' | 'none' } {
  if (change === null || !Number.isFinite(change)) return { text: '—', direction: 'none' };
  const pct = `${Math.abs(change * 100).toFixed(1)}%`;
  if (change > 0) return { text: `▲ ${pct}`, direction: 'up' };
  if (change < 0) return { text: `▼ ${pct}`, direction: 'down' };
  return { text: '0.0%', direction: 'flat' };
}
