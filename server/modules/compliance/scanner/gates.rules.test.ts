import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { ALL_EVASION_ON } from './normalize';
import { DEFAULT_PACKS } from './packs';
import { compileScanner, createScanner, scanGates, type Finding } from './scanner';

// The start gates (skip a text no unit of which can begin a term or a pattern, normalize from the first that can)
// are an optimisation only: with them off, every text must give exactly the same findings.
const terms = [...new Set(DEFAULT_PACKS.flatMap((p) => p.rules.flatMap((r) => r.terms)))];
const allow = [...new Set(DEFAULT_PACKS.flatMap((p) => p.allow ?? []))];
const packs = compileScanner(DEFAULT_PACKS);
const exact = createScanner({ terms, evasion: {} });
const evasive = createScanner({ terms, allow, evasion: ALL_EVASION_ON });

const fragments = [
  ...terms.slice(0, 40), ...allow, '加薇信', '加 V 信', 'jia wei xin', 'jwx', '私下jiaoyi', '扣扣', 'vx', 'wx', '國家級', '最✨好', '最最最好',
  'ＴＯＰ１', '①③⑧', '❶', 'ⓐ', '壹', '一三八', '零零', '13800138000', '400', '原价', '抽', '10', '个', '中奖', '价', 't.cn/a', '。cn', '.com',
  '😀', '🧴', '❤️', '\u200b', '\ufe0f', ' ', '，', '！', '~', '主播', '好看', '已拍', '多少钱', 'link', 'please', 'How', 'A', 'v', 'q',
  '𝟏', '𝐀', '\ud800', '\udc00', '⑳', '²',
];
const texts = fc.array(fc.constantFrom(...fragments), { maxLength: 12 }).map((parts) => parts.join(''));

function both(scan: (text: string) => Finding[], text: string): [Finding[], Finding[]] {
  scanGates.on = true;
  const gated = scan(text);
  scanGates.on = false;
  const full = scan(text);
  scanGates.on = true;
  return [gated, full];
}

describe('start gates never change findings', () => {
  afterEach(() => { scanGates.on = true; });

  it.each([
    ['default packs, no context', (t: string) => packs.scan({ text: t })],
    ['default packs, comment', (t: string) => packs.scan({ text: t, context: 'comment' })],
    ['ad-hoc exact', (t: string) => exact.scan(t)],
    ['ad-hoc, every family on', (t: string) => evasive.scan(t, 'comment')],
  ] as const)('%s', (_name, scan) => {
    fc.assert(fc.property(texts, (text) => {
      const [gated, full] = both(scan, text);
      expect(gated).toEqual(full);
    }), { numRuns: 1500, seed: 20261127 });
  });

  it('finds terms that start after emoji, noise and surrogates', () => {
    const [gated] = both((t) => evasive.scan(t), '😀😀\u200b 加 薇 信');
    expect(gated.map((f) => [f.term, f.start, f.end])).toEqual([['加微信', 6, 11]]);
    const [phone] = both((t) => packs.scan({ text: t }), '🧴电话𝟏3800138000');
    expect(phone.map((f) => f.rule)).toContain('live.diversion.phone');
  });
});
