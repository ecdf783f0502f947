import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id; the package exports it as a const enum, which isolated modules cannot read.
const ARGON2ID = 2;
import type {
  AcceptInviteInput,
  ApiTokenInput,
  ApiTokenView,
  InviteInput,
  InviteLinkView,
  InvitePreview,
  PasswordChangeInput,
  ProfileInput,
  Role,
  TokenScope,
  UserUpdateInput,
  UserView,
} from '../../../contracts/accounts';
import type { Actor, Deps } from '../../platform/context';
import { json, type Executor, withTransaction } from '../../platform/db';
import { DomainError } from '../../platform/errors';
import { hashToken, randomToken } from '../../platform/crypto';
import { newId, nowIso } from '../../platform/ids';
import { recordAudit, changedFields } from '../audit/audit.repository';
import { missingTeamIds } from '../team/team.repository';
import * as repo from './accounts.repository';
import { afterFailedLogin, isLocked, linkState, removesLastOwner, RESET_LINK_HOURS, sessionExpiry } from './accounts.rules';

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export interface NewSession {
  /** The cookie value; only its hash is stored. */
  token: string;
  sessionId: string;
  csrfToken: string;
}

export async function createSession(db: Executor, userId: string, now = new Date()): Promise<NewSession> {
  const token = randomToken();
  const csrfToken = randomToken();
  const sessionId = hashToken(token);
  const at = now.toISOString();
  await repo.insertSession(db, { id: sessionId, user_id: userId, csrf_token: csrfToken, created_at: at, last_seen_at: at, expires_at: sessionExpiry(now) });
  await repo.updateUserRow(db, userId, { last_login_at: at });
  return { token, sessionId, csrfToken };
}

/** The signed-in user behind a session cookie, or undefined. Slides the expiry at most once an hour. */
export async function resolveSession(db: Executor, token: string, now = new Date()) {
  const row = await repo.findSessionWithUser(db, hashToken(token));
  if (!row || row.expires_at <= now.toISOString() || row.status !== 'active') return undefined;
  if (now.getTime() - new Date(row.last_seen_at).getTime() > 3_600_000) {
    await repo.touchSession(db, row.session_id, now.toISOString(), sessionExpiry(now));
  }
  return row;
}

/** The room and scopes behind an API token, or undefined when unknown or revoked. Records when it was last used. */
export async function resolveApiToken(db: Executor, token: string, now = new Date()) {
  const row = await repo.findApiTokenByHash(db, hashToken(token));
  if (!row || row.revoked_at) return undefined;
  // Only write when the minute changed, so a busy bridge does not turn every read into a write.
  if (!row.last_used_at || row.last_used_at.slice(0, 16) !== now.toISOString().slice(0, 16)) {
    await db.updateTable('api_tokens').set({ last_used_at: now.toISOString() }).where('id', '=', row.id).execute();
  }
  return { id: row.id, name: row.name, roomId: row.room_id, scopes: row.scopes.split(',') as TokenScope[] };
}

export async function signIn(deps: Deps, email: string, password: string, ip: string, now = new Date()) {
  const user = await repo.findUserByEmail(deps.db, email);
  if (!user) throw new DomainError('auth/invalid-credentials');
  if (isLocked(user.locked_until, now)) throw new DomainError('auth/locked');
  const ok = await verify(user.password_hash, password).catch(() => false);
  if (!ok) {
    const next = afterFailedLogin(user.failed_logins, now);
    await withTransaction(deps.db, async (trx) => {
      await repo.updateUserRow(trx, user.id, { failed_logins: next.failedLogins, locked_until: next.lockedUntil });
      await recordAudit(trx, { userId: null, label: ip }, { action: 'login-failed', entityType: 'user', entityId: user.id, summary: { zh: `${user.email} 登录失败${next.lockedUntil ? '（账号已锁定）' : ''}`, en: `Failed sign-in for ${user.email}${next.lockedUntil ? ' (account locked)' : ''}` } });
    });
    throw new DomainError(next.lockedUntil ? 'auth/locked' : 'auth/invalid-credentials');
  }
  if (user.status !== 'active') throw new DomainError('auth/deactivated');
  return withTransaction(deps.db, async (trx) => {
    await repo.updateUserRow(trx, user.id, { failed_logins: 0, locked_until: null, last_login_at: now.toISOString() });
    await recordAudit(trx, { userId: user.id, label: user.display_name }, { action: 'login', entityType: 'session', entityId: user.id, summary: { zh: `${user.email} 登录`, en: `${user.email} signed in` } });
    return createSession(trx, user.id, now);
  });
}

export async function signOut(deps: Deps, actor: Actor, sessionId: string) {
  await withTransaction(deps.db, async (trx) => {
    await repo.deleteSession(trx, sessionId);
    await recordAudit(trx, actor, { action: 'logout', entityType: 'session', entityId: actor.userId, summary: { zh: `${actor.label} 退出登录`, en: `${actor.label} signed out` } });
  });
}

export interface NewUser {
  id?: string;
  email: string;
  displayName: string;
  password: string;
  role: Role;
  teamIds?: readonly string[];
  locale?: string | null;
}

/** Inserts a user inside the caller's transaction. Email uniqueness is checked here and by the database. */
export async function insertUserAccount(db: Executor, input: NewUser): Promise<repo.UserRow> {
  if (await repo.findUserByEmail(db, input.email)) throw new DomainError('user/email-taken');
  const at = nowIso();
  const row: repo.UserRow = {
    id: input.id ?? newId(),
    email: input.email,
    display_name: input.displayName,
    password_hash: await hashPassword(input.password),
    role: input.role,
    status: 'active',
    locale: input.locale ?? null,
    time_zone: 'Asia/Shanghai',
    failed_logins: 0,
    locked_until: null,
    last_login_at: null,
    created_at: at,
    updated_at: at,
  };
  await repo.insertUser(db, row);
  if (input.teamIds?.length) await repo.setUserTeams(db, row.id, input.teamIds);
  return row;
}

async function assertTeamsExist(db: Executor, teamIds: readonly string[], field = 'teamIds') {
  const missing = await missingTeamIds(db, teamIds);
  if (missing.length) throw new DomainError('team/not-found', missing.map((id) => ({ path: field, message: id })));
}

async function createLink(db: Executor, actor: Actor, kind: 'invite' | 'reset', fields: { email: string; role: Role; teamIds: readonly string[]; userId: string | null; hours: number }): Promise<InviteLinkView> {
  const token = randomToken();
  const now = new Date();
  const row: repo.InviteRow = {
    id: newId(),
    token_hash: hashToken(token),
    kind,
    email: fields.email,
    role: fields.role,
    team_ids: json.stringify(fields.teamIds),
    user_id: fields.userId,
    created_by: actor.userId,
    expires_at: new Date(now.getTime() + fields.hours * 3_600_000).toISOString(),
    accepted_at: null,
    created_at: now.toISOString(),
  };
  await repo.insertInvite(db, row);
  return { invite: repo.toInviteView(row), path: `/${kind}/${token}` };
}

export async function inviteUser(deps: Deps, actor: Actor, input: InviteInput): Promise<InviteLinkView> {
  return withTransaction(deps.db, async (trx) => {
    if (await repo.findUserByEmail(trx, input.email)) throw new DomainError('user/email-taken', [{ path: 'email', message: input.email }]);
    await assertTeamsExist(trx, input.teamIds);
    const link = await createLink(trx, actor, 'invite', { email: input.email, role: input.role, teamIds: input.teamIds, userId: null, hours: input.expiresInHours });
    await recordAudit(trx, actor, { action: 'invite', entityType: 'invite', entityId: link.invite.id, summary: { zh: `邀请 ${input.email} 加入（${input.role}）`, en: `Invited ${input.email} as ${input.role}` }, after: { email: input.email, role: input.role, teamIds: input.teamIds, expiresAt: link.invite.expiresAt } });
    return link;
  });
}

export async function deleteInvite(deps: Deps, actor: Actor, id: string) {
  await withTransaction(deps.db, async (trx) => {
    const row = await trx.selectFrom('invites').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new DomainError('invite/not-found');
    await trx.deleteFrom('invites').where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: 'delete', entityType: 'invite', entityId: id, summary: { zh: `撤回 ${row.email} 的${row.kind === 'reset' ? '重置密码' : '邀请'}链接`, en: `Withdrew the ${row.kind} link for ${row.email}` } });
  });
}

export async function createResetLink(deps: Deps, actor: Actor, userId: string): Promise<InviteLinkView> {
  return withTransaction(deps.db, async (trx) => {
    const user = await repo.findUser(trx, userId);
    if (!user) throw new DomainError('user/not-found');
    const link = await createLink(trx, actor, 'reset', { email: user.email, role: user.role as Role, teamIds: [], userId, hours: RESET_LINK_HOURS });
    await recordAudit(trx, actor, { action: 'reset-password', entityType: 'user', entityId: userId, summary: { zh: `为 ${user.email} 生成重置密码链接`, en: `Made a password reset link for ${user.email}` } });
    return link;
  });
}

async function usableLink(db: Executor, token: string) {
  const row = await repo.findInviteByHash(db, hashToken(token));
  if (!row) throw new DomainError('invite/not-found');
  const state = linkState(row, new Date());
  if (state === 'expired') throw new DomainError('invite/expired');
  if (state === 'used') throw new DomainError('invite/used');
  return row;
}

export async function previewLink(deps: Deps, token: string): Promise<InvitePreview> {
  const row = await usableLink(deps.db, token);
  return { email: row.email, role: row.role as Role, kind: row.kind as InvitePreview['kind'], expiresAt: row.expires_at };
}

/** Redeems an invite (creates the account) or a reset link (sets a new password); either way signs the person in. */
export async function acceptLink(deps: Deps, token: string, input: AcceptInviteInput): Promise<{ user: repo.UserRow; session: NewSession }> {
  const passwordHash = await hashPassword(input.password);
  return withTransaction(deps.db, async (trx) => {
    const link = await usableLink(trx, token);
    const at = nowIso();
    let user: repo.UserRow | undefined;
    if (link.kind === 'reset') {
      user = await repo.findUser(trx, link.user_id ?? '');
      if (!user) throw new DomainError('invite/not-found');
      await repo.updateUserRow(trx, user.id, { password_hash: passwordHash, failed_logins: 0, locked_until: null, updated_at: at });
      await repo.deleteUserSessions(trx, user.id);
    } else {
      if (await repo.findUserByEmail(trx, link.email)) throw new DomainError('user/email-taken');
      // A team may have been deleted since the invite was sent: join the ones that remain.
      const teamIds = json.parse<string[]>(link.team_ids, []);
      const missing = await missingTeamIds(trx, teamIds);
      user = {
        id: newId(),
        email: link.email,
        display_name: input.displayName ?? link.email.split('@')[0]!,
        password_hash: passwordHash,
        role: link.role,
        status: 'active',
        locale: null,
        time_zone: 'Asia/Shanghai',
        failed_logins: 0,
        locked_until: null,
        last_login_at: at,
        created_at: at,
        updated_at: at,
      };
      await repo.insertUser(trx, user);
      await repo.setUserTeams(trx, user.id, teamIds.filter((id) => !missing.includes(id)));
    }
    await trx.updateTable('invites').set({ accepted_at: at }).where('id', '=', link.id).execute();
    await recordAudit(trx, { userId: user.id, label: user.display_name }, { action: 'accept-invite', entityType: 'user', entityId: user.id, summary: link.kind === 'reset' ? { zh: `${user.email} 设置了新密码`, en: `${user.email} set a new password` } : { zh: `${user.email} 以 ${user.role} 身份加入`, en: `${user.email} joined as ${user.role}` } });
    const session = await createSession(trx, user.id);
    return { user, session };
  });
}

export async function updateUser(deps: Deps, actor: Actor, id: string, input: UserUpdateInput): Promise<UserView> {
  return withTransaction(deps.db, async (trx) => {
    const user = await repo.findUser(trx, id);
    if (!user) throw new DomainError('user/not-found');
    const teamsBefore = await repo.userTeamIds(trx, id);
    const role = input.role ?? (user.role as Role);
    if (removesLastOwner(await repo.countActiveOwners(trx), user, { role, status: user.status })) throw new DomainError('user/last-owner');
    if (input.teamIds) await assertTeamsExist(trx, input.teamIds);
    const patch = { role, display_name: input.displayName ?? user.display_name, updated_at: nowIso() };
    await repo.updateUserRow(trx, id, patch);
    const teamIds = input.teamIds ? [...new Set(input.teamIds)].sort() : teamsBefore;
    if (input.teamIds) await repo.setUserTeams(trx, id, teamIds);
    const diff = changedFields({ role: user.role, displayName: user.display_name, teamIds: teamsBefore }, { role, displayName: patch.display_name, teamIds });
    await recordAudit(trx, actor, { action: 'update', entityType: 'user', entityId: id, summary: { zh: `修改用户 ${user.email}`, en: `Updated ${user.email}` }, ...diff });
    return repo.toUserView({ ...user, ...patch }, teamIds);
  });
}

export async function setUserStatus(deps: Deps, actor: Actor, id: string, status: 'active' | 'deactivated'): Promise<UserView> {
  return withTransaction(deps.db, async (trx) => {
    const user = await repo.findUser(trx, id);
    if (!user) throw new DomainError('user/not-found');
    if (status === 'deactivated' && id === actor.userId) throw new DomainError('user/self-deactivate');
    if (removesLastOwner(await repo.countActiveOwners(trx), user, { role: user.role, status })) throw new DomainError('user/last-owner');
    const patch = { status, updated_at: nowIso() };
    await repo.updateUserRow(trx, id, patch);
    if (status === 'deactivated') await repo.deleteUserSessions(trx, id);
    await recordAudit(trx, actor, { action: status === 'deactivated' ? 'deactivate' : 'update', entityType: 'user', entityId: id, summary: { zh: `${status === 'deactivated' ? '停用' : '重新启用'}用户 ${user.email}`, en: `${status === 'deactivated' ? 'Deactivated' : 'Reactivated'} ${user.email}` }, before: { status: user.status }, after: { status } });
    return repo.toUserView({ ...user, ...patch }, await repo.userTeamIds(trx, id));
  });
}

export async function updateProfile(deps: Deps, actor: Actor, input: ProfileInput): Promise<UserView> {
  return withTransaction(deps.db, async (trx) => {
    const user = await repo.findUser(trx, actor.userId ?? '');
    if (!user) throw new DomainError('user/not-found');
    const patch = {
      display_name: input.displayName ?? user.display_name,
      locale: input.locale === undefined ? user.locale : input.locale,
      time_zone: input.timeZone ?? user.time_zone,
      updated_at: nowIso(),
    };
    await repo.updateUserRow(trx, user.id, patch);
    const diff = changedFields({ displayName: user.display_name, locale: user.locale, timeZone: user.time_zone }, { displayName: patch.display_name, locale: patch.locale, timeZone: patch.time_zone });
    await recordAudit(trx, actor, { action: 'update', entityType: 'user', entityId: user.id, summary: { zh: `${user.email} 修改了个人资料`, en: `${user.email} updated their profile` }, ...diff });
    return repo.toUserView({ ...user, ...patch }, await repo.userTeamIds(trx, user.id));
  });
}

export async function changePassword(deps: Deps, actor: Actor, input: PasswordChangeInput, keepSessionId: string | null) {
  const user = await repo.findUser(deps.db, actor.userId ?? '');
  if (!user) throw new DomainError('user/not-found');
  if (!(await verify(user.password_hash, input.currentPassword).catch(() => false))) {
    throw new DomainError('auth/wrong-password', [{ path: 'currentPassword', message: 'wrong password / 当前密码不正确' }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await withTransaction(deps.db, async (trx) => {
    await repo.updateUserRow(trx, user.id, { password_hash: passwordHash, updated_at: nowIso() });
    // Other sessions end: a changed password should lock out whoever else had it.
    let q = trx.deleteFrom('auth_sessions').where('user_id', '=', user.id);
    if (keepSessionId) q = q.where('id', '!=', keepSessionId);
    await q.execute();
    await recordAudit(trx, actor, { action: 'update', entityType: 'user', entityId: user.id, summary: { zh: `${user.email} 修改了密码`, en: `${user.email} changed their password` } });
  });
}

export async function createApiToken(deps: Deps, actor: Actor, input: ApiTokenInput): Promise<{ token: string; apiToken: ApiTokenView }> {
  return withTransaction(deps.db, async (trx) => {
    const room = await trx.selectFrom('rooms').select(['id', 'team_id']).where('id', '=', input.roomId).executeTakeFirst();
    if (!room) throw new DomainError('room/not-found', [{ path: 'roomId', message: input.roomId }]);
    const token = randomToken('sr_');
    const row: repo.ApiTokenRow = {
      id: newId(),
      name: input.name,
      token_hash: hashToken(token),
      room_id: room.id,
      scopes: [...new Set(input.scopes)].sort().join(','),
      created_by: actor.userId,
      created_at: nowIso(),
      last_used_at: null,
      revoked_at: null,
    };
    await trx.insertInto('api_tokens').values(row).execute();
    const apiToken = repo.toApiTokenView(row);
    await recordAudit(trx, actor, { action: 'create', entityType: 'api-token', entityId: row.id, teamId: room.team_id, summary: { zh: `创建 API 令牌「${row.name}」`, en: `Created API token "${row.name}"` }, after: { name: row.name, roomId: row.room_id, scopes: apiToken.scopes } });
    return { token, apiToken };
  });
}

export async function revokeApiToken(deps: Deps, actor: Actor, id: string): Promise<ApiTokenView> {
  return withTransaction(deps.db, async (trx) => {
    const row = await trx.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new DomainError('token/not-found');
    const revoked = { ...row, revoked_at: row.revoked_at ?? nowIso() };
    await trx.updateTable('api_tokens').set({ revoked_at: revoked.revoked_at }).where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: 'revoke', entityType: 'api-token', entityId: id, summary: { zh: `吊销 API 令牌「${row.name}」`, en: `Revoked API token "${row.name}"` } });
    return repo.toApiTokenView(revoked);
  });
}
