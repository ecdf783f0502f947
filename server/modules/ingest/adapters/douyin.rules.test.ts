import { describe, expect, it } from 'vitest';
import { adapt, douyinSignature, parseDouyinPush, readDouyinHeaders, verifyDouyinSignature, type DouyinPushItem } from './douyin';
import { ctx, errorOf, eventsOf, expectedEvent } from './fixtures/expected';
import samples from './fixtures/douyin.json';

const douyin = (fields: Omit<Parameters<typeof expectedEvent>[0], 'platform'>) => expectedEvent({ platform: 'douyin', ...fields });
const xiaowang = { id: '_000QadFMhmU1jNCI3JdPnyVDL6XavC70dFy', name: '小王爱逛街' };
const chengzi = { id: '_000Vb3r9XkQyT2mN8pLs5wEhJ7uC4dFgA1Z', name: '橙子🍊' };

type Push = { headers: Record<string, string>; body: string };

/** What the route does with a push: verify, split into items, adapt each. */
function receive(push: Push) {
  expect(verifyDouyinSignature(push.headers, push.body, samples.secret)).toBe(true);
  const batch = parseDouyinPush(push.headers, push.body);
  if ('error' in batch) throw new Error(batch.error);
  expect(batch.errors).toEqual([]);
  return batch.entries.map(({ item }) => adapt(item, ctx));
}

describe('Douyin push signature', () => {
  const example = samples.officialExample;

  it('reproduces the official example: base64(md5(sorted x-headers + body + secret))', () => {
    const headers = readDouyinHeaders(example.headers);
    expect(headers).not.toBeNull();
    if (headers) expect(douyinSignature(headers, example.body, example.secret)).toBe('PDcKhdlsrKEJif6uMKD2dw==');
    expect(verifyDouyinSignature(example.headers, example.body, example.secret)).toBe(true);
  });

  it('accepts the body as bytes and header names in any case', () => {
    const shouting = Object.fromEntries(Object.entries(example.headers).map(([k, v]) => [k.toUpperCase(), v]));
    expect(verifyDouyinSignature(shouting, Buffer.from(example.body, 'utf8'), example.secret)).toBe(true);
    expect(verifyDouyinSignature({ ...example.headers, 'x-roomid': ['268'] }, example.body, example.secret)).toBe(true);
  });

  it('refuses a wrong secret, a changed body or header, a missing header or signature, and an empty secret', () => {
    expect(verifyDouyinSignature(example.headers, example.body, '123abd')).toBe(false);
    expect(verifyDouyinSignature(example.headers, 'abc123你好 ', example.secret)).toBe(false);
    expect(verifyDouyinSignature({ ...example.headers, 'x-roomid': '269' }, example.body, example.secret)).toBe(false);
    expect(verifyDouyinSignature({ ...example.headers, 'x-signature': 'PDcKhdlsrKEJif6uMKD2dw' }, example.body, example.secret)).toBe(false);
    for (const name of ['x-msg-type', 'x-nonce-str', 'x-roomid', 'x-timestamp', 'x-signature']) {
      const { [name]: _dropped, ...rest } = example.headers as Record<string, string>;
      expect(verifyDouyinSignature(rest, example.body, example.secret)).toBe(false);
    }
    expect(verifyDouyinSignature({ ...example.headers, 'x-roomid': ['268', '269'] }, example.body, example.secret)).toBe(false);
    expect(verifyDouyinSignature(example.headers, example.body, '')).toBe(false);
    expect(verifyDouyinSignature(null as never, example.body, example.secret)).toBe(false);
    expect(verifyDouyinSignature(example.headers, 42 as never, example.secret)).toBe(false);
  });

  it('every recorded push is signed with the room secret', () => {
    for (const push of Object.values(samples.pushes)) expect(verifyDouyinSignature(push.headers, push.body, samples.secret)).toBe(true);
  });
});

describe('Douyin push items', () => {
  it('live_comment: content, sec_openid, nickname, msg_id, timestamp (ms)', () => {
    expect(receive(samples.pushes.live_comment).map(eventsOf)).toEqual([
      [douyin({ kind: 'comment', sourceType: 'live_comment', platformMsgId: '7442190000000000001', at: '2026-11-27T12:01:15.480Z', user: xiaowang, text: '收纳盒有几个尺寸？' })],
      [douyin({ kind: 'comment', sourceType: 'live_comment', platformMsgId: '7442190000000000002', at: '2026-11-27T12:01:15.910Z', user: chengzi, text: '已拍' })],
    ]);
  });

  it('live_gift: gift_value is the total in fen; the console self-test (test: true) is kept raw, not counted', () => {
    const [real, selfTest] = receive(samples.pushes.live_gift);
    expect(eventsOf(real!)).toEqual([
      douyin({
        kind: 'gift',
        sourceType: 'live_gift',
        platformMsgId: '7442190000000000101',
        at: '2026-11-27T12:01:31.200Z',
        user: chengzi,
        count: 3,
        unit: 'fen',
        unitAmount: 300,
        fenPerUnit: 1,
        valueFen: 300,
      }),
    ]);
    const items = JSON.parse(samples.pushes.live_gift.body) as unknown[];
    expect(eventsOf(selfTest!)).toEqual([
      douyin({ kind: 'unknown', sourceType: 'live_gift', platformMsgId: '7442190000000000102', at: '2026-11-27T12:01:31.300Z', raw: { msgType: 'live_gift', payload: items[1] } }),
    ]);
  });

  it('live_like: like_num per user (a number, or a string as one library sends it)', () => {
    expect(receive(samples.pushes.live_like).map(eventsOf)).toEqual([
      [douyin({ kind: 'like', sourceType: 'live_like', platformMsgId: '7442190000000000201', at: '2026-11-27T12:02:10.600Z', user: xiaowang, count: 18 })],
    ]);
    const asString: DouyinPushItem = { msgType: 'live_like', payload: { msg_id: 'x1', sec_openid: 'o1', nickname: 'n', like_num: '7', timestamp: 1795780930600 } };
    expect(eventsOf(adapt(asString, ctx))[0]).toMatchObject({ count: 7 });
  });

  it('live_fansclub: reason 2 join, 1 upgrade; the level as the count', () => {
    expect(receive(samples.pushes.live_fansclub).map(eventsOf)).toEqual([
      [douyin({ kind: 'fans_club', sourceType: 'live_fansclub', platformMsgId: '7442190000000000301', at: '2026-11-27T12:02:20.050Z', user: chengzi, text: 'join', count: 1 })],
      [douyin({ kind: 'fans_club', sourceType: 'live_fansclub', platformMsgId: '7442190000000000302', at: '2026-11-27T12:02:20.700Z', user: xiaowang, text: 'upgrade', count: 6 })],
    ]);
  });

  it('a re-delivered push yields the same msg_id, so storage keeps it once', () => {
    const first = receive(samples.pushes.live_comment).flatMap(eventsOf);
    const again = receive(samples.pushes.live_comment).flatMap(eventsOf);
    expect(again.map((e) => e.platformMsgId)).toEqual(first.map((e) => e.platformMsgId));
  });

  it('a message type this adapter does not read is kept raw', () => {
    const item: DouyinPushItem = { msgType: 'live_follow', payload: { msg_id: 'f1', sec_openid: 'o1', timestamp: 1795780930000 } };
    expect(eventsOf(adapt(item, ctx))).toEqual([douyin({ kind: 'unknown', sourceType: 'live_follow', platformMsgId: 'f1', at: '2026-11-27T12:02:10.000Z', raw: item })]);
  });

  it('parseDouyinPush needs x-msg-type and a JSON array body', () => {
    const { headers } = samples.pushes.live_like;
    expect(parseDouyinPush({ ...headers, 'x-msg-type': '' }, '[]')).toEqual({ error: expect.stringMatching(/x-msg-type/) });
    expect(parseDouyinPush(headers, 'not json')).toEqual({ entries: [], errors: [{ index: 0, message: expect.stringMatching(/JSON/) }] });
    expect(parseDouyinPush(headers, '7')).toEqual({ error: expect.stringMatching(/JSON array/) });
  });

  it('rejects bare items and items with unusable fields', () => {
    expect(errorOf(adapt({ msg_id: '1', content: 'hi' }, ctx))).toMatch(/msgType/);
    expect(errorOf(adapt({ msgType: 'live_comment', payload: 'hi' }, ctx))).toMatch(/object/);
    expect(errorOf(adapt({ msgType: 'live_comment', payload: { msg_id: '1' } }, ctx))).toMatch(/content/);
    expect(errorOf(adapt({ msgType: 'live_gift', payload: { msg_id: '1', gift_num: 1, gift_value: -3 } }, ctx))).toMatch(/gift_value/);
    expect(errorOf(adapt({ msgType: 'live_gift', payload: { msg_id: '1', gift_value: 10 } }, ctx))).toMatch(/gift_num/);
    expect(errorOf(adapt({ msgType: 'live_like', payload: { msg_id: '1', like_num: 'many' } }, ctx))).toMatch(/like_num/);
  });
});
