import { describe, expect, it } from 'vitest';
import { NormalizedEventInput } from '../../../../contracts/ingest';
import { ctx, errorOf, eventsOf, expectedEvent, RECEIVED_AT } from './fixtures/expected';
import samples from './fixtures/normalized.json';
import { adapt } from './normalized';

const custom = (fields: Omit<Parameters<typeof expectedEvent>[0], 'platform'>) => expectedEvent({ platform: 'custom', ...fields });

describe("Showrunner's normalized format", () => {
  it('comment: text trimmed, time converted to UTC, the sender id kept for de-duplication', () => {
    expect(eventsOf(adapt(samples.comment, ctx))).toEqual([
      custom({ kind: 'comment', sourceType: 'comment', platformMsgId: 'ks-90817263541', at: '2026-11-27T12:01:15.250Z', user: { id: '3xq8w2k9m4', name: '阿花' }, text: '主播试一下黑色那款' }),
    ]);
  });

  it('transcript: a line of the host speech, without an id', () => {
    expect(eventsOf(adapt(samples.transcript, ctx))).toEqual([
      custom({ kind: 'transcript', sourceType: 'transcript', at: '2026-11-27T12:01:18.000Z', text: '这款收纳盒是食品级PP材质，今天直播间买一送一。' }),
    ]);
  });

  it('gift in fen, or in a unit with its rate (valueFen computed and the rate kept)', () => {
    expect(eventsOf(adapt(samples.giftInFen, ctx))).toEqual([
      custom({ kind: 'gift', sourceType: 'gift', platformMsgId: 'ks-gift-5521', at: '2026-11-27T12:01:30.000Z', user: { id: '3xq8w2k9m4', name: '阿花' }, text: '小心心', count: 10, valueFen: 100 }),
    ]);
    expect(eventsOf(adapt(samples.giftInUnits, ctx))).toEqual([
      custom({
        kind: 'gift',
        sourceType: 'gift',
        platformMsgId: 'ks-gift-5522',
        at: '2026-11-27T12:01:31.000Z',
        user: { id: null, name: '阿花' },
        text: '棒棒糖',
        count: 3,
        unit: 'kuaibi',
        unitAmount: 30,
        fenPerUnit: 10,
        valueFen: 300,
      }),
    ]);
    const fractional = { kind: 'gift', at: '2026-11-27T12:00:00Z', unit: 'gold', unitAmount: 1005, fenPerUnit: 0.1 };
    expect(eventsOf(adapt(fractional, ctx))[0]).toMatchObject({ valueFen: 101 });
  });

  it('order: amount, product and buyer reference', () => {
    expect(eventsOf(adapt(samples.order, ctx))).toEqual([
      custom({
        kind: 'order',
        sourceType: 'order',
        platformMsgId: 'order-6921734500012',
        at: '2026-11-27T12:02:05.000Z',
        count: 2,
        valueFen: 3980,
        orderId: '6921734500012',
        productRef: 'SKU-BOX-WHITE-L',
        buyerRef: '阿*',
      }),
    ]);
  });

  it('viewer_count, stream_status and follow', () => {
    expect(eventsOf(adapt(samples.viewerCount, ctx))).toEqual([custom({ kind: 'viewer_count', sourceType: 'viewer_count', at: '2026-11-27T12:02:00.000Z', count: 1380 })]);
    expect(eventsOf(adapt(samples.streamStarted, ctx))).toEqual([
      custom({ kind: 'stream_status', sourceType: 'stream_status', platformMsgId: 'obs-start-1', at: '2026-11-27T12:00:00.000Z', status: 'started' }),
    ]);
    expect(eventsOf(adapt(samples.follow, ctx))).toEqual([custom({ kind: 'follow', sourceType: 'follow', at: '2026-11-27T12:02:10.000Z', user: { id: '8u7y6t', name: 'Kiki' } })]);
  });

  it('a kind this version does not know is kept raw instead of rejected', () => {
    expect(eventsOf(adapt(samples.futureKind, ctx))).toEqual([
      custom({ kind: 'unknown', sourceType: 'coupon_claimed', platformMsgId: 'ks-cp-77', at: '2026-11-27T12:03:00.000Z', raw: samples.futureKind }),
    ]);
    const noTime = { kind: 'unknown', note: 'kept', at: '-000001-12-31T23:59:59.999Z' };
    expect(eventsOf(adapt(noTime, ctx))).toEqual([custom({ kind: 'unknown', sourceType: 'unknown', at: RECEIVED_AT, raw: noTime })]);
  });

  describe('per-kind requirements, with bilingual messages', () => {
    const at = '2026-11-27T12:00:00Z';
    it.each([
      [{ kind: 'comment', at }, 'text: text is required for a comment / 评论需要 text'],
      [{ kind: 'comment', at, text: '   ' }, 'text: text is required for a comment / 评论需要 text'],
      [{ kind: 'transcript', at }, 'text: text is required for a transcript / 口播文字需要 text'],
      [{ kind: 'gift', at, unit: 'gold', unitAmount: 10 }, 'valueFen: a gift needs valueFen, or unit, unitAmount and fenPerUnit / 礼物需要 valueFen，或同时提供 unit、unitAmount 和 fenPerUnit'],
      [{ kind: 'order', at, valueFen: 100 }, 'orderId: an order needs orderId / 订单需要 orderId'],
      [{ kind: 'order', at, orderId: 'o1' }, 'valueFen: an order needs valueFen (the amount paid, in fen) / 订单需要 valueFen（实付金额，单位分）'],
      [{ kind: 'viewer_count', at }, 'count: viewer_count needs count / 在线人数需要 count'],
      [{ kind: 'stream_status', at }, 'status: stream_status needs status / 直播状态需要 status'],
    ])('%j', (item, message) => {
      expect(errorOf(adapt(item, ctx))).toBe(message);
    });

    it('field rules', () => {
      expect(errorOf(adapt({ kind: 'like', at: 'yesterday' }, ctx))).toMatch(/^at: .*ISO-8601.* \/ at 须为 ISO-8601/);
      expect(errorOf(adapt({ kind: 'like' }, ctx))).toMatch(/^at: /);
      expect(errorOf(adapt({ kind: 'gift', at, valueFen: 1.5 }, ctx))).toBe('valueFen: valueFen must be a whole number / 金额（分）必须是整数');
      expect(errorOf(adapt({ kind: 'gift', at, valueFen: -1 }, ctx))).toBe('valueFen: valueFen must not be negative / 金额（分）不能为负数');
      expect(errorOf(adapt({ kind: 'like', at, count: '3' }, ctx))).toBe('count: count must be a number / 数量必须是数字');
      expect(errorOf(adapt({ kind: 'stream_status', at, status: 'live' }, ctx))).toMatch(/^status: status: started, paused, resumed or ended \/ /);
      expect(errorOf(adapt({ kind: 'follow', at, user: 'kiki' }, ctx))).toMatch(/^user: user must be an object/);
      expect(errorOf(adapt({ kind: 'follow', at, user: { id: 42 } }, ctx))).toBe('user.id: user.id must be a string / 用户 id必须是字符串');
      expect(errorOf(adapt({ kind: 'gift', at, unit: 'x', unitAmount: 1e13, fenPerUnit: 1000 }, ctx))).toMatch(/^unitAmount: .*too large/);
      expect(errorOf(adapt({ kind: 42, at }, ctx))).toMatch(/^kind: unknown kind \/ 未知的事件类型/);
      expect(errorOf(adapt({ at }, ctx))).toBe('kind: kind is required / 缺少 kind（事件类型）');
      expect(errorOf(adapt('comment', ctx))).toBe('an event must be a JSON object / 事件必须是 JSON 对象');
    });

    it('several problems are listed together', () => {
      expect(errorOf(adapt({ kind: 'order', at: 'soon' }, ctx)).split('; ').map((m) => m.split(':')[0])).toEqual(['at', 'orderId', 'valueFen']);
      expect(errorOf(adapt({ kind: 'like', at: 'soon', count: -1 }, ctx)).split('; ')).toHaveLength(2);
    });
  });

  it('the contract schema is what the adapter enforces', () => {
    for (const sample of Object.values(samples)) {
      if (sample.kind === 'coupon_claimed') continue;
      expect(NormalizedEventInput.safeParse(sample).success).toBe(true);
    }
  });
});
