import { createHash, timingSafeEqual } from 'node:crypto';
import { EVENT_UNITS } from '../../../../contracts/ingest';
import { parseBatch, type BatchParse } from './batch';
import {
  buildEvent,
  epochToIso,
  events,
  firstTime,
  idOf,
  isRecord,
  neverThrows,
  text,
  unknownEvent,
  userOf,
  valueIn,
  VALUE_OUT_OF_RANGE,
  wholeNumber,
  type Adapt,
  type AdaptContext,
  type AdaptResult,
} from './event';

/**
 * Douyin open platform 直播间数据推送: an HTTP POST per push, the message type in the x-msg-type header and a JSON array
 * of items of that one type as the body, signed with the app's secret. Pushes may repeat (dedupe by msg_id) and
 * arrive out of order. See platform-formats.md §3.
 */

const PLATFORM = 'douyin';

/** Request headers as Node gives them (lower-case names) or as any client writes them (any case). */
export type PushHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

export interface DouyinPushHeaders {
  msgType: string;
  nonce: string;
  timestamp: string;
  roomId: string;
  signature: string;
}

/** One pushed item with its push's x-msg-type: what `adapt` takes (parseDouyinPush makes these). */
export interface DouyinPushItem {
  msgType: string;
  payload: unknown;
}

/** The signed headers, in the sorted order the signature string lists them. */
const SIGNED_HEADERS = ['x-msg-type', 'x-nonce-str', 'x-roomid', 'x-timestamp'] as const;

function header(headers: PushHeaders, wanted: string): string | null {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted) continue;
    const single = typeof value === 'string' ? value : Array.isArray(value) && value.length === 1 ? value[0] : undefined;
    return typeof single === 'string' && single !== '' ? single : null;
  }
  return null;
}

/** The push headers, or null when one is missing. */
export function readDouyinHeaders(headers: PushHeaders): DouyinPushHeaders | null {
  if (!isRecord(headers)) return null;
  const msgType = header(headers, 'x-msg-type');
  const nonce = header(headers, 'x-nonce-str');
  const timestamp = header(headers, 'x-timestamp');
  const roomId = header(headers, 'x-roomid');
  const signature = header(headers, 'x-signature');
  if (msgType === null || nonce === null || timestamp === null || roomId === null || signature === null) return null;
  return { msgType, nonce, timestamp, roomId, signature };
}

/** base64(md5("x-msg-type=…&x-nonce-str=…&x-roomid=…&x-timestamp=…" + rawBody + secret)), the platform's algorithm. */
export function douyinSignature(headers: Omit<DouyinPushHeaders, 'signature'>, rawBody: string | Uint8Array, secret: string): string {
  const values: Record<(typeof SIGNED_HEADERS)[number], string> = {
    'x-msg-type': headers.msgType,
    'x-nonce-str': headers.nonce,
    'x-roomid': headers.roomId,
    'x-timestamp': headers.timestamp,
  };
  const signed = SIGNED_HEADERS.map((key) => `${key}=${values[key]}`).join('&');
  return createHash('md5')
    .update(Buffer.from(signed, 'utf8'))
    .update(typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody)
    .update(Buffer.from(secret, 'utf8'))
    .digest('base64');
}

/**
 * Whether a push is signed with the room's secret. rawBody must be the body exactly as received (the signature covers
 * its bytes, not a re-serialization). False for missing headers or an empty secret; compares in constant time.
 */
export function verifyDouyinSignature(headers: PushHeaders, rawBody: string | Uint8Array, secret: string): boolean {
  try {
    const push = readDouyinHeaders(headers);
    if (!push || typeof secret !== 'string' || secret === '') return false;
    if (typeof rawBody !== 'string' && !(rawBody instanceof Uint8Array)) return false;
    const expected = Buffer.from(douyinSignature(push, rawBody, secret), 'utf8');
    const given = Buffer.from(push.signature, 'utf8');
    return given.length === expected.length && timingSafeEqual(given, expected);
  } catch {
    return false;
  }
}

/**
 * The items of a push (verify its signature first), each carrying the push's x-msg-type. An error when the header is
 * missing or the body is not a batch; per-item errors as parseBatch gives them.
 */
export function parseDouyinPush(headers: PushHeaders, rawBody: string | Uint8Array): BatchParse {
  const msgType = isRecord(headers) ? header(headers, 'x-msg-type') : null;
  if (msgType === null) return { error: 'the x-msg-type header is missing / 缺少 x-msg-type 请求头' };
  const batch = parseBatch(rawBody, 'application/json');
  if ('error' in batch) return batch;
  return { errors: batch.errors, entries: batch.entries.map(({ index, item }) => ({ index, item: { msgType, payload: item } satisfies DouyinPushItem })) };
}

/** live_fansclub fansclub_reason_type: 1 upgrade, 2 join; 16 (leaving) is seen in some implementations, not documented. */
export const FANSCLUB_REASONS: Readonly<Record<number, string>> = { 1: 'upgrade', 2: 'join', 16: 'leave' };

const SHAPE = 'expected a pushed item with its type, {"msgType": <x-msg-type>, "payload": <item>} / 需要带类型的推送条目 {"msgType": x-msg-type, "payload": 条目}';

function needs(type: string, what: string, zh: string): AdaptResult {
  return { error: `${type}: ${what} / ${type}：${zh}` };
}

function adaptDouyin(item: unknown, ctx: AdaptContext): AdaptResult {
  if (!isRecord(item) || typeof item.msgType !== 'string' || item.msgType.trim() === '') return { error: SHAPE };
  const { msgType, payload } = item;
  if (!isRecord(payload)) return needs(msgType, 'the item must be an object', '条目必须是对象');
  const base = {
    platform: PLATFORM,
    sourceType: msgType,
    at: firstTime(ctx, epochToIso(payload.timestamp, 'ms')),
    platformMsgId: idOf(payload.msg_id),
  } as const;
  const user = userOf(payload.sec_openid, payload.nickname);
  // Kept whole, type included, so a later adapter can take it as it is.
  const unknown = () => events(unknownEvent(PLATFORM, msgType, item, base.at, base.platformMsgId));
  switch (msgType) {
    case 'live_comment': {
      const content = text(payload.content);
      if (content === null) return needs(msgType, 'content must be a string', 'content 必须是字符串');
      return events(buildEvent({ ...base, kind: 'comment', user, text: content }));
    }
    case 'live_gift': {
      // The developer console's self-test push: kept, but not counted as revenue.
      if (payload.test === true) return unknown();
      const count = wholeNumber(payload.gift_num);
      if (count === null) return needs(msgType, 'gift_num must be a whole number', 'gift_num 必须是整数');
      // gift_value is the total for this push, already in fen. sec_gift_id is opaque: there is no gift name.
      const fen = wholeNumber(payload.gift_value);
      if (fen === null) return needs(msgType, 'gift_value (fen) must be a whole number', 'gift_value（分）必须是整数');
      const value = valueIn(EVENT_UNITS.fen, fen, 1);
      if (!value) return { error: VALUE_OUT_OF_RANGE };
      return events(buildEvent({ ...base, kind: 'gift', user, count, ...value }));
    }
    case 'live_like': {
      // Likes by one user, merged every 2 seconds; one library types like_num as a string, so both are read.
      const count = wholeNumber(payload.like_num);
      if (count === null) return needs(msgType, 'like_num must be a whole number', 'like_num 必须是整数');
      return events(buildEvent({ ...base, kind: 'like', user, count }));
    }
    case 'live_fansclub': {
      const reason = wholeNumber(payload.fansclub_reason_type);
      return events(
        buildEvent({
          ...base,
          kind: 'fans_club',
          user,
          text: reason === null ? null : (FANSCLUB_REASONS[reason] ?? null),
          count: wholeNumber(payload.fansclub_level),
        }),
      );
    }
    default:
      return unknown();
  }
}

/** Adapt one pushed item (`{msgType, payload}`, see parseDouyinPush); never throws. */
export const adapt: Adapt = neverThrows(adaptDouyin);
