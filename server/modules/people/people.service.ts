import type { ContactField, PersonInput, PersonUpdateInput, PersonView, RevealInput, RevealView } from '../../../contracts/people';
import { CONTACT_FIELDS } from '../../../contracts/people';
import type { Level } from '../../../contracts/catalog';
import type { Actor, Deps } from '../../platform/context';
import { json, type Executor, withTransaction } from '../../platform/db';
import { DomainError } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { changedFields, recordAudit } from '../audit/audit.repository';
import { missingTeamIds } from '../team/team.repository';
import * as repo from './people.repository';
import { contactColumn } from './people.rules';

/**
 * Hundredths of an hour are plenty, and PostgreSQL keeps the column as a 4-byte real, which fails with an underflow
 * (a 500) on tiny values such as 1e-40 that the contract's min(0) lets through.
 */
const toCapacityHours = (hours: number) => Math.round(hours * 100) / 100;

/** What the audit log keeps of a person: everything, with personal data masked. */
function auditView(v: PersonView): Record<string, unknown> {
  const { id: _i, createdAt: _c, updatedAt: _u, contacts, ...rest } = v;
  return { ...rest, ...contacts };
}

/** Checks what a person record points at. `teamIds` null means the teams are not being changed. */
async function checkReferences(db: Executor, actor: Actor, p: { positionId: string | null; level: string | null; teamIds: readonly string[] | null; userId: string | null }, personId: string | null) {
  if (p.positionId) {
    const position = await db.selectFrom('positions').select(['id', 'levels']).where('id', '=', p.positionId).executeTakeFirst();
    if (!position) throw new DomainError('person/unknown-position', [{ path: 'positionId', message: p.positionId }]);
    if (p.level && !json.parse<Level[]>(position.levels, []).some((l) => l.code === p.level)) {
      throw new DomainError('person/unknown-level', [{ path: 'level', message: p.level }]);
    }
  } else if (p.level) {
    throw new DomainError('person/unknown-level', [{ path: 'level', message: p.level }]);
  }
  if (p.teamIds) {
    const scope = actor.scope;
    const missing = await missingTeamIds(db, p.teamIds);
    const outside = scope === 'all' ? [] : p.teamIds.filter((t) => !scope.includes(t));
    if (missing.length || outside.length) throw new DomainError('person/unknown-team', [...missing, ...outside].map((id) => ({ path: 'teamIds', message: id })));
    // Someone who sees only some teams must place the person in one of them, or would lose sight of the record.
    if (scope !== 'all' && p.teamIds.length === 0) throw new DomainError('person/unknown-team', [{ path: 'teamIds', message: '—' }]);
  }
  if (p.userId) {
    const user = await db.selectFrom('users').select('id').where('id', '=', p.userId).executeTakeFirst();
    if (!user) throw new DomainError('person/unknown-user', [{ path: 'userId', message: p.userId }]);
    const linked = await db.selectFrom('people').select('id').where('user_id', '=', p.userId).executeTakeFirst();
    if (linked && linked.id !== personId) throw new DomainError('person/user-linked', [{ path: 'userId', message: p.userId }]);
  }
}

export async function createPerson(deps: Deps, actor: Actor, input: PersonInput, id = newId()): Promise<PersonView> {
  return withTransaction(deps.db, async (trx) => {
    const teamIds = [...new Set(input.teamIds)].sort();
    await checkReferences(trx, actor, { ...input, teamIds }, null);
    const at = nowIso();
    const row: repo.PersonRow = {
      id,
      display_name: input.displayName,
      position_id: input.positionId,
      level: input.level,
      hire_date: input.hireDate,
      weekly_capacity_hours: toCapacityHours(input.weeklyCapacityHours),
      skills: json.stringify(input.skills),
      status: input.status,
      user_id: input.userId,
      phone_enc: deps.cipher.encryptNullable(input.phone),
      wechat_enc: deps.cipher.encryptNullable(input.wechat),
      id_card_enc: deps.cipher.encryptNullable(input.idCard),
      address_enc: deps.cipher.encryptNullable(input.address),
      created_at: at,
      updated_at: at,
    };
    await trx.insertInto('people').values(row).execute();
    await repo.setPersonTeams(trx, id, teamIds);
    const view = repo.toPersonView(deps.cipher, row, teamIds);
    await recordAudit(trx, actor, { action: 'create', entityType: 'person', entityId: id, teamId: teamIds[0] ?? null, summary: { zh: `新增成员 ${row.display_name}`, en: `Added ${row.display_name}` }, after: auditView(view) });
    return view;
  });
}

export async function updatePerson(deps: Deps, actor: Actor, id: string, input: PersonUpdateInput): Promise<PersonView> {
  return withTransaction(deps.db, async (trx) => {
    const found = await repo.findPersonRow(trx, actor.scope, id);
    if (!found) throw new DomainError('person/not-found');
    const { row } = found;
    // Someone who sees only some teams edits membership of those teams; the person's other teams stay as they are.
    const scope = actor.scope;
    const hiddenTeams = scope === 'all' ? [] : found.teamIds.filter((t) => !scope.includes(t));
    const teamIds = input.teamIds ? [...new Set([...input.teamIds, ...hiddenTeams])].sort() : found.teamIds;
    const positionId = input.positionId === undefined ? row.position_id : input.positionId;
    // Moving to another position drops a level that the new ladder lacks unless one is given.
    const level = input.level === undefined ? (input.positionId !== undefined && input.positionId !== row.position_id ? null : row.level) : input.level;
    const userId = input.userId === undefined ? row.user_id : input.userId;
    if (input.teamIds || input.positionId !== undefined || input.level !== undefined || input.userId !== undefined) {
      await checkReferences(trx, actor, { positionId, level, teamIds: input.teamIds ?? null, userId }, id);
    }
    const contact = (field: ContactField) => {
      const v = input[field];
      return v === undefined ? row[contactColumn[field]] : deps.cipher.encryptNullable(v);
    };
    const next: repo.PersonRow = {
      ...row,
      display_name: input.displayName ?? row.display_name,
      position_id: positionId,
      level,
      hire_date: input.hireDate === undefined ? row.hire_date : input.hireDate,
      weekly_capacity_hours: input.weeklyCapacityHours === undefined ? row.weekly_capacity_hours : toCapacityHours(input.weeklyCapacityHours),
      skills: input.skills ? json.stringify(input.skills) : row.skills,
      status: input.status ?? row.status,
      user_id: userId,
      phone_enc: contact('phone'),
      wechat_enc: contact('wechat'),
      id_card_enc: contact('idCard'),
      address_enc: contact('address'),
      updated_at: nowIso(),
    };
    await trx.updateTable('people').set(next).where('id', '=', id).execute();
    if (input.teamIds) await repo.setPersonTeams(trx, id, teamIds);
    const before = repo.toPersonView(deps.cipher, row, found.teamIds);
    const view = repo.toPersonView(deps.cipher, next, teamIds);
    const diff = changedFields(auditView(before), auditView(view));
    // A contact replaced by another with the same mask still changed: say so without showing either.
    for (const f of CONTACT_FIELDS) {
      if (input[f] !== undefined && !(f in diff.after) && next[contactColumn[f]] !== row[contactColumn[f]]) {
        diff.before[f] = before.contacts[f];
        diff.after[f] = `${view.contacts[f] ?? ''} (changed)`;
      }
    }
    await recordAudit(trx, actor, { action: 'update', entityType: 'person', entityId: id, teamId: teamIds[0] ?? null, summary: { zh: `修改成员 ${next.display_name}`, en: `Updated ${next.display_name}` }, ...diff });
    return view;
  });
}

export async function deletePerson(deps: Deps, actor: Actor, id: string): Promise<void> {
  await withTransaction(deps.db, async (trx) => {
    const found = await repo.findPersonRow(trx, actor.scope, id);
    if (!found) throw new DomainError('person/not-found');
    await trx.deleteFrom('person_teams').where('person_id', '=', id).execute();
    await trx.deleteFrom('people').where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: 'delete', entityType: 'person', entityId: id, teamId: found.teamIds[0] ?? null, summary: { zh: `删除成员 ${found.row.display_name}`, en: `Removed ${found.row.display_name}` }, before: auditView(repo.toPersonView(deps.cipher, found.row, found.teamIds)) });
  });
}

const FIELD_ZH: Record<ContactField, string> = { phone: '电话', wechat: '微信号', idCard: '身份证号', address: '地址' };

/** Returns the plaintext of the asked fields and writes the reveal to the audit log in the same transaction. */
export async function revealContacts(deps: Deps, actor: Actor, id: string, input: RevealInput): Promise<RevealView> {
  return withTransaction(deps.db, async (trx) => {
    const found = await repo.findPersonRow(trx, actor.scope, id);
    if (!found) throw new DomainError('person/not-found');
    const fields = [...new Set(input.fields)];
    const out: RevealView = {};
    for (const f of fields) out[f] = repo.decryptContact(deps.cipher, found.row, f);
    await recordAudit(trx, actor, {
      action: 'reveal',
      entityType: 'person',
      entityId: id,
      teamId: found.teamIds[0] ?? null,
      summary: { zh: `查看 ${found.row.display_name} 的 ${fields.map((f) => FIELD_ZH[f]).join('、')}`, en: `Revealed ${fields.join(', ')} of ${found.row.display_name}` },
      after: { fields },
    });
    return out;
  });
}
