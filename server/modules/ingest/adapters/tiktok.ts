import { EVENT_UNITS, type EventUser, type StreamStatus } from '../../../../contracts/ingest';
import {
  buildEvent,
  epochToIso,
  events,
  field,
  firstTime,
  idOf,
  isRecord,
  name,
  neverThrows,
  record,
  text,
  unknownEvent,
  userOf,
  valueIn,
  VALUE_OUT_OF_RANGE,
  wholeNumber,
  type Adapt,
  type AdaptResult,
  type EventFields,
} from './event';

/**
 * TikTok LIVE through tiktok-live-connector 2.3 or newer (proto v3 schema from tiktok-live-proto). Each item is
 * `{ "event": <the connector's event name>, "data": <the object the listener received> }`, the data exactly as
 * JSON.stringify leaves it: int64 fields are strings, unset sub-messages are absent. Field names follow the .d.ts of
 * connector 2.5.0, not its README (which still shows the 2.1 names). See platform-formats.md §1.
 */

const PLATFORM = 'tiktok';

/** gift.type of a streakable gift: it is sent again and again while the streak grows, and once more when it ends. */
export const STREAKABLE_GIFT_TYPE = 1;
/** WebcastMemberMessage.action for a viewer entering the room. */
export const MEMBER_JOINED = 1;
const JOIN_DISPLAY_KEY = 'live_room_enter_toast';

/** ControlAction: 1 paused, 2 unpaused, 3 ended, 4 suspended (banned); the connector emits streamEnd for 3 and 4. */
const CONTROL_STATUS: Readonly<Record<number, { status: StreamStatus; text?: string }>> = {
  1: { status: 'paused' },
  2: { status: 'resumed' },
  3: { status: 'ended' },
  4: { status: 'ended', text: 'suspended' },
};

const SHAPE = 'expected {"event": <connector event name>, "data": <listener object>} / 需要 {"event": 连接器事件名, "data": 监听器收到的对象}';

function tiktokUser(user: unknown): EventUser | null {
  if (!isRecord(user)) return null;
  // nickname is the display name; displayId is the @handle (uniqueId before connector 2.3).
  return userOf(user.id, name(user.nickname) ?? name(user.displayId));
}

function needs(event: string, what: string, zh: string): AdaptResult {
  return { error: `${event}: ${what} / ${event}：${zh}` };
}

function adaptTikTok(item: unknown, ctx: Parameters<Adapt>[1]): AdaptResult {
  const eventName = field(item, 'event');
  if (typeof eventName !== 'string' || eventName.trim() === '' || !isRecord(item) || !('data' in item)) return { error: SHAPE };
  const data = item.data;
  const common = record(data, 'common');
  const at = firstTime(ctx, epochToIso(field(common, 'createTime'), 'ms'));
  const base: Pick<EventFields, 'platform' | 'sourceType' | 'at' | 'platformMsgId'> = {
    platform: PLATFORM,
    sourceType: eventName,
    at,
    platformMsgId: idOf(field(common, 'msgId')),
  };
  const unknown = () => events(unknownEvent(PLATFORM, eventName, item, at, base.platformMsgId ?? null));
  const known = ['chat', 'gift', 'like', 'member', 'roomUser', 'social', 'follow', 'share', 'controlMessage', 'streamEnd'];
  if (known.includes(eventName) && !isRecord(data)) return needs(eventName, 'data must be an object', 'data 必须是对象');
  const user = tiktokUser(field(data, 'user'));

  switch (eventName) {
    case 'chat': {
      const content = text(field(data, 'content'));
      if (content === null) return needs('chat', 'data.content (the comment) must be a string', 'data.content（评论内容）必须是字符串');
      return events(buildEvent({ ...base, kind: 'comment', user, text: content }));
    }
    case 'gift': {
      const gift = record(data, 'gift');
      if (!gift) return needs('gift', 'data.gift (the gift details) is missing', '缺少 data.gift（礼物信息）');
      const repeatEnd = field(data, 'repeatEnd');
      // The connector's rule: a streakable gift is counted once, when its streak ends (repeatEnd 1).
      if (wholeNumber(gift.type) === STREAKABLE_GIFT_TYPE && repeatEnd !== 1 && repeatEnd !== true) return events();
      const diamonds = wholeNumber(gift.diamondCount);
      if (diamonds === null) return needs('gift', 'data.gift.diamondCount must be a whole number', 'data.gift.diamondCount 必须是整数');
      // repeatCount is the streak length; a non-streakable gift may leave it at the default 0, which still means one gift.
      const repeat = wholeNumber(field(data, 'repeatCount'));
      const count = repeat !== null && repeat > 0 ? repeat : 1;
      const value = valueIn(EVENT_UNITS.tiktokDiamond, diamonds * count, ctx.rates.tiktokDiamondFen);
      if (!value) return { error: VALUE_OUT_OF_RANGE };
      return events(buildEvent({ ...base, kind: 'gift', user, text: name(gift.name), count, ...value }));
    }
    case 'like': {
      const count = wholeNumber(field(data, 'count'));
      if (count === null) return needs('like', 'data.count (likes in this event) must be a whole number', 'data.count（本次点赞数）必须是整数');
      return events(buildEvent({ ...base, kind: 'like', user, count }));
    }
    case 'member': {
      const joined = wholeNumber(field(data, 'action')) === MEMBER_JOINED || field(field(common, 'displayText'), 'key') === JOIN_DISPLAY_KEY;
      return joined ? events(buildEvent({ ...base, kind: 'join', user })) : unknown();
    }
    case 'roomUser': {
      const count = wholeNumber(field(data, 'total'));
      if (count === null) return needs('roomUser', 'data.total (current viewers) must be a whole number', 'data.total（当前观众数）必须是整数');
      return events(buildEvent({ ...base, kind: 'viewer_count', count, unit: EVENT_UNITS.concurrent }));
    }
    case 'follow':
      return events(buildEvent({ ...base, kind: 'follow', user }));
    case 'share':
      return events(buildEvent({ ...base, kind: 'share', user }));
    case 'social': {
      // The connector already turns follows and shares into their own events by this key; a bridge that forwards the
      // generic event gets the same split here. Any other social message is kept for later.
      const key = field(field(common, 'displayText'), 'key');
      if (typeof key === 'string' && key.includes('follow')) return events(buildEvent({ ...base, kind: 'follow', user }));
      if (typeof key === 'string' && key.includes('share')) return events(buildEvent({ ...base, kind: 'share', user }));
      return unknown();
    }
    case 'controlMessage':
    case 'streamEnd': {
      const action = wholeNumber(field(data, 'action'));
      const change = action === null ? undefined : CONTROL_STATUS[action];
      // streamEnd is only emitted for actions 3 and 4; one without a usable action still means the stream ended.
      if (!change) return eventName === 'streamEnd' ? events(buildEvent({ ...base, kind: 'stream_status', status: 'ended' })) : unknown();
      return events(buildEvent({ ...base, kind: 'stream_status', status: change.status, text: change.text ?? null }));
    }
    default:
      return unknown();
  }
}

/** Adapt one TikTok item; never throws. */
export const adapt: Adapt = neverThrows(adaptTikTok);
