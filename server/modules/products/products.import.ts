import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { ProductCategory, ProductInput, type ImportRowError } from '../../../contracts/planning';

/** Header spellings accepted for each field, English and Chinese, compared case- and space-insensitively. */
const HEADERS: Record<string, string[]> = {
  sku: ['sku', 'sku编码', '商品编码', '货号', '商品id'],
  name: ['name', '商品名称', '名称', '商品'],
  category: ['category', '类目', '品类', '分类'],
  listPrice: ['list_price', 'listprice', '原价', '划线价', '吊牌价'],
  livePrice: ['live_price', 'liveprice', '直播价', '到手价'],
  stock: ['stock', '库存'],
  sellingPoints: ['selling_points', 'sellingpoints', '卖点'],
  imageUrls: ['image_urls', 'imageurls', 'images', '图片', '图片链接'],
};

const CATEGORY_ALIASES: Record<string, ProductCategory> = {
  美妆: 'beauty',
  化妆品: 'beauty',
  美妆个护: 'beauty',
  护肤: 'beauty',
  食品: 'food',
  零食: 'food',
  生鲜: 'food',
  保健食品: 'health_food',
  保健品: 'health_food',
  服饰: 'apparel',
  服装: 'apparel',
  女装: 'apparel',
  数码: 'electronics',
  电子: 'electronics',
  '3c': 'electronics',
  家居: 'home',
  家纺: 'home',
  其他: 'other',
};

const norm = (h: string) => h.trim().toLowerCase().replace(/[\s\u3000]+/g, '');

export interface ParsedRow {
  /** 1-based row number in the file, counting the header as row 1. */
  row: number;
  product: ProductInput | null;
  errors: ImportRowError[];
}

/** Yuan as typed in a sheet ("59", "59.9", "¥1,299.00") to whole fen; null when it is not a price. */
export function yuanToFen(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? Math.round(value * 100) : null;
  const s = String(value ?? '').trim().replace(/^[¥￥]/, '').replace(/,/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return null;
  const [whole, frac = ''] = s.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

function splitList(value: unknown, pattern: RegExp): string[] {
  return String(value ?? '')
    .split(pattern)
    .map((s) => s.trim())
    .filter(Boolean);
}

function cellText(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return v.result;
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if (v instanceof Date) return v.toISOString();
  }
  return v;
}

/** Reads the rows of a CSV or XLSX file as objects keyed by their header. */
export async function readSheet(filename: string, content: Buffer): Promise<Record<string, unknown>[]> {
  if (/\.csv$/i.test(filename)) {
    return parseCsv(content, { columns: true, bom: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as Record<string, unknown>[];
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(content as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  if (!sheet) return [];
  const headers: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => (headers[col] = String(cellText(cell.value) ?? '')));
  const rows: Record<string, unknown>[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (!row.hasValues) continue;
    const obj: Record<string, unknown> = {};
    headers.forEach((h, col) => {
      if (h) obj[h] = cellText(row.getCell(col).value);
    });
    rows.push(obj);
  }
  return rows;
}

/** Turns sheet rows into validated products, with every problem reported by row and column. */
export function parseProductRows(raw: Record<string, unknown>[]): { rows: ParsedRow[]; missingColumns: string[] } {
  const first = raw[0] ?? {};
  const columnOf: Record<string, string | undefined> = {};
  for (const [field, names] of Object.entries(HEADERS)) columnOf[field] = Object.keys(first).find((h) => names.includes(norm(h)));
  const missingColumns = ['sku', 'name', 'category', 'listPrice', 'livePrice'].filter((f) => !columnOf[f]);
  const seen = new Map<string, number>();
  const rows = raw.map((r, i): ParsedRow => {
    const row = i + 2;
    const errors: ImportRowError[] = [];
    const get = (f: string) => (columnOf[f] ? r[columnOf[f]!] : undefined);
    const err = (f: string, message: string) => errors.push({ row, column: columnOf[f] ?? f, message });

    const catRaw = norm(String(get('category') ?? ''));
    const category = ProductCategory.safeParse(catRaw).success ? catRaw : CATEGORY_ALIASES[catRaw];
    if (!category) err('category', `unknown category "${get('category') ?? ''}" / 未知类目`);
    const listPriceFen = yuanToFen(get('listPrice'));
    if (listPriceFen === null) err('listPrice', 'not a price in yuan / 价格格式不正确');
    const livePriceFen = yuanToFen(get('livePrice'));
    if (livePriceFen === null) err('livePrice', 'not a price in yuan / 价格格式不正确');
    const stockRaw = String(get('stock') ?? '0').trim() || '0';
    if (!/^\d+$/.test(stockRaw)) err('stock', 'stock must be a whole number / 库存须为整数');

    const candidate = {
      sku: String(get('sku') ?? '').trim(),
      name: String(get('name') ?? '').trim(),
      category,
      listPriceFen,
      livePriceFen,
      stock: Number(stockRaw),
      sellingPoints: splitList(get('sellingPoints'), /[;；|、\n]/),
      imageUrls: splitList(get('imageUrls'), /[\s;；|,]+/),
    };
    const parsed = ProductInput.safeParse(candidate);
    if (!parsed.success) {
      // Every problem of the row, not only the first kind: fields already reported above are not repeated.
      const reported = new Set(errors.map((e) => e.column));
      const columnFor: Record<string, string> = { listPriceFen: 'listPrice', livePriceFen: 'livePrice' };
      for (const issue of parsed.error.issues) {
        const field = columnFor[String(issue.path[0] ?? '')] ?? String(issue.path[0] ?? '');
        if (!reported.has(columnOf[field] ?? field)) err(field, issue.message);
      }
    }
    if (candidate.sku) {
      const dup = seen.get(candidate.sku);
      if (dup) err('sku', `SKU repeated from row ${dup} / SKU 与第 ${dup} 行重复`);
      else seen.set(candidate.sku, row);
    }
    return { row, product: errors.length === 0 && parsed.success ? parsed.data : null, errors };
  });
  return { rows, missingColumns };
}
