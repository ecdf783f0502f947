import type { ApiTokenView, InviteView, Role, TokenScope, UserView } from '../../../contracts/accounts';
import type { Locale } from '../../../contracts/common';
import { json, type Executor } from '../../platform/db';
import type { Database } from '../../platform/schema';

export type UserRow = Database['users'];
export type InviteRow = Database['invites'];
export type ApiTokenRow = Database['api_tokens'];

export async function countUsers(db: Executor): Promise<number> {
  const r = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function countActiveOwners(db: Executor): Promise<number> {
  const r = await db
    .selectFrom('users')
    .where('role', '=', 'owner')
    .where('status', '=', 'active')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export function findUserByEmail(db: Executor, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export function findUser(db: Executor, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function userTeamIds(db: Executor, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('user_teams').select('team_id').where('user_id', '=', userId).orderBy('team_id').execute();
  return rows.map((r) => r.team_id);
}

export async function setUserTeams(db: Executor, userId: string, teamIds: readonly string[]) {
  await db.deleteFrom('user_teams').where('user_id', '=', userId).execute();
  if (teamIds.length) await db.insertInto('user_teams').values(teamIds.map((team_id) => ({ user_id: userId, team_id }))).execute();
}

export async function insertUser(db: Executor, row: UserRow) {
  await db.insertInto('users').values(row).execute();
}

export async function updateUserRow(db: Executor, id: string, patch: Partial<UserRow>) {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

export function toUserView(row: UserRow, teamIds: string[]): UserView {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role as Role,
    status: row.status as UserView['status'],
    locale: (row.locale as Locale | null) ?? null,
    timeZone: row.time_zone,
    teamIds,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
  };
}

export async function listUsers(db: Executor): Promise<UserView[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('created_at').orderBy('email').execute();
  const links = await db.selectFrom('user_teams').selectAll().execute();
  return rows.map((r) => toUserView(r, links.filter((l) => l.user_id === r.id).map((l) => l.team_id).sort()));
}

// Sessions

export async function insertSession(db: Executor, row: Database['auth_sessions']) {
  await db.insertInto('auth_sessions').values(row).execute();
}

export function findSessionWithUser(db: Executor, sessionId: string) {
  return db
    .selectFrom('auth_sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id as session_id', 's.csrf_token', 's.expires_at', 's.last_seen_at'])
    .selectAll('u')
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
}

export async function touchSession(db: Executor, sessionId: string, lastSeenAt: string, expiresAt: string) {
  await db.updateTable('auth_sessions').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('id', '=', sessionId).execute();
}

export async function deleteSession(db: Executor, sessionId: string) {
  await db.deleteFrom('auth_sessions').where('id', '=', sessionId).execute();
}

export async function deleteUserSessions(db: Executor, userId: string) {
  await db.deleteFrom('auth_sessions').where('user_id', '=', userId).execute();
}

// Invite and reset links

export async function insertInvite(db: Executor, row: InviteRow) {
  await db.insertInto('invites').values(row).execute();
}

export function findInviteByHash(db: Executor, tokenHash: string) {
  return db.selectFrom('invites').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export function toInviteView(row: InviteRow): InviteView {
  return {
    id: row.id,
    email: row.email,
    role: row.role as Role,
    kind: row.kind as InviteView['kind'],
    teamIds: json.parse<string[]>(row.team_ids, []),
    expiresAt: row.expires_at,
    acceptedAt: row.accepted_at,
    createdAt: row.created_at,
  };
}

export async function listInvites(db: Executor): Promise<InviteView[]> {
  const rows = await db.selectFrom('invites').selectAll().where('kind', '=', 'invite').orderBy('created_at', 'desc').execute();
  return rows.map(toInviteView);
}

// API tokens

export function toApiTokenView(row: ApiTokenRow): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    roomId: row.room_id,
    scopes: row.scopes.split(',').filter(Boolean) as TokenScope[],
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

export async function listApiTokens(db: Executor): Promise<ApiTokenView[]> {
  const rows = await db.selectFrom('api_tokens').selectAll().orderBy('created_at', 'desc').execute();
  return rows.map(toApiTokenView);
}

export function findApiTokenByHash(db: Executor, tokenHash: string) {
  return db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}
