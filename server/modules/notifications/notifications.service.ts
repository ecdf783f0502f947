import type { Executor } from '../../platform/db';
import { nowIso } from '../../platform/ids';

export interface NewNotification {
  kind: string;
  severity: 'info' | 'warn' | 'block';
  title: { zh: string; en: string };
  body: string;
  /** A console path to open. */
  link?: string;
  sessionId?: string;
}

/** Queues one notification for each user (duplicates in `userIds` count once), inside the caller's transaction. */
export async function notify(db: Executor, userIds: readonly string[], n: NewNotification): Promise<number> {
  const users = [...new Set(userIds)];
  if (!users.length) return 0;
  const at = nowIso();
  await db
    .insertInto('notifications')
    .values(
      users.map((user_id) => ({
        user_id,
        kind: n.kind,
        severity: n.severity,
        title_zh: n.title.zh,
        title_en: n.title.en,
        body: n.body.slice(0, 2000),
        link: n.link ?? null,
        session_id: n.sessionId ?? null,
        read_at: null,
        created_at: at,
      })),
    )
    .execute();
  return users.length;
}

/**
 * Who runs a session on the floor: the accounts of its field-control crew, and the operations managers of its team
 * (active managers assigned to the team, and owners).
 */
export async function sessionResponders(db: Executor, sessionId: string, teamId: string): Promise<string[]> {
  const crew = await db
    .selectFrom('session_crew as c')
    .innerJoin('people as p', 'p.id', 'c.person_id')
    .select('p.user_id')
    .where('c.session_id', '=', sessionId)
    .where('c.role', '=', 'field_control')
    .where('p.user_id', 'is not', null)
    .execute();
  const managers = await db
    .selectFrom('users as u')
    .leftJoin('user_teams as t', (j) => j.onRef('t.user_id', '=', 'u.id').on('t.team_id', '=', teamId))
    .select('u.id')
    .where('u.status', '=', 'active')
    .where((eb) => eb.or([eb('u.role', '=', 'owner'), eb.and([eb('u.role', '=', 'manager'), eb('t.team_id', 'is not', null)])]))
    .execute();
  return [...crew.map((c) => c.user_id!), ...managers.map((m) => m.id)];
}
