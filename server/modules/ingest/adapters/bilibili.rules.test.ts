import { describe, expect, it } from 'vitest';
import { adapt, decodeInteractWord } from './bilibili';
import { ctx, errorOf, eventsOf, expectedEvent, RECEIVED_AT } from './fixtures/expected';
import samples from './fixtures/bilibili.json';
import { DEFAULT_GIFT_RATES } from './rates';

const bilibili = (fields: Omit<Parameters<typeof expectedEvent>[0], 'platform'>) => expectedEvent({ platform: 'bilibili', ...fields });
const muzili = { id: '3493118494870016', name: '木子李' };
const openMuzili = { id: '39b8fedb-60a5-4e29-ac75-b16955f7e632', name: '木子李' };
const openTuiquan = { id: 'f0e1d2c3-b4a5-4968-8776-655443322110', name: '想退圈的人' };

describe('Bilibili web danmaku cmds', () => {
  it('DANMU_MSG: info[1] text, info[2] [uid, uname], info[0][4] send time (ms), id_str from info[0][15].extra', () => {
    expect(eventsOf(adapt(samples.DANMU_MSG, ctx))).toEqual([
      bilibili({
        kind: 'comment',
        sourceType: 'DANMU_MSG',
        platformMsgId: '6a1f0c2b9d3e4f5a8b7c6d5e4f3a2b1c70',
        at: '2026-11-27T12:01:15.456Z',
        user: muzili,
        text: '这个收纳盒有白色吗',
      }),
    ]);
  });

  it('DANMU_MSG with a cmd suffix and a masked sender (uid 0): no user id, and a hash of the message as its id', () => {
    expect(eventsOf(adapt(samples.DANMU_MSG_masked, ctx))).toEqual([
      bilibili({
        kind: 'comment',
        sourceType: 'DANMU_MSG',
        platformMsgId: 'hash:281b84dcfec692d5876df54e6ac203cc',
        at: '2026-11-27T12:01:16.010Z',
        user: { id: null, name: '江***' },
        text: '多少钱',
      }),
    ]);
  });

  it('SEND_GIFT gold: total_coin 金瓜子 at 0.1 fen each (1000 = ¥1), tid as the id', () => {
    expect(eventsOf(adapt(samples.SEND_GIFT_gold, ctx))).toEqual([
      bilibili({
        kind: 'gift',
        sourceType: 'SEND_GIFT',
        platformMsgId: '1795780890121100001',
        at: '2026-11-27T12:01:30.000Z',
        user: muzili,
        text: '小花花',
        count: 10,
        unit: 'gold',
        unitAmount: 1000,
        fenPerUnit: 0.1,
        valueFen: 100,
      }),
    ]);
  });

  it('SEND_GIFT silver: a free gift, worth nothing', () => {
    expect(eventsOf(adapt(samples.SEND_GIFT_silver, ctx))).toEqual([
      bilibili({
        kind: 'gift',
        sourceType: 'SEND_GIFT',
        platformMsgId: 'hash:7d259d4a25acff1cb527f6affc3612a2',
        at: '2026-11-27T12:01:35.000Z',
        user: { id: '17601387', name: '想退圈的人' },
        text: '辣条',
        count: 10,
        unit: 'silver',
        unitAmount: 1000,
        fenPerUnit: 0,
        valueFen: 0,
      }),
    ]);
  });

  it('SEND_GIFT without total_coin falls back to price × num; unknown coin types are rejected', () => {
    const { total_coin: _omitted, ...data } = samples.SEND_GIFT_gold.data;
    expect(eventsOf(adapt({ cmd: 'SEND_GIFT', data }, ctx))[0]).toMatchObject({ unitAmount: 1000, valueFen: 100 });
    expect(errorOf(adapt({ cmd: 'SEND_GIFT', data: { ...data, coin_type: 'diamond' } }, ctx))).toMatch(/coin_type/);
  });

  it('SUPER_CHAT_MESSAGE: price in CNY, data.id as the id, start_time (s) as the time', () => {
    expect(eventsOf(adapt(samples.SUPER_CHAT_MESSAGE, ctx))).toEqual([
      bilibili({
        kind: 'super_chat',
        sourceType: 'SUPER_CHAT_MESSAGE',
        platformMsgId: '10374521',
        at: '2026-11-27T12:05:00.000Z',
        user: muzili,
        text: '主播能讲讲三号链接的尺寸吗',
        unit: 'cny',
        unitAmount: 30,
        fenPerUnit: 100,
        valueFen: 3000,
      }),
    ]);
  });

  it('GUARD_BUY: a membership, price 金瓜子 per unit × num', () => {
    expect(eventsOf(adapt(samples.GUARD_BUY, ctx))).toEqual([
      bilibili({
        kind: 'membership',
        sourceType: 'GUARD_BUY',
        platformMsgId: 'hash:df9679dbc5c71016a9bfd0816f5004d2',
        at: '2026-11-27T12:07:00.000Z',
        user: { id: '606066', name: '病理酱Alter' },
        text: '舰长',
        count: 1,
        unit: 'gold',
        unitAmount: 198000,
        fenPerUnit: 0.1,
        valueFen: 19800,
      }),
    ]);
    const twoMonths = { cmd: 'GUARD_BUY', data: { ...samples.GUARD_BUY.data, num: 2, gift_name: undefined } };
    expect(eventsOf(adapt(twoMonths, ctx))[0]).toMatchObject({ text: '舰长', count: 2, unitAmount: 396000, valueFen: 39600 });
  });

  it('WATCHED_CHANGE: cumulative viewers ("N人看过"), not concurrent', () => {
    expect(eventsOf(adapt(samples.WATCHED_CHANGE, ctx))).toEqual([
      bilibili({ kind: 'viewer_count', sourceType: 'WATCHED_CHANGE', platformMsgId: 'hash:1eb5cc4b43f9f226696d9e7b5e57c74b', at: RECEIVED_AT, count: 10001, unit: 'cumulative' }),
    ]);
  });

  it('ONLINE_RANK_COUNT: online_count (else count) as concurrent viewers; msg_id and send_time beside cmd are used when present', () => {
    expect(eventsOf(adapt(samples.ONLINE_RANK_COUNT, ctx))).toEqual([
      bilibili({ kind: 'viewer_count', sourceType: 'ONLINE_RANK_COUNT', platformMsgId: 'hash:c27f4fa4c87d40b3a0df605499aec9b1', at: RECEIVED_AT, count: 1254, unit: 'concurrent' }),
    ]);
    expect(eventsOf(adapt(samples.ONLINE_RANK_COUNT_enveloped, ctx))).toEqual([
      bilibili({ kind: 'viewer_count', sourceType: 'ONLINE_RANK_COUNT', platformMsgId: '2081274526735360', at: '2026-11-27T12:03:05.835Z', count: 1302, unit: 'concurrent' }),
    ]);
  });

  it('LIKE_INFO_V3_CLICK is a like without a count; LIKE_INFO_V3_UPDATE the room total', () => {
    expect(eventsOf(adapt(samples.LIKE_INFO_V3_CLICK, ctx))).toEqual([
      bilibili({ kind: 'like', sourceType: 'LIKE_INFO_V3_CLICK', platformMsgId: 'hash:7bbf99020d45abc95475f4d65498cc77', at: RECEIVED_AT, user: { id: '45166', name: '童贞的麒麟' } }),
    ]);
    expect(eventsOf(adapt(samples.LIKE_INFO_V3_UPDATE, ctx))).toEqual([
      bilibili({ kind: 'like', sourceType: 'LIKE_INFO_V3_UPDATE', platformMsgId: 'hash:679c59bf5768fa2fc07bbf6cca0f94bf', at: RECEIVED_AT, count: 8843, unit: 'total' }),
    ]);
  });

  describe('INTERACT_WORD_V2 (protobuf payload in data.pb)', () => {
    it('msg_type 1 is a join, timed by trigger_time (ns)', () => {
      expect(eventsOf(adapt(samples.INTERACT_WORD_V2_enter, ctx))).toEqual([
        bilibili({ kind: 'join', sourceType: 'INTERACT_WORD_V2', platformMsgId: 'hash:119660f839b2ffcede954f6935ade773', at: '2026-11-27T12:00:30.271Z', user: muzili }),
      ]);
    });

    it('msg_type 2 is a follow', () => {
      expect(eventsOf(adapt(samples.INTERACT_WORD_V2_follow, ctx))).toEqual([
        bilibili({ kind: 'follow', sourceType: 'INTERACT_WORD_V2', platformMsgId: 'hash:85855050179e8c04a123cdd7b278ebb2', at: '2026-11-27T12:00:45.902Z', user: { id: '17601387', name: '想退圈的人' } }),
      ]);
    });

    it('maps every documented msg_type, keeps others raw', () => {
      // uid=1, uname=2, msg_type=5, timestamp=7
      const payload = (msgType: number) => Buffer.from([0x08, 0x2a, 0x12, 0x01, 0x61, 0x28, msgType, 0x38, 0xde, 0xe1, 0xa5, 0xd8, 0x06]).toString('base64');
      const kinds = [1, 2, 3, 4, 5, 6, 7].map((t) => eventsOf(adapt({ cmd: 'INTERACT_WORD_V2', data: { pb: payload(t) } }, ctx))[0]?.kind);
      expect(kinds).toEqual(['join', 'follow', 'share', 'follow', 'follow', 'like', 'unknown']);
      expect(decodeInteractWord(payload(1))).toEqual({ user: { id: '42', name: 'a' }, msgType: 1, at: '2026-11-27T12:00:30.000Z' });
    });

    it('takes the name from uinfo.base when uname is empty', () => {
      // uid=1 (7), uname=2 (""), msg_type=5 (1), uinfo=22 {base=2 {name=1 "b"}}
      const pb = Buffer.from([0x08, 0x07, 0x12, 0x00, 0x28, 0x01, 0xb2, 0x01, 0x05, 0x12, 0x03, 0x0a, 0x01, 0x62]).toString('base64');
      expect(decodeInteractWord(pb)?.user).toEqual({ id: '7', name: 'b' });
    });

    it('drops NUL characters decoded from the payload (the database cannot store them)', () => {
      // uid=1 (7), uname=2 ("a\0b"), msg_type=5 (2)
      const pb = Buffer.from([0x08, 0x07, 0x12, 0x03, 0x61, 0x00, 0x62, 0x28, 0x02]).toString('base64');
      expect(eventsOf(adapt({ cmd: 'INTERACT_WORD_V2', data: { pb } }, ctx))[0]).toMatchObject({ kind: 'follow', user: { id: '7', name: 'ab' } });
    });

    it('rejects a payload that is not base64 protobuf', () => {
      expect(errorOf(adapt({ cmd: 'INTERACT_WORD_V2', data: { dmscore: 1, pb: 'not base64!' } }, ctx))).toMatch(/protobuf/);
      expect(errorOf(adapt({ cmd: 'INTERACT_WORD_V2', data: { pb: Buffer.from([0x0a, 0x09]).toString('base64') } }, ctx))).toMatch(/protobuf/);
      expect(errorOf(adapt({ cmd: 'INTERACT_WORD_V2', data: {} }, ctx))).toMatch(/pb/);
    });
  });

  it('INTERACT_WORD (the JSON form V2 replaced) maps the same way', () => {
    expect(eventsOf(adapt(samples.INTERACT_WORD_legacy_share, ctx))).toEqual([
      bilibili({ kind: 'share', sourceType: 'INTERACT_WORD', platformMsgId: 'hash:08f5cfbe5d0d374772e707f44f306582', at: '2026-11-27T12:00:50.752Z', user: { id: '45166', name: '童贞的麒麟' } }),
    ]);
  });

  it('a cmd this adapter does not read is kept raw under a hash id', () => {
    expect(eventsOf(adapt(samples.ROOM_REAL_TIME_MESSAGE_UPDATE, ctx))).toEqual([
      bilibili({
        kind: 'unknown',
        sourceType: 'ROOM_REAL_TIME_MESSAGE_UPDATE',
        platformMsgId: 'hash:a17f5891246da6f50d09401dafbcf9e6',
        at: RECEIVED_AT,
        raw: samples.ROOM_REAL_TIME_MESSAGE_UPDATE,
      }),
    ]);
  });

  it('hash ids do not depend on key order, and differ between messages', () => {
    const reordered = { data: { text_large: '1.0万人看过', text_small: '1.0万', num: 10001 }, cmd: 'WATCHED_CHANGE' };
    expect(eventsOf(adapt(reordered, ctx))[0]?.platformMsgId).toBe('hash:1eb5cc4b43f9f226696d9e7b5e57c74b');
    const other = { cmd: 'WATCHED_CHANGE', data: { num: 10002, text_small: '1.0万', text_large: '1.0万人看过' } };
    expect(eventsOf(adapt(other, ctx))[0]?.platformMsgId).not.toBe('hash:1eb5cc4b43f9f226696d9e7b5e57c74b');
  });

  it('rejects items without a cmd and known cmds with unusable fields', () => {
    for (const bad of [null, 7, 'DANMU_MSG', [], {}, { cmd: '' }, { cmd: ':4:0' }, { cmd: 12 }]) expect(errorOf(adapt(bad, ctx))).toMatch(/cmd/);
    expect(errorOf(adapt({ cmd: 'DANMU_MSG', info: 'bad' }, ctx))).toMatch(/info/);
    expect(errorOf(adapt({ cmd: 'DANMU_MSG', info: [[], 'hi'] }, ctx))).toMatch(/info\[2\]/);
    expect(errorOf(adapt({ cmd: 'SEND_GIFT', data: [] }, ctx))).toMatch(/data/);
    expect(errorOf(adapt({ cmd: 'SUPER_CHAT_MESSAGE', data: { ...samples.SUPER_CHAT_MESSAGE.data, price: '三十' } }, ctx))).toMatch(/price/);
    expect(errorOf(adapt({ cmd: 'WATCHED_CHANGE', data: { num: -5 } }, ctx))).toMatch(/num/);
  });
});

describe('Bilibili open platform (LIVE_OPEN_PLATFORM_*)', () => {
  it('DM: msg, open_id, msg_id, timestamp (s)', () => {
    expect(eventsOf(adapt(samples.LIVE_OPEN_PLATFORM_DM, ctx))).toEqual([
      bilibili({
        kind: 'comment',
        sourceType: 'LIVE_OPEN_PLATFORM_DM',
        platformMsgId: '4a91b0c2-7d3e-4f5a-9b8c-1d2e3f4a5b6c',
        at: '2026-11-27T12:01:20.000Z',
        user: openMuzili,
        text: '链接三还有货吗',
      }),
    ]);
  });

  it('SEND_GIFT: r_price (what was paid, per unit) × gift_num in 金瓜子; a free gift (paid false) is worth nothing', () => {
    expect(eventsOf(adapt(samples.LIVE_OPEN_PLATFORM_SEND_GIFT_paid, ctx))).toEqual([
      bilibili({
        kind: 'gift',
        sourceType: 'LIVE_OPEN_PLATFORM_SEND_GIFT',
        platformMsgId: '8c2f6a1e-3b4d-4c5e-8f7a-9b0c1d2e3f40',
        at: '2026-11-27T12:01:40.000Z',
        user: openMuzili,
        text: '粉丝团灯牌',
        count: 2,
        unit: 'gold',
        unitAmount: 2000,
        fenPerUnit: 0.1,
        valueFen: 200,
      }),
    ]);
    expect(eventsOf(adapt(samples.LIVE_OPEN_PLATFORM_SEND_GIFT_free, ctx))).toEqual([
      bilibili({
        kind: 'gift',
        sourceType: 'LIVE_OPEN_PLATFORM_SEND_GIFT',
        platformMsgId: '8c2f6a1e-3b4d-4c5e-8f7a-9b0c1d2e3f41',
        at: '2026-11-27T12:01:41.000Z',
        user: openTuiquan,
        text: '辣条',
        count: 5,
        unit: 'silver',
        unitAmount: 500,
        fenPerUnit: 0,
        valueFen: 0,
      }),
    ]);
    const discounted = { cmd: 'LIVE_OPEN_PLATFORM_SEND_GIFT', data: { ...samples.LIVE_OPEN_PLATFORM_SEND_GIFT_paid.data, price: 1000, r_price: 800 } };
    expect(eventsOf(adapt(discounted, ctx))[0]).toMatchObject({ unitAmount: 1600, valueFen: 160 });
  });

  it('GUARD: price per month × guard_num; another guard_unit replaces guard_num', () => {
    expect(eventsOf(adapt(samples.LIVE_OPEN_PLATFORM_GUARD, ctx))).toEqual([
      bilibili({
        kind: 'membership',
        sourceType: 'LIVE_OPEN_PLATFORM_GUARD',
        platformMsgId: '0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6',
        at: '2026-11-27T12:07:10.000Z',
        user: openTuiquan,
        text: '舰长',
        count: 3,
        unit: 'gold',
        unitAmount: 414000,
        fenPerUnit: 0.1,
        valueFen: 41400,
      }),
    ]);
    const trial = { cmd: 'LIVE_OPEN_PLATFORM_GUARD', data: { ...samples.LIVE_OPEN_PLATFORM_GUARD.data, guard_unit: '*3天', price: 0 } };
    expect(eventsOf(adapt(trial, ctx))[0]).toMatchObject({ count: null, unitAmount: 0, valueFen: 0 });
  });

  it('SUPER_CHAT: rmb in CNY', () => {
    expect(eventsOf(adapt(samples.LIVE_OPEN_PLATFORM_SUPER_CHAT, ctx))).toEqual([
      bilibili({
        kind: 'super_chat',
        sourceType: 'LIVE_OPEN_PLATFORM_SUPER_CHAT',
        platformMsgId: '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9',
        at: '2026-11-27T12:08:20.000Z',
        user: openMuzili,
        text: '求返场那个折叠凳',
        unit: 'cny',
        unitAmount: 50,
        fenPerUnit: 100,
        valueFen: 5000,
      }),
    ]);
  });

  it('SUPER_CHAT_DEL has no kind of its own: kept raw', () => {
    expect(eventsOf(adapt(samples.LIVE_OPEN_PLATFORM_SUPER_CHAT_DEL, ctx))).toEqual([
      bilibili({
        kind: 'unknown',
        sourceType: 'LIVE_OPEN_PLATFORM_SUPER_CHAT_DEL',
        platformMsgId: '6f7a8b9c-0d1e-4f2a-b3c4-d5e6f7a8b9c0',
        at: RECEIVED_AT,
        raw: samples.LIVE_OPEN_PLATFORM_SUPER_CHAT_DEL,
      }),
    ]);
  });

  it('LIKE: like_count per user over 2 s', () => {
    expect(eventsOf(adapt(samples.LIVE_OPEN_PLATFORM_LIKE, ctx))).toEqual([
      bilibili({ kind: 'like', sourceType: 'LIVE_OPEN_PLATFORM_LIKE', platformMsgId: '7a8b9c0d-1e2f-4a3b-84c5-d6e7f8a9b0c1', at: '2026-11-27T12:02:10.000Z', user: openMuzili, count: 12 }),
    ]);
  });

  it('LIVE_ROOM_ENTER is a join; LIVE_START and LIVE_END are stream status changes', () => {
    expect(eventsOf(adapt(samples.LIVE_OPEN_PLATFORM_LIVE_ROOM_ENTER, ctx))).toEqual([
      bilibili({ kind: 'join', sourceType: 'LIVE_OPEN_PLATFORM_LIVE_ROOM_ENTER', platformMsgId: '8b9c0d1e-2f3a-4b4c-95d6-e7f8a9b0c1d2', at: '2026-11-27T12:00:20.000Z', user: openTuiquan }),
    ]);
    expect(eventsOf(adapt(samples.LIVE_OPEN_PLATFORM_LIVE_START, ctx))).toEqual([
      bilibili({
        kind: 'stream_status',
        sourceType: 'LIVE_OPEN_PLATFORM_LIVE_START',
        platformMsgId: '9c0d1e2f-3a4b-4c5d-a6e7-f8a9b0c1d2e3',
        at: '2026-11-27T12:00:00.000Z',
        status: 'started',
        text: '家居好物专场 | 收纳盒买一送一',
      }),
    ]);
    expect(eventsOf(adapt(samples.LIVE_OPEN_PLATFORM_LIVE_END, ctx))).toEqual([
      bilibili({ kind: 'stream_status', sourceType: 'LIVE_OPEN_PLATFORM_LIVE_END', platformMsgId: '0d1e2f3a-4b5c-4d6e-b7f8-a9b0c1d2e3f4', at: '2026-11-27T14:00:00.000Z', status: 'ended' }),
    ]);
  });

  it('uses the configured 金瓜子 rate', () => {
    const [gift] = eventsOf(adapt(samples.LIVE_OPEN_PLATFORM_SEND_GIFT_paid, { ...ctx, rates: { ...DEFAULT_GIFT_RATES, bilibiliGoldFen: 0.05 } }));
    expect(gift).toMatchObject({ unitAmount: 2000, fenPerUnit: 0.05, valueFen: 100 });
  });

  it('rejects open-platform messages without data or with unusable fields', () => {
    expect(errorOf(adapt({ cmd: 'LIVE_OPEN_PLATFORM_DM' }, ctx))).toMatch(/data/);
    expect(errorOf(adapt({ cmd: 'LIVE_OPEN_PLATFORM_DM', data: { ...samples.LIVE_OPEN_PLATFORM_DM.data, msg: 5 } }, ctx))).toMatch(/msg/);
    expect(errorOf(adapt({ cmd: 'LIVE_OPEN_PLATFORM_LIKE', data: { like_count: 'lots' } }, ctx))).toMatch(/like_count/);
  });
});
