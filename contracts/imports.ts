import { z } from 'zod';

/** Issue 7: the imports area (platform exports in CSV/XLSX, column mapping presets). */

export const importsErrors = {
} as const;

export const _importsPlaceholder = z.never().optional();
