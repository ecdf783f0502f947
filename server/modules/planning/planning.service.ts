import { DateTime } from 'luxon';
import type { Locale } from '../../../contracts/common';
import {
  ON_AIR_ROLES,
  type CrewInput,
  type CrewMember,
  type Override,
  type RecurringInput,
  type SessionDetailView,
  type SessionInput,
  type SessionRole,
  type SessionStatus,
  type SessionUpdateInput,
  type SessionView,
  type SlotsInput,
  type StatusChangeInput,
  type ValidateInput,
  type Violation,
  type WorkRules,
} from '../../../contracts/planning';
import { inScope, type Actor, type Deps } from '../../platform/context';
import { json, withTransaction, type Executor } from '../../platform/db';
import { DomainError } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { changedFields, recordAudit } from '../audit/audit.repository';
import { findRoomRow } from '../team/team.repository';
import { assertSessionContentApproved, moveSessionContent } from '../content/content.service';
import * as repo from './planning.repository';
import { canTransition, checkPlan, effectiveRules, expandRecurrence, explainViolation, isPlannable, missingRoles, type PlanCandidate, type RawViolation } from './planning.rules';

const DAY = 86_400_000;
/** How far around a session the rules look for other commitments: a week covers the weekly limit, a day either side the rest. */
const FACT_WINDOW = 8 * DAY;

const iso = (t: string | number) => new Date(t).toISOString();

interface Draft {
  sessionId: string | null;
  roomId: string;
  start: number;
  end: number;
  crew: readonly CrewMember[];
  slotMinutes: number;
  stage: 'draft' | 'scheduled';
}

/** Gathers what the rules need about a candidate and checks it. */
export async function evaluatePlan(db: Executor, scope: Actor['scope'], d: Draft): Promise<RawViolation[]> {
  const room = await findRoomRow(db, scope, d.roomId);
  if (!room) throw new DomainError('room/not-found', [{ path: 'roomId', message: d.roomId }]);
  if (!(d.end > d.start)) return checkPlan({ ...d, timeZone: room.time_zone, requiredRoles: [] }, { roomSessions: [], commitments: new Map(), rules: new Map(), inactive: new Set() });
  const from = iso(d.start - FACT_WINDOW);
  const to = iso(d.end + FACT_WINDOW);
  const personIds = [...new Set(d.crew.map((c) => c.personId))];
  const [roomSessions, commitments, people] = await Promise.all([
    repo.roomSessionsBetween(db, d.roomId, iso(d.start), iso(d.end)),
    repo.commitmentsOf(db, personIds, from, to),
    personIds.length ? db.selectFrom('people').select(['id', 'status', 'position_id']).where('id', 'in', personIds).execute() : Promise.resolve([]),
  ]);
  const positionIds = [...new Set(people.map((p) => p.position_id).filter((x): x is string => x !== null))];
  const ruleRows = personIds.length
    ? await db
        .selectFrom('work_rules')
        .selectAll()
        .where((eb) => eb.or([eb.and([eb('subject_type', '=', 'person'), eb('subject_id', 'in', personIds)]), ...(positionIds.length ? [eb.and([eb('subject_type', '=', 'position'), eb('subject_id', 'in', positionIds)])] : [])]))
        .execute()
    : [];
  const rules = new Map<string, WorkRules>();
  for (const p of people) {
    const pos = repo.rulesFromRow(ruleRows.find((r) => r.subject_type === 'position' && r.subject_id === p.position_id));
    const own = repo.rulesFromRow(ruleRows.find((r) => r.subject_type === 'person' && r.subject_id === p.id));
    rules.set(p.id, effectiveRules(pos, own));
  }
  const candidate: PlanCandidate = { ...d, timeZone: room.time_zone, requiredRoles: json.parse<SessionRole[]>(room.required_roles, []) };
  return checkPlan(candidate, {
    roomSessions,
    commitments,
    rules,
    inactive: new Set(people.filter((p) => p.status !== 'active').map((p) => p.id)),
  });
}

/** Adds the sentence a person reads to each violation, with names in the request's language. */
export async function explainAll(db: Executor, violations: RawViolation[], locale: Locale): Promise<Violation[]> {
  const personIds = [...new Set(violations.map((v) => v.personId).filter((x): x is string => !!x))];
  const sessionIds = [...new Set(violations.map((v) => v.otherSessionId).filter((x): x is string => !!x))];
  const people = personIds.length ? await db.selectFrom('people').select(['id', 'display_name']).where('id', 'in', personIds).execute() : [];
  const sessions = sessionIds.length
    ? await db
        .selectFrom('live_sessions as s')
        .innerJoin('rooms as r', 'r.id', 's.room_id')
        .select(['s.id', 's.title', 's.planned_start', 'r.time_zone'])
        .where('s.id', 'in', sessionIds)
        .execute()
    : [];
  const names = {
    person: (id: string) => people.find((p) => p.id === id)?.display_name ?? id,
    session: (id: string) => {
      const s = sessions.find((x) => x.id === id);
      // In the other session's room time, as its planners read it.
      return s ? { title: s.title, when: DateTime.fromISO(s.planned_start, { zone: s.time_zone }).toFormat('yyyy-MM-dd HH:mm') } : { title: id, when: null };
    },
  };
  return violations.map((v) => ({ ...v, message: explainViolation(v, names, locale) }));
}

/**
 * Lets a change through when nothing blocks it, or when a manager overrides with a reason (recorded and audited);
 * otherwise refuses it with every violation explained.
 */
async function guard(db: Executor, actor: Actor, violations: RawViolation[], override: Override | undefined, sessionId: string, locale: Locale) {
  const blocking = violations.filter((v) => v.severity === 'block');
  if (!blocking.length) return;
  const hard = blocking.filter((v) => v.code === 'end-before-start' || v.code === 'too-long');
  if (hard.length || !override) throw new DomainError('session/rule-violation', undefined, { violations: await explainAll(db, violations, locale) });
  if (!actor.permissions.has('session:override')) throw new DomainError('session/override-forbidden');
  await db.insertInto('rule_overrides').values({ id: newId(), session_id: sessionId, violations: json.stringify(blocking), reason: override.reason, user_id: actor.userId, at: nowIso() }).execute();
  await recordAudit(db, actor, {
    action: 'override',
    entityType: 'live-session',
    entityId: sessionId,
    summary: { zh: `越过排期规则（${blocking.map((v) => v.code).join('、')}）：${override.reason}`, en: `Overrode ${blocking.map((v) => v.code).join(', ')}: ${override.reason}` },
    after: { violations: blocking.map((v) => ({ code: v.code, personId: v.personId, actual: v.actual, limit: v.limit, period: v.period })), reason: override.reason },
  });
}

function timesOrThrow(start: string, end: string) {
  const s = Date.parse(start);
  const e = Date.parse(end);
  if (!(e > s)) throw new DomainError('session/invalid-times', [{ path: 'plannedEnd', message: 'end must be after start / 结束须晚于开始' }]);
  return { start: s, end: e };
}

function stageOf(status: SessionStatus): 'draft' | 'scheduled' {
  return status === 'draft' ? 'draft' : 'scheduled';
}

async function loadOrThrow(db: Executor, actor: Actor, id: string) {
  const s = await repo.findSession(db, actor.scope, id);
  if (!s) throw new DomainError('session/not-found');
  return s;
}

const auditFields = (s: SessionView) => ({ title: s.title, roomId: s.roomId, plannedStart: s.plannedStart, plannedEnd: s.plannedEnd, goals: s.goals, status: s.status, notes: s.notes });

export async function getSessionDetail(db: Executor, actor: Actor, id: string, locale: Locale, now = new Date()): Promise<SessionDetailView> {
  const s = await loadOrThrow(db, actor, id);
  const [slots, checklist] = await Promise.all([repo.listSlots(db, id), repo.listChecklist(db, [id], now)]);
  const plannedSlotMinutes = slots.reduce((a, x) => a + x.plannedMinutes, 0);
  const raw = isPlannable(s.status)
    ? await evaluatePlan(db, 'all', { sessionId: id, roomId: s.roomId, start: Date.parse(s.plannedStart), end: Date.parse(s.plannedEnd), crew: s.crew, slotMinutes: plannedSlotMinutes, stage: stageOf(s.status) })
    : [];
  const room = await findRoomRow(db, 'all', s.roomId);
  return {
    ...s,
    slots,
    checklist,
    violations: await explainAll(db, raw, locale),
    missingRoles: missingRoles(json.parse<SessionRole[]>(room?.required_roles ?? '[]', []), s.crew),
    plannedSlotMinutes,
  };
}

export async function createSession(deps: Deps, actor: Actor, input: SessionInput, locale: Locale): Promise<SessionView> {
  return withTransaction(deps.db, async (trx) => {
    const { start, end } = timesOrThrow(input.plannedStart, input.plannedEnd);
    const id = newId();
    const violations = await evaluatePlan(trx, actor.scope, { sessionId: id, roomId: input.roomId, start, end, crew: [], slotMinutes: 0, stage: 'draft' });
    const at = nowIso();
    await trx
      .insertInto('live_sessions')
      .values({
        id,
        room_id: input.roomId,
        title: input.title,
        planned_start: iso(start),
        planned_end: iso(end),
        goal_gmv_fen: input.goals.gmvFen,
        goal_viewers: input.goals.viewers,
        goal_orders: input.goals.orders,
        notes: input.notes,
        status: 'draft',
        cancel_reason: null,
        series_id: null,
        is_unplanned: 0,
        created_by: actor.userId,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await guard(trx, actor, violations, input.override, id, locale);
    const view = (await repo.findSession(trx, 'all', id))!;
    await recordAudit(trx, actor, { action: 'create', entityType: 'live-session', entityId: id, teamId: view.teamId, summary: { zh: `新建直播「${view.title}」`, en: `Planned "${view.title}"` }, after: auditFields(view) });
    return view;
  });
}

export async function updateSession(deps: Deps, actor: Actor, id: string, input: SessionUpdateInput, locale: Locale): Promise<SessionView> {
  return withTransaction(deps.db, async (trx) => {
    const before = await loadOrThrow(trx, actor, id);
    const movesTime = input.plannedStart !== undefined || input.plannedEnd !== undefined || (input.roomId !== undefined && input.roomId !== before.roomId);
    if (movesTime && !isPlannable(before.status)) throw new DomainError('session/locked');
    const { start, end } = timesOrThrow(input.plannedStart ?? before.plannedStart, input.plannedEnd ?? before.plannedEnd);
    const roomId = input.roomId ?? before.roomId;
    if (movesTime) {
      const violations = await evaluatePlan(trx, actor.scope, { sessionId: id, roomId, start, end, crew: before.crew, slotMinutes: await repo.slotMinutes(trx, id), stage: stageOf(before.status) });
      await guard(trx, actor, violations, input.override, id, locale);
    }
    await trx
      .updateTable('live_sessions')
      .set({
        title: input.title ?? before.title,
        room_id: roomId,
        planned_start: iso(start),
        planned_end: iso(end),
        goal_gmv_fen: input.goals?.gmvFen !== undefined ? input.goals.gmvFen : before.goals.gmvFen,
        goal_viewers: input.goals?.viewers !== undefined ? input.goals.viewers : before.goals.viewers,
        goal_orders: input.goals?.orders !== undefined ? input.goals.orders : before.goals.orders,
        notes: input.notes ?? before.notes,
        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .execute();
    if (movesTime) await shiftChecklist(trx, id, Date.parse(before.plannedStart), start);
    if (roomId !== before.roomId) {
      // A scheduled session moved into another room is scheduled there: that room's content setting applies.
      if (before.status === 'scheduled') await assertSessionContentApproved(trx, { id, roomId });
      await moveSessionContent(trx, id, roomId);
    }
    const view = (await repo.findSession(trx, 'all', id))!;
    await recordAudit(trx, actor, { action: 'update', entityType: 'live-session', entityId: id, teamId: view.teamId, summary: { zh: `修改直播「${view.title}」`, en: `Updated "${view.title}"` }, ...changedFields(auditFields(before), auditFields(view)) });
    return view;
  });
}

/** Checklist due times follow the session when it moves. */
async function shiftChecklist(db: Executor, sessionId: string, oldStart: number, newStart: number) {
  if (oldStart === newStart) return;
  const items = await db.selectFrom('checklist_items').select(['id', 'due_at']).where('session_id', '=', sessionId).execute();
  for (const it of items) {
    await db.updateTable('checklist_items').set({ due_at: iso(Date.parse(it.due_at) + (newStart - oldStart)) }).where('id', '=', it.id).execute();
  }
}

export async function changeStatus(deps: Deps, actor: Actor, id: string, input: StatusChangeInput, locale: Locale): Promise<SessionView> {
  return withTransaction(deps.db, async (trx) => {
    const before = await loadOrThrow(trx, actor, id);
    if (!canTransition(before.status, input.status)) throw new DomainError('session/bad-transition', [{ path: 'status', message: `${before.status} → ${input.status}` }]);
    if (input.status === 'cancelled' && !input.reason) throw new DomainError('session/cancel-reason', [{ path: 'reason', message: 'required / 必填' }]);
    if (input.status === 'scheduled') {
      const violations = await evaluatePlan(trx, actor.scope, {
        sessionId: id,
        roomId: before.roomId,
        start: Date.parse(before.plannedStart),
        end: Date.parse(before.plannedEnd),
        crew: before.crew,
        slotMinutes: await repo.slotMinutes(trx, id),
        stage: 'scheduled',
      });
      await guard(trx, actor, violations, input.override, id, locale);
      // Content review is not a planning rule a manager may override: the room's setting decides alone.
      await assertSessionContentApproved(trx, { id, roomId: before.roomId });
    }
    await trx
      .updateTable('live_sessions')
      .set({ status: input.status, cancel_reason: input.status === 'cancelled' ? input.reason! : null, updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
    const view = (await repo.findSession(trx, 'all', id))!;
    await recordAudit(trx, actor, {
      action: 'update',
      entityType: 'live-session',
      entityId: id,
      teamId: view.teamId,
      summary: { zh: `直播「${view.title}」状态：${before.status} → ${input.status}${input.reason ? `（${input.reason}）` : ''}`, en: `"${view.title}": ${before.status} → ${input.status}${input.reason ? ` (${input.reason})` : ''}` },
      before: { status: before.status },
      after: { status: input.status, ...(input.reason ? { reason: input.reason } : {}) },
    });
    return view;
  });
}

export async function setCrew(deps: Deps, actor: Actor, id: string, input: CrewInput, locale: Locale): Promise<SessionView> {
  return withTransaction(deps.db, async (trx) => {
    const before = await loadOrThrow(trx, actor, id);
    if (!isPlannable(before.status)) throw new DomainError('session/locked');
    const personIds = [...new Set(input.crew.map((c) => c.personId))];
    const people = personIds.length ? await trx.selectFrom('people').select('id').where('id', 'in', personIds).execute() : [];
    const teams = personIds.length ? await trx.selectFrom('person_teams').select(['person_id', 'team_id']).where('person_id', 'in', personIds).execute() : [];
    const unknown = personIds.filter(
      (pid) => !people.some((p) => p.id === pid) || (actor.scope !== 'all' && !teams.some((t) => t.person_id === pid && inScope(actor.scope, t.team_id))),
    );
    if (unknown.length) throw new DomainError('session/unknown-person', unknown.map((pid) => ({ path: 'crew', message: pid })));
    const violations = await evaluatePlan(trx, actor.scope, {
      sessionId: id,
      roomId: before.roomId,
      start: Date.parse(before.plannedStart),
      end: Date.parse(before.plannedEnd),
      crew: input.crew,
      slotMinutes: await repo.slotMinutes(trx, id),
      stage: stageOf(before.status),
    });
    await guard(trx, actor, violations, input.override, id, locale);
    await repo.replaceCrew(trx, id, input.crew);
    await trx.updateTable('live_sessions').set({ updated_at: nowIso() }).where('id', '=', id).execute();
    const view = (await repo.findSession(trx, 'all', id))!;
    const crewOf = (s: SessionView) => s.crew.map((c) => `${c.role}:${c.displayName}`).sort();
    await recordAudit(trx, actor, { action: 'update', entityType: 'live-session', entityId: id, teamId: view.teamId, summary: { zh: `调整直播「${view.title}」的人员`, en: `Crew of "${view.title}"` }, before: { crew: crewOf(before) }, after: { crew: crewOf(view) } });
    return view;
  });
}

export async function setSlots(deps: Deps, actor: Actor, id: string, input: SlotsInput, locale: Locale): Promise<SessionDetailView> {
  await withTransaction(deps.db, async (trx) => {
    const before = await loadOrThrow(trx, actor, id);
    if (!isPlannable(before.status)) throw new DomainError('session/locked');
    const productIds = [...new Set(input.slots.map((s) => s.productId))];
    const found = productIds.length ? await trx.selectFrom('products').select('id').where('id', 'in', productIds).execute() : [];
    const unknown = productIds.filter((p) => !found.some((f) => f.id === p));
    if (unknown.length) throw new DomainError('session/unknown-product', unknown.map((p) => ({ path: 'slots', message: p })));
    const total = input.slots.reduce((a, s) => a + s.plannedMinutes, 0);
    const violations = (
      await evaluatePlan(trx, actor.scope, {
        sessionId: id,
        roomId: before.roomId,
        start: Date.parse(before.plannedStart),
        end: Date.parse(before.plannedEnd),
        crew: before.crew,
        slotMinutes: total,
        stage: stageOf(before.status),
      })
    ).filter((v) => v.code === 'run-of-show-over');
    await guard(trx, actor, violations, input.override, id, locale);
    const previous = await repo.listSlots(trx, id);
    await trx.deleteFrom('session_slots').where('session_id', '=', id).execute();
    if (input.slots.length) {
      await trx
        .insertInto('session_slots')
        .values(
          input.slots.map((s, i) => ({
            id: newId(),
            session_id: id,
            position: i + 1,
            product_id: s.productId,
            planned_minutes: s.plannedMinutes,
            slot_type: s.slotType,
            talking_points: s.talkingPoints,
            mechanics: json.stringify(s.mechanics),
          })),
        )
        .execute();
    }
    await recordAudit(trx, actor, {
      action: 'update',
      entityType: 'live-session',
      entityId: id,
      teamId: before.teamId,
      summary: { zh: `直播「${before.title}」排品：${input.slots.length} 个商品，共 ${total} 分钟`, en: `Run of show of "${before.title}": ${input.slots.length} slots, ${total} min` },
      before: { slots: previous.map((s) => `${s.productSku}:${s.plannedMinutes}`) },
      after: { slots: input.slots.map((s) => `${s.productId}:${s.plannedMinutes}`) },
    });
  });
  return getSessionDetail(deps.db, actor, id, locale);
}

export async function validatePlan(deps: Deps, actor: Actor, input: ValidateInput, locale: Locale): Promise<Violation[]> {
  let crew = input.crew;
  let slotMinutes = 0;
  let stage: 'draft' | 'scheduled' = input.stage ?? 'draft';
  if (input.sessionId) {
    const existing = await loadOrThrow(deps.db, actor, input.sessionId);
    crew ??= existing.crew;
    slotMinutes = await repo.slotMinutes(deps.db, input.sessionId);
    stage = input.stage ?? stageOf(existing.status);
  }
  const raw = await evaluatePlan(deps.db, actor.scope, {
    sessionId: input.sessionId ?? null,
    roomId: input.roomId,
    start: Date.parse(input.plannedStart),
    end: Date.parse(input.plannedEnd),
    crew: crew ?? [],
    slotMinutes,
    stage,
  });
  return explainAll(deps.db, raw, locale);
}

/** Generates draft sessions for a weekly pattern, all or none: any clash with the room's other sessions stops the whole run. */
export async function createRecurring(deps: Deps, actor: Actor, input: RecurringInput, locale: Locale): Promise<SessionView[]> {
  return withTransaction(deps.db, async (trx) => {
    const room = await findRoomRow(trx, actor.scope, input.roomId);
    if (!room) throw new DomainError('room/not-found', [{ path: 'roomId', message: input.roomId }]);
    if (input.toDate < input.fromDate) throw new DomainError('session/invalid-times', [{ path: 'toDate', message: 'toDate before fromDate / 结束日期早于开始日期' }]);
    const occurrences = expandRecurrence({ ...input, timeZone: room.time_zone });
    if (!occurrences.length) throw new DomainError('session/empty-range');
    const seriesId = newId();
    const at = nowIso();
    const clashes: RawViolation[] = [];
    for (const o of occurrences) {
      const v = await evaluatePlan(trx, actor.scope, { sessionId: null, roomId: room.id, start: o.start, end: o.end, crew: [], slotMinutes: 0, stage: 'draft' });
      clashes.push(...v.filter((x) => x.severity === 'block').map((x) => ({ ...x, period: o.date })));
      await trx
        .insertInto('live_sessions')
        .values({
          id: newId(),
          room_id: room.id,
          title: input.title,
          planned_start: iso(o.start),
          planned_end: iso(o.end),
          goal_gmv_fen: input.goals.gmvFen,
          goal_viewers: input.goals.viewers,
          goal_orders: input.goals.orders,
          notes: '',
          status: 'draft',
          cancel_reason: null,
          series_id: seriesId,
          is_unplanned: 0,
          created_by: actor.userId,
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
    if (clashes.length) throw new DomainError('session/rule-violation', undefined, { violations: await explainAll(trx, clashes, locale) });
    await recordAudit(trx, actor, {
      action: 'create',
      entityType: 'live-session',
      entityId: seriesId,
      teamId: room.team_id,
      summary: { zh: `批量排期「${input.title}」${occurrences.length} 场（${input.fromDate} 至 ${input.toDate}）`, en: `Planned ${occurrences.length} recurring sessions "${input.title}" ${input.fromDate}–${input.toDate}` },
      after: { ...input, count: occurrences.length },
    });
    return repo.listSessions(trx, 'all', { roomId: room.id, from: iso(occurrences[0]!.start - 1), to: iso(occurrences[occurrences.length - 1]!.end + 1) }).then((all) => all.filter((s) => s.seriesId === seriesId));
  });
}

export async function deleteSession(deps: Deps, actor: Actor, id: string): Promise<void> {
  await withTransaction(deps.db, async (trx) => {
    const s = await loadOrThrow(trx, actor, id);
    if (s.status !== 'draft' && s.status !== 'cancelled') throw new DomainError('session/locked');
    await trx.deleteFrom('live_sessions').where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: 'delete', entityType: 'live-session', entityId: id, teamId: s.teamId, summary: { zh: `删除直播「${s.title}」`, en: `Deleted "${s.title}"` }, before: auditFields(s) });
  });
}

/** Minutes of on-air roles and of all roles a person has in [from, to), clipped to the window. */
export function hoursInWindow(sessions: { start: number; end: number; roles: readonly SessionRole[] }[], from: number, to: number) {
  let all = 0;
  let onAir = 0;
  for (const s of sessions) {
    const ms = Math.max(0, Math.min(s.end, to) - Math.max(s.start, from));
    all += ms;
    if (s.roles.some((r) => ON_AIR_ROLES.includes(r))) onAir += ms;
  }
  return { plannedHours: Math.round((all / 3_600_000) * 100) / 100, onAirHours: Math.round((onAir / 3_600_000) * 100) / 100 };
}

export function weekWindow(weekStart: string, timeZone: string) {
  const start = DateTime.fromISO(weekStart, { zone: timeZone }).startOf('day');
  return { from: start.toMillis(), to: start.plus({ weeks: 1 }).toMillis() };
}
