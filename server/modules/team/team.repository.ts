import type { SessionRole } from '../../../contracts/planning';
import type { Platform, RoomView, TeamView } from '../../../contracts/team';
import type { TeamScope } from '../../platform/context';
import { json, type Executor } from '../../platform/db';
import type { Database } from '../../platform/schema';

export type TeamRow = Database['teams'];
export type RoomRow = Database['rooms'];

/** The ids among `teamIds` that name no team. */
export async function missingTeamIds(db: Executor, teamIds: readonly string[]): Promise<string[]> {
  const unique = [...new Set(teamIds)];
  if (!unique.length) return [];
  const found = await db.selectFrom('teams').select('id').where('id', 'in', unique).execute();
  const have = new Set(found.map((r) => r.id));
  return unique.filter((id) => !have.has(id));
}

export async function listTeams(db: Executor, scope: TeamScope): Promise<TeamView[]> {
  let q = db
    .selectFrom('teams as t')
    .select((eb) => [
      't.id',
      't.name',
      't.description',
      't.created_at',
      't.updated_at',
      eb.selectFrom('rooms').whereRef('rooms.team_id', '=', 't.id').select((e) => e.fn.countAll<number>().as('n')).as('room_count'),
      eb.selectFrom('person_teams').whereRef('person_teams.team_id', '=', 't.id').select((e) => e.fn.countAll<number>().as('n')).as('member_count'),
    ])
    .orderBy('t.created_at')
    .orderBy('t.name');
  if (scope !== 'all') {
    if (!scope.length) return [];
    q = q.where('t.id', 'in', [...scope]);
  }
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    roomCount: Number(r.room_count ?? 0),
    memberCount: Number(r.member_count ?? 0),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export async function findTeam(db: Executor, scope: TeamScope, id: string): Promise<TeamView | undefined> {
  if (scope !== 'all' && !scope.includes(id)) return undefined;
  return (await listTeams(db, [id])).find((t) => t.id === id);
}

export function findTeamByName(db: Executor, name: string) {
  return db.selectFrom('teams').selectAll().where('name', '=', name).executeTakeFirst();
}

export function toRoomView(r: RoomRow): RoomView {
  return {
    id: r.id,
    teamId: r.team_id,
    platform: r.platform as Platform,
    accountId: r.account_id,
    displayName: r.display_name,
    timeZone: r.time_zone,
    hasSecret: r.secret_enc !== null,
    requiredRoles: json.parse<SessionRole[]>(r.required_roles, []),
    requireApprovedContent: r.require_approved_content === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function listRooms(db: Executor, scope: TeamScope, teamId?: string): Promise<RoomView[]> {
  let q = db.selectFrom('rooms').selectAll().orderBy('created_at').orderBy('display_name');
  if (scope !== 'all') {
    if (!scope.length) return [];
    q = q.where('team_id', 'in', [...scope]);
  }
  if (teamId) q = q.where('team_id', '=', teamId);
  return (await q.execute()).map(toRoomView);
}

/** A room the caller may see, or undefined: another team's room looks the same as a missing one. */
export async function findRoomRow(db: Executor, scope: TeamScope, id: string): Promise<RoomRow | undefined> {
  const row = await db.selectFrom('rooms').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || (scope !== 'all' && !scope.includes(row.team_id))) return undefined;
  return row;
}

export function findRoomByAccount(db: Executor, platform: string, accountId: string) {
  return db.selectFrom('rooms').selectAll().where('platform', '=', platform).where('account_id', '=', accountId).executeTakeFirst();
}
