import { z } from 'zod';

/** Issue 7: optimisation suggestions with their evidence. */

export const suggestionsErrors = {
} as const;

export const _suggestionsPlaceholder = z.never().optional();
