import { EVENT_UNITS, MAX_UNIT_AMOUNT, type EventKind, type EventUser } from '../../../../contracts/ingest';
import {
  amountOf,
  buildEvent,
  contentHashId,
  element,
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
  type AdaptContext,
  type AdaptResult,
  type EventFields,
} from './event';
import { decodeBase64, messageField, readFields, stringField, uintField } from './protobuf';

/**
 * Bilibili live: decompressed `cmd` messages from the web danmaku WebSocket (`{"cmd": …, "data" | "info": …}`, a
 * suffix such as "DANMU_MSG:4:0:2:2:2:0" is ignored) and the open platform's LIVE_OPEN_PLATFORM_* messages.
 * See platform-formats.md §2.
 *
 * Message ids: the message's own id where it has one (DANMU_MSG extra.id_str, SEND_GIFT tid, SUPER_CHAT_MESSAGE id,
 * the open platform's msg_id, the msg_id newer broadcasts carry beside cmd), else a hash of the whole message, so a
 * re-sent message is stored once. Side effect of hashing: two identical snapshots (WATCHED_CHANGE with the same
 * number) also collapse into one, which loses nothing.
 */

const PLATFORM = 'bilibili';

/** 大航海 levels. */
export const GUARD_NAMES: Readonly<Record<number, string>> = { 1: '总督', 2: '提督', 3: '舰长' };

/** INTERACT_WORD(_V2) msg_type: 1 enter, 2 follow, 3 share, 4 special follow, 5 mutual follow, 6 like. */
export const INTERACT_KINDS: Readonly<Record<number, EventKind>> = { 1: 'join', 2: 'follow', 3: 'share', 4: 'follow', 5: 'follow', 6: 'like' };

const SHAPE = 'expected a Bilibili message {"cmd": …} / 需要 B 站消息 {"cmd": …}';

type Base = Pick<EventFields, 'platform' | 'sourceType' | 'at' | 'platformMsgId'>;

function needs(cmd: string, what: string, zh: string): AdaptResult {
  return { error: `${cmd}: ${what} / ${cmd}：${zh}` };
}

/** The JSON object inside DANMU_MSG info[0][15].extra (a string), or undefined. */
function danmakuExtra(attrs: unknown): Record<string, unknown> | undefined {
  const extra = field(element(attrs, 15), 'extra');
  if (typeof extra !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(extra);
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function guardName(level: unknown): string | null {
  const n = wholeNumber(level);
  return n === null ? null : (GUARD_NAMES[n] ?? null);
}

interface Interaction {
  user: EventUser | null;
  msgType: number | null;
  at: string | null;
}

/** The fields of live.xuserreward.v1.InteractWord that matter here; null when the payload is not that protobuf. */
export function decodeInteractWord(pb: unknown): Interaction | null {
  if (typeof pb !== 'string') return null;
  const bytes = decodeBase64(pb);
  const fields = bytes && readFields(bytes);
  if (!fields) return null;
  // uid=1, uname=2, msg_type=5, timestamp=7 (s), trigger_time=15 (ns), uinfo=22 {uid=1, base=2 {name=1}}
  const uinfo = messageField(fields, 22);
  const base = uinfo && messageField(uinfo, 2);
  const msgType = uintField(fields, 5);
  return {
    user: userOf(uintField(fields, 1) ?? (uinfo && uintField(uinfo, 1)), name(stringField(fields, 2)) ?? (base && stringField(base, 1))),
    msgType: msgType === undefined || msgType > 1000n ? null : Number(msgType),
    at: epochToIso(uintField(fields, 15), 'ns') ?? epochToIso(uintField(fields, 7), 's'),
  };
}

function interactionEvent(base: Base, interaction: Interaction, item: unknown, ctx: AdaptContext): AdaptResult {
  const at = firstTime(ctx, interaction.at, base.at);
  const kind = interaction.msgType === null ? undefined : INTERACT_KINDS[interaction.msgType];
  if (!kind) return events(unknownEvent(PLATFORM, base.sourceType, item, at, base.platformMsgId ?? null));
  return events(buildEvent({ ...base, at, kind, user: interaction.user }));
}

function adaptWebCmd(cmd: string, item: Record<string, unknown>, base: Base, ctx: AdaptContext): AdaptResult | undefined {
  const data = record(item, 'data');
  switch (cmd) {
    case 'DANMU_MSG': {
      const info = item.info;
      if (!Array.isArray(info)) return needs(cmd, 'info must be an array', 'info 必须是数组');
      const content = text(info[1]);
      if (content === null) return needs(cmd, 'info[1] (the text) must be a string', 'info[1]（弹幕文本）必须是字符串');
      const sender: unknown = info[2];
      if (!Array.isArray(sender)) return needs(cmd, 'info[2] (the sender) must be an array', 'info[2]（发送者）必须是数组');
      const attrs: unknown = info[0];
      const at = firstTime(ctx, epochToIso(element(attrs, 4), 'ms'), epochToIso(field(info[9], 'ts'), 's'), base.at);
      const platformMsgId = idOf(field(danmakuExtra(attrs), 'id_str')) ?? base.platformMsgId;
      // Connections without a logged-in uid see masked senders: uid 0 (no id) and a name like "江***".
      return events(buildEvent({ ...base, at, platformMsgId, kind: 'comment', user: userOf(sender[0], sender[1]), text: content }));
    }
    case 'SEND_GIFT': {
      if (!data) return needs(cmd, 'data must be an object', 'data 必须是对象');
      const count = wholeNumber(data.num);
      if (count === null) return needs(cmd, 'data.num must be a whole number', 'data.num 必须是整数');
      const coinType = data.coin_type;
      if (coinType !== 'gold' && coinType !== 'silver') return needs(cmd, 'data.coin_type must be "gold" or "silver"', 'data.coin_type 须为 "gold" 或 "silver"');
      // total_coin = price × num (for a 盲盒, the box price); COMBO_SEND/COMBO_END only summarize these, so they are not read.
      const price = wholeNumber(data.price, MAX_UNIT_AMOUNT);
      const total = wholeNumber(data.total_coin, MAX_UNIT_AMOUNT) ?? (price === null ? null : price * count);
      if (total === null) return needs(cmd, 'data.total_coin (or data.price) must be a whole number', 'data.total_coin（或 data.price）必须是整数');
      const value =
        coinType === 'gold'
          ? valueIn(EVENT_UNITS.bilibiliGold, total, ctx.rates.bilibiliGoldFen)
          : valueIn(EVENT_UNITS.bilibiliSilver, total, ctx.rates.bilibiliSilverFen);
      if (!value) return { error: VALUE_OUT_OF_RANGE };
      return events(
        buildEvent({
          ...base,
          at: firstTime(ctx, epochToIso(data.timestamp, 's'), base.at),
          platformMsgId: idOf(data.tid) ?? base.platformMsgId,
          kind: 'gift',
          user: userOf(data.uid, data.uname),
          text: name(data.giftName),
          count,
          ...value,
        }),
      );
    }
    case 'SUPER_CHAT_MESSAGE': {
      if (!data) return needs(cmd, 'data must be an object', 'data 必须是对象');
      const yuan = amountOf(data.price);
      if (yuan === null) return needs(cmd, 'data.price (CNY) must be a number', 'data.price（元）必须是数字');
      const message = text(data.message);
      if (message === null) return needs(cmd, 'data.message must be a string', 'data.message 必须是字符串');
      const value = valueIn(EVENT_UNITS.cny, yuan, 100);
      if (!value) return { error: VALUE_OUT_OF_RANGE };
      return events(
        buildEvent({
          ...base,
          at: firstTime(ctx, epochToIso(data.start_time, 's'), epochToIso(data.ts, 's'), base.at),
          platformMsgId: idOf(data.id) ?? base.platformMsgId,
          kind: 'super_chat',
          user: userOf(data.uid, field(data.user_info, 'uname')),
          text: message,
          ...value,
        }),
      );
    }
    case 'GUARD_BUY': {
      if (!data) return needs(cmd, 'data must be an object', 'data 必须是对象');
      const count = wholeNumber(data.num);
      if (count === null) return needs(cmd, 'data.num must be a whole number', 'data.num 必须是整数');
      // price is 金瓜子 per unit (198000 = ¥198 for one month of 舰长).
      const price = wholeNumber(data.price, MAX_UNIT_AMOUNT);
      if (price === null) return needs(cmd, 'data.price must be a whole number', 'data.price 必须是整数');
      const value = valueIn(EVENT_UNITS.bilibiliGold, price * count, ctx.rates.bilibiliGoldFen);
      if (!value) return { error: VALUE_OUT_OF_RANGE };
      return events(
        buildEvent({
          ...base,
          at: firstTime(ctx, epochToIso(data.start_time, 's'), base.at),
          kind: 'membership',
          user: userOf(data.uid, data.username),
          text: name(data.gift_name) ?? guardName(data.guard_level),
          count,
          ...value,
        }),
      );
    }
    case 'WATCHED_CHANGE': {
      const count = wholeNumber(field(data, 'num'));
      if (count === null) return needs(cmd, 'data.num must be a whole number', 'data.num 必须是整数');
      // "N人看过": viewers so far, not viewers now.
      return events(buildEvent({ ...base, kind: 'viewer_count', count, unit: EVENT_UNITS.cumulative }));
    }
    case 'ONLINE_RANK_COUNT': {
      // online_count: users online now (capped near 10 000); count: 高能用户, the only number in older messages.
      const count = wholeNumber(field(data, 'online_count')) ?? wholeNumber(field(data, 'count'));
      if (count === null) return needs(cmd, 'data.online_count or data.count must be a whole number', 'data.online_count 或 data.count 必须是整数');
      return events(buildEvent({ ...base, kind: 'viewer_count', count, unit: EVENT_UNITS.concurrent }));
    }
    case 'LIKE_INFO_V3_CLICK':
      if (!data) return needs(cmd, 'data must be an object', 'data 必须是对象');
      // A notice that someone liked (sent at most every few seconds per user): it carries no count.
      return events(buildEvent({ ...base, kind: 'like', user: userOf(data.uid, data.uname) }));
    case 'LIKE_INFO_V3_UPDATE': {
      const count = wholeNumber(field(data, 'click_count'));
      if (count === null) return needs(cmd, 'data.click_count must be a whole number', 'data.click_count 必须是整数');
      return events(buildEvent({ ...base, kind: 'like', count, unit: EVENT_UNITS.total }));
    }
    case 'INTERACT_WORD_V2': {
      const interaction = decodeInteractWord(field(data, 'pb'));
      if (!interaction) return needs(cmd, 'data.pb must be a base64 InteractWord protobuf', 'data.pb 必须是 base64 编码的 InteractWord protobuf');
      return interactionEvent(base, interaction, item, ctx);
    }
    case 'INTERACT_WORD': {
      // The JSON form INTERACT_WORD_V2 replaced in 2025; same fields.
      if (!data) return needs(cmd, 'data must be an object', 'data 必须是对象');
      const msgType = wholeNumber(data.msg_type);
      const at = epochToIso(data.trigger_time, 'ns') ?? epochToIso(data.timestamp, 's');
      return interactionEvent(base, { user: userOf(data.uid, data.uname), msgType, at }, item, ctx);
    }
    default:
      return undefined;
  }
}

function adaptOpenPlatform(cmd: string, item: Record<string, unknown>, base: Base, ctx: AdaptContext): AdaptResult | undefined {
  const data = record(item, 'data');
  if (!data) return needs(cmd, 'data must be an object', 'data 必须是对象');
  const at = firstTime(ctx, epochToIso(data.timestamp, 's'), base.at);
  const msg: Base = { ...base, at, platformMsgId: idOf(data.msg_id) ?? base.platformMsgId };
  const user = userOf(data.open_id, data.uname);
  switch (cmd) {
    case 'LIVE_OPEN_PLATFORM_DM': {
      const content = text(data.msg);
      if (content === null) return needs(cmd, 'data.msg must be a string', 'data.msg 必须是字符串');
      return events(buildEvent({ ...msg, kind: 'comment', user, text: content }));
    }
    case 'LIVE_OPEN_PLATFORM_SEND_GIFT': {
      const count = wholeNumber(data.gift_num);
      if (count === null) return needs(cmd, 'data.gift_num must be a whole number', 'data.gift_num 必须是整数');
      // Per-unit prices in 金瓜子 (1000 = ¥1 = 10 电池); r_price is what was actually paid (discounted gifts), price the
      // list price. A free gift (paid false) may carry its 银瓜子 price: no cash value.
      const perUnit = wholeNumber(data.r_price, MAX_UNIT_AMOUNT) ?? wholeNumber(data.price, MAX_UNIT_AMOUNT);
      if (perUnit === null) return needs(cmd, 'data.r_price or data.price must be a whole number', 'data.r_price 或 data.price 必须是整数');
      const value =
        data.paid === false
          ? valueIn(EVENT_UNITS.bilibiliSilver, perUnit * count, ctx.rates.bilibiliSilverFen)
          : valueIn(EVENT_UNITS.bilibiliGold, perUnit * count, ctx.rates.bilibiliGoldFen);
      if (!value) return { error: VALUE_OUT_OF_RANGE };
      return events(buildEvent({ ...msg, kind: 'gift', user, text: name(data.gift_name), count, ...value }));
    }
    case 'LIVE_OPEN_PLATFORM_GUARD': {
      const price = wholeNumber(data.price, MAX_UNIT_AMOUNT);
      if (price === null) return needs(cmd, 'data.price must be a whole number', 'data.price 必须是整数');
      // guard_unit is normally "月" and guard_num the months; any other unit (e.g. "*3天") replaces guard_num.
      const unit = data.guard_unit;
      const months = unit === undefined || unit === '月' ? wholeNumber(data.guard_num) : null;
      const value = valueIn(EVENT_UNITS.bilibiliGold, price * (months ?? 1), ctx.rates.bilibiliGoldFen);
      if (!value) return { error: VALUE_OUT_OF_RANGE };
      const buyer = record(data, 'user_info');
      return events(
        buildEvent({ ...msg, kind: 'membership', user: userOf(field(buyer, 'open_id'), field(buyer, 'uname')), text: guardName(data.guard_level), count: months, ...value }),
      );
    }
    case 'LIVE_OPEN_PLATFORM_SUPER_CHAT': {
      const yuan = amountOf(data.rmb);
      if (yuan === null) return needs(cmd, 'data.rmb (CNY) must be a number', 'data.rmb（元）必须是数字');
      const message = text(data.message);
      if (message === null) return needs(cmd, 'data.message must be a string', 'data.message 必须是字符串');
      const value = valueIn(EVENT_UNITS.cny, yuan, 100);
      if (!value) return { error: VALUE_OUT_OF_RANGE };
      return events(buildEvent({ ...msg, kind: 'super_chat', user, text: message, ...value }));
    }
    case 'LIVE_OPEN_PLATFORM_LIKE': {
      // Likes by one user over the last 2 seconds.
      const count = wholeNumber(data.like_count);
      if (count === null) return needs(cmd, 'data.like_count must be a whole number', 'data.like_count 必须是整数');
      return events(buildEvent({ ...msg, kind: 'like', user, count }));
    }
    case 'LIVE_OPEN_PLATFORM_LIVE_ROOM_ENTER':
      return events(buildEvent({ ...msg, kind: 'join', user }));
    case 'LIVE_OPEN_PLATFORM_LIVE_START':
      return events(buildEvent({ ...msg, kind: 'stream_status', status: 'started', text: name(data.title) }));
    case 'LIVE_OPEN_PLATFORM_LIVE_END':
      return events(buildEvent({ ...msg, kind: 'stream_status', status: 'ended' }));
    default:
      // LIVE_OPEN_PLATFORM_SUPER_CHAT_DEL, LIVE_OPEN_PLATFORM_INTERACTION_END and later additions.
      return events(unknownEvent(PLATFORM, cmd, item, at, msg.platformMsgId ?? null));
  }
}

function adaptBilibili(item: unknown, ctx: AdaptContext): AdaptResult {
  if (!isRecord(item) || typeof item.cmd !== 'string') return { error: SHAPE };
  const cmd = (item.cmd.split(':')[0] ?? '').trim();
  if (cmd === '') return { error: SHAPE };
  // Newer broadcasts wrap every cmd with msg_id and send_time (ms); older ones have neither.
  const base: Base = {
    platform: PLATFORM,
    sourceType: cmd,
    at: firstTime(ctx, epochToIso(item.send_time, 'ms')),
    platformMsgId: idOf(item.msg_id) ?? contentHashId(item),
  };
  const result = cmd.startsWith('LIVE_OPEN_PLATFORM_') ? adaptOpenPlatform(cmd, item, base, ctx) : adaptWebCmd(cmd, item, base, ctx);
  return result ?? events(unknownEvent(PLATFORM, cmd, item, base.at, base.platformMsgId ?? null));
}

/** Adapt one Bilibili message; never throws. */
export const adapt: Adapt = neverThrows(adaptBilibili);
