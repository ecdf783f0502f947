import { z } from 'zod';
import { CalendarDate, Id } from './common';

/**
 * Issue 7: optimisation suggestions from rules over a session's numbers, each with its evidence. A user accepts one
 * (it becomes a task with an owner and a due date) or dismisses it with a reason; accepted ones are followed up in the
 * room's later sessions.
 */

export const suggestionsErrors = {
  'suggestion/not-found': { status: 404, zh: '找不到该优化建议', en: 'Suggestion not found' },
  'suggestion/session-not-found': { status: 404, zh: '找不到该场次', en: 'Session not found' },
  'suggestion/already-decided': { status: 409, zh: '该建议已被处理（采纳或忽略）', en: 'This suggestion has already been decided (accepted or dismissed)' },
  'suggestion/unknown-owner': { status: 400, zh: '负责人不存在、已离职或不在该团队', en: 'The owner does not exist, is no longer active or is not in this team' },
} as const;

export const SuggestionRule = z.enum([
  'viewer_drop_slot', // viewers fell during a product slot, far more than the room's usual drop
  'click_to_pay_low', // click-to-pay conversion below the room's 20th percentile
  'interaction_low_window', // interaction rate under the floor in a 20-minute window
  'gmv_below_goal', // GMV below the session goal
  'follow_rate_low', // follow rate under the floor
  'gpm_low', // GPM below the room's 20th percentile
  'slot_overrun_low_gpm', // a slot ran far longer than planned with a low GMV per minute
]);
export type SuggestionRule = z.infer<typeof SuggestionRule>;

export const SuggestionSeverity = z.enum(['info', 'warn', 'critical']);
export type SuggestionSeverity = z.infer<typeof SuggestionSeverity>;

export const SuggestionStatus = z.enum(['open', 'accepted', 'dismissed']);
export type SuggestionStatus = z.infer<typeof SuggestionStatus>;

/** fen: money in fen; ratio: a fraction (0.031 = 3.1 %); count; minutes; factor: a multiple (2.4×). */
export const EvidenceUnit = z.enum(['fen', 'ratio', 'count', 'minutes', 'factor', 'fen_per_minute']);
export type EvidenceUnit = z.infer<typeof EvidenceUnit>;

/** One number of the evidence, labelled by a stable key the UI translates (suggestions.fact.<key>). */
export const EvidenceFact = z.object({ key: z.string(), value: z.number().nullable(), unit: EvidenceUnit });
export type EvidenceFact = z.infer<typeof EvidenceFact>;

export const Evidence = z.object({
  /** The measure the rule judges (the same measure is compared in later sessions' follow-ups). */
  measure: z.string(),
  value: z.number().nullable(),
  unit: EvidenceUnit,
  /** What the value is compared with and how that baseline was formed. */
  baseline: z.number().nullable(),
  baselineKind: z.enum(['room_median', 'room_p20', 'goal', 'threshold', 'planned', 'session_average']),
  /** How many earlier sessions formed the baseline (room baselines only). */
  sampleSize: z.number().nullable(),
  /** Which definition the value was computed under (e.g. GPM per 'pv' or 'uv'), when the metric has several. */
  basis: z.string().nullable(),
  /** The window the rule looked at, as UTC instants and as clock times in the room's time zone ("21:10–21:30"). */
  window: z.object({ start: z.string(), end: z.string(), label: z.string() }).nullable(),
  slot: z.object({ position: z.number(), productId: z.string(), productName: z.string().nullable(), plannedMinutes: z.number(), actualMinutes: z.number() }).nullable(),
  facts: z.array(EvidenceFact),
  /** A small series the UI charts: labels (clock times or slot numbers), values, and the indexes to highlight. */
  series: z
    .object({ kind: z.enum(['line', 'bar']), unit: EvidenceUnit, labels: z.array(z.string()), values: z.array(z.number().nullable()), highlight: z.array(z.number()) })
    .nullable(),
});
export type Evidence = z.infer<typeof Evidence>;

export const SuggestionView = z.object({
  id: z.string(),
  sessionId: z.string(),
  sessionTitle: z.string(),
  sessionStart: z.string(),
  teamId: z.string(),
  roomId: z.string(),
  roomName: z.string(),
  rule: SuggestionRule,
  key: z.string(),
  severity: SuggestionSeverity,
  titleZh: z.string(),
  titleEn: z.string(),
  adviceZh: z.string(),
  adviceEn: z.string(),
  evidence: Evidence,
  status: SuggestionStatus,
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  dismissReason: z.string().nullable(),
  note: z.string().nullable(),
  taskId: z.string().nullable(),
  taskOwnerPersonId: z.string().nullable(),
  taskOwnerName: z.string().nullable(),
  taskDueDate: z.string().nullable(),
  taskStatus: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SuggestionView = z.infer<typeof SuggestionView>;

/** A suggestion accepted in one of the room's earlier sessions, with the same measure in this session. */
export const FollowUpView = z.object({
  suggestionId: z.string(),
  sessionId: z.string(),
  sessionTitle: z.string(),
  sessionStart: z.string(),
  rule: SuggestionRule,
  titleZh: z.string(),
  titleEn: z.string(),
  measure: z.string(),
  unit: EvidenceUnit,
  before: z.number().nullable(),
  now: z.number().nullable(),
  /** Whether higher values of the measure are better (GMV, rates) or lower (drops, overruns). */
  higherIsBetter: z.boolean(),
  /** null: this session has no data for the measure. */
  improved: z.boolean().nullable(),
  taskOwnerName: z.string().nullable(),
  taskStatus: z.string().nullable(),
});
export type FollowUpView = z.infer<typeof FollowUpView>;

export const SessionSuggestions = z.object({ items: z.array(SuggestionView), followUps: z.array(FollowUpView) });
export type SessionSuggestions = z.infer<typeof SessionSuggestions>;

export const AcceptSuggestionInput = z.object({
  ownerPersonId: Id,
  dueDate: CalendarDate,
  note: z.string().trim().max(1000).optional(),
});
export type AcceptSuggestionInput = z.infer<typeof AcceptSuggestionInput>;

export const DismissSuggestionInput = z.object({
  reason: z.string({ error: 'a reason is required / 请填写忽略原因' }).trim().min(1, { message: 'a reason is required / 请填写忽略原因' }).max(1000),
});
export type DismissSuggestionInput = z.infer<typeof DismissSuggestionInput>;

export const SuggestionQuery = z.object({
  status: SuggestionStatus.optional(),
  roomId: Id.optional(),
});
export type SuggestionQuery = z.infer<typeof SuggestionQuery>;

/**
 * Overrides of the rules' thresholds (server/modules/suggestions/suggestions.rules.ts DEFAULT_THRESHOLDS), company-wide.
 * Every key is optional: a missing one keeps its default. Rates and drops are fractions.
 */
export const SuggestionThresholds = z
  .object({
    historySessions: z.number().int().min(3).max(50),
    minHistorySessions: z.number().int().min(1).max(20),
    viewerDropFactor: z.number().min(1).max(10),
    viewerDropMin: z.number().min(0.01).max(1),
    usualDropFloor: z.number().min(0).max(0.5),
    lowPercentile: z.number().min(1).max(50),
    interactionRateMin: z.number().min(0).max(1),
    interactionWindowMinutes: z.number().int().min(5).max(120),
    minWindowMinutes: z.number().int().min(1).max(120),
    goalCriticalAttainment: z.number().min(0).max(1),
    followRateMin: z.number().min(0).max(1),
    slotOverrunFactor: z.number().min(1).max(10),
    slotOverrunMinMinutes: z.number().min(0).max(240),
    slotLowGpmFactor: z.number().min(0).max(1),
  })
  .partial()
  .strict();
export type SuggestionThresholds = z.infer<typeof SuggestionThresholds>;

export const ThresholdsView = z.object({
  defaults: z.record(z.string(), z.number()),
  overrides: z.record(z.string(), z.number()),
  effective: z.record(z.string(), z.number()),
});
export type ThresholdsView = z.infer<typeof ThresholdsView>;
