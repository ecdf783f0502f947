import { z } from 'zod';

// Live-event ingestion: what a room's event feed looks like once each platform's own messages are normalized.
// Platform adapters (server/modules/ingest/adapters) produce NormalizedEvent; a custom bridge sends
// NormalizedEventInput to POST /api/v1/ingest/events/{roomId}.

/** What happened in the room. 'unknown' keeps a message no adapter understands yet, raw, so a later adapter can use it. */
export const EventKind = z.enum(
  [
    'comment',
    'gift',
    'like',
    'follow',
    'share',
    'join',
    'viewer_count',
    'fans_club',
    'super_chat',
    'membership',
    'order',
    'transcript',
    'stream_status',
    'unknown',
  ],
  { error: (issue) => (issue.input === undefined ? 'kind is required / 缺少 kind（事件类型）' : 'unknown kind / 未知的事件类型') },
);
export type EventKind = z.infer<typeof EventKind>;

export const StreamStatus = z.enum(['started', 'paused', 'resumed', 'ended'], {
  error: 'status: started, paused, resumed or ended / status 须为 started、paused、resumed 或 ended',
});
export type StreamStatus = z.infer<typeof StreamStatus>;

/** Whose message format an event came in: 'custom' is Showrunner's own normalized format (bridges, transcripts, orders). */
export const IngestPlatform = z.enum(['tiktok', 'bilibili', 'douyin', 'custom']);
export type IngestPlatform = z.infer<typeof IngestPlatform>;

/** Longest text kept per event (a transcript line can be a paragraph); longer platform text is cut. */
export const MAX_EVENT_TEXT = 10_000;
/** Longest user name, id or reference kept. */
export const MAX_EVENT_NAME = 200;
export const MAX_EVENT_ID = 128;
/** Counts (likes, viewers, items) above this are not real. */
export const MAX_EVENT_COUNT = 1_000_000_000_000;
/** Money is whole fen (1/100 CNY); one event is worth at most 100 million CNY, the same bound as product prices. */
export const MAX_EVENT_FEN = 100_000_000_00;
export const MAX_UNIT_AMOUNT = 10_000_000_000_000;
export const MAX_FEN_PER_UNIT = 1_000_000;

/**
 * The value-carrying units the adapters write into `unit`. For a gift or membership `unit` names the currency of
 * `unitAmount`; for viewer_count and like it says what the count measures.
 */
export const EVENT_UNITS = {
  /** TikTok diamonds (gift.diamondCount). */
  tiktokDiamond: 'diamond',
  /** Bilibili 金瓜子: 1000 = 1 CNY = 10 电池. */
  bilibiliGold: 'gold',
  /** Bilibili 银瓜子: free gifts, no cash value. */
  bilibiliSilver: 'silver',
  /** The amount is already in fen (Douyin live_gift.gift_value). */
  fen: 'fen',
  /** Whole yuan (Bilibili super chat prices). */
  cny: 'cny',
  /** viewer_count: viewers in the room now. The default when unit is absent. */
  concurrent: 'concurrent',
  /** viewer_count: viewers so far this stream (Bilibili "N人看过"). */
  cumulative: 'cumulative',
  /** like: the room's running total, not likes in this event. */
  total: 'total',
} as const;

const optionalId = (what: string, zh: string) =>
  z
    .string({ error: `${what} must be a string / ${zh}必须是字符串` })
    .trim()
    .min(1, { error: `${what} must not be empty / ${zh}不能为空` })
    .max(MAX_EVENT_ID, { error: `${what}: at most ${MAX_EVENT_ID} characters / ${zh}最多 ${MAX_EVENT_ID} 个字符` })
    .optional();

const amount = (what: string, zh: string, max: number, int: boolean) => {
  let schema = z.number({ error: `${what} must be a number / ${zh}必须是数字` });
  if (int) schema = schema.int({ error: `${what} must be a whole number / ${zh}必须是整数` });
  return schema
    .min(0, { error: `${what} must not be negative / ${zh}不能为负数` })
    .max(max, { error: `${what} is too large / ${zh}过大` })
    .optional();
};

/** The fields of the public format, without the per-kind rules (kept apart so the shape can still be extended). */
export const NormalizedEventFields = z.object({
  kind: EventKind,
  /** The sender's own message id. Re-sending an event with the same id stores it once. */
  id: optionalId('id', '消息 id'),
  /** When it happened, ISO-8601 with Z or an offset. */
  at: z.iso.datetime({ offset: true, error: 'at: an ISO-8601 date-time such as 2026-11-27T20:15:00+08:00 / at 须为 ISO-8601 时间，例如 2026-11-27T20:15:00+08:00' }),
  user: z
    .object(
      {
        id: optionalId('user.id', '用户 id'),
        name: z
          .string({ error: 'user.name must be a string / 用户名必须是字符串' })
          .trim()
          .max(MAX_EVENT_NAME, { error: `user.name: at most ${MAX_EVENT_NAME} characters / 用户名最多 ${MAX_EVENT_NAME} 个字符` })
          .optional(),
      },
      { error: 'user must be an object {id, name} / user 须为 {id, name} 对象' },
    )
    .optional(),
  /** comment and transcript: the words; gift: the gift's name; super_chat: the message; fans_club: 'join', 'upgrade' or 'leave'. */
  text: z
    .string({ error: 'text must be a string / text 必须是字符串' })
    .trim()
    .max(MAX_EVENT_TEXT, { error: `text: at most ${MAX_EVENT_TEXT} characters / 文本最多 ${MAX_EVENT_TEXT} 个字符` })
    .optional(),
  /** gift: items; like: likes in this event; viewer_count: viewers; membership: months; fans_club: the member's level. */
  count: amount('count', '数量', MAX_EVENT_COUNT, true),
  /** The value in fen (1/100 CNY). Give it directly, or give unit + unitAmount + fenPerUnit and it is computed. */
  valueFen: amount('valueFen', '金额（分）', MAX_EVENT_FEN, true),
  /** The platform's unit, e.g. 'diamond', 'gold' (see EVENT_UNITS); for viewer_count 'concurrent' or 'cumulative'. */
  unit: z
    .string({ error: 'unit must be a string / unit 必须是字符串' })
    .trim()
    .min(1, { error: 'unit must not be empty / unit 不能为空' })
    .max(32, { error: 'unit: at most 32 characters / unit 最多 32 个字符' })
    .optional(),
  /** How many of `unit` (e.g. 300 diamonds). */
  unitAmount: amount('unitAmount', '平台单位数量', MAX_UNIT_AMOUNT, false),
  /** The conversion rate used: fen per one `unit` (may be fractional, e.g. 0.1 fen per 金瓜子). */
  fenPerUnit: amount('fenPerUnit', '每单位折合分', MAX_FEN_PER_UNIT, false),
  orderId: optionalId('orderId', '订单号'),
  productRef: optionalId('productRef', '商品编号'),
  /** The buyer as the shop knows them (a masked name or an opaque id, never a phone number). */
  buyerRef: optionalId('buyerRef', '买家标识'),
  status: StreamStatus.optional(),
}, { error: 'an event must be a JSON object / 事件必须是 JSON 对象' });

/**
 * One event as a custom bridge sends it (POST /api/v1/ingest/events/{roomId}, a JSON array or NDJSON of these).
 * Per kind: comment and transcript need text; gift needs valueFen, or unit + unitAmount + fenPerUnit;
 * order needs orderId and valueFen; viewer_count needs count; stream_status needs status.
 */
export const NormalizedEventInput = NormalizedEventFields.superRefine((event, ctx) => {
  const need = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  switch (event.kind) {
    case 'comment':
    case 'transcript':
      if (!event.text) need('text', `text is required for a ${event.kind} / ${event.kind === 'comment' ? '评论' : '口播文字'}需要 text`);
      break;
    case 'gift': {
      if (event.valueFen !== undefined) break;
      if (event.unit === undefined || event.unitAmount === undefined || event.fenPerUnit === undefined) {
        need('valueFen', 'a gift needs valueFen, or unit, unitAmount and fenPerUnit / 礼物需要 valueFen，或同时提供 unit、unitAmount 和 fenPerUnit');
      } else if (Math.round(event.unitAmount * event.fenPerUnit) > MAX_EVENT_FEN) {
        need('unitAmount', 'unitAmount × fenPerUnit is too large / unitAmount × fenPerUnit 折合金额过大');
      }
      break;
    }
    case 'order':
      if (event.orderId === undefined) need('orderId', 'an order needs orderId / 订单需要 orderId');
      if (event.valueFen === undefined) need('valueFen', 'an order needs valueFen (the amount paid, in fen) / 订单需要 valueFen（实付金额，单位分）');
      break;
    case 'viewer_count':
      if (event.count === undefined) need('count', 'viewer_count needs count / 在线人数需要 count');
      break;
    case 'stream_status':
      if (event.status === undefined) need('status', 'stream_status needs status / 直播状态需要 status');
      break;
    default:
      break;
  }
});
export type NormalizedEventInput = z.infer<typeof NormalizedEventInput>;

export const EventUser = z.object({
  id: z.string().min(1).max(MAX_EVENT_ID).nullable(),
  name: z.string().max(MAX_EVENT_NAME).nullable(),
});
export type EventUser = z.infer<typeof EventUser>;

/** An event as the adapters output it and storage keeps it: every field present, null when it does not apply. */
export const NormalizedEvent = z.object({
  kind: EventKind,
  platform: IngestPlatform,
  /** The platform's message id (TikTok common.msgId, Bilibili ids or a hash of the message, Douyin msg_id); re-deliveries share it. */
  platformMsgId: z.string().min(1).max(MAX_EVENT_ID).nullable(),
  /** The platform's own type name ('chat', 'DANMU_MSG', 'live_gift', or the kind for the custom format). */
  sourceType: z.string().min(1).max(MAX_EVENT_NAME),
  /** UTC, with milliseconds and Z. */
  at: z.iso.datetime(),
  user: EventUser.nullable(),
  text: z.string().max(MAX_EVENT_TEXT).nullable(),
  count: z.number().int().min(0).max(MAX_EVENT_COUNT).nullable(),
  /** Whole fen. For gifts computed as round(unitAmount × fenPerUnit) unless the platform gives fen. */
  valueFen: z.number().int().min(0).max(MAX_EVENT_FEN).nullable(),
  unit: z.string().min(1).max(32).nullable(),
  unitAmount: z.number().min(0).max(MAX_UNIT_AMOUNT).nullable(),
  fenPerUnit: z.number().min(0).max(MAX_FEN_PER_UNIT).nullable(),
  orderId: z.string().min(1).max(MAX_EVENT_ID).nullable(),
  productRef: z.string().min(1).max(MAX_EVENT_ID).nullable(),
  buyerRef: z.string().min(1).max(MAX_EVENT_ID).nullable(),
  status: StreamStatus.nullable(),
  /** The message exactly as received; only for kind 'unknown'. */
  raw: z.unknown().optional(),
});
export type NormalizedEvent = z.infer<typeof NormalizedEvent>;

/** Why one item of a batch was rejected; index is its position in the JSON array or among the NDJSON lines (from 0). */
export const IngestItemError = z.object({ index: z.number().int().min(0), message: z.string() });
export type IngestItemError = z.infer<typeof IngestItemError>;

export const IngestQuery = z.object({
  /** Store the good items of a batch and list the rejected ones, instead of rejecting the whole batch. */
  partial: z.enum(['true', 'false']).optional(),
});

export const IngestResult = z.object({
  /** Events stored. */
  accepted: z.number().int().min(0),
  /** Events already stored earlier (same platform message id). */
  duplicates: z.number().int().min(0),
  /** Items rejected (only with ?partial=true; otherwise a bad item rejects the batch). */
  rejected: z.number().int().min(0),
  /** The live sessions the stored events were attached to. */
  sessionIds: z.array(z.string()),
  errors: z.array(IngestItemError),
});
export type IngestResult = z.infer<typeof IngestResult>;

export const ingestErrors = {
  'ingest/invalid-batch': { status: 400, zh: '批次中有无效的条目，未保存任何数据', en: 'The batch has invalid items; nothing was stored' },
  'ingest/bad-signature': { status: 401, zh: '推送签名缺失或不正确', en: 'The push signature is missing or wrong' },
  'ingest/unknown-room': { status: 404, zh: '找不到该直播间', en: 'Unknown room' },
} as const;

const Count = z.number().int().min(0);

/**
 * GET /api/v1/sessions/{id}/summary: a session's live numbers, maintained from per-minute rollups as events arrive.
 * Field names are stable. Null means no data of that kind arrived (not zero).
 */
export const SessionSummary = z.object({
  sessionId: z.string(),
  /** Events stored, by kind (likes count individual likes; gifts count gift items). */
  counts: z.object({
    comment: Count,
    gift: Count,
    like: Count,
    follow: Count,
    share: Count,
    join: Count,
    fans_club: Count,
    super_chat: Count,
    membership: Count,
    order: Count,
    transcript: Count,
    unknown: Count,
  }),
  uniqueCommenters: Count,
  /** Gift value in fen, as the viewer paid (platform units × rate). */
  giftValueFen: Count,
  superChatValueFen: Count,
  membershipValueFen: Count,
  /** Highest concurrent viewer count reported. */
  peakViewers: Count.nullable(),
  /** Mean of the concurrent viewer counts reported. */
  averageViewers: Count.nullable(),
  /** Highest cumulative ("watched") count a platform reported. */
  cumulativeViewers: Count.nullable(),
  likes: Count,
  /** Highest running like total a platform reported, when it reports one. */
  likesReportedTotal: Count.nullable(),
  follows: Count,
  orders: Count,
  gmvFen: Count,
  events: Count,
  firstEventAt: z.string().nullable(),
  lastEventAt: z.string().nullable(),
  /** Messages no adapter understood, kept raw. */
  unknownMessages: Count,
  minutesWithEvents: Count,
});
export type SessionSummary = z.infer<typeof SessionSummary>;

// WebSocket ingestion (GET /api/v1/ingest/ws): a long-lived bridge sends batches as messages and gets one answer per
// batch, in order. An ack means the batch is committed; a nack means nothing of it was stored (unless `partial`).

/** The bridge's own batch id, echoed in the answer. */
export const IngestSocketBatchId = z.union([z.string().min(1).max(128), z.number().int()]);
export type IngestSocketBatchId = z.infer<typeof IngestSocketBatchId>;

/** One client message: the same items as the HTTP endpoint of that platform takes (Douyin pushes only over HTTP). */
export const IngestSocketMessage = z.object({
  id: IngestSocketBatchId,
  platform: z.enum(['tiktok', 'bilibili', 'custom'], { error: 'platform: tiktok, bilibili or custom / platform 须为 tiktok、bilibili 或 custom' }),
  roomId: z.string().min(1).max(64),
  /** As ?partial=true over HTTP: store the good items and list the rejected ones. */
  partial: z.boolean().optional(),
  items: z.array(z.unknown(), { error: 'items must be an array / items 必须是数组' }),
});
export type IngestSocketMessage = z.infer<typeof IngestSocketMessage>;

/** The batch is committed. */
export const IngestSocketAck = z.object({ ack: IngestSocketBatchId, result: IngestResult });
export type IngestSocketAck = z.infer<typeof IngestSocketAck>;

/** The batch was refused; `nack` is null when the message had no readable id. `error` is the HTTP API's error body. */
export const IngestSocketNack = z.object({
  nack: IngestSocketBatchId.nullable(),
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    details: z.unknown().optional(),
  }),
});
export type IngestSocketNack = z.infer<typeof IngestSocketNack>;
