import { describe, expect, it } from 'vitest';
import { pinyinVariants } from './pinyin';

describe('pinyinVariants', () => {
  it.each([
    ['加微信', ['jiaweixin', 'jwx']],
    ['私下交易', ['sixiajiaoyi', 'sxjy']],
    ['QQ号', ['qqhao', 'qqh']],
    ['微信', ['weixin']], // initials "wx" are too short to keep
    ['VIP', []],
  ])('%s → %j', (term, expected) => {
    expect(pinyinVariants(term)).toEqual(expected);
  });
});
