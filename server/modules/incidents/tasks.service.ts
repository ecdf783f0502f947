import type { TaskView } from '../../../contracts/incidents';
import { inScope, type Actor, type Deps } from '../../platform/context';
import { withTransaction, type Executor } from '../../platform/db';
import { DomainError } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import { recordAudit } from '../audit/audit.repository';

function base(db: Executor) {
  return db
    .selectFrom('tasks as t')
    .leftJoin('people as p', 'p.id', 't.owner_person_id')
    .select(['t.id', 't.team_id', 't.title', 't.detail', 't.owner_person_id', 'p.display_name', 'p.user_id', 't.due_date', 't.status', 't.source_kind', 't.source_id', 't.done_at']);
}
type Row = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];

function toView(t: Row): TaskView {
  return { id: t.id, title: t.title, detail: t.detail, ownerPersonId: t.owner_person_id, ownerName: t.display_name ?? null, dueDate: t.due_date, status: t.status as 'open' | 'done', sourceKind: t.source_kind, sourceId: t.source_id, doneAt: t.done_at };
}

/** The signed-in user's tasks (through the person linked to the account) or, without `mine`, every task in the caller's teams. */
export async function listTasks(db: Executor, actor: Actor, q: { mine?: '1' | '0'; status?: 'open' | 'done' }): Promise<TaskView[]> {
  let query = base(db);
  if (q.mine === '1') query = query.where('p.user_id', '=', actor.userId ?? '');
  else if (actor.scope !== 'all') query = actor.scope.length ? query.where('t.team_id', 'in', [...actor.scope]) : query.where('t.id', '=', '');
  if (q.status) query = query.where('t.status', '=', q.status);
  const rows = await query.execute();
  // Open first, then by due date (none last), then title.
  return rows
    .map(toView)
    .sort((a, b) => (a.status === b.status ? 0 : a.status === 'open' ? -1 : 1) || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.title.localeCompare(b.title));
}

/** Owners tick their own tasks; incident writers may tick any task in their teams. */
export async function setTaskStatus(deps: Deps, actor: Actor, id: string, status: 'open' | 'done'): Promise<TaskView> {
  return withTransaction(deps.db, async (trx) => {
    const t = await base(trx).where('t.id', '=', id).executeTakeFirst();
    const own = !!t && !!actor.userId && t.user_id === actor.userId;
    if (!t || (!own && (t.team_id === null || !inScope(actor.scope, t.team_id)))) throw new DomainError('task/not-found');
    if (!own && !actor.permissions.has('incident:write')) throw new DomainError('task/not-yours');
    const at = nowIso();
    await trx.updateTable('tasks').set({ status, done_at: status === 'done' ? at : null, updated_at: at }).where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: 'update', entityType: 'task', entityId: id, teamId: t.team_id, summary: { zh: `任务「${t.title}」${status === 'done' ? '完成' : '重新打开'}`, en: `Task "${t.title}" ${status === 'done' ? 'done' : 'reopened'}` }, before: { status: t.status }, after: { status } });
    return toView((await base(trx).where('t.id', '=', id).executeTakeFirst())!);
  });
}
