import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Permission, TokenScope } from '../../contracts/accounts';
import type { Locale } from '../../contracts/common';
import { resolveApiToken, resolveSession } from '../modules/accounts/accounts.service';
import { permissionsFor, scopeFor, SESSION_DAYS } from '../modules/accounts/accounts.rules';
import { userTeamIds, type UserRow } from '../modules/accounts/accounts.repository';
import type { Actor, Deps } from './context';
import { safeEqual } from './crypto';
import { DomainError } from './errors';

/** What a route requires: a permission, any signed-in user, or nothing. Every route declares one. */
export type Access = Permission | 'signed-in' | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: Access;
    /** When set, an API token with this scope may call the route too (room checks are the handler's). */
    tokenScope?: TokenScope;
  }
  interface FastifyRequest {
    principal: Principal | null;
    actor: Actor;
  }
}

export type Principal =
  | { kind: 'user'; user: UserRow & { locale: Locale | null }; sessionId: string; csrfToken: string }
  | { kind: 'token'; tokenId: string; roomId: string; teamId: string; scopes: TokenScope[] };

export const SESSION_COOKIE = 'sr_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const anonymousActor = (label: string): Actor => ({ userId: null, label, role: null, permissions: new Set(), scope: [] });

/**
 * A browser's WebSocket cannot set headers, so a WebSocket upgrade to a route that takes tokens may carry the token as
 * `?token=` (redacted from the log). Plain HTTP requests never read it: a token in a URL ends up in too many places.
 */
function socketToken(req: FastifyRequest): string | undefined {
  if (req.headers.upgrade?.toLowerCase() !== 'websocket' || !req.routeOptions.config.tokenScope) return undefined;
  const token = (req.query as Record<string, unknown> | undefined)?.token;
  return typeof token === 'string' && token !== '' ? token : undefined;
}

async function resolvePrincipal(deps: Deps, req: FastifyRequest): Promise<{ principal: Principal | null; actor: Actor }> {
  const auth = req.headers.authorization;
  const bearer = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : socketToken(req);
  if (bearer !== undefined) {
    const token = await resolveApiToken(deps.db, bearer);
    if (!token) throw new DomainError('auth/unauthenticated');
    const room = await deps.db.selectFrom('rooms').select('team_id').where('id', '=', token.roomId).executeTakeFirst();
    if (!room) throw new DomainError('auth/unauthenticated');
    return {
      principal: { kind: 'token', tokenId: token.id, roomId: token.roomId, teamId: room.team_id, scopes: token.scopes },
      actor: { userId: null, label: `token:${token.name}`, role: null, permissions: new Set(), scope: [room.team_id] },
    };
  }
  const cookie = req.cookies[SESSION_COOKIE];
  if (!cookie) return { principal: null, actor: anonymousActor(req.ip) };
  const row = await resolveSession(deps.db, cookie);
  if (!row) return { principal: null, actor: anonymousActor(req.ip) };
  const { session_id, csrf_token, expires_at: _e, last_seen_at: _l, ...user } = row;
  const teamIds = await userTeamIds(deps.db, user.id);
  const role = user.role as NonNullable<Actor['role']>;
  return {
    principal: { kind: 'user', user: { ...user, locale: user.locale as Locale | null }, sessionId: session_id, csrfToken: csrf_token },
    actor: { userId: user.id, label: user.display_name, role, permissions: permissionsFor(role), scope: scopeFor(role, teamIds) },
  };
}

/**
 * The one place access is decided: resolve who is calling, then hold them to the route's declared permission,
 * and to the CSRF token on cookie-authenticated writes.
 */
export function accessHook(deps: Deps) {
  return async function checkAccess(req: FastifyRequest, _reply: FastifyReply) {
    req.principal = null;
    req.actor = anonymousActor(req.ip);
    if (!req.routeOptions.url) return; // the not-found handler answers on its own
    const access = req.routeOptions.config.permission;
    if (access === undefined) throw new Error(`route ${req.routeOptions.method} ${req.routeOptions.url} declares no permission`);
    if (access === 'public' && !req.routeOptions.url.startsWith('/api/')) return; // the console's static files
    const resolved = await resolvePrincipal(deps, req);
    req.principal = resolved.principal;
    req.actor = resolved.actor;
    const p = resolved.principal;
    if (p?.kind === 'user' && !SAFE_METHODS.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, p.csrfToken)) throw new DomainError('auth/csrf');
    }
    if (access === 'public') return;
    if (!p) throw new DomainError('auth/unauthenticated');
    if (p.kind === 'token') {
      const scope = req.routeOptions.config.tokenScope;
      if (!scope || !p.scopes.includes(scope)) throw new DomainError('auth/forbidden');
      return;
    }
    if (access !== 'signed-in' && !resolved.actor.permissions.has(access)) throw new DomainError('auth/forbidden');
  };
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: SESSION_DAYS * 86_400 });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** The signed-in user's principal; routes declared 'signed-in' or with a permission can rely on it. */
export function requireUser(req: FastifyRequest) {
  if (req.principal?.kind !== 'user') throw new DomainError('auth/unauthenticated');
  return req.principal;
}
