import { describe, expect, it } from 'vitest';
import { compileScanner } from './scanner';
import { diversionPack, falseAdvertisingPack } from './packs';

const scanner = compileScanner([{ ...diversionPack, rules: [] }, { ...falseAdvertisingPack, rules: [] }]);
const hits = (text: string) => scanner.scan({ text }).map((f) => [f.rule.replace(/^.*\.(?=[a-z-]+$)/, ''), text.slice(f.start, f.end)]);

describe('pattern rules', () => {
  it.each([
    ['手机13800138000', [['phone', '13800138000']]],
    ['+86 138 0013 8000', [['phone', '86 138 0013 8000']]],
    ['壹叁捌零零壹叁捌零零零', [['phone', '壹叁捌零零壹叁捌零零零']]],
    ['①③⑧⓪⓪①③⑧⓪⓪⓪', [['phone', '①③⑧⓪⓪①③⑧⓪⓪⓪']]],
    ['客服 400-123-4567', [['phone', '400-123-4567']]],
    ['微信号：shop_2026a', [['wechat', '微信号：shop_2026a']]],
    ['薇信 abcdef1', [['wechat', '薇信 abcdef1']]],
    ['V信13800138000', [['wechat', 'V信13800138000'], ['phone', '13800138000']]],
    ['QQ群 123456789', [['qq', 'QQ群 123456789']]],
    ['https://shop.example.cn/item?id=1 下单', [['url', 'https://shop.example.cn/item?id=1']]],
    ['链接 dwz。cn/abc', [['short-link', 'dwz。cn/abc']]],
    ['吊牌价：399，到手价99', [['price', '吊牌价：399']]],
    ['人人有奖', [['prize', '人人有奖']]],
    ['送50份小样', [['prize', '送50份']]],
  ])('%s', (text, expected) => {
    expect(hits(text)).toEqual(expected);
  });

  it.each([
    '订单 202611271234567', // 15 digits: no phone inside a longer number
    '尺码 165/88A',
    '库存 12345 件',
    '3.5折起',
    '比如 e.g. 这个',
    '微信支付很方便',
    '我在 qq 音乐听过',
  ])('stays clean: %s', (text) => {
    expect(scanner.scan({ text })).toEqual([]);
  });
});
