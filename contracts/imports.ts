import { z } from 'zod';
import { MetricKey, metricUnit, TimeWindow, type MetricUnit } from './analytics';
import { Id, Timestamp } from './common';
import { Platform } from './team';

/**
 * Issue 7: platform data import. A platform export (CSV or XLSX) is read, its columns are mapped by the user to
 * metrics or to the keys that find the session, and the values are written to metric_values in base units (fen,
 * seconds, counts, fractions) with source 'import'. Real export header rows are not known in advance, so no preset
 * ships: the mapping is the user's, saved as a named preset per platform and reused when the same headers come back.
 */

export const importsErrors = {
  'import/bad-file': { status: 400, zh: '无法读取该文件，请上传 CSV 或 XLSX 文件', en: 'The file cannot be read; upload a CSV or XLSX file' },
  'import/bad-mapping': { status: 400, zh: '列映射不完整或有误', en: 'The column mapping is incomplete or invalid' },
  'import/rows-invalid': { status: 400, zh: '文件中有错误行，未导入任何数据', en: 'Some rows have errors; nothing was imported' },
  'import/not-found': { status: 404, zh: '找不到该导入记录', en: 'Import not found' },
  'import/already-undone': { status: 409, zh: '该导入已撤销', en: 'This import was already undone' },
  'import/preset-not-found': { status: 404, zh: '找不到该映射预设', en: 'Mapping preset not found' },
  'import/preset-name-taken': { status: 409, zh: '该平台已有同名预设', en: 'This platform already has a preset with that name' },
} as const;

/** How a column's numbers are written. 'auto' accepts all of them: 1,234.5 · 1.2万 · 1.2w · 12.5% · ¥99. */
export const NumberFormat = z.enum(['auto', 'plain', 'thousands', 'wan', 'percent']);
export type NumberFormat = z.infer<typeof NumberFormat>;

/**
 * The unit a column is written in; values are converted to the metric's base unit (fen, seconds, count, fraction).
 * yuan 元 · fen 分 · wan_yuan 万元 · seconds · minutes · hms (hh:mm:ss or mm:ss) · count · count_wan (in 万) ·
 * percent (12.5 or 12.5% → 0.125) · fraction (0.125).
 */
export const ValueUnit = z.enum(['yuan', 'fen', 'wan_yuan', 'seconds', 'minutes', 'hms', 'count', 'count_wan', 'percent', 'fraction']);
export type ValueUnit = z.infer<typeof ValueUnit>;

/** How a date or date-time column is written; local wall-clock time in the room's time zone. */
export const DateFormat = z.enum(['auto', 'YYYY-MM-DD HH:mm', 'YYYY/M/D H:mm', 'M/D/YYYY H:mm', 'excel']);
export type DateFormat = z.infer<typeof DateFormat>;

/**
 * What a column is: a metric, one of the keys that find the session (its id; or the room by platform account id or
 * display name plus the start as one date-time column or a date and a time column), or ignored.
 */
export const ColumnTarget = z.enum(['ignore', 'metric', 'session_id', 'room_account', 'room_name', 'start', 'date', 'time']);
export type ColumnTarget = z.infer<typeof ColumnTarget>;

/** Metrics with more than one definition, and the definitions a column may declare (domain.md §1.1). */
export const METRIC_BASES: Partial<Record<MetricKey, readonly string[]>> = {
  gpm_fen: ['pv', 'uv'],
  interaction_rate: ['comments/views', 'commenters/viewers'],
  refund_rate: ['amount', 'orders'],
};

export type MetricKind = 'money' | 'duration' | 'count' | 'rate';

const KIND_OF_UNIT: Record<MetricUnit, MetricKind> = { fen: 'money', seconds: 'duration', count: 'count', ratio: 'rate' };

/** money (fen), duration (seconds), count, rate (fraction; ROI too): the metric's unit, as an import column reads it. */
export function metricKind(metric: MetricKey): MetricKind {
  return KIND_OF_UNIT[metricUnit(metric)];
}

/** The units a column may be written in, per kind of metric. */
export const UNITS_OF: Record<MetricKind, readonly ValueUnit[]> = {
  money: ['yuan', 'fen', 'wan_yuan'],
  duration: ['seconds', 'minutes', 'hms'],
  count: ['count', 'count_wan'],
  rate: ['percent', 'fraction'],
};

export const DEFAULT_UNIT: Record<MetricKind, ValueUnit> = { money: 'yuan', duration: 'seconds', count: 'count', rate: 'percent' };

export const ColumnMapping = z.object({
  /** The header text of the column, exactly as in the file. */
  column: z.string().max(200),
  target: ColumnTarget,
  metric: MetricKey.nullable().default(null),
  unit: ValueUnit.nullable().default(null),
  numberFormat: NumberFormat.default('auto'),
  dateFormat: DateFormat.default('auto'),
  basis: z.string().max(40).nullable().default(null),
});
export type ColumnMapping = z.infer<typeof ColumnMapping>;
export type ColumnMappingInput = z.input<typeof ColumnMapping>;

export const ImportMapping = z.object({
  platform: Platform,
  timeWindow: TimeWindow.default('live'),
  columns: z.array(ColumnMapping).min(1).max(200),
});
export type ImportMapping = z.infer<typeof ImportMapping>;
export type ImportMappingInput = z.input<typeof ImportMapping>;

/** The file travels as base64 in JSON (no multipart): up to 50 MB of file. */
export const ImportFile = z.object({
  fileName: z.string().trim().min(1).max(200),
  contentBase64: z.string().min(1).max(70 * 1024 * 1024),
  /** Sheet name for XLSX; the first sheet when absent. */
  sheet: z.string().max(200).nullable().optional(),
  /** 1-based row of the header; detected (a title row above it is skipped) when absent. */
  headerRow: z.number().int().min(1).max(1000).nullable().optional(),
});
export type ImportFile = z.infer<typeof ImportFile>;

export const ImportRequest = ImportFile.extend({
  mapping: ImportMapping,
  /** The preset the mapping came from, recorded with the import. */
  presetId: Id.nullable().optional(),
});
export type ImportRequest = z.infer<typeof ImportRequest>;
export type ImportRequestInput = z.input<typeof ImportRequest>;

export const Cell = z.union([z.string(), z.number(), z.null()]);
export type Cell = z.infer<typeof Cell>;

export const PresetInput = z.object({
  name: z.string().trim().min(1).max(80),
  /** The header row the preset was made from; a file with the same set of headers gets it. */
  headers: z.array(z.string().max(200)).min(1).max(200),
  mapping: ImportMapping,
});
export type PresetInput = z.infer<typeof PresetInput>;
export type PresetInputRaw = z.input<typeof PresetInput>;

export const PresetView = z.object({
  id: Id,
  name: z.string(),
  platform: Platform,
  headers: z.array(z.string()),
  mapping: ImportMapping,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type PresetView = z.infer<typeof PresetView>;

export const ParseResult = z.object({
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  /** utf-8 (a BOM is dropped) or gbk (detected when the bytes are not valid UTF-8); null for XLSX. */
  encoding: z.enum(['utf-8', 'gbk']).nullable(),
  sheets: z.array(z.string()),
  sheet: z.string().nullable(),
  headerRow: z.number().int(),
  headers: z.array(z.string()),
  /** The first rows of the sheet as they are, to choose the header row. */
  topRows: z.array(z.array(Cell)),
  /** The first data rows under the header. */
  sampleRows: z.array(z.array(Cell)),
  rowCount: z.number().int(),
  /** The newest preset whose header set equals this file's; null when none does. */
  preset: PresetView.nullable(),
});
export type ParseResult = z.infer<typeof ParseResult>;

/** A problem in one row (row 0: the file or the mapping as a whole), in both languages. */
export const RowError = z.object({
  /** 1-based row number in the sheet, as a spreadsheet shows it. */
  row: z.number().int(),
  column: z.string().nullable(),
  zh: z.string(),
  en: z.string(),
});
export type RowError = z.infer<typeof RowError>;

export const MatchedSession = z.object({
  id: Id,
  title: z.string(),
  roomId: Id,
  roomName: z.string(),
  plannedStart: Timestamp,
});
export type MatchedSession = z.infer<typeof MatchedSession>;

export const PreviewRow = z.object({
  row: z.number().int(),
  session: MatchedSession.nullable(),
  /** Values in base units (fen, seconds, counts, fractions); metrics whose cell is empty are left out. */
  values: z.array(z.object({ metric: MetricKey, value: z.number(), basis: z.string().nullable() })),
  ok: z.boolean(),
});
export type PreviewRow = z.infer<typeof PreviewRow>;

export const PreviewResult = z.object({
  rowCount: z.number().int(),
  validRows: z.number().int(),
  sessionCount: z.number().int(),
  valueCount: z.number().int(),
  /** The first 50 rows. */
  rows: z.array(PreviewRow),
  /** Every error (at most 500). */
  errors: z.array(RowError),
});
export type PreviewResult = z.infer<typeof PreviewResult>;

export const ImportView = z.object({
  id: Id,
  fileName: z.string(),
  platform: Platform,
  timeWindow: TimeWindow,
  presetId: Id.nullable(),
  presetName: z.string().nullable(),
  rowCount: z.number().int(),
  valueCount: z.number().int(),
  sessionIds: z.array(Id),
  createdBy: z.string(),
  createdAt: Timestamp,
  undoneAt: Timestamp.nullable(),
  undoneBy: z.string().nullable(),
});
export type ImportView = z.infer<typeof ImportView>;
