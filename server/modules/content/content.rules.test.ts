import { describe, expect, it } from 'vitest';
import { diffTexts, missingContent, missingContentCode, nextState, openBlocks, scannerCategory, stateAfterNewVersion, withWaivers, type StoredFinding } from './content.rules';

describe('review states', () => {
  it.each([
    ['draft', 'submit', 'in_review'],
    ['changes_requested', 'submit', 'in_review'],
    ['in_review', 'submit', null],
    ['approved', 'submit', null],
    ['in_review', 'approve', 'approved'],
    ['draft', 'approve', null],
    ['changes_requested', 'approve', null],
    ['in_review', 'request-changes', 'changes_requested'],
    ['approved', 'request-changes', null],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(nextState(from, action)).toBe(to);
  });

  it.each([
    ['approved', 'draft'],
    ['in_review', 'in_review'],
    ['changes_requested', 'changes_requested'],
    ['draft', 'draft'],
  ] as const)('a new version of a %s item is %s', (state, after) => {
    expect(stateAfterNewVersion(state)).toBe(after);
  });
});

describe('findings and waivers', () => {
  const f = (rule: string, start: number, severity: StoredFinding['severity'] = 'block'): StoredFinding => ({ rule, start, end: start + 2, severity, term: 'x', category: 'c', evasion: [] });
  it('a waiver covers the same rule at the same span only', () => {
    const findings = withWaivers([f('a', 0), f('a', 5), f('b', 0), f('c', 9, 'warn')], [{ id: 7, rule: 'a', span_start: 0, span_end: 2 }]);
    expect(findings.map((x) => x.waiverId)).toEqual([7, null, null, null]);
    expect(openBlocks(findings).map((x) => `${x.rule}@${x.start}`)).toEqual(['a@5', 'b@0']);
  });

  it.each([
    ['beauty', 'cosmetics'],
    ['health_food', 'health_food'],
    ['food', 'food'],
    ['apparel', 'general'],
    [null, 'general'],
  ] as const)('catalogue category %s scans as %s', (category, scanner) => {
    expect(scannerCategory(category)).toBe(scanner);
  });
});

describe('the scheduling gate', () => {
  const item = (id: string, kind: string, state: string, updated = '2026-12-01T00:00:00.000Z') => ({ id, kind, state, updated_at: updated });
  it('wants one approved script and one approved title, naming the newest item of a missing kind', () => {
    expect(missingContent([item('s', 'script', 'approved'), item('t', 'title', 'approved')])).toEqual([]);
    expect(missingContent([item('s1', 'script', 'draft'), item('s2', 'script', 'approved'), item('t', 'title', 'approved')])).toEqual([]);
    const missing = missingContent([item('t1', 'title', 'draft', '2026-12-01T00:00:00.000Z'), item('t2', 'title', 'in_review', '2026-12-02T00:00:00.000Z'), item('c', 'cover_text', 'approved')]);
    expect(missing).toEqual([
      { kind: 'script', itemId: null, state: null },
      { kind: 'title', itemId: 't2', state: 'in_review' },
    ]);
    expect(missingContentCode(missing)).toBe('content/not-approved-script-title');
    expect(missingContentCode([missing[1]!])).toBe('content/not-approved-title');
    expect(missingContentCode([missing[0]!])).toBe('content/not-approved-script');
  });
});

describe('diff', () => {
  it('joins runs and counts characters, by character and by line', () => {
    const d = diffTexts('全网最低价\n第二行', '口碑很好\n第二行', 'char');
    expect(d.by).toBe('char');
    expect(d.parts.filter((p) => p.type !== 'added').map((p) => p.text).join('')).toBe('全网最低价\n第二行');
    expect(d.parts.filter((p) => p.type !== 'removed').map((p) => p.text).join('')).toBe('口碑很好\n第二行');
    expect(d).toMatchObject({ added: 4, removed: 5 });
    expect(diffTexts('a\nb\n', 'a\nc\n', 'line').parts).toEqual([
      { type: 'equal', text: 'a\n' },
      { type: 'removed', text: 'b\n' },
      { type: 'added', text: 'c\n' },
    ]);
  });

  it('falls back to lines when a character diff would be too large', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `第${i}行`).join('\n');
    const b = Array.from({ length: 3000 }, (_, i) => `行${i}第`).join('\n');
    expect(diffTexts(a, b, 'char').by).toBe('line');
  });
});
