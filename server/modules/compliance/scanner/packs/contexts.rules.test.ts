import { describe, expect, it } from 'vitest';
import { compileScanner } from '../scanner';
import { DEFAULT_PACKS } from '.';

const scanner = compileScanner(DEFAULT_PACKS);
const rules = (text: string, context: 'comment' | 'transcript' | 'script') => scanner.scan({ text, context }).map((f) => f.rule);

describe('where the default rules apply', () => {
  it('the Advertising Law binds the seller: a claim in the host speech or script is a finding, the same words in a viewer comment are not', () => {
    for (const context of ['transcript', 'script'] as const) {
      expect(rules('这是全网最低价，最好用的面霜', context)).toEqual(expect.arrayContaining(['ad-law.9.absolute']));
      expect(rules('原价299今天只要99', context)).toContain('ad-law.28.price');
    }
    expect(rules('这是全网最低价，最好用的面霜', 'comment')).toEqual([]);
    expect(rules('原价299今天只要99', 'comment')).toEqual([]);
  });

  it('diversion and conduct rules apply to comments as well', () => {
    expect(rules('加我薇信 abc12345 私聊', 'comment')).toEqual(expect.arrayContaining(['live.diversion.keyword']));
    expect(rules('加我薇信 abc12345 私聊', 'transcript')).toEqual(expect.arrayContaining(['live.diversion.keyword']));
  });
});
