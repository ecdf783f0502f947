import { z } from 'zod';
import { Id } from './common';

/** Issue 6: the alerts area — rules with per-room thresholds, grouped alerts, acknowledge and resolve. */

export const AlertKind = z.enum(['compliance', 'sentiment_surge', 'viewer_drop', 'stream_silent', 'gmv_pace']);
export type AlertKind = z.infer<typeof AlertKind>;
export const AlertSeverity = z.enum(['info', 'warn', 'critical']);
export type AlertSeverity = z.infer<typeof AlertSeverity>;
export const AlertStatus = z.enum(['open', 'acknowledged', 'resolved']);
export type AlertStatus = z.infer<typeof AlertStatus>;

const Enabled = z.boolean();
const int = (min: number, max: number, what: string) =>
  z
    .number()
    .int(`${what}: a whole number / ${what}须为整数`)
    .min(min, `${what}: at least ${min} / 至少 ${min}`)
    .max(max, `${what}: at most ${max} / 至多 ${max}`);

/** A room's alert thresholds; a room without its own uses DEFAULT_THRESHOLDS. */
export const AlertThresholds = z.object({
  compliance: z.object({
    enabled: Enabled,
    /** Any block finding in the host's speech raises a critical alert. */
    blockSpeech: z.boolean(),
    /** `warnCount` lines (comments or host speech) with warn-or-block findings within `windowMinutes` raise a warn alert. */
    warnCount: int(1, 1000, 'warnCount'),
    windowMinutes: int(1, 240, 'windowMinutes'),
  }),
  sentiment: z.object({
    enabled: Enabled,
    /** The minute's negative share must reach this multiple of the room's baseline (EWMA of past minutes). */
    multiple: z.number().min(1, 'multiple: at least 1 / 倍数至少为 1').max(50, 'multiple: at most 50 / 倍数至多为 50'),
    /** …and at least this share (0–1), so a quiet baseline does not make two complaints a surge. */
    minRatio: z.number().min(0, 'minRatio: 0 to 1 / 须在 0 到 1 之间').max(1, 'minRatio: 0 to 1 / 须在 0 到 1 之间'),
    /** Comments with a sentiment in the minute, at least. */
    minVolume: int(1, 100000, 'minVolume'),
  }),
  viewerDrop: z.object({
    enabled: Enabled,
    /** Viewers fell more than this percent from the window's peak. */
    percent: int(1, 100, 'percent'),
    windowMinutes: int(1, 120, 'windowMinutes'),
    /** Peaks below this are too small to judge. */
    minViewers: int(0, 10_000_000, 'minViewers'),
  }),
  streamSilent: z.object({
    enabled: Enabled,
    /** No event for this many minutes during the planned time of a scheduled or live session. */
    minutes: int(1, 240, 'minutes'),
  }),
  gmvPace: z.object({
    enabled: Enabled,
    /** GMV is this percent or more behind goal × elapsed / planned. */
    behindPercent: int(1, 100, 'behindPercent'),
    /** No judgement in the first minutes of a show. */
    warmupMinutes: int(0, 600, 'warmupMinutes'),
  }),
});
export type AlertThresholds = z.infer<typeof AlertThresholds>;

export const DEFAULT_THRESHOLDS: AlertThresholds = {
  compliance: { enabled: true, blockSpeech: true, warnCount: 5, windowMinutes: 10 },
  sentiment: { enabled: true, multiple: 2, minRatio: 0.3, minVolume: 20 },
  viewerDrop: { enabled: true, percent: 30, windowMinutes: 5, minViewers: 50 },
  streamSilent: { enabled: true, minutes: 3 },
  gmvPace: { enabled: true, behindPercent: 30, warmupMinutes: 20 },
};

export const RoomAlertRules = z.object({
  roomId: Id,
  /** False while the room uses the defaults. */
  custom: z.boolean(),
  thresholds: AlertThresholds,
  defaults: AlertThresholds,
  updatedAt: z.string().nullable(),
});
export type RoomAlertRules = z.infer<typeof RoomAlertRules>;

export const PutAlertRulesInput = z.object({ thresholds: AlertThresholds.nullable() });
export type PutAlertRulesInput = z.infer<typeof PutAlertRulesInput>;

/** What fired an alert: its numbers, and for opinion surges the themes and example comments. */
export const AlertDetail = z.object({
  /** Named numbers (ratio, baseline, peak, current, dropPercent, silentMinutes, expectedFen, actualFen…). */
  metrics: z.record(z.string(), z.number()).default({}),
  /** The minute or window the numbers are about (UTC ISO). */
  from: z.string().optional(),
  to: z.string().optional(),
  themes: z.array(z.object({ theme: z.string(), count: z.number() })).optional(),
  examples: z.array(z.object({ at: z.string(), userName: z.string().nullable(), text: z.string() })).optional(),
  /** Compliance: the terms matched. */
  terms: z.array(z.string()).optional(),
  /** Firings of the same episode (minute, silence) refresh the alert without counting again. */
  episode: z.string().optional(),
  /** The note written when it was resolved. */
  resolveNote: z.string().optional(),
});
export type AlertDetail = z.infer<typeof AlertDetail>;

export const AlertView = z.object({
  id: z.string(),
  teamId: z.string(),
  roomId: z.string().nullable(),
  roomName: z.string().nullable(),
  sessionId: z.string().nullable(),
  sessionTitle: z.string().nullable(),
  kind: AlertKind,
  severity: AlertSeverity,
  /** The rule within the kind (block_speech, warn_burst, …). */
  rule: z.string(),
  title: z.object({ zh: z.string(), en: z.string() }),
  detail: AlertDetail,
  /** Firings grouped into this alert. */
  count: z.number().int(),
  firstAt: z.string(),
  lastAt: z.string(),
  status: AlertStatus,
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  incidentId: z.string().nullable(),
});
export type AlertView = z.infer<typeof AlertView>;

const IsoDate = z.iso.datetime({ offset: true });

export const AlertListQuery = z.object({
  status: AlertStatus.optional(),
  /** open + acknowledged. */
  active: z.enum(['true', 'false']).optional(),
  kind: AlertKind.optional(),
  severity: AlertSeverity.optional(),
  roomId: Id.optional(),
  sessionId: Id.optional(),
  /** Alerts whose last firing is in [from, to). */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type AlertListQuery = z.infer<typeof AlertListQuery>;

export const AlertList = z.object({
  items: z.array(AlertView),
  /** Open alerts in the filter, by severity. */
  open: z.object({ critical: z.number(), warn: z.number(), info: z.number() }),
});
export type AlertList = z.infer<typeof AlertList>;

export const ResolveAlertInput = z.object({ note: z.string().trim().max(1000, 'note: at most 1000 characters / 备注至多 1000 字').optional() });
export type ResolveAlertInput = z.infer<typeof ResolveAlertInput>;

export const alertsErrors = {
  'alerts/not-found': { status: 404, zh: '找不到该告警', en: 'Alert not found' },
  'alerts/already-resolved': { status: 409, zh: '该告警已解决', en: 'The alert is already resolved' },
  'alerts/bad-period': { status: 400, zh: '时间段不正确：开始须早于结束', en: 'Bad period: the start must be before the end' },
} as const;
