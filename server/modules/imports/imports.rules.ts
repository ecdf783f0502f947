import { DateTime } from 'luxon';
import type { MetricKey } from '../../../contracts/analytics';

export { metricKind, UNITS_OF, DEFAULT_UNIT, type MetricKind } from '../../../contracts/imports';
import { METRIC_BASES, metricKind, UNITS_OF, type Cell, type ColumnMapping, type DateFormat, type ImportMapping, type NumberFormat, type RowError, type ValueUnit } from '../../../contracts/imports';

/**
 * Pure rules of the platform-data import: text decoding, header detection, number/unit/date conversion and session
 * matching. No database, no clock. Values come out in base units: fen, seconds, counts, fractions.
 */

export interface Bilingual {
  zh: string;
  en: string;
}

// ---------------------------------------------------------------- text

/** CSV bytes to text: a UTF-8 BOM is dropped; bytes that are not valid UTF-8 are read as GBK (Excel's 简体中文 CSV). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gbk' } {
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = bytes.subarray(start);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gbk').decode(body), encoding: 'gbk' };
  }
}

const isBlank = (c: Cell | undefined) => c === null || c === undefined || (typeof c === 'string' && c.trim() === '');

/**
 * The 1-based header row: the first of the top 20 rows with as many filled cells as the fullest of them, so a title
 * row ("抖音直播数据 2026-11") or a blank line above the header is skipped.
 */
export function detectHeaderRow(rows: readonly (readonly Cell[])[]): number {
  const top = rows.slice(0, 20).map((r) => r.filter((c) => !isBlank(c)).length);
  const most = Math.max(0, ...top);
  const i = top.findIndex((n) => n === most && n > 0);
  return i < 0 ? 1 : i + 1;
}

export function normaliseHeader(h: string): string {
  return h.trim().toLowerCase().replace(/[\s\u3000]+/g, ' ');
}

/** The set of non-empty headers, normalised and sorted: a preset matches a file when the keys are equal. */
export function headerKey(headers: readonly string[]): string {
  return [...new Set(headers.map(normaliseHeader).filter(Boolean))].sort().join('\n');
}

/** The header texts of a row (a blank header becomes "" and cannot be mapped). */
export function headersOf(row: readonly Cell[]): string[] {
  return row.map((c) => (isBlank(c) ? '' : String(c).trim()));
}

// ---------------------------------------------------------------- numbers and units

/** A number as written in the cell, before its unit: the scale a suffix carries (万 ×10⁴, 亿 ×10⁸) is applied, a % is kept apart. */
export type ParsedNumber = { n: number; percent: boolean } | 'empty' | 'invalid';

const PLAIN = /^-?\d+(\.\d+)?$/;
const THOUSANDS = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;

export function parseNumber(cell: Cell | undefined, format: NumberFormat): ParsedNumber {
  if (isBlank(cell)) return 'empty';
  if (typeof cell === 'number') return Number.isFinite(cell) ? { n: cell, percent: false } : 'invalid';
  let s = String(cell).trim().replace(/[\s\u3000]/g, '');
  if (s === '-' || s === '--' || s === '—') return 'empty';
  if (format === 'auto' || format === 'thousands' || format === 'wan') s = s.replace(/^[¥￥]/, '').replace(/元$/, '');
  let percent = false;
  let scale = 1;
  if (format === 'percent' || format === 'auto') {
    if (s.endsWith('%')) {
      percent = true;
      s = s.slice(0, -1);
    }
  }
  if (format === 'wan' || format === 'auto') {
    if (/[万wW]$/.test(s)) {
      scale = 1e4;
      s = s.slice(0, -1);
    } else if (s.endsWith('亿')) {
      scale = 1e8;
      s = s.slice(0, -1);
    }
  }
  if (format === 'thousands' || format === 'auto' || format === 'wan') {
    if (THOUSANDS.test(s)) s = s.replace(/,/g, '');
  }
  if (!PLAIN.test(s)) return 'invalid';
  // Scale in decimal text, not floating point: 1.2万 is exactly 12000.
  const n = scale === 1 ? Number(s) : Number(shiftDecimal(s, Math.log10(scale)));
  return { n, percent };
}

function shiftDecimal(s: string, places: number): string {
  const neg = s.startsWith('-');
  const [whole, frac = ''] = (neg ? s.slice(1) : s).split('.');
  const digits = whole! + frac.padEnd(places, '0');
  const point = whole!.length + places;
  const out = `${digits.slice(0, point)}.${digits.slice(point)}`.replace(/\.$/, '');
  return (neg ? '-' : '') + out;
}

/** hh:mm:ss, mm:ss, an Excel duration read as a 1899-12-30 date-time, or an Excel day fraction, to seconds. */
export function parseDuration(cell: Cell | undefined): number | 'empty' | 'invalid' {
  if (isBlank(cell)) return 'empty';
  if (typeof cell === 'number') return Number.isFinite(cell) && cell >= 0 ? Math.round(cell * 86400) : 'invalid';
  const s = String(cell).trim();
  const excel = /^(1899-12-3[01]|1900-01-\d\d)[ T](\d{1,2}):(\d{2}):(\d{2})/.exec(s);
  if (excel) {
    const days = Math.round((Date.parse(`${excel[1]}T00:00:00Z`) - Date.parse('1899-12-30T00:00:00Z')) / 86400_000);
    return days * 86400 + Number(excel[2]) * 3600 + Number(excel[3]) * 60 + Number(excel[4]);
  }
  const m = /^(\d+):([0-5]\d)(?::([0-5]\d))?$/.exec(s);
  if (!m) return 'invalid';
  return m[3] === undefined ? Number(m[1]) * 60 + Number(m[2]) : Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
}

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

/**
 * One cell to the metric's base unit: money → whole fen, durations → seconds, counts → counts, rates → fractions.
 * 'empty' leaves the metric out (no data, never 0).
 */
export function convertValue(cell: Cell | undefined, metric: MetricKey, unit: ValueUnit, format: NumberFormat): { value: number } | 'empty' | { error: Bilingual } {
  const kind = metricKind(metric);
  if (!UNITS_OF[kind].includes(unit)) return { error: { zh: `单位 ${unit} 不适用于该指标`, en: `unit ${unit} does not fit this metric` } };
  if (unit === 'hms') {
    const secs = parseDuration(cell);
    if (secs === 'empty') return 'empty';
    if (secs === 'invalid') return { error: { zh: `「${String(cell)}」不是时长（hh:mm:ss）`, en: `"${String(cell)}" is not a duration (hh:mm:ss)` } };
    return { value: secs };
  }
  const p = parseNumber(cell, format);
  if (p === 'empty') return 'empty';
  if (p === 'invalid') return { error: { zh: `「${String(cell)}」不是数字`, en: `"${String(cell)}" is not a number` } };
  if (p.n < 0) return { error: { zh: `「${String(cell)}」不能为负数`, en: `"${String(cell)}" must not be negative` } };
  if (p.percent && kind !== 'rate') return { error: { zh: `「${String(cell)}」是百分数，但该指标不是比率`, en: `"${String(cell)}" is a percentage but the metric is not a rate` } };
  switch (unit) {
    case 'yuan':
      return { value: Math.round(p.n * 100) };
    case 'fen':
      return { value: Math.round(p.n) };
    case 'wan_yuan':
      return { value: Math.round(p.n * 1_000_000) };
    case 'seconds':
      return { value: Math.round(p.n) };
    case 'minutes':
      return { value: Math.round(p.n * 60) };
    case 'count':
      return { value: round(p.n, 4) };
    case 'count_wan':
      return { value: Math.round(p.n * 1e4) };
    case 'percent':
      return { value: round(p.n / 100, 10) };
    case 'fraction':
      return { value: round(p.percent ? p.n / 100 : p.n, 10) };
  }
  return { error: { zh: '未知单位', en: 'unknown unit' } };
}

// ---------------------------------------------------------------- dates

/** A wall-clock date-time in the room's time zone, 'YYYY-MM-DDTHH:mm:ss'. */
export type LocalDateTime = string;

interface Parts {
  y: number;
  mo: number;
  d: number;
  h?: number;
  mi?: number;
  s?: number;
}

const DATE_PATTERNS: Record<Exclude<DateFormat, 'auto' | 'excel'>, RegExp> = {
  'YYYY-MM-DD HH:mm': /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/,
  'YYYY/M/D H:mm': /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/,
  'M/D/YYYY H:mm': /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/,
};
const CHINESE = /^(\d{4})年(\d{1,2})月(\d{1,2})日\s*(?:(\d{1,2})[:：时](\d{2})(?:[:：分](\d{2}))?秒?)?$/;

function fromMatch(m: RegExpExecArray, us = false): Parts {
  const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const parts: Parts = us ? { y: c, mo: a, d: b } : { y: a, mo: b, d: c };
  if (m[4] !== undefined) Object.assign(parts, { h: Number(m[4]), mi: Number(m[5]), s: m[6] === undefined ? 0 : Number(m[6]) });
  return parts;
}

/** An Excel serial date (days since 1899-12-30, the fraction is the time of day) to wall-clock parts. */
export function excelSerialParts(serial: number): Parts {
  const d = new Date(Math.round((serial - 25569) * 86400) * 1000);
  return { y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds() };
}

function parseParts(cell: Cell | undefined, format: DateFormat): Parts | 'empty' | 'invalid' {
  if (isBlank(cell)) return 'empty';
  if (typeof cell === 'number' || (format === 'excel' && PLAIN.test(String(cell).trim()))) {
    const n = Number(cell);
    if ((format !== 'excel' && format !== 'auto') || !(n > 0 && n < 2958466)) return 'invalid';
    return excelSerialParts(n);
  }
  const s = String(cell).trim();
  if (format === 'excel') return 'invalid';
  const tries: [RegExp, boolean][] =
    format === 'auto'
      ? [
          [DATE_PATTERNS['YYYY-MM-DD HH:mm'], false],
          [DATE_PATTERNS['YYYY/M/D H:mm'], false],
          [CHINESE, false],
          [DATE_PATTERNS['M/D/YYYY H:mm'], true],
        ]
      : [[DATE_PATTERNS[format], format === 'M/D/YYYY H:mm']];
  for (const [re, us] of tries) {
    const m = re.exec(s);
    if (m) return fromMatch(m, us);
  }
  return 'invalid';
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function validParts(p: Parts): boolean {
  if (p.mo < 1 || p.mo > 12 || p.d < 1 || p.d > 31 || p.y < 1900 || p.y > 2200) return false;
  if (new Date(Date.UTC(p.y, p.mo - 1, p.d)).getUTCDate() !== p.d) return false;
  if (p.h !== undefined && (p.h > 23 || p.mi! > 59 || p.s! > 59)) return false;
  return true;
}

/** A date-time cell to local wall-clock time; requireTime: a start column must carry the time too. */
export function parseDateTime(cell: Cell | undefined, format: DateFormat, requireTime: boolean): LocalDateTime | 'empty' | { error: Bilingual } {
  const p = parseParts(cell, format);
  if (p === 'empty') return 'empty';
  const bad = { error: { zh: `「${String(cell)}」不是 ${format === 'auto' ? '日期时间' : format} 格式`, en: `"${String(cell)}" is not a ${format === 'auto' ? 'date-time' : format} value` } };
  if (p === 'invalid' || !validParts(p)) return bad;
  if (requireTime && p.h === undefined) return { error: { zh: `「${String(cell)}」缺少时间`, en: `"${String(cell)}" has no time of day` } };
  return `${pad(p.y, 4)}-${pad(p.mo)}-${pad(p.d)}T${pad(p.h ?? 0)}:${pad(p.mi ?? 0)}:${pad(p.s ?? 0)}`;
}

/** A time-of-day cell ("20:00", "20:00:30", an Excel day fraction or an Excel time read as 1899-12-30 20:00) to 'HH:mm:ss'. */
export function parseTimeOfDay(cell: Cell | undefined): string | 'empty' | { error: Bilingual } {
  if (isBlank(cell)) return 'empty';
  const bad = { error: { zh: `「${String(cell)}」不是时间（H:mm）`, en: `"${String(cell)}" is not a time of day (H:mm)` } };
  if (typeof cell === 'number') {
    if (!(cell >= 0 && cell < 1)) return bad;
    const secs = Math.round(cell * 86400);
    return `${pad(Math.floor(secs / 3600))}:${pad(Math.floor(secs / 60) % 60)}:${pad(secs % 60)}`;
  }
  const m = /^(?:\d{4}-\d{2}-\d{2}[ T])?(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?$/.exec(String(cell).trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59 || Number(m[3] ?? 0) > 59) return bad;
  return `${pad(Number(m[1]))}:${m[2]}:${pad(Number(m[3] ?? 0))}`;
}

/** A local wall-clock time in a time zone to epoch milliseconds. */
export function localToEpoch(local: LocalDateTime, timeZone: string): number {
  return DateTime.fromISO(local, { zone: timeZone }).toMillis();
}

// ---------------------------------------------------------------- mapping

export interface FieldProblem {
  path: string;
  zh: string;
  en: string;
}

/** Everything wrong with a mapping against a file's headers; empty when it can be applied. */
export function checkMapping(mapping: ImportMapping, headers: readonly string[]): FieldProblem[] {
  const out: FieldProblem[] = [];
  const present = new Set(headers.filter(Boolean));
  const seenMetric = new Map<string, string>();
  const count: Record<string, number> = {};
  mapping.columns.forEach((c, i) => {
    const path = `mapping.columns.${i}`;
    if (c.target === 'ignore') return;
    if (!present.has(c.column)) out.push({ path, zh: `文件中没有「${c.column}」列`, en: `the file has no column "${c.column}"` });
    count[c.target] = (count[c.target] ?? 0) + 1;
    if (c.target !== 'metric') return;
    if (!c.metric) return void out.push({ path: `${path}.metric`, zh: '请选择指标', en: 'choose a metric' });
    const kind = metricKind(c.metric);
    if (!c.unit || !UNITS_OF[kind].includes(c.unit)) out.push({ path: `${path}.unit`, zh: `请为「${c.column}」选择适用的单位`, en: `choose a unit that fits "${c.column}"` });
    const bases = METRIC_BASES[c.metric];
    if (bases && (!c.basis || !bases.includes(c.basis))) out.push({ path: `${path}.basis`, zh: `请选择「${c.column}」的口径（${bases.join(' / ')}）`, en: `choose the basis of "${c.column}" (${bases.join(' / ')})` });
    if (!bases && c.basis) out.push({ path: `${path}.basis`, zh: '该指标只有一种口径', en: 'this metric has a single definition' });
    const twice = seenMetric.get(c.metric);
    if (twice !== undefined) out.push({ path: `${path}.metric`, zh: `指标已由「${twice}」列映射`, en: `the metric is already mapped from "${twice}"` });
    seenMetric.set(c.metric, c.column);
  });
  for (const t of ['session_id', 'room_account', 'room_name', 'start', 'date', 'time'])
    if ((count[t] ?? 0) > 1) out.push({ path: 'mapping.columns', zh: `「${t}」只能映射一列`, en: `only one column may be "${t}"` });
  const hasRoom = (count.room_account ?? 0) + (count.room_name ?? 0) > 0;
  const hasStart = Boolean(count.start) || (Boolean(count.date) && Boolean(count.time));
  if (!count.session_id && !(hasRoom && hasStart))
    out.push({ path: 'mapping.columns', zh: '需要场次 ID 列，或直播间列加开播时间（一列日期时间，或日期与时间两列）', en: 'map a session id column, or a room column plus the start (one date-time column, or a date and a time column)' });
  if (count.room_account && count.room_name) out.push({ path: 'mapping.columns', zh: '直播间只能按账号或名称之一匹配', en: 'match the room by account id or by name, not both' });
  if (!seenMetric.size) out.push({ path: 'mapping.columns', zh: '至少映射一个指标列', en: 'map at least one metric column' });
  return out;
}

/** How a row names its session, before the database is asked. */
export type SessionKey = { sessionId: string } | { room: { by: 'account' | 'name'; value: string }; start: LocalDateTime };

export interface ExtractedRow {
  /** 1-based sheet row. */
  row: number;
  key: SessionKey | null;
  values: { metric: MetricKey; value: number; basis: string | null }[];
  errors: RowError[];
}

const err = (row: number, column: string | null, e: Bilingual): RowError => ({ row, column, zh: e.zh, en: e.en });

/**
 * Reads the data rows under the header with a checked mapping: session keys and converted values per row, with every
 * problem by row and column. Rows with no filled cell are skipped.
 */
export function extractRows(rows: readonly (readonly Cell[])[], headerRow: number, headers: readonly string[], mapping: ImportMapping): ExtractedRow[] {
  const index = new Map<string, number>();
  headers.forEach((h, i) => h && !index.has(h) && index.set(h, i));
  const by = (t: ColumnMapping['target']) => mapping.columns.find((c) => c.target === t);
  const out: ExtractedRow[] = [];
  for (let r = headerRow; r < rows.length; r++) {
    const cells = rows[r]!;
    if (cells.every(isBlank)) continue;
    const rowNo = r + 1;
    const cellOf = (c: ColumnMapping) => cells[index.get(c.column) ?? -1];
    const errors: RowError[] = [];
    let key: SessionKey | null = null;
    const sid = by('session_id');
    if (sid) {
      const v = cellOf(sid);
      if (isBlank(v)) errors.push(err(rowNo, sid.column, { zh: '场次 ID 为空', en: 'the session id is empty' }));
      else key = { sessionId: String(v).trim() };
    } else {
      const roomCol = by('room_account') ?? by('room_name')!;
      const room = cellOf(roomCol);
      if (isBlank(room)) errors.push(err(rowNo, roomCol.column, { zh: '直播间为空', en: 'the room is empty' }));
      let start: LocalDateTime | null = null;
      const startCol = by('start');
      if (startCol) {
        const p = parseDateTime(cellOf(startCol), startCol.dateFormat, true);
        if (p === 'empty') errors.push(err(rowNo, startCol.column, { zh: '开播时间为空', en: 'the start time is empty' }));
        else if (typeof p === 'object') errors.push(err(rowNo, startCol.column, p.error));
        else start = p;
      } else {
        const dateCol = by('date')!;
        const timeCol = by('time')!;
        const d = parseDateTime(cellOf(dateCol), dateCol.dateFormat, false);
        const t = parseTimeOfDay(cellOf(timeCol));
        if (d === 'empty') errors.push(err(rowNo, dateCol.column, { zh: '日期为空', en: 'the date is empty' }));
        else if (typeof d === 'object') errors.push(err(rowNo, dateCol.column, d.error));
        if (t === 'empty') errors.push(err(rowNo, timeCol.column, { zh: '时间为空', en: 'the time is empty' }));
        else if (typeof t === 'object') errors.push(err(rowNo, timeCol.column, t.error));
        if (typeof d === 'string' && typeof t === 'string') start = `${d.slice(0, 10)}T${t}`;
      }
      if (!isBlank(room) && start) key = { room: { by: roomCol.target === 'room_account' ? 'account' : 'name', value: String(room).trim() }, start };
    }
    const values: ExtractedRow['values'] = [];
    for (const c of mapping.columns) {
      if (c.target !== 'metric' || !c.metric || !c.unit) continue;
      const v = convertValue(cellOf(c), c.metric, c.unit, c.numberFormat);
      if (v === 'empty') continue;
      if ('error' in v) errors.push(err(rowNo, c.column, v.error));
      else values.push({ metric: c.metric, value: v.value, basis: c.basis });
    }
    out.push({ row: rowNo, key, values, errors });
  }
  return out;
}

// ---------------------------------------------------------------- session matching

export interface CandidateSession {
  id: string;
  plannedStart: number;
  plannedEnd: number;
}

export const MATCH_TOLERANCE_MS = 2 * 3600_000;

/**
 * The session of a room an export row's start time belongs to: the one whose planned window contains it; failing that,
 * the one planned to start within ±2 h of it. Two candidates at the same step are ambiguous; none is unmatched.
 */
export function matchSession(sessions: readonly CandidateSession[], at: number): { id: string } | 'unmatched' | 'ambiguous' {
  const containing = sessions.filter((s) => s.plannedStart <= at && at < s.plannedEnd);
  if (containing.length === 1) return { id: containing[0]!.id };
  if (containing.length > 1) return 'ambiguous';
  const near = sessions.filter((s) => Math.abs(s.plannedStart - at) <= MATCH_TOLERANCE_MS);
  if (near.length === 1) return { id: near[0]!.id };
  return near.length > 1 ? 'ambiguous' : 'unmatched';
}
