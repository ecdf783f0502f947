import { describe, expect, it } from 'vitest';
import { highlightSegments, worstOf, type HighlightFinding } from './highlight';

const f = (start: number, end: number, severity: HighlightFinding['severity'] = 'warn', rule = 'r'): HighlightFinding => ({ start, end, severity, rule, term: 't' });
const view = (text: string, findings: HighlightFinding[]) => highlightSegments(text, findings).map((s) => [text.slice(s.start, s.end), s.findings.length]);

describe('highlightSegments', () => {
  it.each([
    { name: 'no findings', text: '全网最低价', findings: [], expected: [['全网最低价', 0]] },
    { name: 'one finding inside', text: '这是全网最低价', findings: [f(2, 6)], expected: [['这是', 0], ['全网最低', 1], ['价', 0]] },
    { name: 'at both ends', text: '最好的第一', findings: [f(0, 2), f(3, 5)], expected: [['最好', 1], ['的', 0], ['第一', 1]] },
    { name: 'overlapping', text: 'abcdef', findings: [f(1, 4), f(2, 5)], expected: [['a', 0], ['b', 1], ['cd', 2], ['e', 1], ['f', 0]] },
    { name: 'nested, same span twice', text: 'abcd', findings: [f(0, 4), f(0, 4, 'block')], expected: [['abcd', 2]] },
    { name: 'out of range and empty ignored', text: 'abc', findings: [f(2, 9), f(1, 1), f(-1, 2)], expected: [['abc', 0]] },
    { name: 'adjacent findings stay apart', text: 'aabb', findings: [f(0, 2, 'warn', 'x'), f(2, 4, 'warn', 'y')], expected: [['aa', 1], ['bb', 1]] },
  ])('$name', ({ text, findings, expected }) => {
    expect(view(text, findings)).toEqual(expected);
  });

  it('uses UTF-16 offsets: an emoji before the finding counts two', () => {
    const text = '😀加薇信';
    expect(view(text, [f(2, 5)])).toEqual([['😀', 0], ['加薇信', 1]]);
  });

  it('picks the most severe finding', () => {
    expect(worstOf([f(0, 1, 'info'), f(0, 1, 'block'), f(0, 1, 'warn')])?.severity).toBe('block');
    expect(worstOf([])).toBeUndefined();
  });
});
