import type { RiskCategory, RiskInput, RiskView } from '../../../contracts/incidents';
import { RiskInput as RiskSchema } from '../../../contracts/incidents';
import { inScope, type Actor, type Deps, type TeamScope } from '../../platform/context';
import { json, withTransaction, type Executor } from '../../platform/db';
import { DomainError } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { recordAudit } from '../audit/audit.repository';
import { findPersonRow } from '../people/people.repository';
import { isReviewOverdue, riskScore } from './incidents.rules';

/** Today as YYYY-MM-DD in China time, the calendar review dates are written in. */
export function todayInShanghai(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

async function rows(db: Executor, scope: TeamScope) {
  let q = db.selectFrom('risks as r').leftJoin('people as p', 'p.id', 'r.owner_person_id').selectAll('r').select('p.display_name as owner_name');
  // Company-wide risks (no team) are everyone's; a team's risks are its members'.
  if (scope !== 'all') q = q.where((eb) => (scope.length ? eb.or([eb('r.team_id', 'is', null), eb('r.team_id', 'in', [...scope])]) : eb('r.team_id', 'is', null)));
  return q.orderBy('r.created_at').orderBy('r.id').execute();
}

type Row = Awaited<ReturnType<typeof rows>>[number];

function toView(r: Row, today: string): RiskView {
  const likelihood = Number(r.likelihood);
  const impact = Number(r.impact);
  return {
    id: r.id,
    title: r.title,
    category: r.category as RiskCategory,
    description: r.description,
    likelihood,
    impact,
    score: riskScore(likelihood, impact),
    ownerPersonId: r.owner_person_id,
    ownerName: r.owner_name ?? null,
    mitigations: r.mitigations,
    nextReviewDate: r.next_review_date,
    isReviewOverdue: isReviewOverdue(r.next_review_date, today),
    teamId: r.team_id,
    playbookIds: json.parse<string[]>(r.playbook_ids, []),
    incidentIds: json.parse<string[]>(r.incident_ids, []),
    updatedAt: r.updated_at,
  };
}

export async function listRisks(db: Executor, scope: TeamScope, now = new Date()): Promise<RiskView[]> {
  const today = todayInShanghai(now);
  return (await rows(db, scope)).map((r) => toView(r, today));
}

async function getRisk(db: Executor, scope: TeamScope, id: string): Promise<RiskView> {
  const found = (await listRisks(db, scope)).find((r) => r.id === id);
  if (!found) throw new DomainError('risk/not-found');
  return found;
}

export async function saveRisk(deps: Deps, actor: Actor, raw: RiskInput, id?: string): Promise<RiskView> {
  const input = RiskSchema.parse(raw);
  return withTransaction(deps.db, async (trx) => {
    const before = id ? await getRisk(trx, actor.scope, id) : undefined;
    if (input.teamId && (!inScope(actor.scope, input.teamId) || !(await trx.selectFrom('teams').select('id').where('id', '=', input.teamId).executeTakeFirst())))
      throw new DomainError('incident/unknown-team', [{ path: 'teamId', message: input.teamId }]);
    if (input.ownerPersonId && !(await findPersonRow(trx, actor.scope, input.ownerPersonId))) throw new DomainError('incident/unknown-person', [{ path: 'ownerPersonId', message: input.ownerPersonId }]);
    for (const [i, p] of input.playbookIds.entries())
      if (!(await trx.selectFrom('playbooks').select('id').where('id', '=', p).executeTakeFirst())) throw new DomainError('playbook/not-found', [{ path: `playbookIds.${i}`, message: p }]);
    for (const [i, p] of input.incidentIds.entries()) {
      const inc = await trx.selectFrom('incidents').select('team_id').where('id', '=', p).executeTakeFirst();
      if (!inc || !inScope(actor.scope, inc.team_id)) throw new DomainError('incident/not-found', [{ path: `incidentIds.${i}`, message: p }]);
    }
    const at = nowIso();
    const values = {
      team_id: input.teamId,
      title: input.title,
      category: input.category,
      description: input.description,
      likelihood: input.likelihood,
      impact: input.impact,
      owner_person_id: input.ownerPersonId,
      mitigations: input.mitigations,
      next_review_date: input.nextReviewDate,
      playbook_ids: json.stringify(input.playbookIds),
      incident_ids: json.stringify(input.incidentIds),
      updated_at: at,
    };
    if (id) await trx.updateTable('risks').set(values).where('id', '=', id).execute();
    else {
      id = newId();
      await trx.insertInto('risks').values({ id, ...values, created_at: at }).execute();
    }
    await recordAudit(trx, actor, { action: before ? 'update' : 'create', entityType: 'risk', entityId: id, teamId: input.teamId, summary: { zh: `保存风险「${input.title}」`, en: `Saved risk "${input.title}"` }, ...(before ? { before: { ...before } } : {}), after: { ...input } });
    return getRisk(trx, actor.scope, id);
  });
}

export async function deleteRisk(deps: Deps, actor: Actor, id: string): Promise<void> {
  await withTransaction(deps.db, async (trx) => {
    const r = await getRisk(trx, actor.scope, id);
    await trx.deleteFrom('risks').where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: 'delete', entityType: 'risk', entityId: id, teamId: r.teamId, summary: { zh: `删除风险「${r.title}」`, en: `Deleted risk "${r.title}"` } });
  });
}
