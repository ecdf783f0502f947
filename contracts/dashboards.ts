import { z } from 'zod';
import { CalendarDate, DEFAULT_TIME_ZONE, Id, Locale, TimeZone, Timestamp } from './common';

/**
 * Issue 7: dashboards and the weekly report. Money in fen, durations in seconds, rates as fractions; null = no data.
 * Period dates are calendar days in each room's own time zone (a session belongs to the day of its planned start).
 */

export const dashboardsErrors = {
  'dashboards/not-found': { status: 404, zh: '找不到该看板对象（或无权查看）', en: 'Nothing to show for that selection (unknown or not visible to you)' },
  'dashboards/bad-period': { status: 400, zh: '时间范围无效：结束日期不能早于开始日期，且不超过 400 天', en: 'Invalid period: the end must not be before the start, and at most 400 days' },
  'dashboards/report-not-found': { status: 404, zh: '找不到该周报', en: 'Weekly report not found' },
} as const;

/** A calendar day the dashboards can reason about (the Gregorian years a live-commerce record can have). */
const Day = CalendarDate.refine((d) => d >= '2000-01-01' && d <= '2099-12-31', { error: 'a date between 2000-01-01 and 2099-12-31 / 日期须在 2000-01-01 至 2099-12-31 之间' });

export const DashboardScope = z.enum(['company', 'team', 'room', 'host']);
export type DashboardScope = z.infer<typeof DashboardScope>;

export const DashboardPeriod = z.enum(['day', 'week', 'month', 'custom']);
export type DashboardPeriod = z.infer<typeof DashboardPeriod>;

export const DashboardQuery = z.object({
  scope: DashboardScope.default('company'),
  /** The team, room or host (person) id; not used for the company scope. */
  id: Id.optional(),
  period: DashboardPeriod.default('week'),
  /** The anchor day for day/week/month (default: today in the company time zone), the first day for custom. */
  from: Day.optional(),
  /** The last day (inclusive) for custom. */
  to: Day.optional(),
});
export type DashboardQuery = z.input<typeof DashboardQuery>;

/** The export takes the console's current language (headers in zh or en); default: the request's. */
export const DashboardExportQuery = DashboardQuery.extend({ locale: Locale.optional() });

export const KPI_KEYS = [
  'gmv_fen',
  'orders',
  'buyers',
  'sessions',
  'live_seconds',
  'viewers',
  'peak_viewers',
  'aov_fen',
  'uv_value_fen',
  'gpm_fen',
  'interaction_rate',
  'follow_rate',
  'gift_fen',
] as const;
export const KpiKey = z.enum(KPI_KEYS);
export type KpiKey = z.infer<typeof KpiKey>;

export const Kpi = z.object({
  key: KpiKey,
  unit: z.enum(['fen', 'count', 'seconds', 'ratio']),
  value: z.number().nullable(),
  previous: z.number().nullable(),
  /** (value − previous) / previous; null when either is missing or previous is 0. */
  change: z.number().nullable(),
  /** GPM: 'pv' | 'uv'; interaction rate: 'comments/views' | 'commenters/viewers'; else null. */
  basis: z.string().nullable(),
});
export type Kpi = z.infer<typeof Kpi>;

export const TrendPoint = z.object({
  /** YYYY-MM-DD, or YYYY-MM-DDTHH for the hourly trend of a single day. */
  bucket: z.string(),
  sessions: z.number(),
  gmv_fen: z.number().nullable(),
  orders: z.number().nullable(),
  viewers: z.number().nullable(),
  gpm_fen: z.number().nullable(),
});
export type TrendPoint = z.infer<typeof TrendPoint>;

export const RankRow = z.object({
  id: z.string(),
  name: z.string(),
  sessions: z.number(),
  gmv_fen: z.number().nullable(),
  orders: z.number().nullable(),
  viewers: z.number().nullable(),
  gpm_fen: z.number().nullable(),
  gpm_basis: z.string().nullable(),
});
export type RankRow = z.infer<typeof RankRow>;

export const SessionRankRow = z.object({
  id: z.string(),
  title: z.string(),
  roomName: z.string(),
  day: z.string(),
  gmv_fen: z.number().nullable(),
  viewers: z.number().nullable(),
  gpm_fen: z.number().nullable(),
  gpm_basis: z.string().nullable(),
});
export type SessionRankRow = z.infer<typeof SessionRankRow>;

export const DashboardView = z.object({
  scope: DashboardScope,
  id: z.string().nullable(),
  name: z.string().nullable(),
  period: DashboardPeriod,
  from: z.string(),
  to: z.string(),
  previousFrom: z.string(),
  previousTo: z.string(),
  granularity: z.enum(['day', 'hour']),
  kpis: z.array(Kpi),
  trend: z.array(TrendPoint),
  rankings: z.object({
    teams: z.array(RankRow),
    rooms: z.array(RankRow),
    hosts: z.array(RankRow),
    sessionsByGmv: z.array(SessionRankRow),
    sessionsByGpm: z.array(SessionRankRow),
  }),
});
export type DashboardView = z.infer<typeof DashboardView>;

/** What the scope picker offers: the teams, rooms and hosts the user may see. */
export const DashboardOptions = z.object({
  teams: z.array(z.object({ id: z.string(), name: z.string() })),
  rooms: z.array(z.object({ id: z.string(), name: z.string(), teamId: z.string() })),
  hosts: z.array(z.object({ id: z.string(), name: z.string() })),
  today: z.string(),
});
export type DashboardOptions = z.infer<typeof DashboardOptions>;

// ---- weekly report ----

export const WeeklySchedule = z.object({
  enabled: z.boolean(),
  /** 1 = Monday … 7 = Sunday (ISO). */
  weekday: z.number().int().min(1).max(7),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'HH:MM' }),
  /** The company time zone the weekday, time and the reported Monday–Sunday are read in. */
  timeZone: TimeZone,
});
export type WeeklySchedule = z.infer<typeof WeeklySchedule>;

export const DEFAULT_WEEKLY_SCHEDULE: WeeklySchedule = { enabled: true, weekday: 1, time: '09:00', timeZone: DEFAULT_TIME_ZONE };

export const WeeklyReportBody = z.object({
  weekStart: z.string(),
  weekEnd: z.string(),
  kpis: z.array(Kpi),
  best: z.array(SessionRankRow),
  worst: z.array(SessionRankRow),
  teams: z.array(RankRow.extend({ previousGmvFen: z.number().nullable() })),
  counts: z.object({ alerts: z.number(), incidents: z.number(), complianceBlocks: z.number() }),
  /** null when the suggestions area has no rows (or does not exist yet). */
  suggestions: z.object({ accepted: z.number(), open: z.number() }).nullable(),
});
export type WeeklyReportBody = z.infer<typeof WeeklyReportBody>;

export const WeeklyReportSummary = z.object({
  id: z.string(),
  weekStart: z.string(),
  weekEnd: z.string(),
  trigger: z.enum(['schedule', 'manual']),
  createdAt: Timestamp,
  gmvFen: z.number().nullable(),
});
export type WeeklyReportSummary = z.infer<typeof WeeklyReportSummary>;

export const WeeklyReportView = WeeklyReportSummary.extend({ timeZone: z.string(), body: WeeklyReportBody });
export type WeeklyReportView = z.infer<typeof WeeklyReportView>;

export const GenerateReportInput = z.object({
  /** Any day of the week to report (default: the last complete Monday–Sunday). */
  weekOf: Day.optional(),
});
export type GenerateReportInput = z.input<typeof GenerateReportInput>;
