import { z } from 'zod';
import { CalendarDate, Id, Timestamp } from './common';

/** Issue 6: the incidents area — incidents, emergency playbooks, the risk register, tasks. */

export const Severity = z.enum(['SEV1', 'SEV2', 'SEV3', 'SEV4']);
export type Severity = z.infer<typeof Severity>;

/** What each severity means; shown next to the picker. "If unsure, pick the higher one." */
export const severityDefinitions: Record<Severity, { zh: string; en: string }> = {
  SEV1: { zh: '直播中断、正在发生的违法违规或个人信息泄露；立即全员响应', en: 'Stream down, a legal breach or personal-data leak in progress; all hands now' },
  SEV2: { zh: '直播严重受损（画面/声音/下单异常）、负面舆情爆发或平台处罚；15 分钟内响应', en: 'Stream badly degraded (video, audio, checkout), an opinion surge or a platform penalty; respond within 15 minutes' },
  SEV3: { zh: '局部问题：单个商品、少量投诉或可绕过的故障；当天处理', en: 'Partial problem: one product, a few complaints or a fault with a workaround; handle the same day' },
  SEV4: { zh: '轻微问题，不影响观众和成交；排期处理', en: 'Minor, no effect on viewers or sales; schedule it' },
};

export const IncidentStatus = z.enum(['investigating', 'mitigated', 'resolved', 'postmortem', 'closed']);
export type IncidentStatus = z.infer<typeof IncidentStatus>;

export const IncidentRole = z.enum(['commander', 'communications', 'scribe']);
export type IncidentRole = z.infer<typeof IncidentRole>;

const Text = (max: number) => z.string().trim().min(1, { message: 'required / 必填' }).max(max);

export const IncidentInput = z.object({
  title: z.string().trim().min(3, { message: 'at least 3 characters / 至少 3 个字' }).max(120),
  severity: Severity,
  teamId: Id.optional(),
  roomId: Id.nullish(),
  sessionId: Id.nullish(),
  alertId: Id.nullish(),
  playbookId: Id.nullish(),
  commanderPersonId: Id.nullish(),
  summary: z.string().trim().max(2000).default(''),
});
export type IncidentInput = z.input<typeof IncidentInput>;

export const IncidentQuery = z.object({
  status: IncidentStatus.optional(),
  open: z.enum(['1', '0']).optional(),
});

export const StatusInput = z.object({ status: IncidentStatus, note: z.string().trim().max(2000).optional() });
export const SeverityInput = z.object({ severity: Severity });
export const RolesInput = z.object({
  commanderPersonId: Id.nullable().optional(),
  communicationsPersonId: Id.nullable().optional(),
  scribePersonId: Id.nullable().optional(),
});
export const NoteInput = z.object({ text: Text(2000) });
export const LinkAlertInput = z.object({ alertId: Id });
export const StepTickInput = z.object({ done: z.boolean() });

export const ActionItemInput = z.object({
  id: Id.optional(),
  title: Text(200),
  ownerPersonId: Id,
  dueDate: CalendarDate,
});
export const PostmortemInput = z.object({
  rootCause: z.string().trim().max(5000),
  impact: z.string().trim().max(5000).default(''),
  minutesAffected: z.number().int().min(0).max(100_000).nullable(),
  gmvAtRiskFen: z.number().int().min(0).max(1e13).nullable(),
  actionItems: z.array(ActionItemInput).max(50).default([]),
});
export type PostmortemInput = z.input<typeof PostmortemInput>;

export const TimelineEntry = z.object({
  id: z.string(),
  at: Timestamp,
  kind: z.enum(['opened', 'alert', 'status', 'severity', 'role', 'step', 'note', 'postmortem']),
  actor: z.string().nullable(),
  textZh: z.string(),
  textEn: z.string(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const IncidentStepView = z.object({
  id: z.string(),
  ord: z.number(),
  positionId: z.string().nullable(),
  textZh: z.string(),
  textEn: z.string(),
  doneAt: z.string().nullable(),
  doneByUserId: z.string().nullable(),
  doneByName: z.string().nullable(),
});
export type IncidentStepView = z.infer<typeof IncidentStepView>;

export const ActionItemView = z.object({
  id: z.string(),
  title: z.string(),
  ownerPersonId: z.string().nullable(),
  ownerName: z.string().nullable(),
  dueDate: z.string().nullable(),
  status: z.enum(['open', 'done']),
});
export type ActionItemView = z.infer<typeof ActionItemView>;

export const IncidentView = z.object({
  id: z.string(),
  teamId: z.string(),
  roomId: z.string().nullable(),
  sessionId: z.string().nullable(),
  playbookId: z.string().nullable(),
  title: z.string(),
  summary: z.string(),
  severity: Severity,
  status: IncidentStatus,
  commanderPersonId: z.string().nullable(),
  communicationsPersonId: z.string().nullable(),
  scribePersonId: z.string().nullable(),
  openedAt: z.string(),
  mitigatedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  alertIds: z.array(z.string()),
});
export type IncidentView = z.infer<typeof IncidentView>;

export const IncidentDetail = IncidentView.extend({
  timeline: z.array(TimelineEntry),
  steps: z.array(IncidentStepView),
  postmortem: z.object({
    rootCause: z.string(),
    impact: z.string(),
    minutesAffected: z.number().nullable(),
    gmvAtRiskFen: z.number().nullable(),
    /** minutes affected × the linked session's GMV per live minute so far; null without a session or minutes. */
    suggestedGmvAtRiskFen: z.number().nullable(),
    actionItems: z.array(ActionItemView),
  }),
  allowedStatuses: z.array(IncidentStatus),
});
export type IncidentDetail = z.infer<typeof IncidentDetail>;

// ---- playbooks ----
export const PlaybookStep = z.object({
  positionId: Id.nullable(),
  textZh: Text(500),
  textEn: Text(500),
});
export type PlaybookStep = z.infer<typeof PlaybookStep>;
export const PlaybookInput = z.object({
  scenario: z.string().trim().min(1).max(60),
  nameZh: Text(120),
  nameEn: Text(120),
  descriptionZh: z.string().trim().max(1000).default(''),
  descriptionEn: z.string().trim().max(1000).default(''),
  defaultSeverity: Severity.default('SEV2'),
  steps: z.array(PlaybookStep).min(1, { message: 'at least one step / 至少一个步骤' }).max(50),
});
export type PlaybookInput = z.input<typeof PlaybookInput>;
export const PlaybookView = z.object({
  id: z.string(),
  scenario: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  descriptionZh: z.string(),
  descriptionEn: z.string(),
  defaultSeverity: Severity,
  steps: z.array(PlaybookStep),
  updatedAt: z.string(),
});
export type PlaybookView = z.infer<typeof PlaybookView>;

// ---- risks ----
export const RiskCategory = z.enum(['content', 'technical', 'network_security', 'legal', 'opinion', 'privacy']);
export type RiskCategory = z.infer<typeof RiskCategory>;
const Level = z.number().int().min(1, { message: '1–5' }).max(5, { message: '1–5' });
export const RiskInput = z.object({
  title: Text(200),
  category: RiskCategory,
  description: z.string().trim().max(2000).default(''),
  likelihood: Level,
  impact: Level,
  ownerPersonId: Id.nullable().default(null),
  mitigations: z.string().trim().max(5000).default(''),
  nextReviewDate: CalendarDate,
  teamId: Id.nullable().default(null),
  playbookIds: z.array(Id).max(20).default([]),
  incidentIds: z.array(Id).max(50).default([]),
});
export type RiskInput = z.input<typeof RiskInput>;
export const RiskView = z.object({
  id: z.string(),
  title: z.string(),
  category: RiskCategory,
  description: z.string(),
  likelihood: z.number(),
  impact: z.number(),
  score: z.number(),
  ownerPersonId: z.string().nullable(),
  ownerName: z.string().nullable(),
  mitigations: z.string(),
  nextReviewDate: z.string(),
  isReviewOverdue: z.boolean(),
  teamId: z.string().nullable(),
  playbookIds: z.array(z.string()),
  incidentIds: z.array(z.string()),
  updatedAt: z.string(),
});
export type RiskView = z.infer<typeof RiskView>;

// ---- tasks ----
export const TaskQuery = z.object({ mine: z.enum(['1', '0']).optional(), status: z.enum(['open', 'done']).optional() });
export const TaskPatch = z.object({ status: z.enum(['open', 'done']) });
export const TaskView = z.object({
  id: z.string(),
  title: z.string(),
  detail: z.string(),
  ownerPersonId: z.string().nullable(),
  ownerName: z.string().nullable(),
  dueDate: z.string().nullable(),
  status: z.enum(['open', 'done']),
  sourceKind: z.string(),
  sourceId: z.string().nullable(),
  doneAt: z.string().nullable(),
});
export type TaskView = z.infer<typeof TaskView>;

export const incidentsErrors = {
  'incident/not-found': { status: 404, zh: '找不到该事件', en: 'Incident not found' },
  'incident/bad-transition': { status: 409, zh: '事件不能从当前状态转到该状态', en: 'The incident cannot move from its current status to that one' },
  'incident/alert-not-found': { status: 404, zh: '找不到该告警', en: 'Alert not found' },
  'incident/alert-linked': { status: 409, zh: '该告警已关联到另一个事件', en: 'That alert is already linked to another incident' },
  'incident/unknown-person': { status: 400, zh: '找不到该人员', en: 'Unknown person' },
  'incident/unknown-team': { status: 400, zh: '请选择团队', en: 'Choose a team' },
  'incident/step-not-found': { status: 404, zh: '找不到该步骤', en: 'Step not found' },
  'playbook/not-found': { status: 404, zh: '找不到该应急预案', en: 'Playbook not found' },
  'playbook/unknown-position': { status: 400, zh: '找不到该岗位', en: 'Unknown position' },
  'risk/not-found': { status: 404, zh: '找不到该风险', en: 'Risk not found' },
  'task/not-found': { status: 404, zh: '找不到该任务', en: 'Task not found' },
  'task/not-yours': { status: 403, zh: '只能更新分配给自己的任务', en: 'You can only update tasks assigned to you' },
} as const;
