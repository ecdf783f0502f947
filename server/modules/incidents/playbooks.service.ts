import type { PlaybookInput, PlaybookStep, PlaybookView, Severity } from '../../../contracts/incidents';
import { PlaybookInput as PlaybookSchema } from '../../../contracts/incidents';
import type { Actor, Deps } from '../../platform/context';
import { json, withTransaction, type Executor } from '../../platform/db';
import { DomainError } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { recordAudit } from '../audit/audit.repository';

type Row = { id: string; scenario: string; name_zh: string; name_en: string; description_zh: string; description_en: string; default_severity: string; steps: string; updated_at: string };

function toView(r: Row): PlaybookView {
  return {
    id: r.id,
    scenario: r.scenario,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    descriptionZh: r.description_zh,
    descriptionEn: r.description_en,
    defaultSeverity: r.default_severity as Severity,
    steps: json.parse<PlaybookStep[]>(r.steps, []),
    updatedAt: r.updated_at,
  };
}

export async function listPlaybooks(db: Executor): Promise<PlaybookView[]> {
  return (await db.selectFrom('playbooks').selectAll().orderBy('created_at').orderBy('scenario').execute()).map(toView);
}

export async function getPlaybook(db: Executor, id: string): Promise<PlaybookView> {
  const r = await db.selectFrom('playbooks').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new DomainError('playbook/not-found');
  return toView(r);
}

export async function savePlaybook(deps: Deps, actor: Actor, raw: PlaybookInput, id?: string): Promise<PlaybookView> {
  const input = PlaybookSchema.parse(raw);
  return withTransaction(deps.db, async (trx) => {
    const positionIds = [...new Set(input.steps.map((s) => s.positionId).filter((p): p is string => !!p))];
    const known = positionIds.length ? await trx.selectFrom('positions').select('id').where('id', 'in', positionIds).execute() : [];
    input.steps.forEach((s, i) => {
      if (s.positionId && !known.some((k) => k.id === s.positionId)) throw new DomainError('playbook/unknown-position', [{ path: `steps.${i}.positionId`, message: s.positionId }]);
    });
    const at = nowIso();
    const values = {
      scenario: input.scenario,
      name_zh: input.nameZh,
      name_en: input.nameEn,
      description_zh: input.descriptionZh,
      description_en: input.descriptionEn,
      default_severity: input.defaultSeverity,
      steps: json.stringify(input.steps),
      updated_at: at,
    };
    let before: PlaybookView | undefined;
    if (id) {
      before = await getPlaybook(trx, id);
      await trx.updateTable('playbooks').set(values).where('id', '=', id).execute();
    } else {
      id = newId();
      await trx.insertInto('playbooks').values({ id, ...values, created_at: at }).execute();
    }
    await recordAudit(trx, actor, { action: before ? 'update' : 'create', entityType: 'playbook', entityId: id, summary: { zh: `保存应急预案「${input.nameZh}」`, en: `Saved playbook "${input.nameEn}"` }, ...(before ? { before: { ...before } } : {}), after: { ...input } });
    return getPlaybook(trx, id);
  });
}

export async function deletePlaybook(deps: Deps, actor: Actor, id: string): Promise<void> {
  await withTransaction(deps.db, async (trx) => {
    const p = await getPlaybook(trx, id);
    await trx.deleteFrom('playbooks').where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: 'delete', entityType: 'playbook', entityId: id, summary: { zh: `删除应急预案「${p.nameZh}」`, en: `Deleted playbook "${p.nameEn}"` } });
  });
}
