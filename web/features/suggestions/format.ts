import type { EvidenceUnit } from '../../../contracts/suggestions';
import type { Translate } from '../../i18n';

/** A number of the evidence in its unit: rates as percentages, money in yuan, minutes, multiples; null → "no data". */
export function formatValue(t: Translate, value: number | null | undefined, unit: EvidenceUnit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return t('suggestions.noData');
  switch (unit) {
    case 'ratio':
      return `${(value * 100).toFixed(Math.abs(value) < 0.1 ? 2 : 1)}%`;
    case 'fen':
      return `¥${(value / 100).toLocaleString('en-US', { maximumFractionDigits: value >= 1_000_000 ? 0 : 2 })}`;
    case 'fen_per_minute':
      return t('suggestions.unit.perMinute', { v: `¥${(value / 100).toLocaleString('en-US', { maximumFractionDigits: 2 })}` });
    case 'minutes':
      return t('suggestions.unit.minutes', { n: Math.round(value) });
    case 'factor':
      return `${value.toFixed(1)}×`;
    case 'count':
      return Math.round(value).toLocaleString('en-US');
  }
}

/** The calendar day of an instant in a time zone, in the reader's locale (e.g. 2026/11/27 or 11/27/2026). */
export function dayOf(iso: string, timeZone: string, locale: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}
