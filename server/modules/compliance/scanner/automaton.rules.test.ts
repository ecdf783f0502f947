import { describe, expect, it } from 'vitest';
import { compileAutomaton, type AutomatonEntry } from './automaton';
import { ALL_EVASION_ON, compileLookalikes, DEFAULT_LOOKALIKES, evasionNames, normalize, type NormalizeOptions } from './normalize';

const options: NormalizeOptions = { evasion: ALL_EVASION_ON, lookalikes: compileLookalikes(DEFAULT_LOOKALIKES) };

function entries(terms: string[], allow: string[] = []): AutomatonEntry[] {
  return [
    ...terms.map((term, ref) => ({ term, kind: 'term' as const, ref, scope: 0 })),
    ...allow.map((term) => ({ term, kind: 'allow' as const, ref: -1, scope: 0 })),
  ];
}

function find(terms: string[], text: string, allow: string[] = [], opts: NormalizeOptions = options) {
  const a = compileAutomaton(entries(terms, allow), opts);
  const n = normalize(text, opts);
  return a.match(n).map((m) => ({ term: a.entries[m.entry]!.term, span: text.slice(n.starts[m.first]!, n.ends[m.last]!), evasion: evasionNames(m.evasion) }));
}

describe('automaton', () => {
  it('finds overlapping terms in one pass', () => {
    expect(find(['全网最低', '最低', '最低价'], '全网最低价')).toEqual([
      { term: '全网最低', span: '全网最低', evasion: [] },
      { term: '最低', span: '最低', evasion: [] },
      { term: '最低价', span: '最低价', evasion: [] },
    ]);
  });

  it('follows failure links', () => {
    expect(find(['abcd', 'bc'], 'xabcx').map((m) => m.term)).toEqual(['bc']);
  });

  it('skips repeated characters, but not when the term itself doubles a character', () => {
    expect(find(['最好'], '最最最好')).toEqual([{ term: '最好', span: '最最最好', evasion: ['repeat'] }]);
    expect(find(['好好学习'], '好好学习')).toEqual([{ term: '好好学习', span: '好好学习', evasion: [] }]);
    expect(find(['好好学习'], '好好好学习')).toEqual([{ term: '好好学习', span: '好好好学习', evasion: ['repeat'] }]);
  });

  it('does not skip repeats when the family is off', () => {
    expect(find(['最好'], '最最好', [], { ...options, evasion: { ...ALL_EVASION_ON, repeat: false } }).map((m) => m.span)).toEqual(['最好']);
  });

  it('reports only the evasion the term itself did not carry', () => {
    expect(find(['NO.1'], 'no.1')[0]!.evasion).toEqual([]);
    expect(find(['NO.1'], 'No1')[0]!.evasion).toEqual([]);
    expect(find(['NO.1'], 'ＮＯ．１')[0]!.evasion).toEqual(['width']);
    expect(find(['第一'], '第一')[0]!.evasion).toEqual([]);
    expect(find(['第一'], '第❶')[0]!.evasion).toEqual(['fancy']);
  });

  it('allow words suppress a match at their position only', () => {
    expect(find(['第一'], '第一次来', ['第一次'])).toEqual([]);
    expect(find(['第一'], '第一次来，我们是第一', ['第一次']).map((m) => m.span)).toEqual(['第一']);
    expect(find(['最'], '最近最好', ['最近']).map((m) => m.span)).toEqual(['最']);
  });

  it('allow words only guard terms of their own scope', () => {
    const a = compileAutomaton([
      { term: '第一', kind: 'term', ref: 0, scope: 1 },
      { term: '第一次', kind: 'allow', ref: -1, scope: 0 },
    ], options);
    expect(a.match(normalize('第一次', options))).toHaveLength(1);
  });

  it('matches terms with astral characters and keeps surrogate pairs whole', () => {
    expect(find(['𠮷野家'], 'x𠮷 野家')).toEqual([{ term: '𠮷野家', span: '𠮷 野家', evasion: ['noise'] }]);
  });

  it('compiles many terms quickly', () => {
    const terms = Array.from({ length: 20_000 }, (_, i) => `词${i.toString(36)}语${String.fromCharCode(0x4e00 + (i % 5000))}`);
    const t0 = performance.now();
    const a = compileAutomaton(entries(terms), options);
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(a.match(normalize(`前缀${terms[12345]}后缀`, options)).length).toBe(1);
  });
});
