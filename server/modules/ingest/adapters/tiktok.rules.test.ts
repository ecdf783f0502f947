import { describe, expect, it } from 'vitest';
import { ctx, errorOf, eventsOf, expectedEvent, RECEIVED_AT } from './fixtures/expected';
import samples from './fixtures/tiktok.json';
import { DEFAULT_GIFT_RATES } from './rates';
import { adapt } from './tiktok';

const leo = { id: '7012345678901234568', name: 'Leo' };
const mia = { id: '6812345678901234567', name: 'Mia 🌸' };
const tiktok = (fields: Omit<Parameters<typeof expectedEvent>[0], 'platform'>) => expectedEvent({ platform: 'tiktok', ...fields });

describe('TikTok (tiktok-live-connector 2.3+, proto v3)', () => {
  it('chat: data.content is the comment, user.nickname the name, common.msgId the id, common.createTime (ms) the time', () => {
    expect(eventsOf(adapt(samples.chat, ctx))).toEqual([
      tiktok({ kind: 'comment', sourceType: 'chat', platformMsgId: '7442139876543210001', at: '2026-11-27T12:01:15.123Z', user: mia, text: 'Is the serum OK for sensitive skin?' }),
    ]);
  });

  describe('gift streak rule: a streakable gift (gift.type 1) counts once, when repeatEnd is 1', () => {
    it('yields nothing for the start and the middle of a streak', () => {
      expect(eventsOf(adapt(samples.giftStreakStart, ctx))).toEqual([]);
      expect(eventsOf(adapt(samples.giftStreakMiddle, ctx))).toEqual([]);
    });

    it('values the streak at its end: diamondCount × repeatCount, converted at the TikTok diamond rate', () => {
      expect(eventsOf(adapt(samples.giftStreakEnd, ctx))).toEqual([
        tiktok({
          kind: 'gift',
          sourceType: 'gift',
          platformMsgId: '7442139876543210103',
          at: '2026-11-27T12:01:33.000Z',
          user: leo,
          text: 'Rose',
          count: 5,
          unit: 'diamond',
          unitAmount: 5,
          fenPerUnit: 10,
          valueFen: 50,
        }),
      ]);
    });

    it('counts a whole streak once however many intermediate messages arrive', () => {
      const streak = [samples.giftStreakStart, samples.giftStreakMiddle, samples.giftStreakEnd];
      const gifts = streak.flatMap((item) => eventsOf(adapt(item, ctx)));
      expect(gifts.map((g) => g.valueFen)).toEqual([50]);
    });

    it('counts a non-streakable gift right away, whatever repeatEnd says', () => {
      expect(eventsOf(adapt(samples.giftNotStreakable, ctx))).toEqual([
        tiktok({
          kind: 'gift',
          sourceType: 'gift',
          platformMsgId: '7442139876543210201',
          at: '2026-11-27T12:02:00.000Z',
          user: leo,
          text: 'TikTok Universe',
          count: 1,
          unit: 'diamond',
          unitAmount: 44999,
          fenPerUnit: 10,
          valueFen: 449990,
        }),
      ]);
    });

    it('treats a repeatCount left at the protobuf default 0 as one gift', () => {
      const item = { event: 'gift', data: { ...samples.giftNotStreakable.data, repeatCount: 0 } };
      expect(eventsOf(adapt(item, ctx))[0]).toMatchObject({ count: 1, unitAmount: 44999 });
    });

    it('uses the configured rate and keeps it on the event', () => {
      const [gift] = eventsOf(adapt(samples.giftStreakEnd, { ...ctx, rates: { ...DEFAULT_GIFT_RATES, tiktokDiamondFen: 3.6 } }));
      expect(gift).toMatchObject({ unitAmount: 5, fenPerUnit: 3.6, valueFen: 18 });
    });

    it('rejects a gift without its gift details, or with a rate that is not a number', () => {
      const { gift: _omitted, ...data } = samples.giftStreakEnd.data;
      expect(errorOf(adapt({ event: 'gift', data }, ctx))).toMatch(/data\.gift/);
      expect(errorOf(adapt(samples.giftStreakEnd, { ...ctx, rates: { ...DEFAULT_GIFT_RATES, tiktokDiamondFen: Number.NaN } }))).toMatch(/rate/);
    });
  });

  it('like: data.count is the likes in this event (the room total is not a per-event count)', () => {
    expect(eventsOf(adapt(samples.like, ctx))).toEqual([
      tiktok({ kind: 'like', sourceType: 'like', platformMsgId: '7442139876543210301', at: '2026-11-27T12:02:10.000Z', user: mia, count: 15 }),
    ]);
  });

  it('follow and share', () => {
    expect(eventsOf(adapt(samples.follow, ctx))).toEqual([
      tiktok({ kind: 'follow', sourceType: 'follow', platformMsgId: '7442139876543210401', at: '2026-11-27T12:02:20.000Z', user: leo }),
    ]);
    expect(eventsOf(adapt(samples.share, ctx))).toEqual([
      tiktok({ kind: 'share', sourceType: 'share', platformMsgId: '7442139876543210402', at: '2026-11-27T12:02:30.000Z', user: mia }),
    ]);
  });

  it('social: split by common.displayText.key like the connector does, anything else kept raw', () => {
    expect(eventsOf(adapt(samples.socialFollowKey, ctx))).toEqual([
      tiktok({ kind: 'follow', sourceType: 'social', platformMsgId: '7442139876543210403', at: '2026-11-27T12:02:35.000Z', user: mia }),
    ]);
    expect(eventsOf(adapt(samples.socialOther, ctx))).toEqual([
      tiktok({ kind: 'unknown', sourceType: 'social', platformMsgId: '7442139876543210404', at: '2026-11-27T12:02:38.000Z', raw: samples.socialOther }),
    ]);
  });

  it('member (action 1, live_room_enter_toast) is a join', () => {
    expect(eventsOf(adapt(samples.member, ctx))).toEqual([
      tiktok({ kind: 'join', sourceType: 'member', platformMsgId: '7442139876543210501', at: '2026-11-27T12:01:00.000Z', user: leo }),
    ]);
    const subscribed = { event: 'member', data: { ...samples.member.data, action: 3, common: { ...samples.member.data.common, displayText: undefined } } };
    expect(eventsOf(adapt(subscribed, ctx))[0]).toMatchObject({ kind: 'unknown', sourceType: 'member' });
  });

  it('roomUser: data.total (an int64 string) is the current viewer count', () => {
    expect(eventsOf(adapt(samples.roomUser, ctx))).toEqual([
      tiktok({ kind: 'viewer_count', sourceType: 'roomUser', platformMsgId: '7442139876543210601', at: '2026-11-27T12:03:00.000Z', count: 327, unit: 'concurrent' }),
    ]);
  });

  it('controlMessage: action 1 paused, 2 resumed, 3 ended', () => {
    expect(eventsOf(adapt(samples.controlPaused, ctx))).toEqual([
      tiktok({ kind: 'stream_status', sourceType: 'controlMessage', platformMsgId: '7442139876543210701', at: '2026-11-27T12:30:00.000Z', status: 'paused' }),
    ]);
    expect(eventsOf(adapt(samples.controlResumed, ctx))).toEqual([
      tiktok({ kind: 'stream_status', sourceType: 'controlMessage', platformMsgId: '7442139876543210702', at: '2026-11-27T12:32:00.000Z', status: 'resumed' }),
    ]);
    expect(eventsOf(adapt(samples.controlEnded, ctx))).toEqual([
      tiktok({ kind: 'stream_status', sourceType: 'controlMessage', platformMsgId: '7442139876543210703', at: '2026-11-27T14:00:00.000Z', status: 'ended' }),
    ]);
  });

  it('streamEnd ({action} only, no common): ended at the time received; action 4 notes the suspension', () => {
    expect(eventsOf(adapt(samples.streamEnd, ctx))).toEqual([tiktok({ kind: 'stream_status', sourceType: 'streamEnd', at: RECEIVED_AT, status: 'ended' })]);
    expect(eventsOf(adapt(samples.streamEndSuspended, ctx))).toEqual([
      tiktok({ kind: 'stream_status', sourceType: 'streamEnd', at: RECEIVED_AT, status: 'ended', text: 'suspended' }),
    ]);
  });

  it('an event this adapter does not read (emote) is kept raw, with its id and time', () => {
    expect(eventsOf(adapt(samples.unknownEmote, ctx))).toEqual([
      tiktok({ kind: 'unknown', sourceType: 'emote', platformMsgId: '7442139876543210801', at: '2026-11-27T12:03:20.000Z', raw: samples.unknownEmote }),
    ]);
  });

  it('an msgId left at the protobuf default "0" is no id; a missing createTime falls back to the time received', () => {
    const data = { ...samples.like.data, common: { ...samples.like.data.common, msgId: '0', createTime: '0' } };
    expect(eventsOf(adapt({ event: 'like', data }, ctx))[0]).toMatchObject({ platformMsgId: null, at: RECEIVED_AT });
  });

  it('cuts very long text at 10 000 characters without splitting a character', () => {
    const content = '🌸'.repeat(6000) + 'tail';
    const [comment] = eventsOf(adapt({ event: 'chat', data: { ...samples.chat.data, content } }, ctx));
    expect(comment?.text).toBe('🌸'.repeat(5000));
  });

  it('rejects items that are not {event, data} and known events with unusable data', () => {
    for (const bad of [null, 42, 'chat', [], {}, { event: '' , data: {} }, { data: {} }, { event: 'chat' }]) expect(errorOf(adapt(bad, ctx))).toMatch(/event/);
    expect(errorOf(adapt({ event: 'chat', data: 'hello' }, ctx))).toMatch(/object/);
    expect(errorOf(adapt({ event: 'chat', data: { ...samples.chat.data, content: undefined } }, ctx))).toMatch(/content/);
    expect(errorOf(adapt({ event: 'like', data: { ...samples.like.data, count: -1 } }, ctx))).toMatch(/count/);
    expect(errorOf(adapt({ event: 'roomUser', data: { ...samples.roomUser.data, total: 'many' } }, ctx))).toMatch(/total/);
  });
});
