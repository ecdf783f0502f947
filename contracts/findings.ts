import { z } from 'zod';
import { Id } from './common';

/** Live compliance findings (issue 5): what the scanner flagged in comments and host speech, and the report over them. */

export const FindingSeverity = z.enum(['info', 'warn', 'block']);
export const FindingSource = z.enum(['comment', 'transcript']);
export const FindingsGroupBy = z.enum(['host', 'rule', 'category', 'session', 'room']);
export type FindingsGroupBy = z.infer<typeof FindingsGroupBy>;

const IsoDate = z.iso.datetime({ offset: true });

export const FindingsFilter = z.object({
  /** Period start (inclusive) and end (exclusive), ISO-8601; the last 30 days by default. */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  teamId: Id.optional(),
  roomId: Id.optional(),
  sessionId: Id.optional(),
  hostPersonId: Id.optional(),
  rule: z.string().max(100).optional(),
  category: z.string().max(100).optional(),
  severity: FindingSeverity.optional(),
  source: FindingSource.optional(),
});
export type FindingsFilter = z.infer<typeof FindingsFilter>;

export const FindingsReportQuery = FindingsFilter.extend({ groupBy: FindingsGroupBy.default('host'), timeZone: z.string().max(64).optional() });
export type FindingsReportQuery = z.infer<typeof FindingsReportQuery>;

const Count = z.number().int().min(0);
const Tally = z.object({ total: Count, block: Count, warn: Count, info: Count, comment: Count, transcript: Count });

export const FindingsReportRow = Tally.extend({
  /** The group's key: a person, rule, category, session or room id; '' for findings without one (no host on the crew). */
  key: z.string(),
  label: z.string(),
  /** For rules: their top three terms matched. */
  topTerms: z.array(z.object({ term: z.string(), count: Count })),
});
export type FindingsReportRow = z.infer<typeof FindingsReportRow>;

export const FindingsReport = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: FindingsGroupBy,
  totals: Tally,
  rows: z.array(FindingsReportRow),
  /** Findings per local day of the period (timeZone of the query, else UTC), oldest first. */
  days: z.array(z.object({ day: z.string(), block: Count, warn: Count, info: Count })),
});
export type FindingsReport = z.infer<typeof FindingsReport>;

export const FindingsListQuery = FindingsFilter.extend({
  /** Keyset paging: findings with a smaller id than this. */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type FindingsListQuery = z.infer<typeof FindingsListQuery>;

export const FindingView = z.object({
  id: z.number(),
  /** The comment's or host line's stored event id. */
  eventId: z.number(),
  at: z.string(),
  sessionId: z.string(),
  sessionTitle: z.string(),
  roomName: z.string(),
  hostName: z.string().nullable(),
  source: FindingSource,
  /** The comment or host line, as stored; start/end are UTF-16 offsets into it. */
  text: z.string(),
  userName: z.string().nullable(),
  rule: z.string(),
  category: z.string(),
  severity: FindingSeverity,
  term: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  evasion: z.array(z.string()),
});
export type FindingView = z.infer<typeof FindingView>;

export const FindingsPage = z.object({ items: z.array(FindingView), next: z.number().nullable() });
export type FindingsPage = z.infer<typeof FindingsPage>;

export const NotificationView = z.object({
  id: z.number(),
  kind: z.string(),
  severity: FindingSeverity,
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  sessionId: z.string().nullable(),
  read: z.boolean(),
  createdAt: z.string(),
});
export type NotificationView = z.infer<typeof NotificationView>;

export const NotificationList = z.object({ unread: Count, items: z.array(NotificationView) });
export type NotificationList = z.infer<typeof NotificationList>;

export const findingsErrors = {
  'findings/bad-period': { status: 400, zh: '时间段不正确：开始须早于结束，且不超过 366 天', en: 'Bad period: the start must be before the end, at most 366 days apart' },
  'notifications/not-found': { status: 404, zh: '找不到该通知', en: 'Notification not found' },
} as const;
