import type { TeamInput, TeamView, RoomInput, RoomUpdateInput, RoomView } from '../../../contracts/team';
import { inScope, type Actor, type Deps } from '../../platform/context';
import { json, withTransaction } from '../../platform/db';
import { DomainError } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { changedFields, recordAudit } from '../audit/audit.repository';
import * as repo from './team.repository';

export async function createTeam(deps: Deps, actor: Actor, input: TeamInput, id = newId()): Promise<TeamView> {
  return withTransaction(deps.db, async (trx) => {
    if (await repo.findTeamByName(trx, input.name)) throw new DomainError('team/name-taken', [{ path: 'name', message: input.name }]);
    const at = nowIso();
    await trx.insertInto('teams').values({ id, name: input.name, description: input.description, created_at: at, updated_at: at }).execute();
    await recordAudit(trx, actor, { action: 'create', entityType: 'team', entityId: id, teamId: id, summary: { zh: `新建团队 ${input.name}`, en: `Created team ${input.name}` }, after: { ...input } });
    return (await repo.findTeam(trx, 'all', id))!;
  });
}

export async function updateTeam(deps: Deps, actor: Actor, id: string, input: Partial<TeamInput>): Promise<TeamView> {
  return withTransaction(deps.db, async (trx) => {
    const before = await repo.findTeam(trx, actor.scope, id);
    if (!before) throw new DomainError('team/not-found');
    const next = { name: input.name ?? before.name, description: input.description ?? before.description };
    if (next.name !== before.name && (await repo.findTeamByName(trx, next.name))) throw new DomainError('team/name-taken', [{ path: 'name', message: next.name }]);
    await trx.updateTable('teams').set({ ...next, updated_at: nowIso() }).where('id', '=', id).execute();
    const diff = changedFields({ name: before.name, description: before.description }, next);
    await recordAudit(trx, actor, { action: 'update', entityType: 'team', entityId: id, teamId: id, summary: { zh: `修改团队 ${next.name}`, en: `Updated team ${next.name}` }, ...diff });
    return (await repo.findTeam(trx, 'all', id))!;
  });
}

export async function deleteTeam(deps: Deps, actor: Actor, id: string): Promise<void> {
  await withTransaction(deps.db, async (trx) => {
    const team = await repo.findTeam(trx, actor.scope, id);
    if (!team) throw new DomainError('team/not-found');
    if (team.roomCount > 0 || team.memberCount > 0) throw new DomainError('team/not-empty');
    await trx.deleteFrom('user_teams').where('team_id', '=', id).execute();
    await trx.deleteFrom('teams').where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: 'delete', entityType: 'team', entityId: id, teamId: id, summary: { zh: `删除团队 ${team.name}`, en: `Deleted team ${team.name}` }, before: { name: team.name, description: team.description } });
  });
}

function roomAuditView(r: RoomView) {
  const { createdAt: _c, updatedAt: _u, ...rest } = r;
  return rest;
}

export async function createRoom(deps: Deps, actor: Actor, input: RoomInput, id = newId()): Promise<RoomView> {
  return withTransaction(deps.db, async (trx) => {
    if (!inScope(actor.scope, input.teamId) || !(await repo.findTeam(trx, 'all', input.teamId))) {
      throw new DomainError('team/not-found', [{ path: 'teamId', message: input.teamId }]);
    }
    if (await repo.findRoomByAccount(trx, input.platform, input.accountId)) throw new DomainError('room/account-taken', [{ path: 'accountId', message: input.accountId }]);
    const at = nowIso();
    const row: repo.RoomRow = {
      id,
      team_id: input.teamId,
      platform: input.platform,
      account_id: input.accountId,
      display_name: input.displayName,
      time_zone: input.timeZone,
      secret_enc: deps.cipher.encryptNullable(input.secret),
      required_roles: json.stringify(input.requiredRoles),
      require_approved_content: input.requireApprovedContent ? 1 : 0,
      created_at: at,
      updated_at: at,
    };
    await trx.insertInto('rooms').values(row).execute();
    const view = repo.toRoomView(row);
    await recordAudit(trx, actor, { action: 'create', entityType: 'room', entityId: id, teamId: row.team_id, summary: { zh: `新建直播间 ${row.display_name}`, en: `Created room ${row.display_name}` }, after: roomAuditView(view) });
    return view;
  });
}

export async function updateRoom(deps: Deps, actor: Actor, id: string, input: RoomUpdateInput): Promise<RoomView> {
  return withTransaction(deps.db, async (trx) => {
    const before = await repo.findRoomRow(trx, actor.scope, id);
    if (!before) throw new DomainError('room/not-found');
    if (input.teamId && input.teamId !== before.team_id && (!inScope(actor.scope, input.teamId) || !(await repo.findTeam(trx, 'all', input.teamId)))) {
      throw new DomainError('team/not-found', [{ path: 'teamId', message: input.teamId }]);
    }
    const next: repo.RoomRow = {
      ...before,
      team_id: input.teamId ?? before.team_id,
      platform: input.platform ?? before.platform,
      account_id: input.accountId ?? before.account_id,
      display_name: input.displayName ?? before.display_name,
      time_zone: input.timeZone ?? before.time_zone,
      secret_enc: input.secret === undefined ? before.secret_enc : deps.cipher.encryptNullable(input.secret),
      required_roles: input.requiredRoles ? json.stringify(input.requiredRoles) : before.required_roles,
      require_approved_content: input.requireApprovedContent === undefined ? before.require_approved_content : input.requireApprovedContent ? 1 : 0,
      updated_at: nowIso(),
    };
    if (next.platform !== before.platform || next.account_id !== before.account_id) {
      const other = await repo.findRoomByAccount(trx, next.platform, next.account_id);
      if (other && other.id !== id) throw new DomainError('room/account-taken', [{ path: 'accountId', message: next.account_id }]);
    }
    await trx.updateTable('rooms').set(next).where('id', '=', id).execute();
    const diff = changedFields(roomAuditView(repo.toRoomView(before)), roomAuditView(repo.toRoomView(next)));
    await recordAudit(trx, actor, { action: 'update', entityType: 'room', entityId: id, teamId: next.team_id, summary: { zh: `修改直播间 ${next.display_name}${input.secret !== undefined ? '（已更换密钥）' : ''}`, en: `Updated room ${next.display_name}${input.secret !== undefined ? ' (secret changed)' : ''}` }, ...diff });
    return repo.toRoomView(next);
  });
}

export async function deleteRoom(deps: Deps, actor: Actor, id: string): Promise<void> {
  await withTransaction(deps.db, async (trx) => {
    const room = await repo.findRoomRow(trx, actor.scope, id);
    if (!room) throw new DomainError('room/not-found');
    await trx.deleteFrom('rooms').where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: 'delete', entityType: 'room', entityId: id, teamId: room.team_id, summary: { zh: `删除直播间 ${room.display_name}`, en: `Deleted room ${room.display_name}` }, before: roomAuditView(repo.toRoomView(room)) });
  });
}
