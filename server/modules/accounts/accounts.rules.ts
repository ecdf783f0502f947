import { rolePermissions, type Permission, type Role } from '../../../contracts/accounts';
import type { TeamScope } from '../../platform/context';

export const LOCKOUT = { maxFailures: 5, lockMinutes: 15 } as const;
export const SESSION_DAYS = 14;
/** Reset links live shorter than invites: they hand over an existing account. */
export const RESET_LINK_HOURS = 24;

export function permissionsFor(role: Role): ReadonlySet<Permission> {
  return new Set(rolePermissions[role]);
}

/** Owners see every team; everyone else sees the teams they belong to. */
export function scopeFor(role: Role, teamIds: readonly string[]): TeamScope {
  return role === 'owner' ? 'all' : teamIds;
}

export function isLocked(lockedUntil: string | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil > now.toISOString();
}

/** After a failed sign-in: count it, and lock the account for a while once the count reaches the limit. */
export function afterFailedLogin(failedLogins: number, now: Date): { failedLogins: number; lockedUntil: string | null } {
  const failures = failedLogins + 1;
  if (failures >= LOCKOUT.maxFailures) {
    return { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCKOUT.lockMinutes * 60_000).toISOString() };
  }
  return { failedLogins: failures, lockedUntil: null };
}

export function sessionExpiry(now: Date): string {
  return new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString();
}

export type LinkState = 'valid' | 'expired' | 'used';
export function linkState(link: { expires_at: string; accepted_at: string | null }, now: Date): LinkState {
  if (link.accepted_at) return 'used';
  return link.expires_at <= now.toISOString() ? 'expired' : 'valid';
}

/**
 * Whether a change would leave the company without an active owner.
 * `owners` is the number of active owners now; `target` the user being changed.
 */
export function removesLastOwner(owners: number, target: { role: string; status: string }, next: { role: string; status: string }): boolean {
  const wasOwner = target.role === 'owner' && target.status === 'active';
  const staysOwner = next.role === 'owner' && next.status === 'active';
  return wasOwner && !staysOwner && owners <= 1;
}

/** A sliding-window limit per key (e.g. per IP address), in memory: it bounds password guessing from one source. */
export class AttemptLimiter {
  readonly #hits = new Map<string, number[]>();
  constructor(
    readonly max: number,
    readonly windowMs: number,
  ) {}

  /** Records an attempt; false when the key is over its limit. */
  allow(key: string, now: number): boolean {
    const recent = (this.#hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.max) {
      this.#hits.set(key, recent);
      return false;
    }
    recent.push(now);
    this.#hits.set(key, recent);
    if (this.#hits.size > 10_000) this.#prune(now);
    return true;
  }

  #prune(now: number) {
    for (const [k, v] of this.#hits) if (v.every((t) => now - t >= this.windowMs)) this.#hits.delete(k);
  }
}
