import { DateTime } from 'luxon';
import { DEFAULT_TIME_ZONE } from '../../../contracts/common';
import type { ScheduleView, SessionRole, WorkRules, WorkloadView } from '../../../contracts/planning';
import type { Actor, Deps } from '../../platform/context';
import { withTransaction, type Executor } from '../../platform/db';
import { DomainError } from '../../platform/errors';
import { hashToken, randomToken } from '../../platform/crypto';
import { nowIso } from '../../platform/ids';
import { changedFields, recordAudit } from '../audit/audit.repository';
import { listPeople, findPersonRow } from '../people/people.repository';
import * as repo from './planning.repository';
import { effectiveRules } from './planning.rules';
import { hoursInWindow, weekWindow } from './planning.service';

/** The signed-in user's own upcoming sessions (through the person record linked to their account) and what is due. */
export async function mySchedule(db: Executor, actor: Actor, now = new Date(), days = 14): Promise<ScheduleView> {
  const person = actor.userId ? await db.selectFrom('people').select(['id', 'display_name']).where('user_id', '=', actor.userId).executeTakeFirst() : undefined;
  if (!person) return { person: null, sessions: [], checklistDue: [] };
  const sessions = (await repo.listSessions(db, 'all', { personId: person.id, from: now.toISOString(), to: new Date(now.getTime() + days * 86_400_000).toISOString() })).filter(
    (s) => s.status !== 'cancelled',
  );
  const checklist = await repo.listChecklist(db, sessions.map((s) => s.id), now);
  return {
    person: { id: person.id, displayName: person.display_name },
    sessions: sessions.map((s) => ({ ...s, roles: s.crew.filter((c) => c.personId === person.id).map((c) => c.role) })),
    // What needs doing soon: open items already overdue or due within three days, not a fortnight's worth.
    checklistDue: checklist
      .filter((i) => i.doneAt === null && Date.parse(i.dueAt) < now.getTime() + 3 * 86_400_000)
      .map((i) => ({ ...i, sessionTitle: sessions.find((s) => s.id === i.sessionId)?.title ?? '' })),
  };
}

/** Planned hours per person for one week (Monday 00:00 in the company time zone) against their weekly capacity. */
export async function workload(deps: Deps, actor: Actor, weekStart: string, teamId?: string): Promise<WorkloadView> {
  const { db } = deps;
  const timeZone = DEFAULT_TIME_ZONE;
  const { from, to } = weekWindow(weekStart, timeZone);
  const people = await listPeople(db, deps.cipher, actor.scope, { teamId, status: 'active' });
  const commitments = await repo.commitmentsOf(db, people.map((p) => p.id), new Date(from).toISOString(), new Date(to).toISOString());
  const rows = people.map((p) => {
    const mine = commitments.get(p.id) ?? [];
    const h = hoursInWindow(mine, from, to);
    return {
      personId: p.id,
      displayName: p.displayName,
      positionId: p.positionId,
      capacityHours: p.weeklyCapacityHours,
      plannedHours: h.plannedHours,
      onAirHours: h.onAirHours,
      sessions: mine.length,
      isOverloaded: h.plannedHours > p.weeklyCapacityHours,
    };
  });
  rows.sort((a, b) => b.plannedHours / (b.capacityHours || 1) - a.plannedHours / (a.capacityHours || 1) || a.displayName.localeCompare(b.displayName));
  return { weekStart: DateTime.fromMillis(from, { zone: timeZone }).toISODate()!, timeZone, rows };
}

export async function getWorkRules(db: Executor, subject: 'position' | 'person', id: string) {
  if (subject === 'position') {
    const row = await db.selectFrom('work_rules').selectAll().where('subject_type', '=', 'position').where('subject_id', '=', id).executeTakeFirst();
    const position = repo.rulesFromRow(row);
    return { position, person: null, effective: effectiveRules(position, null) };
  }
  const person = await db.selectFrom('people').select(['id', 'position_id']).where('id', '=', id).executeTakeFirst();
  const posRow = person?.position_id ? await db.selectFrom('work_rules').selectAll().where('subject_type', '=', 'position').where('subject_id', '=', person.position_id).executeTakeFirst() : undefined;
  const ownRow = await db.selectFrom('work_rules').selectAll().where('subject_type', '=', 'person').where('subject_id', '=', id).executeTakeFirst();
  const position = repo.rulesFromRow(posRow);
  const own = repo.rulesFromRow(ownRow);
  return { position, person: own, effective: effectiveRules(position, own) };
}

export async function setWorkRules(deps: Deps, actor: Actor, subject: 'position' | 'person', id: string, rules: WorkRules) {
  return withTransaction(deps.db, async (trx) => {
    if (subject === 'position') {
      if (!(await trx.selectFrom('positions').select('id').where('id', '=', id).executeTakeFirst())) throw new DomainError('position/not-found');
    } else if (!(await findPersonRow(trx, actor.scope, id))) throw new DomainError('person/not-found');
    const before = await getWorkRules(trx, subject, id);
    await repo.upsertWorkRules(trx, subject, id, rules, nowIso());
    const after = await getWorkRules(trx, subject, id);
    await recordAudit(trx, actor, {
      action: 'update',
      entityType: subject === 'position' ? 'position' : 'person',
      entityId: id,
      summary: { zh: `修改${subject === 'position' ? '岗位' : '成员'}的出镜时长上限`, en: `Working-hour limits of ${subject} changed` },
      ...changedFields({ ...(before[subject] ?? {}) }, { ...(after[subject] ?? {}) }),
    });
    return after;
  });
}

/** Creates (or replaces) the secret calendar feed link of a person; the old link stops working. */
/** Managers make feed links for people they manage; anyone makes their own (the person linked to their account). */
export async function rotateCalendarFeed(deps: Deps, actor: Actor, personId: string): Promise<{ path: string }> {
  return withTransaction(deps.db, async (trx) => {
    const own = actor.userId !== null && (await trx.selectFrom('people').select('id').where('id', '=', personId).where('user_id', '=', actor.userId).executeTakeFirst()) !== undefined;
    if (!own && !actor.permissions.has('person:write')) throw new DomainError('auth/forbidden');
    const person = await findPersonRow(trx, own ? 'all' : actor.scope, personId);
    if (!person) throw new DomainError('person/not-found');
    const token = randomToken();
    await trx.deleteFrom('calendar_feeds').where('person_id', '=', personId).execute();
    await trx.insertInto('calendar_feeds').values({ person_id: personId, token_hash: hashToken(token), token_enc: deps.cipher.encrypt(token), created_at: nowIso() }).execute();
    await recordAudit(trx, actor, { action: 'create', entityType: 'calendar-feed', entityId: personId, teamId: person.teamIds[0] ?? null, summary: { zh: `为 ${person.row.display_name} 生成新的日历订阅链接`, en: `New calendar feed link for ${person.row.display_name}` } });
    return { path: `/api/v1/calendar/${token}.ics` };
  });
}

export async function currentCalendarFeed(deps: Deps, actor: Actor, personId: string): Promise<{ path: string } | null> {
  const own = actor.userId !== null && (await deps.db.selectFrom('people').select('id').where('id', '=', personId).where('user_id', '=', actor.userId).executeTakeFirst()) !== undefined;
  const person = await findPersonRow(deps.db, own ? 'all' : actor.scope, personId);
  if (!person) throw new DomainError('person/not-found');
  const row = await deps.db.selectFrom('calendar_feeds').selectAll().where('person_id', '=', personId).executeTakeFirst();
  return row ? { path: `/api/v1/calendar/${deps.cipher.decrypt(row.token_enc)}.ics` } : null;
}

function icsEscape(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** RFC 5545 wants lines of at most 75 octets, continued with a leading space; split on character boundaries. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  for (const ch of line) {
    if (Buffer.byteLength(current + ch) > (out.length ? 74 : 75)) {
      out.push(current);
      current = '';
    }
    current += ch;
  }
  out.push(current);
  return out.join('\r\n ');
}

const icsTime = (isoTime: string) => isoTime.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

const ROLE_ZH: Record<SessionRole, string> = { host: '主播', co_host: '副播', field_control: '场控', console: '中控', ads: '投手', customer_service: '客服', technician: '技术' };

/** The iCalendar feed behind a secret link: the person's sessions from 30 days ago to 90 days ahead. */
export async function calendarFeed(db: Executor, token: string, now = new Date()): Promise<string | null> {
  const feed = await db.selectFrom('calendar_feeds').select('person_id').where('token_hash', '=', hashToken(token)).executeTakeFirst();
  if (!feed) return null;
  const person = await db.selectFrom('people').select(['id', 'display_name']).where('id', '=', feed.person_id).executeTakeFirst();
  if (!person) return null;
  const sessions = await repo.listSessions(db, 'all', { personId: person.id, from: new Date(now.getTime() - 30 * 86_400_000).toISOString(), to: new Date(now.getTime() + 90 * 86_400_000).toISOString() });
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Showrunner//直播运营台//ZH', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', fold(`X-WR-CALNAME:${icsEscape(`${person.display_name} · 直播排班`)}`)];
  for (const s of sessions) {
    const roles = s.crew.filter((c) => c.personId === person.id).map((c) => ROLE_ZH[c.role]);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${s.id}@showrunner`,
      `DTSTAMP:${icsTime(s.updatedAt)}`,
      `DTSTART:${icsTime(s.plannedStart)}`,
      `DTEND:${icsTime(s.plannedEnd)}`,
      fold(`SUMMARY:${icsEscape(`${s.title}（${roles.join('、')}）`)}`),
      fold(`LOCATION:${icsEscape(s.roomName)}`),
      `STATUS:${s.status === 'cancelled' ? 'CANCELLED' : s.status === 'draft' ? 'TENTATIVE' : 'CONFIRMED'}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.join('\r\n') + '\r\n';
}
