import { describe, expect, it } from 'vitest';
import { ALL_EVASION_ON, compileLookalikes, DEFAULT_LOOKALIKES, evasionNames, FLAG, normalize, type EvasionSwitches } from './normalize';

const lookalikes = compileLookalikes(DEFAULT_LOOKALIKES);

function run(text: string, evasion: EvasionSwitches = ALL_EVASION_ON) {
  const n = normalize(text, { evasion, lookalikes });
  const codes = Array.from(n.codes.subarray(0, n.length));
  return {
    text: String.fromCodePoint(...codes),
    spans: Array.from({ length: n.length }, (_, i) => [n.starts[i], n.ends[i]]),
    flags: Array.from(n.flags.subarray(0, n.length)),
  };
}

describe('normalize: each family and its offset map', () => {
  it.each([
    // [family, input, switches, expected normalized text, expected spans]
    ['width', 'ＮＯ１', { width: true }, 'no1', [[0, 1], [1, 2], [2, 3]]],
    ['width off', 'ＮＯ１', {}, 'ＮＯ１', [[0, 1], [1, 2], [2, 3]]],
    ['case', 'VIP', { width: true }, 'vip', [[0, 1], [1, 2], [2, 3]]],
    ['traditional', '國家級', { traditional: true }, '国家级', [[0, 1], [1, 2], [2, 3]]],
    ['traditional off', '國家級', {}, '國家級', [[0, 1], [1, 2], [2, 3]]],
    ['noise: spaces and punctuation', '最 ,好', { noise: true }, '最好', [[0, 1], [3, 4]]],
    ['noise: emoji (surrogate pair) skipped', '最😀好', { noise: true }, '最好', [[0, 1], [3, 4]]],
    ['noise: zero-width', '最\u200b好', { noise: true }, '最好', [[0, 1], [2, 3]]],
    ['noise off keeps the emoji as one code point', '最😀好', {}, '最😀好', [[0, 1], [1, 3], [3, 4]]],
    ['fancy: circled and parenthesised', '①⑴❶ⓐ', { fancy: true }, '111a', [[0, 1], [1, 2], [2, 3], [3, 4]]],
    ['fancy: two-digit circled emits two codes on one span', '⑩', { fancy: true }, '10', [[0, 1], [0, 1]]],
    ['fancy: mathematical bold (astral)', '𝐀𝟏', { fancy: true }, 'a1', [[0, 2], [2, 4]]],
    ['fancy: Chinese numerals', '一三八壹幺〇', { fancy: true }, '138110', [[0, 1], [1, 2], [2, 3], [3, 4], [4, 5], [5, 6]]],
    ['lookalike: single', '薇信', { lookalike: true }, '微信', [[0, 1], [1, 2]]],
    ['lookalike: multi-character source', '扣扣号', { lookalike: true }, 'qq号', [[0, 2], [0, 2], [2, 3]]],
    ['lookalike after width and case', 'Ｖ信', { width: true, lookalike: true }, '微信', [[0, 1], [1, 2]]],
    ['all families at once', '加 薇😀信', ALL_EVASION_ON, '加微信', [[0, 1], [2, 3], [5, 6]]],
  ] as const)('%s', (_name, input, switches, expected, spans) => {
    const r = run(input, switches as EvasionSwitches);
    expect(r.text).toBe(expected);
    expect(r.spans).toEqual(spans);
  });

  it('flags each character with the family that produced it', () => {
    const r = run('國 ①薇');
    expect(r.flags[0]! & FLAG.traditional).toBeTruthy();
    expect(r.flags[1]! & FLAG.fancy).toBeTruthy();
    expect(r.flags[1]! & FLAG.noise).toBeTruthy();
    expect(r.flags[2]! & FLAG.lookalike).toBeTruthy();
    expect(evasionNames(r.flags[1]!)).toEqual(['noise', 'fancy']);
  });

  it('keeps the original characters under a span so the UI highlights them exactly', () => {
    const text = '这款🧴面霜 全網 最😀好';
    const r = run(text);
    const i = r.text.indexOf('最好');
    expect(text.slice(r.spans[i]![0], r.spans[i + 1]![1])).toBe('最😀好');
    const j = r.text.indexOf('全网');
    expect(text.slice(r.spans[j]![0], r.spans[j + 1]![1])).toBe('全網');
  });

  it('does not collapse repeats itself (the automaton skips them)', () => {
    expect(run('最最好').text).toBe('最最好');
  });

  it('reports case folding as no evasion', () => {
    expect(evasionNames(FLAG.case)).toEqual([]);
  });
});
