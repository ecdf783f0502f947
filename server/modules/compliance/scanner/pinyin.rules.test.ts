import { describe, expect, it } from 'vitest';
import { pinyinVariants } from './pinyin';

describe('pinyinVariants', () => {
  it.each([
    ['加微信', ['jiaweixin', 'jwx']],
    ['私下交易', ['sixiajiaoyi', 'sxjy']],
    ['QQ号', ['qqhao', 'qqh']],
    ['微信', ['weixin']], // initials "wx" are too short to keep
  ])('%s → full pinyin and initials %j', (term, expected) => {
    expect(pinyinVariants(term).slice(0, expected.length)).toEqual(expected);
  });

  it('adds the mixed spellings of short terms, never the term itself', () => {
    const v = pinyinVariants('加微信');
    expect(v).toEqual(expect.arrayContaining(['jia微信', '加wei信', '加微xin', 'jiawei信', 'jia微xin', '加weixin']));
    expect(v).not.toContain('加微信');
    expect(v).toHaveLength(2 + 6);
  });

  it('has nothing for terms without Han characters', () => {
    expect(pinyinVariants('VIP')).toEqual([]);
  });
});
