import { describe, expect, it } from 'vitest';
import { parseBulkTerms, termProblem } from './packs.rules';

describe('parseBulkTerms', () => {
  it.each([
    { name: 'one per line, trimmed, blanks skipped', input: { text: '  加微信 \n\n私下交易\r\n  \n扫码' }, existing: [], accepted: ['加微信', '私下交易', '扫码'], duplicates: 0, errors: 0 },
    { name: 'duplicates in the input and against stored terms', input: { text: '最好\n第一\n最好\n唯一' }, existing: ['唯一'], accepted: ['最好', '第一'], duplicates: 2, errors: 0 },
    { name: 'an array of items', input: { items: [' a1 ', '', 'b2', 'a1'] }, existing: [], accepted: ['a1', 'b2'], duplicates: 1, errors: 0 },
    { name: 'an over-long line and a symbol-only line are invalid', input: { text: `好词\n${'长'.repeat(101)}\n！！！` }, existing: [], accepted: ['好词'], duplicates: 0, errors: 2 },
    { name: 'empty text', input: { text: '' }, existing: [], accepted: [], duplicates: 0, errors: 0 },
  ])('$name', ({ input, existing, accepted, duplicates, errors }) => {
    const r = parseBulkTerms(input, existing);
    expect(r.accepted).toEqual(accepted);
    expect(r.duplicates).toBe(duplicates);
    expect(r.errors).toHaveLength(errors);
  });

  it('names the 1-based line of an invalid entry', () => {
    const r = parseBulkTerms({ text: 'ok\n\n\tx\ty' }, []);
    expect(r.errors).toEqual([{ line: 3, text: 'x\ty', message: expect.stringContaining('control') }]);
  });

  it.each([
    ['加微信', null],
    ['a'.repeat(100), null],
    ['a'.repeat(101), expect.stringContaining('100')],
    ['@@ ##', expect.stringContaining('never match')],
  ])('termProblem(%s)', (term, problem) => {
    expect(termProblem(term)).toEqual(problem);
  });
});
