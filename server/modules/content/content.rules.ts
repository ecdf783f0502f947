import { diffChars, diffLines } from 'diff';
import type { ContentFinding, ContentKind, ContentState, DiffPart, MissingContent } from '../../../contracts/content';
import { SESSION_REQUIRED_KINDS } from '../../../contracts/content';
import type { ScanFinding } from '../../../contracts/compliance';
import type { ProductCategory as ScannerCategory, ScanContext } from '../compliance/scanner';

// Pure decisions of content review: no database, no clock.

/** A finding as stored on a version (content_versions.findings). */
export type StoredFinding = ScanFinding & { suggestion?: string | null };

/** The scanner context each kind of text is checked in. */
export const CONTEXT_OF: Record<ContentKind, ScanContext> = { script: 'script', title: 'title', cover_text: 'title', product_copy: 'product_copy' };

/** Catalogue categories → the scanner's product categories (the medical/efficacy rules of Art. 16/17/18). */
const SCANNER_CATEGORY: Record<string, ScannerCategory> = {
  beauty: 'cosmetics',
  cosmetics: 'cosmetics',
  food: 'food',
  health_food: 'health_food',
  medical: 'medical',
};
export function scannerCategory(category: string | null | undefined): ScannerCategory {
  return (category && SCANNER_CATEGORY[category]) || 'general';
}

export type ContentAction = 'submit' | 'request-changes' | 'approve';

const MOVES: Record<ContentAction, { from: readonly ContentState[]; to: ContentState }> = {
  submit: { from: ['draft', 'changes_requested'], to: 'in_review' },
  'request-changes': { from: ['in_review'], to: 'changes_requested' },
  approve: { from: ['in_review'], to: 'approved' },
};

/** The state an action leads to, or null when the item cannot make that move now. */
export function nextState(state: ContentState, action: ContentAction): ContentState | null {
  const move = MOVES[action];
  return move.from.includes(state) ? move.to : null;
}

/** Approval is per version: a new version of an approved item is a draft again; other states keep their place. */
export function stateAfterNewVersion(state: ContentState): ContentState {
  return state === 'approved' ? 'draft' : state;
}

interface WaiverKey {
  id: number;
  rule: string;
  span_start: number;
  span_end: number;
}

/** A waiver covers the finding of the same rule at the same span of the same version. */
export function withWaivers(findings: readonly StoredFinding[], waivers: readonly WaiverKey[]): ContentFinding[] {
  return findings.map((f) => ({
    ...f,
    evasion: [...f.evasion],
    suggestion: f.suggestion ?? null,
    waiverId: waivers.find((w) => w.rule === f.rule && w.span_start === f.start && w.span_end === f.end)?.id ?? null,
  }));
}

/** The block findings that stop approval: those no waiver covers. */
export function openBlocks(findings: readonly ContentFinding[]): ContentFinding[] {
  return findings.filter((f) => f.severity === 'block' && f.waiverId === null);
}

/** Which of the kinds a session needs are not approved, given its linked items (any one approved item of a kind is enough). */
export function missingContent(items: readonly { id: string; kind: string; state: string; updated_at: string }[]): MissingContent[] {
  const out: MissingContent[] = [];
  for (const kind of SESSION_REQUIRED_KINDS) {
    const mine = items.filter((i) => i.kind === kind);
    if (mine.some((i) => i.state === 'approved')) continue;
    // Point at the newest item of that kind, so the message can say how far it got.
    const latest = [...mine].sort((a, b) => b.updated_at.localeCompare(a.updated_at))[0];
    out.push({ kind, itemId: latest?.id ?? null, state: (latest?.state as ContentState | undefined) ?? null });
  }
  return out;
}

/** The error code that names what is missing. */
export function missingContentCode(missing: readonly MissingContent[]) {
  const kinds = new Set(missing.map((m) => m.kind));
  if (kinds.has('script') && kinds.has('title')) return 'content/not-approved-script-title' as const;
  return kinds.has('script') ? ('content/not-approved-script' as const) : ('content/not-approved-title' as const);
}

/** Character diffs beyond this many edits fall back to lines: a rewritten 50,000-character script would take too long. */
const MAX_CHAR_EDITS = 4000;

/** The edit from `a` to `b` as equal/added/removed runs, by characters or by lines. */
export function diffTexts(a: string, b: string, by: 'char' | 'line'): { by: 'char' | 'line'; parts: DiffPart[]; added: number; removed: number } {
  let used = by;
  let changes = by === 'char' ? diffChars(a, b, { maxEditLength: MAX_CHAR_EDITS }) : undefined;
  if (!changes) {
    used = 'line';
    changes = diffLines(a, b);
  }
  const parts: DiffPart[] = [];
  let added = 0;
  let removed = 0;
  for (const c of changes) {
    const type = c.added ? 'added' : c.removed ? 'removed' : 'equal';
    if (type === 'added') added += c.value.length;
    if (type === 'removed') removed += c.value.length;
    const last = parts[parts.length - 1];
    if (last && last.type === type) last.text += c.value;
    else parts.push({ type, text: c.value });
  }
  return { by: used, parts, added, removed };
}
