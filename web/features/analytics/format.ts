import { useCallback } from 'react';
import type { MetricKey, MetricValue } from '../../../contracts/analytics';
import { formatMetric } from './metric-format';
import { useLocale, useT, type MessageKey } from '../../i18n';

/** Formatting and labels for metric values in the current language; "No data" for null. */
export function useMetricText() {
  const t = useT();
  const { locale } = useLocale();
  const label = useCallback((metric: MetricKey) => t(`analytics.metric.${metric}` as MessageKey), [t]);
  const value = useCallback((m: Pick<MetricValue, 'metric' | 'unit' | 'value'>) => formatMetric(m.metric, m.unit, m.value, locale) ?? t('analytics.noData'), [locale, t]);
  /** Where the number came from and the definition it was measured under, for a tooltip or a subtext. */
  const provenance = useCallback(
    (m: MetricValue) => {
      // No data still says which definition a number would be measured under (GPM per viewer when no views came).
      const parts = m.value === null ? [] : [m.source ? t(`analytics.source.${m.source}` as MessageKey) : null, m.window ? t(`analytics.window.${m.window}` as MessageKey) : null];
      if (m.basis) {
        const key = `analytics.basis.${m.basis}` as MessageKey;
        const text = t(key);
        parts.push(t('analytics.basis', { basis: text === key ? m.basis : text }));
      }
      return parts.filter(Boolean).join(' · ');
    },
    [t],
  );
  return { label, value, provenance, locale };
}

export { clock, formatMetric } from './metric-format';
