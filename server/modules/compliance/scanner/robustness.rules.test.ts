import { describe, expect, it } from 'vitest';
import { DEFAULT_PACKS } from './packs';
import { compileScanner } from './scanner';

const scanner = compileScanner(DEFAULT_PACKS);
const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

describe('scanner robustness', () => {
  it.each(['', ' ', '😀😀😀', '\u200b\u200b', '\ud800', 'a\udc00b', '最'.repeat(10_000), '！？。，'])('handles %j', (text) => {
    expect(() => scanner.scan({ text })).not.toThrow();
  });

  it('spans stay inside the text and never split a surrogate pair (random texts)', () => {
    const alphabet = [...'最好第一次近加微薇信扣QqVv138０１２国家級全网低原价抽10名 .-_😀🧴\u200b①❶ⓐ壹幺一三八零', '\ud83d\ude00'];
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    for (let round = 0; round < 2000; round++) {
      let text = '';
      const len = rnd(40);
      for (let i = 0; i < len; i++) text += alphabet[rnd(alphabet.length)];
      for (const f of scanner.scan({ text })) {
        expect(f.start).toBeGreaterThanOrEqual(0);
        expect(f.end).toBeLessThanOrEqual(text.length);
        expect(f.start).toBeLessThan(f.end);
        expect(isLow(text.charCodeAt(f.start))).toBe(false);
        expect(isHigh(text.charCodeAt(f.end - 1))).toBe(false);
      }
    }
  });

  it('gives the same answer when called again (reused buffers)', () => {
    const a = scanner.scan({ text: '加薇信 abc123456，全网最低' });
    scanner.scan({ text: 'x'.repeat(5000) });
    expect(scanner.scan({ text: '加薇信 abc123456，全网最低' })).toEqual(a);
  });
});
