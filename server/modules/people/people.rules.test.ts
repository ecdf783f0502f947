import { describe, expect, it } from 'vitest';
import { maskContact } from './people.rules';

describe('maskContact', () => {
  it.each([
    ['phone', '13812345678', '138****5678'],
    ['phone', '+86 138-1234-5678', '+86*******5678'],
    ['phone', '12345', '*****'],
    ['wechat', 'wx_lanqi88', 'wx******88'],
    ['wechat', 'abc', '***'],
    ['idCard', '11010519900307001X', '110105********001X'],
    ['address', '上海市徐汇区漕溪北路88号', '上海市徐汇区****'],
    ['address', '北京', '北****'],
    ['phone', null, null],
    ['address', '', null],
  ] as const)('%s %s → %s', (field, value, masked) => expect(maskContact(field, value)).toBe(masked));

  it('never shows the whole value of any field', () => {
    for (const field of ['phone', 'wechat', 'idCard', 'address'] as const) {
      for (const v of ['13812345678', 'wx_someone_long', '11010519900307001X', '广东省深圳市南山区科技园南区1栋']) {
        expect(maskContact(field, v)).not.toBe(v);
        expect(maskContact(field, v)).toContain('*');
      }
    }
  });
});
