import type { z } from 'zod';
import type {
  ActionItemView,
  IncidentDetail,
  IncidentRole,
  IncidentStatus,
  IncidentView,
  IncidentInput,
  PostmortemInput,
  RolesInput,
  Severity,
  TimelineEntry,
} from '../../../contracts/incidents';
import { IncidentInput as IncidentInputSchema, PostmortemInput as PostmortemSchema, severityDefinitions } from '../../../contracts/incidents';
import { inScope, type Actor, type Deps, type TeamScope } from '../../platform/context';
import { json, withTransaction, type Executor } from '../../platform/db';
import { nudgeOutbox } from '../channels/channels.delivery';
import { DomainError } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { recordAudit } from '../audit/audit.repository';
import { findPersonRow } from '../people/people.repository';
import { allowedTransitions, canTransition, suggestGmvAtRisk } from './incidents.rules';

type Row = Awaited<ReturnType<typeof findRow>> & {};

async function findRow(db: Executor, scope: TeamScope, id: string) {
  const row = await db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !inScope(scope, row.team_id)) return undefined;
  return row;
}

async function requireIncident(db: Executor, scope: TeamScope, id: string) {
  const row = await findRow(db, scope, id);
  if (!row) throw new DomainError('incident/not-found');
  return row;
}

function toView(r: NonNullable<Row>, alertIds: string[]): IncidentView {
  return {
    id: r.id,
    teamId: r.team_id,
    roomId: r.room_id,
    sessionId: r.session_id,
    playbookId: r.playbook_id,
    title: r.title,
    summary: r.summary,
    severity: r.severity as Severity,
    status: r.status as IncidentStatus,
    commanderPersonId: r.commander_person_id,
    communicationsPersonId: r.communications_person_id,
    scribePersonId: r.scribe_person_id,
    openedAt: r.opened_at,
    mitigatedAt: r.mitigated_at,
    resolvedAt: r.resolved_at,
    closedAt: r.closed_at,
    alertIds,
  };
}

async function addEvent(db: Executor, incidentId: string, actor: Actor, kind: TimelineEntry['kind'], zh: string, en: string, at = nowIso()) {
  await db.insertInto('incident_events').values({ id: newId(), incident_id: incidentId, at, kind, user_id: actor.userId, actor_label: actor.label, text_zh: zh, text_en: en }).execute();
}

const outboxLevel: Record<Severity, string> = { SEV1: 'critical', SEV2: 'critical', SEV3: 'warn', SEV4: 'info' };
const statusZh: Record<IncidentStatus, string> = { investigating: '调查中', mitigated: '已缓解', resolved: '已解决', postmortem: '复盘中', closed: '已关闭' };
const roleZh: Record<IncidentRole, [string, string]> = { commander: ['事件指挥', 'incident commander'], communications: ['对外沟通', 'communications'], scribe: ['记录员', 'scribe'] };

/** An incident opened or changed severity or status: one outbox row, written in the same transaction, for the channels. */
async function notify(db: Executor, r: NonNullable<Row>, whatZh: string, whatEn: string) {
  const sev = r.severity as Severity;
  await db
    .insertInto('outbox')
    .values({
      kind: 'incident',
      team_id: r.team_id,
      room_id: r.room_id,
      severity: outboxLevel[sev],
      title_zh: `[${sev}] ${r.title}`,
      title_en: `[${sev}] ${r.title}`,
      body_zh: `${whatZh}；状态：${statusZh[r.status as IncidentStatus]}。${severityDefinitions[sev].zh}`,
      body_en: `${whatEn}; status: ${r.status}. ${severityDefinitions[sev].en}`,
      link: `/incidents/${r.id}`,
      ref_id: r.id,
      created_at: nowIso(),
    })
    .execute();
}

async function checkPerson(db: Executor, scope: TeamScope, personId: string | null | undefined, path: string) {
  if (!personId) return null;
  const p = await findPersonRow(db, scope, personId);
  if (!p) throw new DomainError('incident/unknown-person', [{ path, message: personId }]);
  return p.row;
}

export async function listIncidents(db: Executor, scope: TeamScope, q: { status?: IncidentStatus; open?: '1' | '0' }): Promise<IncidentView[]> {
  let query = db.selectFrom('incidents').selectAll().orderBy('opened_at', 'desc');
  if (scope !== 'all') query = scope.length ? query.where('team_id', 'in', [...scope]) : query.where('id', '=', '');
  if (q.status) query = query.where('status', '=', q.status);
  if (q.open === '1') query = query.where('status', 'in', ['investigating', 'mitigated']);
  const rows = await query.execute();
  const alerts = rows.length ? await db.selectFrom('alerts').select(['id', 'incident_id']).where('incident_id', 'in', rows.map((r) => r.id)).execute() : [];
  return rows.map((r) => toView(r, alerts.filter((a) => a.incident_id === r.id).map((a) => a.id)));
}

export async function openIncident(deps: Deps, actor: Actor, raw: IncidentInput): Promise<IncidentDetail> {
  const input = IncidentInputSchema.parse(raw);
  const id = await withTransaction(deps.db, async (trx) => {
    let teamId = input.teamId ?? null;
    let roomId = input.roomId ?? null;
    let sessionId = input.sessionId ?? null;
    const alert = input.alertId ? await trx.selectFrom('alerts').selectAll().where('id', '=', input.alertId).executeTakeFirst() : undefined;
    if (input.alertId) {
      if (!alert || !inScope(actor.scope, alert.team_id)) throw new DomainError('incident/alert-not-found', [{ path: 'alertId', message: input.alertId }]);
      if (alert.incident_id) throw new DomainError('incident/alert-linked', [{ path: 'alertId', message: alert.incident_id }]);
      teamId = alert.team_id;
      roomId = alert.room_id ?? roomId;
      sessionId = alert.session_id ?? sessionId;
    }
    if (sessionId && !roomId) roomId = (await trx.selectFrom('live_sessions').select('room_id').where('id', '=', sessionId).executeTakeFirst())?.room_id ?? null;
    if (roomId) {
      const room = await trx.selectFrom('rooms').select(['team_id']).where('id', '=', roomId).executeTakeFirst();
      if (!room || !inScope(actor.scope, room.team_id)) throw new DomainError('incident/unknown-team', [{ path: 'roomId', message: roomId }]);
      teamId = room.team_id;
    }
    if (sessionId) {
      const s = await trx.selectFrom('live_sessions').select('room_id').where('id', '=', sessionId).executeTakeFirst();
      if (!s || s.room_id !== roomId) throw new DomainError('incident/unknown-team', [{ path: 'sessionId', message: sessionId }]);
    }
    if (!teamId && actor.scope !== 'all' && actor.scope.length === 1) teamId = actor.scope[0]!;
    if (!teamId) throw new DomainError('incident/unknown-team', [{ path: 'teamId', message: 'required / 必填' }]);
    if (!inScope(actor.scope, teamId) || !(await trx.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst()))
      throw new DomainError('incident/unknown-team', [{ path: 'teamId', message: teamId }]);
    await checkPerson(trx, actor.scope, input.commanderPersonId, 'commanderPersonId');
    const playbook = input.playbookId ? await trx.selectFrom('playbooks').selectAll().where('id', '=', input.playbookId).executeTakeFirst() : undefined;
    if (input.playbookId && !playbook) throw new DomainError('playbook/not-found', [{ path: 'playbookId', message: input.playbookId }]);

    const id = newId();
    const at = nowIso();
    await trx
      .insertInto('incidents')
      .values({
        id,
        team_id: teamId,
        room_id: roomId,
        session_id: sessionId,
        playbook_id: playbook?.id ?? null,
        title: input.title,
        summary: input.summary,
        severity: input.severity,
        status: 'investigating',
        commander_person_id: input.commanderPersonId ?? null,
        communications_person_id: null,
        scribe_person_id: null,
        opened_by: actor.userId,
        opened_at: at,
        mitigated_at: null,
        resolved_at: null,
        closed_at: null,
        root_cause: '',
        impact: '',
        minutes_affected: null,
        gmv_at_risk_fen: null,
        updated_at: at,
      })
      .execute();
    await addEvent(trx, id, actor, 'opened', `开启事件（${input.severity}）：${input.title}`, `Opened the incident (${input.severity}): ${input.title}`, at);
    if (alert) {
      await trx.updateTable('alerts').set({ incident_id: id }).where('id', '=', alert.id).execute();
      await addEvent(trx, id, actor, 'alert', `关联告警：${alert.title_zh}`, `Linked alert: ${alert.title_en}`, at);
    }
    if (playbook) {
      const steps = json.parse<{ positionId: string | null; textZh: string; textEn: string }[]>(playbook.steps, []);
      if (steps.length)
        await trx
          .insertInto('incident_steps')
          .values(steps.map((s, i) => ({ id: newId(), incident_id: id, ord: i + 1, position_id: s.positionId, text_zh: s.textZh, text_en: s.textEn, done_at: null, done_by_user_id: null })))
          .execute();
      await addEvent(trx, id, actor, 'opened', `按应急预案「${playbook.name_zh}」处置（${steps.length} 步）`, `Following the playbook "${playbook.name_en}" (${steps.length} steps)`, at);
    }
    const row = (await findRow(trx, 'all', id))!;
    await notify(trx, row, '事件已开启', 'Incident opened');
    await recordAudit(trx, actor, { action: 'create', entityType: 'incident', entityId: id, teamId, summary: { zh: `开启事件 ${input.severity}「${input.title}」`, en: `Opened incident ${input.severity} "${input.title}"` }, after: { ...input } });
    return id;
  });
  nudgeOutbox(deps);
  return getIncident(deps.db, actor, id);
}

export async function getIncident(db: Executor, actor: Actor, id: string): Promise<IncidentDetail> {
  const r = await requireIncident(db, actor.scope, id);
  const alerts = await db.selectFrom('alerts').selectAll().where('incident_id', '=', id).orderBy('first_at').execute();
  const events = await db.selectFrom('incident_events').selectAll().where('incident_id', '=', id).execute();
  const timeline: TimelineEntry[] = events.map((e) => ({ id: e.id, at: e.at, kind: e.kind as TimelineEntry['kind'], actor: e.actor_label, textZh: e.text_zh, textEn: e.text_en }));
  // An alert's own occurrences are read live from the alert, so repeats after linking show up without a write here.
  for (const a of alerts) {
    timeline.push({ id: `alert-${a.id}-first`, at: a.first_at, kind: 'alert', actor: null, textZh: `告警：${a.title_zh}`, textEn: `Alert: ${a.title_en}` });
    if (Number(a.count) > 1)
      timeline.push({ id: `alert-${a.id}-last`, at: a.last_at, kind: 'alert', actor: null, textZh: `告警再次出现（共 ${a.count} 次）：${a.title_zh}`, textEn: `Alert recurred (${a.count} times in all): ${a.title_en}` });
  }
  timeline.sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));

  const steps = await db
    .selectFrom('incident_steps as s')
    .leftJoin('users as u', 'u.id', 's.done_by_user_id')
    .select(['s.id', 's.ord', 's.position_id', 's.text_zh', 's.text_en', 's.done_at', 's.done_by_user_id', 'u.display_name'])
    .where('s.incident_id', '=', id)
    .orderBy('s.ord')
    .execute();

  let suggested: number | null = null;
  if (r.session_id) {
    const agg = await db
      .selectFrom('live_minutes')
      .select((eb) => [eb.fn.sum<number | string>('gmv_fen').as('gmv'), eb.fn.countAll<number | string>().as('n')])
      .where('session_id', '=', r.session_id)
      .executeTakeFirst();
    const n = Number(agg?.n ?? 0);
    suggested = suggestGmvAtRisk(n ? Number(agg?.gmv ?? 0) : null, n, r.minutes_affected === null ? null : Number(r.minutes_affected));
  }
  return {
    ...toView(r, alerts.map((a) => a.id)),
    timeline,
    steps: steps.map((s) => ({ id: s.id, ord: Number(s.ord), positionId: s.position_id, textZh: s.text_zh, textEn: s.text_en, doneAt: s.done_at, doneByUserId: s.done_by_user_id, doneByName: s.display_name ?? null })),
    postmortem: {
      rootCause: r.root_cause,
      impact: r.impact,
      minutesAffected: r.minutes_affected === null ? null : Number(r.minutes_affected),
      gmvAtRiskFen: r.gmv_at_risk_fen === null ? null : Number(r.gmv_at_risk_fen),
      suggestedGmvAtRiskFen: suggested,
      actionItems: await actionItems(db, id),
    },
    allowedStatuses: [...allowedTransitions(r.status as IncidentStatus)],
  };
}

async function actionItems(db: Executor, incidentId: string): Promise<ActionItemView[]> {
  const rows = await db
    .selectFrom('tasks as t')
    .leftJoin('people as p', 'p.id', 't.owner_person_id')
    .select(['t.id', 't.title', 't.owner_person_id', 'p.display_name', 't.due_date', 't.status'])
    .where('t.source_kind', '=', 'incident_action')
    .where('t.source_id', '=', incidentId)
    .orderBy('t.created_at')
    .orderBy('t.id')
    .execute();
  return rows.map((t) => ({ id: t.id, title: t.title, ownerPersonId: t.owner_person_id, ownerName: t.display_name ?? null, dueDate: t.due_date, status: t.status as 'open' | 'done' }));
}

export async function changeStatus(deps: Deps, actor: Actor, id: string, to: IncidentStatus, note?: string): Promise<IncidentDetail> {
  await withTransaction(deps.db, async (trx) => {
    const r = await requireIncident(trx, actor.scope, id);
    const from = r.status as IncidentStatus;
    if (!canTransition(from, to)) throw new DomainError('incident/bad-transition', [{ path: 'status', message: `${from} → ${to}` }], { from, to, allowed: allowedTransitions(from) });
    const at = nowIso();
    const stamp = to === 'mitigated' ? { mitigated_at: at } : to === 'resolved' ? { resolved_at: at } : to === 'closed' ? { closed_at: at } : {};
    await trx.updateTable('incidents').set({ status: to, updated_at: at, ...stamp }).where('id', '=', id).execute();
    await addEvent(trx, id, actor, 'status', `状态：${statusZh[from]} → ${statusZh[to]}${note ? `（${note}）` : ''}`, `Status: ${from} → ${to}${note ? ` (${note})` : ''}`, at);
    await notify(trx, (await findRow(trx, 'all', id))!, `状态变为${statusZh[to]}`, `Status changed to ${to}`);
    await recordAudit(trx, actor, { action: 'update', entityType: 'incident', entityId: id, teamId: r.team_id, summary: { zh: `事件「${r.title}」${statusZh[from]} → ${statusZh[to]}`, en: `Incident "${r.title}" ${from} → ${to}` }, before: { status: from }, after: { status: to } });
  });
  nudgeOutbox(deps);
  return getIncident(deps.db, actor, id);
}

export async function changeSeverity(deps: Deps, actor: Actor, id: string, severity: Severity): Promise<IncidentDetail> {
  await withTransaction(deps.db, async (trx) => {
    const r = await requireIncident(trx, actor.scope, id);
    if (r.severity === severity) return;
    if (r.status === 'closed') throw new DomainError('incident/bad-transition', [{ path: 'severity', message: 'closed' }]);
    const at = nowIso();
    await trx.updateTable('incidents').set({ severity, updated_at: at }).where('id', '=', id).execute();
    await addEvent(trx, id, actor, 'severity', `级别：${r.severity} → ${severity}`, `Severity: ${r.severity} → ${severity}`, at);
    await notify(trx, (await findRow(trx, 'all', id))!, `级别变为 ${severity}`, `Severity changed to ${severity}`);
    await recordAudit(trx, actor, { action: 'update', entityType: 'incident', entityId: id, teamId: r.team_id, summary: { zh: `事件「${r.title}」级别 ${r.severity} → ${severity}`, en: `Incident "${r.title}" severity ${r.severity} → ${severity}` }, before: { severity: r.severity }, after: { severity } });
  });
  nudgeOutbox(deps);
  return getIncident(deps.db, actor, id);
}

const roleColumns = { commander: 'commander_person_id', communications: 'communications_person_id', scribe: 'scribe_person_id' } as const;

export async function setRoles(deps: Deps, actor: Actor, id: string, input: z.infer<typeof RolesInput>): Promise<IncidentDetail> {
  await withTransaction(deps.db, async (trx) => {
    const r = await requireIncident(trx, actor.scope, id);
    const at = nowIso();
    const changes: Record<string, string | null> = {};
    for (const role of ['commander', 'communications', 'scribe'] as const) {
      const value = input[`${role}PersonId` as const];
      if (value === undefined || value === r[roleColumns[role]]) continue;
      const person = await checkPerson(trx, actor.scope, value, `${role}PersonId`);
      changes[roleColumns[role]] = value;
      const [zh, en] = roleZh[role];
      await addEvent(trx, id, actor, 'role', person ? `${zh}：${person.display_name}` : `取消${zh}`, person ? `${en[0]!.toUpperCase()}${en.slice(1)}: ${person.display_name}` : `No ${en}`, at);
    }
    if (!Object.keys(changes).length) return;
    await trx.updateTable('incidents').set({ ...changes, updated_at: at }).where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: 'update', entityType: 'incident', entityId: id, teamId: r.team_id, summary: { zh: `事件「${r.title}」角色变更`, en: `Incident "${r.title}" roles changed` }, after: changes });
  });
  return getIncident(deps.db, actor, id);
}

export async function addNote(deps: Deps, actor: Actor, id: string, text: string): Promise<IncidentDetail> {
  await withTransaction(deps.db, async (trx) => {
    const r = await requireIncident(trx, actor.scope, id);
    await addEvent(trx, id, actor, 'note', text, text);
    await recordAudit(trx, actor, { action: 'update', entityType: 'incident', entityId: id, teamId: r.team_id, summary: { zh: `事件「${r.title}」添加记录`, en: `Note on incident "${r.title}"` }, after: { text } });
  });
  return getIncident(deps.db, actor, id);
}

export async function linkAlert(deps: Deps, actor: Actor, id: string, alertId: string): Promise<IncidentDetail> {
  await withTransaction(deps.db, async (trx) => {
    const r = await requireIncident(trx, actor.scope, id);
    const alert = await trx.selectFrom('alerts').selectAll().where('id', '=', alertId).executeTakeFirst();
    if (!alert || alert.team_id !== r.team_id) throw new DomainError('incident/alert-not-found', [{ path: 'alertId', message: alertId }]);
    if (alert.incident_id === id) return;
    if (alert.incident_id) throw new DomainError('incident/alert-linked', [{ path: 'alertId', message: alert.incident_id }]);
    await trx.updateTable('alerts').set({ incident_id: id }).where('id', '=', alertId).execute();
    await addEvent(trx, id, actor, 'alert', `关联告警：${alert.title_zh}`, `Linked alert: ${alert.title_en}`);
    await recordAudit(trx, actor, { action: 'update', entityType: 'incident', entityId: id, teamId: r.team_id, summary: { zh: `事件「${r.title}」关联告警`, en: `Linked an alert to incident "${r.title}"` }, after: { alertId } });
  });
  return getIncident(deps.db, actor, id);
}

/** Ticks (or unticks) a checklist step, recording the signed-in user and the time; the timeline records it too. */
export async function tickStep(deps: Deps, actor: Actor, id: string, stepId: string, done: boolean): Promise<IncidentDetail> {
  await withTransaction(deps.db, async (trx) => {
    const r = await requireIncident(trx, actor.scope, id);
    const step = await trx.selectFrom('incident_steps').selectAll().where('id', '=', stepId).where('incident_id', '=', id).executeTakeFirst();
    if (!step) throw new DomainError('incident/step-not-found');
    if (Boolean(step.done_at) === done) return;
    const at = nowIso();
    await trx.updateTable('incident_steps').set(done ? { done_at: at, done_by_user_id: actor.userId } : { done_at: null, done_by_user_id: null }).where('id', '=', stepId).execute();
    await addEvent(trx, id, actor, 'step', `${done ? '完成' : '取消完成'}步骤 ${step.ord}：${step.text_zh}`, `${done ? 'Done' : 'Undone'} step ${step.ord}: ${step.text_en}`, at);
    await recordAudit(trx, actor, { action: 'update', entityType: 'incident', entityId: id, teamId: r.team_id, summary: { zh: `事件「${r.title}」${done ? '完成' : '取消完成'}步骤 ${step.ord}`, en: `Incident "${r.title}": step ${step.ord} ${done ? 'done' : 'undone'}` }, after: { stepId, done } });
  });
  return getIncident(deps.db, actor, id);
}

/** Saves the postmortem; action items become `tasks` (source incident_action) owned by people, so they reach their owners' lists. */
export async function savePostmortem(deps: Deps, actor: Actor, id: string, raw: PostmortemInput): Promise<IncidentDetail> {
  const input = PostmortemSchema.parse(raw);
  await withTransaction(deps.db, async (trx) => {
    const r = await requireIncident(trx, actor.scope, id);
    if (r.status === 'closed') throw new DomainError('incident/bad-transition', [{ path: 'status', message: 'closed' }]);
    const at = nowIso();
    const existing = await trx.selectFrom('tasks').selectAll().where('source_kind', '=', 'incident_action').where('source_id', '=', id).execute();
    for (const [i, item] of input.actionItems.entries()) await checkPerson(trx, actor.scope, item.ownerPersonId, `actionItems.${i}.ownerPersonId`);
    const keep = new Set<string>();
    for (const item of input.actionItems) {
      const old = item.id ? existing.find((t) => t.id === item.id) : undefined;
      if (old) {
        keep.add(old.id);
        await trx.updateTable('tasks').set({ title: item.title, owner_person_id: item.ownerPersonId, due_date: item.dueDate, updated_at: at }).where('id', '=', old.id).execute();
      } else {
        await trx
          .insertInto('tasks')
          .values({ id: newId(), team_id: r.team_id, title: item.title, detail: `事件 / Incident: ${r.title}`, owner_person_id: item.ownerPersonId, due_date: item.dueDate, status: 'open', source_kind: 'incident_action', source_id: id, created_by: actor.userId, created_at: at, updated_at: at, done_at: null })
          .execute();
      }
    }
    const dropped = existing.filter((t) => !keep.has(t.id)).map((t) => t.id);
    if (dropped.length) await trx.deleteFrom('tasks').where('id', 'in', dropped).execute();
    await trx
      .updateTable('incidents')
      .set({ root_cause: input.rootCause, impact: input.impact, minutes_affected: input.minutesAffected, gmv_at_risk_fen: input.gmvAtRiskFen, updated_at: at })
      .where('id', '=', id)
      .execute();
    await addEvent(trx, id, actor, 'postmortem', `更新复盘（${input.actionItems.length} 项改进措施）`, `Updated the postmortem (${input.actionItems.length} action items)`, at);
    await recordAudit(trx, actor, { action: 'update', entityType: 'incident', entityId: id, teamId: r.team_id, summary: { zh: `事件「${r.title}」复盘`, en: `Postmortem of incident "${r.title}"` }, after: { ...input } });
  });
  return getIncident(deps.db, actor, id);
}
