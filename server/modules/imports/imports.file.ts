import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Cell } from '../../../contracts/imports';
import { DomainError } from '../../platform/errors';
import { decodeText } from './imports.rules';

export interface SheetRows {
  format: 'csv' | 'xlsx';
  encoding: 'utf-8' | 'gbk' | null;
  sheets: string[];
  sheet: string | null;
  rows: Cell[][];
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** exceljs dates carry the sheet's wall-clock time in their UTC fields (Excel has no time zone). */
function wallClock(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

function cellOf(cell: ExcelJS.Cell): Cell {
  let v: unknown = cell.value;
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    if ('result' in v) v = (v as { result: unknown }).result;
    else if ('richText' in v) v = (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
    else if ('text' in v) v = (v as { text: unknown }).text;
  }
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : wallClock(v);
  // A percentage-formatted cell holds 0.125 and shows 12.5%: keep what the user sees, so the unit reads it right.
  if (typeof v === 'number') return typeof cell.numFmt === 'string' && cell.numFmt.includes('%') ? `${Number((v * 100).toPrecision(12))}%` : v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'object') return null;
  return String(v);
}

function isXlsx(fileName: string, bytes: Buffer): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b ? true : /\.xlsx$/i.test(fileName);
}

const bad = (message: string) => new DomainError('import/bad-file', [{ path: 'contentBase64', message }]);

/** Every row of a CSV file or one XLSX sheet, cells as text or numbers (dates as 'YYYY-MM-DD HH:mm:ss' wall-clock). */
export async function readRows(fileName: string, bytes: Buffer, sheetName?: string | null): Promise<SheetRows> {
  if (!bytes.length) throw bad('empty file / 空文件');
  if (isXlsx(fileName, bytes)) {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch (e) {
      throw bad(`not a readable XLSX file: ${(e as Error).message}`);
    }
    const sheets = wb.worksheets.map((w) => w.name);
    const ws = sheetName ? wb.getWorksheet(sheetName) : wb.worksheets[0];
    if (!ws) throw new DomainError('import/bad-file', [{ path: 'sheet', message: sheetName ?? '' }]);
    const rows: Cell[][] = [];
    const width = ws.columnCount;
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: Cell[] = [];
      for (let c = 1; c <= width; c++) cells.push(cellOf(row.getCell(c)));
      while (cells.length && cells[cells.length - 1] === null) cells.pop();
      rows.push(cells);
    }
    return { format: 'xlsx', encoding: null, sheets, sheet: ws.name, rows };
  }
  if (/\.xls$/i.test(fileName) || bytes[0] === 0xd0) throw bad('old .xls files are not read; save as .xlsx or CSV / 不支持旧版 .xls，请另存为 .xlsx 或 CSV');
  const { text, encoding } = decodeText(bytes);
  // A text export never holds a NUL character; a binary file read as text does (and PostgreSQL refuses it in text).
  if (text.includes('\u0000')) throw bad('not a text (CSV) file / 不是文本（CSV）文件');
  let rows: string[][];
  try {
    rows = parseCsv(text, { relax_column_count: true, relax_quotes: true, skip_empty_lines: false, trim: true }) as string[][];
  } catch (e) {
    throw bad(`not a readable CSV file: ${(e as Error).message}`);
  }
  return { format: 'csv', encoding, sheets: [], sheet: null, rows: rows.map((r) => r.map((c) => (c === '' ? null : c))) };
}
