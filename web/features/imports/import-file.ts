import { z } from 'zod';
import { ColumnMapping as ColumnMappingSchema, RowError, type Cell, type ColumnMapping } from '../../../contracts/imports';

/** The uploaded file as the API takes it. */
export type FileInput = { fileName: string; contentBase64: string };

/** The details of an 'import/rows-invalid' refusal. */
export const RowErrors = z.object({ errors: z.array(RowError) });

export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

const blankColumn = (column: string): ColumnMapping => ColumnMappingSchema.parse({ column, target: 'ignore' });

/** One mapping row per non-empty header, taken from `base` (a preset or the previous mapping) where it names the header. */
export function columnsFor(headers: string[], base?: ColumnMapping[]): ColumnMapping[] {
  return headers.filter(Boolean).map((h) => base?.find((c) => c.column === h) ?? blankColumn(h));
}

export const cellText = (c: Cell | undefined) => (c === null || c === undefined ? '' : String(c));
