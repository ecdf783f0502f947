import { z } from 'zod';
import {
  AcceptInviteInput,
  ApiTokenInput,
  InviteInput,
  LoginInput,
  PasswordChangeInput,
  ProfileInput,
  TokenParams,
  UserUpdateInput,
  type MeView,
} from '../../../contracts/accounts';
import { IdParams } from '../../../contracts/common';
import { clearSessionCookie, requireUser, setSessionCookie } from '../../platform/auth';
import { DomainError } from '../../platform/errors';
import type { App } from '../../platform/http';
import * as repo from './accounts.repository';
import { AttemptLimiter, permissionsFor } from './accounts.rules';
import * as service from './accounts.service';
import type { Executor } from '../../platform/db';

const tags = ['accounts'];

/** The MeView for a user who has just been given a session. */
export async function meViewFor(db: Executor, user: repo.UserRow, csrfToken: string): Promise<MeView> {
  const role = user.role as MeView['user']['role'];
  return { user: repo.toUserView(user, await repo.userTeamIds(db, user.id)), permissions: [...permissionsFor(role)], csrfToken };
}

export async function accountsRoutes(app: App) {
  const { deps } = app;
  // Per source address: bounds password guessing beyond the per-account lockout.
  const loginLimiter = new AttemptLimiter(20, 60_000);

  app.post('/api/v1/auth/login', { config: { permission: 'public' }, schema: { tags, body: LoginInput } }, async (req, reply) => {
    if (!loginLimiter.allow(req.ip, Date.now())) throw new DomainError('common/rate-limited');
    const session = await service.signIn(deps, req.body.email, req.body.password, req.ip);
    setSessionCookie(reply, session.token, deps.config.cookieSecure);
    const user = (await repo.findUserByEmail(deps.db, req.body.email))!;
    return meViewFor(deps.db, user, session.csrfToken);
  });

  app.post('/api/v1/auth/logout', { config: { permission: 'public' }, schema: { tags } }, async (req, reply) => {
    if (req.principal?.kind === 'user') await service.signOut(deps, req.actor, req.principal.sessionId);
    clearSessionCookie(reply);
    return reply.code(204).send();
  });

  app.get('/api/v1/auth/me', { config: { permission: 'signed-in' }, schema: { tags } }, async (req) => {
    const p = requireUser(req);
    return meViewFor(deps.db, p.user, p.csrfToken);
  });

  app.get('/api/v1/invites/:token', { config: { permission: 'public' }, schema: { tags, params: TokenParams } }, async (req) =>
    service.previewLink(deps, req.params.token),
  );

  app.post('/api/v1/invites/:token/accept', { config: { permission: 'public' }, schema: { tags, params: TokenParams, body: AcceptInviteInput } }, async (req, reply) => {
    const { user, session } = await service.acceptLink(deps, req.params.token, req.body);
    setSessionCookie(reply, session.token, deps.config.cookieSecure);
    return meViewFor(deps.db, user, session.csrfToken);
  });

  app.patch('/api/v1/me', { config: { permission: 'signed-in' }, schema: { tags, body: ProfileInput } }, async (req) => service.updateProfile(deps, req.actor, req.body));

  app.post('/api/v1/me/password', { config: { permission: 'signed-in' }, schema: { tags, body: PasswordChangeInput } }, async (req, reply) => {
    await service.changePassword(deps, req.actor, req.body, requireUser(req).sessionId);
    return reply.code(204).send();
  });

  app.get('/api/v1/users', { config: { permission: 'user:manage' }, schema: { tags } }, async () => ({ items: await repo.listUsers(deps.db) }));

  app.patch('/api/v1/users/:id', { config: { permission: 'user:manage' }, schema: { tags, params: IdParams, body: UserUpdateInput } }, async (req) =>
    service.updateUser(deps, req.actor, req.params.id, req.body),
  );

  app.post('/api/v1/users/:id/deactivate', { config: { permission: 'user:manage' }, schema: { tags, params: IdParams } }, async (req) =>
    service.setUserStatus(deps, req.actor, req.params.id, 'deactivated'),
  );

  app.post('/api/v1/users/:id/activate', { config: { permission: 'user:manage' }, schema: { tags, params: IdParams } }, async (req) =>
    service.setUserStatus(deps, req.actor, req.params.id, 'active'),
  );

  app.post('/api/v1/users/:id/reset-password', { config: { permission: 'user:manage' }, schema: { tags, params: IdParams } }, async (req, reply) =>
    reply.code(201).send(await service.createResetLink(deps, req.actor, req.params.id)),
  );

  app.get('/api/v1/invites', { config: { permission: 'user:manage' }, schema: { tags } }, async () => ({ items: await repo.listInvites(deps.db) }));

  app.post('/api/v1/invites', { config: { permission: 'user:manage' }, schema: { tags, body: InviteInput } }, async (req, reply) =>
    reply.code(201).send(await service.inviteUser(deps, req.actor, req.body)),
  );

  app.delete('/api/v1/invites/:id', { config: { permission: 'user:manage' }, schema: { tags, params: IdParams } }, async (req, reply) => {
    await service.deleteInvite(deps, req.actor, req.params.id);
    return reply.code(204).send();
  });

  app.get('/api/v1/tokens', { config: { permission: 'token:manage' }, schema: { tags } }, async () => ({ items: await repo.listApiTokens(deps.db) }));

  app.post('/api/v1/tokens', { config: { permission: 'token:manage' }, schema: { tags, body: ApiTokenInput } }, async (req, reply) =>
    reply.code(201).send(await service.createApiToken(deps, req.actor, req.body)),
  );

  app.post('/api/v1/tokens/:id/revoke', { config: { permission: 'token:manage' }, schema: { tags, params: IdParams } }, async (req) =>
    service.revokeApiToken(deps, req.actor, req.params.id),
  );

  /** Lets a bridge check its token: which room it writes to and with which scopes. */
  app.get('/api/v1/tokens/self', { config: { permission: 'public' }, schema: { tags, response: { 200: z.object({ roomId: z.string(), scopes: z.array(z.string()) }) } } }, async (req) => {
    if (req.principal?.kind !== 'token') throw new DomainError('auth/unauthenticated');
    return { roomId: req.principal.roomId, scopes: req.principal.scopes };
  });
}
