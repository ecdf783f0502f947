import { z } from 'zod';
import { Id, Locale, Timestamp, patchOf } from './common';

/** Issue 6: the channels area — outgoing notifications to group robots and webhooks. */

export const ChannelKind = z.enum(['wecom', 'dingtalk', 'feishu', 'webhook']);
export type ChannelKind = z.infer<typeof ChannelKind>;

/** What an outbox message is about. */
export const OutboxKind = z.enum(['alert', 'incident', 'report']);
export type OutboxKind = z.infer<typeof OutboxKind>;

/** The severities a routing rule can require at least (outbox rows use the alerts' info | warn | critical). */
export const NoticeSeverity = z.enum(['info', 'warn', 'critical']);
export type NoticeSeverity = z.infer<typeof NoticeSeverity>;

export const DeliveryStatus = z.enum(['pending', 'sending', 'sent', 'failed']);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

export const ChannelUrl = z
  .string()
  .trim()
  .max(2000)
  .pipe(z.url({ protocol: /^https?$/, error: 'an http:// or https:// address / 请填写 http:// 或 https:// 开头的地址' }));

export const ChannelInput = z.object({
  name: z.string().trim().min(1).max(80),
  kind: ChannelKind,
  url: ChannelUrl,
  /** The robot's signing secret (DingTalk 加签 SEC…, Feishu 签名校验) or the generic webhook's HMAC key. Never returned. */
  secret: z.string().trim().max(500).nullable().optional(),
  locale: Locale.default('zh-CN'),
  enabled: z.boolean().default(true),
});
export type ChannelInput = z.infer<typeof ChannelInput>;

/** Omitted fields stay; `secret: null` removes the secret. */
export const ChannelUpdateInput = patchOf(ChannelInput);
export type ChannelUpdateInput = z.infer<typeof ChannelUpdateInput>;

export const ChannelView = z.object({
  id: Id,
  name: z.string(),
  kind: ChannelKind,
  /** The address with its query values (keys, access tokens) masked. */
  urlMasked: z.string(),
  hasSecret: z.boolean(),
  locale: Locale,
  enabled: z.boolean(),
  routeCount: z.number(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type ChannelView = z.infer<typeof ChannelView>;

export const RouteInput = z.object({
  channelId: Id,
  /** Each filter left out (or null) matches everything; a rule without filters sends every message. */
  kind: OutboxKind.nullable().optional(),
  minSeverity: NoticeSeverity.nullable().optional(),
  teamId: Id.nullable().optional(),
  roomId: Id.nullable().optional(),
});
export type RouteInput = z.infer<typeof RouteInput>;
export const RouteUpdateInput = RouteInput.partial();
export type RouteUpdateInput = z.infer<typeof RouteUpdateInput>;

export const RouteView = z.object({
  id: Id,
  channelId: Id,
  channelName: z.string(),
  kind: OutboxKind.nullable(),
  minSeverity: NoticeSeverity.nullable(),
  teamId: Id.nullable(),
  teamName: z.string().nullable(),
  roomId: Id.nullable(),
  roomName: z.string().nullable(),
  createdAt: Timestamp,
});
export type RouteView = z.infer<typeof RouteView>;

export const AttemptView = z.object({
  attempt: z.number(),
  startedAt: Timestamp,
  finishedAt: Timestamp,
  ok: z.boolean(),
  responseStatus: z.number().nullable(),
  error: z.string().nullable(),
});
export type AttemptView = z.infer<typeof AttemptView>;

export const DeliveryView = z.object({
  id: z.number(),
  /** Null for a test send. */
  outboxId: z.number().nullable(),
  channelId: Id,
  channelName: z.string().nullable(),
  channelKind: ChannelKind.nullable(),
  severity: z.string(),
  title: z.string(),
  status: DeliveryStatus,
  attempts: z.number(),
  lastError: z.string().nullable(),
  responseStatus: z.number().nullable(),
  nextAttemptAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  sentAt: Timestamp.nullable(),
  attemptLog: z.array(AttemptView),
});
export type DeliveryView = z.infer<typeof DeliveryView>;

export const DeliveryQuery = z.object({
  channelId: Id.optional(),
  status: DeliveryStatus.optional(),
  outboxId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Deliveries older than this id (keyset paging). */
  before: z.coerce.number().int().positive().optional(),
});
export type DeliveryQuery = z.infer<typeof DeliveryQuery>;

export const DeliveryPage = z.object({ items: z.array(DeliveryView), nextBefore: z.number().nullable() });
export type DeliveryPage = z.infer<typeof DeliveryPage>;

export const TestSendResult = z.object({
  ok: z.boolean(),
  responseStatus: z.number().nullable(),
  error: z.string().nullable(),
  deliveryId: z.number(),
});
export type TestSendResult = z.infer<typeof TestSendResult>;

export const channelsErrors = {
  'channel/not-found': { status: 404, zh: '找不到该通知渠道', en: 'Notification channel not found' },
  'channel/route-not-found': { status: 404, zh: '找不到该路由规则', en: 'Routing rule not found' },
  'channel/room-not-in-team': { status: 400, zh: '该直播间不属于所选团队', en: 'The room does not belong to the chosen team' },
} as const;
