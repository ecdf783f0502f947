import dayjs, { type Dayjs } from 'dayjs';
import { DateTime } from 'luxon';
import { DEFAULT_TIME_ZONE } from '../../../contracts/common';
import type { Locale } from '../../../contracts/common';

export { DEFAULT_TIME_ZONE };

/** A UTC timestamp from the API as wall-clock time in a zone (a room's, usually). */
export function inZone(iso: string, zone: string): DateTime {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone || DEFAULT_TIME_ZONE);
}

/**
 * The wall-clock time picked in an antd picker (a dayjs in the browser's zone) read as a time in `zone`,
 * as an ISO string with that zone's offset: 19:00 picked for a Shanghai room is 19:00+08:00 wherever the browser is.
 */
export function pickedToIso(value: Dayjs, zone: string): string {
  const dt = DateTime.fromObject(
    { year: value.year(), month: value.month() + 1, day: value.date(), hour: value.hour(), minute: value.minute() },
    { zone: zone || DEFAULT_TIME_ZONE },
  );
  return dt.toISO({ suppressMilliseconds: true })!;
}

/** The other way: a stored timestamp shown in a picker as the wall-clock time of `zone`. */
export function isoToPicked(iso: string, zone: string): Dayjs {
  const dt = inZone(iso, zone);
  return dayjs(new Date(dt.year, dt.month - 1, dt.day, dt.hour, dt.minute));
}

/** A calendar date (YYYY-MM-DD) at midnight in a zone. */
export function startOfDate(date: string, zone: string): DateTime {
  return DateTime.fromISO(date, { zone: zone || DEFAULT_TIME_ZONE }).startOf('day');
}

export function todayIn(zone: string): string {
  return DateTime.now().setZone(zone || DEFAULT_TIME_ZONE).toISODate()!;
}

/** Monday of the week that holds `date`. */
export function mondayOf(date: string): string {
  return DateTime.fromISO(date).startOf('week').toISODate()!;
}

const luxonLocale = (locale: Locale) => (locale === 'zh-CN' ? 'zh-CN' : 'en-US');

/** "2026-11-27 (Fri) 19:00–23:00", or both dates when the session ends on a later day. */
export function formatRange(startIso: string, endIso: string, zone: string, locale: Locale): string {
  const s = inZone(startIso, zone).setLocale(luxonLocale(locale));
  const e = inZone(endIso, zone).setLocale(luxonLocale(locale));
  const head = `${s.toFormat('yyyy-MM-dd')} (${s.toFormat('ccc')}) ${s.toFormat('HH:mm')}`;
  return s.hasSame(e, 'day') ? `${head}–${e.toFormat('HH:mm')}` : `${head} – ${e.toFormat('MM-dd HH:mm')}`;
}

/** "2026-11-27 19:00" in a zone. */
export function formatAt(iso: string, zone: string): string {
  return inZone(iso, zone).toFormat('yyyy-MM-dd HH:mm');
}

export function minutesBetween(startIso: string, endIso: string): number {
  return Math.round((Date.parse(endIso) - Date.parse(startIso)) / 60_000);
}

/** "UTC+8" for a zone, as of now. */
export function offsetLabel(zone: string): string {
  const dt = DateTime.now().setZone(zone || DEFAULT_TIME_ZONE);
  return `UTC${dt.toFormat('ZZ').replace(/:00$/, '').replace(/^\+0/, '+').replace(/^-0/, '-')}`;
}

export function fenToYuan(fen: number | null | undefined): number | null {
  return fen === null || fen === undefined ? null : fen / 100;
}

export function yuanToFen(yuan: number | null | undefined): number | null {
  return yuan === null || yuan === undefined || Number.isNaN(yuan) ? null : Math.round(yuan * 100);
}

export function formatYuan(fen: number | null | undefined, locale: Locale): string {
  if (fen === null || fen === undefined) return '—';
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol', minimumFractionDigits: 2 }).format(fen / 100);
}

export function formatNumber(n: number | null | undefined, locale: Locale): string {
  if (n === null || n === undefined) return '—';
  return new Intl.NumberFormat(locale).format(n);
}
