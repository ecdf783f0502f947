import { z } from 'zod';

/** Where a text is used; rules can apply to some contexts only. */
export const ScanContext = z.enum(['script', 'title', 'product_copy', 'comment', 'transcript']);

/**
 * The product category: the catalogue's categories (contracts/planning.ts) or the scanner's own; it selects the
 * medical/efficacy rules of 广告法 Art. 16/17/18.
 */
export const ScanCategory = z.enum(['beauty', 'cosmetics', 'food', 'health_food', 'medical', 'apparel', 'electronics', 'home', 'other', 'general']);

/** One text to scan. With `terms` (and optionally `allow`) it is scanned against that ad-hoc dictionary, every evasion family on, instead of the packs. */
export const ScanRequest = z.object({
  text: z.string().max(100_000),
  context: ScanContext.optional(),
  category: ScanCategory.optional(),
  terms: z.array(z.string().min(1).max(100)).max(50_000).optional(),
  allow: z.array(z.string().min(1).max(100)).max(50_000).optional(),
});
export type ScanRequest = z.infer<typeof ScanRequest>;

export const ScanFinding = z.object({
  /** The dictionary's own spelling of the matched term. */
  term: z.string(),
  rule: z.string(),
  category: z.string(),
  severity: z.enum(['info', 'warn', 'block']),
  /** UTF-16 offsets into the original text, end exclusive: the exact characters to highlight. */
  start: z.number().int(),
  end: z.number().int(),
  /** The evasion families the match saw through. */
  evasion: z.array(z.string()),
});
export type ScanFinding = z.infer<typeof ScanFinding>;

export const complianceErrors = {
} as const;

export const ScanResponse = z.object({ findings: z.array(ScanFinding) });
export type ScanResponse = z.infer<typeof ScanResponse>;
