import type { ChecklistItemView, ChecklistTemplateInput, ChecklistTemplateItem, ChecklistTemplateView } from '../../../contracts/planning';
import type { Actor, Deps } from '../../platform/context';
import { json, withTransaction, type Executor } from '../../platform/db';
import { DomainError } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { recordAudit } from '../audit/audit.repository';
import { findPersonRow } from '../people/people.repository';
import * as repo from './planning.repository';

type TemplateRow = { id: string; name_zh: string; name_en: string; items: string; created_at: string; updated_at: string };

function toTemplateView(r: TemplateRow): ChecklistTemplateView {
  return { id: r.id, nameZh: r.name_zh, nameEn: r.name_en, items: json.parse<ChecklistTemplateItem[]>(r.items, []), createdAt: r.created_at, updatedAt: r.updated_at };
}

export async function listTemplates(db: Executor): Promise<ChecklistTemplateView[]> {
  return (await db.selectFrom('checklist_templates').selectAll().orderBy('created_at').execute()).map(toTemplateView);
}

export async function saveTemplate(deps: Deps, actor: Actor, input: ChecklistTemplateInput, id?: string): Promise<ChecklistTemplateView> {
  return withTransaction(deps.db, async (trx) => {
    const at = nowIso();
    if (id) {
      const existing = await trx.selectFrom('checklist_templates').selectAll().where('id', '=', id).executeTakeFirst();
      if (!existing) throw new DomainError('checklist/not-found');
      await trx.updateTable('checklist_templates').set({ name_zh: input.nameZh, name_en: input.nameEn, items: json.stringify(input.items), updated_at: at }).where('id', '=', id).execute();
    } else {
      id = newId();
      await trx.insertInto('checklist_templates').values({ id, name_zh: input.nameZh, name_en: input.nameEn, items: json.stringify(input.items), created_at: at, updated_at: at }).execute();
    }
    await recordAudit(trx, actor, { action: 'update', entityType: 'checklist-template', entityId: id, summary: { zh: `保存检查清单模板 ${input.nameZh}`, en: `Saved checklist template ${input.nameEn}` }, after: { ...input } });
    return toTemplateView((await trx.selectFrom('checklist_templates').selectAll().where('id', '=', id).executeTakeFirst())!);
  });
}

export async function deleteTemplate(deps: Deps, actor: Actor, id: string) {
  await withTransaction(deps.db, async (trx) => {
    const existing = await trx.selectFrom('checklist_templates').selectAll().where('id', '=', id).executeTakeFirst();
    if (!existing) throw new DomainError('checklist/not-found');
    await trx.deleteFrom('checklist_templates').where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: 'delete', entityType: 'checklist-template', entityId: id, summary: { zh: `删除检查清单模板 ${existing.name_zh}`, en: `Deleted checklist template ${existing.name_en}` } });
  });
}

/** Copies a template's items onto a session, each due a fixed time before the planned start. */
export async function applyTemplate(deps: Deps, actor: Actor, sessionId: string, templateId: string): Promise<ChecklistItemView[]> {
  return withTransaction(deps.db, async (trx) => {
    const session = await repo.findSession(trx, actor.scope, sessionId);
    if (!session) throw new DomainError('session/not-found');
    const t = await trx.selectFrom('checklist_templates').selectAll().where('id', '=', templateId).executeTakeFirst();
    if (!t) throw new DomainError('checklist/not-found', [{ path: 'templateId', message: templateId }]);
    const start = Date.parse(session.plannedStart);
    const items = json.parse<ChecklistTemplateItem[]>(t.items, []);
    await trx
      .insertInto('checklist_items')
      .values(
        items.map((i) => ({
          id: newId(),
          session_id: sessionId,
          template_id: templateId,
          label_zh: i.labelZh,
          label_en: i.labelEn,
          category: i.category,
          due_at: new Date(start - i.dueMinutesBefore * 60_000).toISOString(),
          done_at: null,
          done_by_person_id: null,
          done_by_user_id: null,
        })),
      )
      .execute();
    await recordAudit(trx, actor, { action: 'update', entityType: 'live-session', entityId: sessionId, teamId: session.teamId, summary: { zh: `为直播「${session.title}」添加检查清单 ${t.name_zh}`, en: `Added checklist ${t.name_en} to "${session.title}"` } });
    return repo.listChecklist(trx, [sessionId], new Date());
  });
}

/** Ticks (or unticks) an item in the name of a person, recording who and when. */
export async function tickItem(deps: Deps, actor: Actor, itemId: string, personId: string, done: boolean): Promise<ChecklistItemView> {
  return withTransaction(deps.db, async (trx) => {
    const item = await trx.selectFrom('checklist_items').selectAll().where('id', '=', itemId).executeTakeFirst();
    if (!item) throw new DomainError('checklist/not-found');
    const session = await repo.findSession(trx, actor.scope, item.session_id);
    if (!session) throw new DomainError('checklist/not-found');
    const person = await findPersonRow(trx, actor.scope, personId);
    if (!person) throw new DomainError('session/unknown-person', [{ path: 'personId', message: personId }]);
    const at = nowIso();
    await trx
      .updateTable('checklist_items')
      .set(done ? { done_at: at, done_by_person_id: personId, done_by_user_id: actor.userId } : { done_at: null, done_by_person_id: null, done_by_user_id: null })
      .where('id', '=', itemId)
      .execute();
    await recordAudit(trx, actor, {
      action: 'update',
      entityType: 'checklist-item',
      entityId: itemId,
      teamId: session.teamId,
      summary: { zh: `${person.row.display_name} ${done ? '完成' : '取消完成'}「${item.label_zh}」（${session.title}）`, en: `${done ? 'Ticked' : 'Unticked'} "${item.label_en}" of "${session.title}" for ${person.row.display_name}` },
      before: { doneAt: item.done_at },
      after: { doneAt: done ? at : null, personId: done ? personId : null },
    });
    return (await repo.listChecklist(trx, [item.session_id], new Date())).find((i) => i.id === itemId)!;
  });
}
