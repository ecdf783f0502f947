import { DateTime } from 'luxon';
import type { Locale } from '../../../contracts/common';
import { ON_AIR_ROLES, type CrewMember, type SessionRole, type SessionStatus, type Violation, type WorkRules } from '../../../contracts/planning';

/**
 * The planning rules: pure functions over plain values (epoch milliseconds, ids, limits in minutes).
 * They decide; the service gathers the facts and stores the outcome.
 */

const MINUTE = 60_000;
/** No session is planned longer than a day: a longer one is almost always a typo in the date. */
export const MAX_SESSION_MINUTES = 24 * 60;

export interface Interval {
  start: number;
  end: number;
}

/** Another session a person is already in. */
export interface Commitment extends Interval {
  sessionId: string;
  roles: readonly SessionRole[];
}

export interface PlanCandidate extends Interval {
  sessionId: string | null;
  roomId: string;
  /** The room's IANA time zone: days and weeks for the on-air limits are counted in it. */
  timeZone: string;
  crew: readonly CrewMember[];
  requiredRoles: readonly SessionRole[];
  /** Sum of the run of show's planned minutes. */
  slotMinutes: number;
  /** Drafts may be incomplete: missing roles and an overlong run of show only warn until the session is scheduled. */
  stage: 'draft' | 'scheduled';
}

export interface PlanFacts {
  /** Other non-cancelled sessions in the same room near the candidate. */
  roomSessions: readonly (Interval & { sessionId: string })[];
  /** Per crew person, their other non-cancelled sessions near the candidate. */
  commitments: ReadonlyMap<string, readonly Commitment[]>;
  /** Per crew person, their effective working-hour limits. */
  rules: ReadonlyMap<string, WorkRules>;
  /** Crew people who are not active (on leave or left). */
  inactive: ReadonlySet<string>;
}

export type RawViolation = Omit<Violation, 'message'>;

const v = (code: Violation['code'], severity: Violation['severity'], rest: Partial<RawViolation> = {}): RawViolation => ({
  code,
  severity,
  personId: null,
  otherSessionId: null,
  actual: null,
  limit: null,
  period: null,
  roles: null,
  ...rest,
});

export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

export function minutesOf(i: Interval): number {
  return Math.round((i.end - i.start) / MINUTE);
}

/** Roles the room requires that the crew leaves empty. */
export function missingRoles(required: readonly SessionRole[], crew: readonly CrewMember[]): SessionRole[] {
  const filled = new Set(crew.map((c) => c.role));
  return required.filter((r) => !filled.has(r));
}

/** Merges intervals that touch or overlap into continuous blocks, sorted by start. */
export function mergeTouching(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ ...i });
  }
  return out;
}

/** Minutes of `intervals` that fall inside [from, to). */
export function minutesWithin(intervals: readonly Interval[], from: number, to: number): number {
  let ms = 0;
  for (const i of mergeTouching(intervals)) ms += Math.max(0, Math.min(i.end, to) - Math.max(i.start, from));
  return Math.round(ms / MINUTE);
}

/** The local calendar periods an interval touches, as [label, startMs, endMs]. */
export function periodsTouched(i: Interval, timeZone: string, unit: 'day' | 'week'): [string, number, number][] {
  const out: [string, number, number][] = [];
  let cursor = DateTime.fromMillis(i.start, { zone: timeZone }).startOf(unit);
  const last = DateTime.fromMillis(i.end - 1, { zone: timeZone });
  while (cursor <= last) {
    const next = cursor.plus(unit === 'day' ? { days: 1 } : { weeks: 1 });
    const label = unit === 'day' ? cursor.toISODate()! : `${cursor.weekYear}-W${String(cursor.weekNumber).padStart(2, '0')}`;
    out.push([label, cursor.toMillis(), next.toMillis()]);
    cursor = next;
  }
  return out;
}

function isOnAir(roles: readonly SessionRole[]): boolean {
  return roles.some((r) => ON_AIR_ROLES.includes(r));
}

/** Checks a candidate session against every planning rule. The result is empty when the plan is sound. */
export function checkPlan(c: PlanCandidate, facts: PlanFacts): RawViolation[] {
  if (c.end <= c.start) return [v('end-before-start', 'block')];
  const out: RawViolation[] = [];
  const minutes = minutesOf(c);
  if (minutes > MAX_SESSION_MINUTES) out.push(v('too-long', 'block', { actual: minutes, limit: MAX_SESSION_MINUTES }));

  for (const other of facts.roomSessions) {
    if (other.sessionId !== c.sessionId && overlaps(c, other)) out.push(v('room-overlap', 'block', { otherSessionId: other.sessionId }));
  }

  const stageSeverity = c.stage === 'scheduled' ? 'block' : 'warn';
  const missing = missingRoles(c.requiredRoles, c.crew);
  if (missing.length) out.push(v('missing-roles', stageSeverity, { roles: missing }));
  if (c.slotMinutes > minutes) out.push(v('run-of-show-over', stageSeverity, { actual: c.slotMinutes, limit: minutes }));

  const rolesByPerson = new Map<string, SessionRole[]>();
  for (const m of c.crew) rolesByPerson.set(m.personId, [...(rolesByPerson.get(m.personId) ?? []), m.role]);

  for (const [personId, roles] of rolesByPerson) {
    if (facts.inactive.has(personId)) out.push(v('inactive-person', 'block', { personId }));
    const others = (facts.commitments.get(personId) ?? []).filter((o) => o.sessionId !== c.sessionId);
    for (const o of others) if (overlaps(c, o)) out.push(v('person-overlap', 'block', { personId, otherSessionId: o.sessionId }));
    if (!isOnAir(roles)) continue;

    const rules = facts.rules.get(personId);
    if (!rules) continue;
    const onAir = others.filter((o) => isOnAir(o.roles));
    const all: Interval[] = [...onAir, c];

    if (rules.maxContinuousMinutes !== null) {
      const block = mergeTouching(all).find((b) => overlaps(b, c))!;
      const length = minutesOf(block);
      if (length > rules.maxContinuousMinutes) out.push(v('continuous-on-air', 'block', { personId, actual: length, limit: rules.maxContinuousMinutes }));
    }
    if (rules.minRestMinutes !== null) {
      const blocks = mergeTouching(all);
      const idx = blocks.findIndex((b) => overlaps(b, c));
      for (const neighbour of [blocks[idx - 1], blocks[idx + 1]]) {
        if (!neighbour) continue;
        const gap = Math.round((neighbour.start > c.start ? neighbour.start - blocks[idx]!.end : blocks[idx]!.start - neighbour.end) / MINUTE);
        if (gap < rules.minRestMinutes) {
          const other = onAir.find((o) => overlaps(o, neighbour));
          out.push(v('min-rest', 'block', { personId, actual: gap, limit: rules.minRestMinutes, otherSessionId: other?.sessionId ?? null }));
        }
      }
    }
    if (rules.maxDailyMinutes !== null) {
      for (const [label, from, to] of periodsTouched(c, c.timeZone, 'day')) {
        const total = minutesWithin(all, from, to);
        if (total > rules.maxDailyMinutes) out.push(v('daily-on-air', 'block', { personId, actual: total, limit: rules.maxDailyMinutes, period: label }));
      }
    }
    if (rules.maxWeeklyMinutes !== null) {
      for (const [label, from, to] of periodsTouched(c, c.timeZone, 'week')) {
        const total = minutesWithin(all, from, to);
        if (total > rules.maxWeeklyMinutes) out.push(v('weekly-on-air', 'block', { personId, actual: total, limit: rules.maxWeeklyMinutes, period: label }));
      }
    }
  }
  return out;
}

/** A member's own limits override the position's, field by field. */
export function effectiveRules(position: WorkRules | null, person: Partial<WorkRules> | null): WorkRules {
  const base: WorkRules = position ?? { maxContinuousMinutes: null, minRestMinutes: null, maxDailyMinutes: null, maxWeeklyMinutes: null };
  if (!person) return base;
  return {
    maxContinuousMinutes: person.maxContinuousMinutes !== undefined && person.maxContinuousMinutes !== null ? person.maxContinuousMinutes : base.maxContinuousMinutes,
    minRestMinutes: person.minRestMinutes !== undefined && person.minRestMinutes !== null ? person.minRestMinutes : base.minRestMinutes,
    maxDailyMinutes: person.maxDailyMinutes !== undefined && person.maxDailyMinutes !== null ? person.maxDailyMinutes : base.maxDailyMinutes,
    maxWeeklyMinutes: person.maxWeeklyMinutes !== undefined && person.maxWeeklyMinutes !== null ? person.maxWeeklyMinutes : base.maxWeeklyMinutes,
  };
}

const TRANSITIONS: Record<SessionStatus, readonly SessionStatus[]> = {
  draft: ['scheduled', 'cancelled'],
  scheduled: ['draft', 'live', 'cancelled'],
  live: ['ended'],
  ended: ['reviewed'],
  reviewed: [],
  cancelled: ['draft'],
};

export function canTransition(from: SessionStatus, to: SessionStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Sessions whose plan can still change: once live, ended or cancelled, the times are history. */
export function isPlannable(status: SessionStatus): boolean {
  return status === 'draft' || status === 'scheduled';
}

export interface Occurrence extends Interval {
  date: string;
}

/**
 * Expands a weekly pattern into sessions in the room's time zone: local wall-clock times, so 19:00 stays 19:00 across a
 * daylight-saving change. An end time at or before the start time ends on the next day (a show across midnight).
 */
export function expandRecurrence(p: { fromDate: string; toDate: string; weekdays: readonly number[]; startTime: string; endTime: string; timeZone: string }, limit = 400): Occurrence[] {
  const out: Occurrence[] = [];
  const days = new Set(p.weekdays);
  let day = DateTime.fromISO(p.fromDate, { zone: p.timeZone });
  const last = DateTime.fromISO(p.toDate, { zone: p.timeZone });
  while (day <= last && out.length < limit) {
    if (days.has(day.weekday)) {
      const date = day.toISODate()!;
      const start = DateTime.fromISO(`${date}T${p.startTime}`, { zone: p.timeZone });
      let end = DateTime.fromISO(`${date}T${p.endTime}`, { zone: p.timeZone });
      if (end <= start) end = DateTime.fromISO(`${day.plus({ days: 1 }).toISODate()}T${p.endTime}`, { zone: p.timeZone });
      out.push({ date, start: start.toMillis(), end: end.toMillis() });
    }
    day = day.plus({ days: 1 });
  }
  return out;
}

/** The checklist item is overdue: its due time passed and nobody ticked it. */
export function isOverdue(item: { dueAt: string; doneAt: string | null }, now: Date): boolean {
  return item.doneAt === null && item.dueAt < now.toISOString();
}

const ROLE_NAMES: Record<SessionRole, [string, string]> = {
  host: ['主播', 'host'],
  co_host: ['副播', 'co-host'],
  field_control: ['场控', 'field control'],
  console: ['中控', 'console'],
  ads: ['投手', 'ads'],
  customer_service: ['客服', 'customer service'],
  technician: ['技术', 'technician'],
};

export function roleName(role: SessionRole, locale: Locale): string {
  return ROLE_NAMES[role][locale === 'zh-CN' ? 0 : 1];
}

function hm(minutes: number, locale: Locale): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (locale === 'zh-CN') return h ? `${h} 小时${m ? ` ${m} 分钟` : ''}` : `${m} 分钟`;
  return h ? `${h} h${m ? ` ${m} min` : ''}` : `${m} min`;
}

/** The sentence a planner reads when a rule blocks them. */
export function explainViolation(x: RawViolation, names: { person: (id: string) => string; session: (id: string) => { title: string; when: string | null } }, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const who = x.personId ? names.person(x.personId) : '';
  const o = x.otherSessionId ? names.session(x.otherSessionId) : { title: '', when: null };
  // The title in quotes, its start time after them: 「周二晚场」（2026-12-01 19:00）.
  const other = zh ? `「${o.title}」${o.when ? `（${o.when}）` : ''}` : `"${o.title}"${o.when ? ` (${o.when})` : ''}`;
  const a = x.actual ?? 0;
  const l = x.limit ?? 0;
  switch (x.code) {
    case 'end-before-start':
      return zh ? '结束时间必须晚于开始时间。' : 'The end must be after the start.';
    case 'too-long':
      return zh ? `单场直播时长 ${hm(a, locale)}，超过上限 ${hm(l, locale)}。` : `The session lasts ${hm(a, locale)}, more than the ${hm(l, locale)} maximum.`;
    case 'room-overlap':
      return zh ? `该直播间在同一时间已有直播${other}。` : `The room already has ${other} at that time.`;
    case 'person-overlap':
      return zh ? `${who} 同时被排在${other}，时间重叠。` : `${who} is also in ${other} at an overlapping time.`;
    case 'continuous-on-air':
      return zh ? `${who} 将连续出镜 ${hm(a, locale)}，超过连续出镜上限 ${hm(l, locale)}。` : `${who} would be on air for ${hm(a, locale)} in a row, over the ${hm(l, locale)} limit.`;
    case 'min-rest':
      return zh
        ? `${who} 与${other}之间只休息 ${hm(a, locale)}，少于最短休息 ${hm(l, locale)}。`
        : `${who} would rest only ${hm(a, locale)} between this and ${other}, less than the ${hm(l, locale)} minimum.`;
    case 'daily-on-air':
      return zh ? `${who} 在 ${x.period} 出镜共 ${hm(a, locale)}，超过每日上限 ${hm(l, locale)}。` : `${who} would be on air ${hm(a, locale)} on ${x.period}, over the daily limit of ${hm(l, locale)}.`;
    case 'weekly-on-air':
      return zh ? `${who} 在 ${x.period} 周出镜共 ${hm(a, locale)}，超过每周上限 ${hm(l, locale)}。` : `${who} would be on air ${hm(a, locale)} in week ${x.period}, over the weekly limit of ${hm(l, locale)}.`;
    case 'missing-roles': {
      const list = (x.roles ?? []).map((r) => roleName(r, locale)).join(zh ? '、' : ', ');
      return zh ? `该直播间要求的岗位尚未安排：${list}。` : `Roles this room requires are not yet filled: ${list}.`;
    }
    case 'run-of-show-over':
      return zh ? `排品合计 ${hm(a, locale)}，超过直播时长 ${hm(l, locale)}。` : `The run of show adds up to ${hm(a, locale)}, longer than the ${hm(l, locale)} session.`;
    case 'inactive-person':
      return zh ? `${who} 当前不在岗（休假或已离职）。` : `${who} is not active (on leave or left).`;
  }
}
