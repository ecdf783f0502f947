import type { ScanFinding, ScanRequest } from '../../../contracts/compliance';
import { compileScanner, createScanner, DEFAULT_PACKS, type ProductCategory, type Scanner } from './scanner';

const CATEGORY: Record<NonNullable<ScanRequest['category']>, ProductCategory> = {
  beauty: 'cosmetics',
  cosmetics: 'cosmetics',
  food: 'food',
  health_food: 'health_food',
  medical: 'medical',
  apparel: 'general',
  electronics: 'general',
  home: 'general',
  other: 'general',
  general: 'general',
};

/** The default packs, or the named ones; unknown pack ids are an error the caller reports. */
export function packScanner(packIds?: readonly string[]): Scanner {
  if (!packIds?.length) return compileScanner([...DEFAULT_PACKS]);
  const unknown = packIds.filter((id) => !DEFAULT_PACKS.some((p) => p.id === id));
  if (unknown.length) throw new Error(`unknown pack ${unknown.join(', ')}; packs: ${DEFAULT_PACKS.map((p) => p.id).join(', ')}`);
  return compileScanner(DEFAULT_PACKS.filter((p) => packIds.includes(p.id)));
}

const toFinding = (f: { term: string; rule: string; category: string; severity: ScanFinding['severity']; start: number; end: number; evasion: readonly string[] }): ScanFinding => ({
  term: f.term,
  rule: f.rule,
  category: f.category,
  severity: f.severity,
  start: f.start,
  end: f.end,
  evasion: [...f.evasion],
});

/** Scans one request: against its own ad-hoc dictionary when it carries `terms`, else against `packs`. */
export function scanRequest(req: ScanRequest, packs: Scanner): ScanFinding[] {
  if (req.terms) {
    const adHoc = createScanner({ terms: req.terms, allow: req.allow ?? [] });
    return adHoc.scan(req.text, req.context).map(toFinding);
  }
  return packs
    .scan({ text: req.text, ...(req.context ? { context: req.context } : {}), ...(req.category ? { category: CATEGORY[req.category] } : {}) })
    .map(toFinding);
}
