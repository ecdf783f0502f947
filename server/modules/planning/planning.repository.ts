import type { ChecklistItemView, CrewMember, Goals, SessionRole, SessionStatus, SessionView, SlotView, WorkRules } from '../../../contracts/planning';
import type { TeamScope } from '../../platform/context';
import { json, type Executor } from '../../platform/db';
import type { Database } from '../../platform/schema';
import { isOverdue, MAX_SESSION_MINUTES, type Commitment } from './planning.rules';

export type SessionRow = Database['live_sessions'];
type Row = SessionRow & { team_id: string; time_zone: string; room_name: string };

function baseQuery(db: Executor) {
  return db
    .selectFrom('live_sessions as s')
    .innerJoin('rooms as r', 'r.id', 's.room_id')
    .selectAll('s')
    .select(['r.team_id', 'r.time_zone', 'r.display_name as room_name']);
}

async function crewFor(db: Executor, sessionIds: string[]) {
  const map = new Map<string, SessionView['crew']>();
  // Chunked: PostgreSQL and SQLite both cap bound parameters.
  for (let i = 0; i < sessionIds.length; i += 500) {
    const chunk = sessionIds.slice(i, i + 500);
    const rows = await db
      .selectFrom('session_crew as c')
      .innerJoin('people as p', 'p.id', 'c.person_id')
      .select(['c.session_id', 'c.person_id', 'c.role', 'p.display_name'])
      .where('c.session_id', 'in', chunk)
      .orderBy('c.role')
      .orderBy('p.display_name')
      .execute();
    for (const r of rows) map.set(r.session_id, [...(map.get(r.session_id) ?? []), { personId: r.person_id, role: r.role as SessionRole, displayName: r.display_name }]);
  }
  return map;
}

function toView(r: Row, crew: SessionView['crew']): SessionView {
  return {
    id: r.id,
    roomId: r.room_id,
    roomName: r.room_name,
    teamId: r.team_id,
    title: r.title,
    plannedStart: r.planned_start,
    plannedEnd: r.planned_end,
    timeZone: r.time_zone,
    goals: { gmvFen: r.goal_gmv_fen === null ? null : Number(r.goal_gmv_fen), viewers: r.goal_viewers === null ? null : Number(r.goal_viewers), orders: r.goal_orders === null ? null : Number(r.goal_orders) } satisfies Goals,
    notes: r.notes,
    status: r.status as SessionStatus,
    cancelReason: r.cancel_reason,
    seriesId: r.series_id,
    isUnplanned: Number(r.is_unplanned) === 1,
    crew,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export interface SessionFilter {
  roomId?: string;
  teamId?: string;
  personId?: string;
  status?: SessionStatus;
  /** Sessions that end after `from` and start before `to` (UTC ISO). */
  from?: string;
  to?: string;
  limit?: number;
}

export async function listSessions(db: Executor, scope: TeamScope, f: SessionFilter) {
  let q = baseQuery(db).orderBy('s.planned_start').orderBy('s.id');
  if (scope !== 'all') {
    if (!scope.length) return [];
    q = q.where('r.team_id', 'in', [...scope]);
  }
  if (f.roomId) q = q.where('s.room_id', '=', f.roomId);
  if (f.teamId) q = q.where('r.team_id', '=', f.teamId);
  if (f.status) q = q.where('s.status', '=', f.status);
  if (f.from) q = q.where('s.planned_end', '>', f.from);
  if (f.to) q = q.where('s.planned_start', '<', f.to);
  if (f.personId) q = q.where('s.id', 'in', db.selectFrom('session_crew').select('session_id').where('person_id', '=', f.personId));
  if (f.limit) q = q.limit(f.limit);
  const rows = (await q.execute()) as Row[];
  const crew = await crewFor(db, rows.map((r) => r.id));
  return rows.map((r) => toView(r, crew.get(r.id) ?? []));
}

export async function findSession(db: Executor, scope: TeamScope, id: string) {
  const row = (await baseQuery(db).where('s.id', '=', id).executeTakeFirst()) as Row | undefined;
  if (!row || (scope !== 'all' && !scope.includes(row.team_id))) return undefined;
  const crew = await crewFor(db, [id]);
  return toView(row, crew.get(id) ?? []);
}

export async function listSlots(db: Executor, sessionId: string): Promise<SlotView[]> {
  const rows = await db
    .selectFrom('session_slots as s')
    .innerJoin('products as p', 'p.id', 's.product_id')
    .select(['s.id', 's.position', 's.product_id', 's.planned_minutes', 's.slot_type', 's.talking_points', 's.mechanics', 'p.name', 'p.sku'])
    .where('s.session_id', '=', sessionId)
    .orderBy('s.position')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    position: Number(r.position),
    productId: r.product_id,
    productName: r.name,
    productSku: r.sku,
    plannedMinutes: Number(r.planned_minutes),
    slotType: r.slot_type as SlotView['slotType'],
    talkingPoints: r.talking_points,
    mechanics: json.parse(r.mechanics, []),
  }));
}

export async function slotMinutes(db: Executor, sessionId: string): Promise<number> {
  const r = await db.selectFrom('session_slots').select((eb) => eb.fn.sum<number>('planned_minutes').as('m')).where('session_id', '=', sessionId).executeTakeFirst();
  return Number(r?.m ?? 0);
}

export async function listChecklist(db: Executor, sessionIds: string[], now: Date): Promise<ChecklistItemView[]> {
  if (!sessionIds.length) return [];
  const rows = await db
    .selectFrom('checklist_items as i')
    .leftJoin('people as p', 'p.id', 'i.done_by_person_id')
    .selectAll('i')
    .select('p.display_name as done_by_name')
    .where('i.session_id', 'in', sessionIds)
    .orderBy('i.due_at')
    .orderBy('i.label_en')
    .execute();
  return rows.map((r) => {
    const item = {
      id: r.id,
      sessionId: r.session_id,
      labelZh: r.label_zh,
      labelEn: r.label_en,
      category: r.category,
      dueAt: r.due_at,
      doneAt: r.done_at,
      doneByPersonId: r.done_by_person_id,
      doneByName: r.done_by_name ?? null,
    };
    return { ...item, isOverdue: isOverdue(item, now) };
  });
}

export async function replaceCrew(db: Executor, sessionId: string, crew: readonly CrewMember[]) {
  await db.deleteFrom('session_crew').where('session_id', '=', sessionId).execute();
  const unique = [...new Map(crew.map((c) => [`${c.personId}:${c.role}`, c])).values()];
  if (unique.length) await db.insertInto('session_crew').values(unique.map((c) => ({ session_id: sessionId, person_id: c.personId, role: c.role }))).execute();
}

/**
 * No session lasts more than a day (MAX_SESSION_MINUTES), so one that ends after `from` started after `from` − 24 h.
 * The bound lets the (room, start) index read only the window instead of the room's whole history.
 */
function earliestStart(from: string): string {
  return new Date(Date.parse(from) - (MAX_SESSION_MINUTES + 1) * 60_000).toISOString();
}

/** Other non-cancelled sessions of the given people in a window, by person. */
export async function commitmentsOf(db: Executor, personIds: string[], from: string, to: string): Promise<Map<string, Commitment[]>> {
  const map = new Map<string, Commitment[]>();
  if (!personIds.length) return map;
  const rows = await db
    .selectFrom('session_crew as c')
    .innerJoin('live_sessions as s', 's.id', 'c.session_id')
    .select(['c.person_id', 'c.role', 's.id', 's.planned_start', 's.planned_end'])
    .where('c.person_id', 'in', personIds)
    .where('s.status', '!=', 'cancelled')
    .where('s.planned_start', '<', to)
    .where('s.planned_end', '>', from)
    .where('s.planned_start', '>', earliestStart(from))
    .execute();
  const bySession = new Map<string, Commitment & { personId: string }>();
  for (const r of rows) {
    const key = `${r.person_id}:${r.id}`;
    const existing = bySession.get(key);
    if (existing) (existing.roles as SessionRole[]).push(r.role as SessionRole);
    else bySession.set(key, { personId: r.person_id, sessionId: r.id, start: Date.parse(r.planned_start), end: Date.parse(r.planned_end), roles: [r.role as SessionRole] });
  }
  for (const c of bySession.values()) map.set(c.personId, [...(map.get(c.personId) ?? []), c]);
  return map;
}

export async function roomSessionsBetween(db: Executor, roomId: string, from: string, to: string) {
  const rows = await db
    .selectFrom('live_sessions')
    .select(['id', 'planned_start', 'planned_end'])
    .where('room_id', '=', roomId)
    .where('status', '!=', 'cancelled')
    .where('planned_start', '<', to)
    .where('planned_end', '>', from)
    .where('planned_start', '>', earliestStart(from))
    .execute();
  return rows.map((r) => ({ sessionId: r.id, start: Date.parse(r.planned_start), end: Date.parse(r.planned_end) }));
}

export function rulesFromRow(r: Database['work_rules'] | undefined): WorkRules | null {
  if (!r) return null;
  return {
    maxContinuousMinutes: r.max_continuous_minutes === null ? null : Number(r.max_continuous_minutes),
    minRestMinutes: r.min_rest_minutes === null ? null : Number(r.min_rest_minutes),
    maxDailyMinutes: r.max_daily_minutes === null ? null : Number(r.max_daily_minutes),
    maxWeeklyMinutes: r.max_weekly_minutes === null ? null : Number(r.max_weekly_minutes),
  };
}

export async function upsertWorkRules(db: Executor, subjectType: 'position' | 'person', subjectId: string, rules: Partial<WorkRules>, at: string) {
  const values = {
    max_continuous_minutes: rules.maxContinuousMinutes ?? null,
    min_rest_minutes: rules.minRestMinutes ?? null,
    max_daily_minutes: rules.maxDailyMinutes ?? null,
    max_weekly_minutes: rules.maxWeeklyMinutes ?? null,
    updated_at: at,
  };
  await db
    .insertInto('work_rules')
    .values({ subject_type: subjectType, subject_id: subjectId, ...values })
    .onConflict((oc) => oc.columns(['subject_type', 'subject_id']).doUpdateSet(values))
    .execute();
}
