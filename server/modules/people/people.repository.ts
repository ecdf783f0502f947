import type { ContactField, PeopleQuery, PersonStatus, PersonView } from '../../../contracts/people';
import { CONTACT_FIELDS } from '../../../contracts/people';
import type { TeamScope } from '../../platform/context';
import type { Cipher } from '../../platform/crypto';
import { json, type Executor } from '../../platform/db';
import type { Database } from '../../platform/schema';
import { contactColumn, maskContact } from './people.rules';

export type PersonRow = Database['people'];

export function decryptContact(cipher: Cipher, row: PersonRow, field: ContactField): string | null {
  return cipher.decryptNullable(row[contactColumn[field]]);
}

export function maskedContacts(cipher: Cipher, row: PersonRow): PersonView['contacts'] {
  const out = {} as PersonView['contacts'];
  for (const f of CONTACT_FIELDS) out[f] = maskContact(f, decryptContact(cipher, row, f));
  return out;
}

export function toPersonView(cipher: Cipher, row: PersonRow, teamIds: string[]): PersonView {
  return {
    id: row.id,
    displayName: row.display_name,
    positionId: row.position_id,
    level: row.level,
    teamIds,
    hireDate: row.hire_date,
    weeklyCapacityHours: Number(row.weekly_capacity_hours),
    skills: json.parse<string[]>(row.skills, []),
    status: row.status as PersonStatus,
    userId: row.user_id,
    contacts: maskedContacts(cipher, row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function teamsByPerson(db: Executor, personIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (!personIds.length) return map;
  const rows = await db.selectFrom('person_teams').selectAll().where('person_id', 'in', personIds).orderBy('team_id').execute();
  for (const r of rows) map.set(r.person_id, [...(map.get(r.person_id) ?? []), r.team_id]);
  return map;
}

/** People the caller may see: in one of the caller's teams (or anyone, for the 'all' scope). */
export async function listPeople(db: Executor, cipher: Cipher, scope: TeamScope, q: PeopleQuery): Promise<PersonView[]> {
  let query = db.selectFrom('people').selectAll().orderBy('display_name').orderBy('id');
  if (scope !== 'all') {
    if (!scope.length) return [];
    query = query.where('id', 'in', db.selectFrom('person_teams').select('person_id').where('team_id', 'in', [...scope]));
  }
  if (q.teamId) query = query.where('id', 'in', db.selectFrom('person_teams').select('person_id').where('team_id', '=', q.teamId));
  if (q.positionId) query = query.where('position_id', '=', q.positionId);
  if (q.status) query = query.where('status', '=', q.status);
  let rows = await query.execute();
  // Names are few per company; matching in code keeps LIKE's escaping differences between the databases out of the way.
  const needle = q.q?.toLowerCase();
  if (needle) rows = rows.filter((r) => r.display_name.toLowerCase().includes(needle));
  const teams = await teamsByPerson(db, rows.map((r) => r.id));
  return rows.map((r) => toPersonView(cipher, r, teams.get(r.id) ?? []));
}

export async function findPersonRow(db: Executor, scope: TeamScope, id: string): Promise<{ row: PersonRow; teamIds: string[] } | undefined> {
  const row = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const teamIds = (await teamsByPerson(db, [id])).get(id) ?? [];
  if (scope !== 'all' && !teamIds.some((t) => scope.includes(t))) return undefined;
  return { row, teamIds };
}

export async function setPersonTeams(db: Executor, personId: string, teamIds: readonly string[]) {
  await db.deleteFrom('person_teams').where('person_id', '=', personId).execute();
  if (teamIds.length) await db.insertInto('person_teams').values(teamIds.map((team_id) => ({ person_id: personId, team_id }))).execute();
}
