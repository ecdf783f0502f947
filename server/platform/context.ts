import type { Permission, Role } from '../../contracts/accounts';
import type { Config } from './config';
import type { Cipher } from './crypto';
import type { Db } from './db';

/** Which teams' data a caller may see: every team, or the listed ones. */
export type TeamScope = 'all' | readonly string[];

/** Who is acting: recorded in the audit log and used for permission and team checks. */
export interface Actor {
  userId: string | null;
  label: string;
  role: Role | null;
  permissions: ReadonlySet<Permission>;
  scope: TeamScope;
}

/** What every service needs from the platform. */
export interface Deps {
  db: Db;
  cipher: Cipher;
  config: Config;
}

export const systemActor: Actor = {
  userId: null,
  label: 'system',
  role: null,
  permissions: new Set(),
  scope: 'all',
};

export function inScope(scope: TeamScope, teamId: string): boolean {
  return scope === 'all' || scope.includes(teamId);
}
