import { systemActor, type Deps } from '../../platform/context';
import * as service from './suggestions.service';

/** How many of each room's latest ended sessions get their suggestions computed in the demo. */
export const DEMO_SESSIONS_PER_ROOM = 2;

/**
 * The demo company's suggestions (issue 7): each room's latest ended sessions have theirs computed from the show data,
 * and in the earliest of them the first suggestion is accepted (a task for the show's host, else anyone in the team,
 * due a week after the show) and the next one dismissed with a reason, so the suggestions page, My tasks, the weekly
 * report and the later reviews' follow-ups show real decisions. Deterministic given the show data; run after it.
 */
export async function seedDemoSuggestions(deps: Deps, _loadedAt: Date): Promise<void> {
  const db = deps.db;
  const actor = { ...systemActor, label: 'demo' };
  const rooms = await db.selectFrom('rooms').select(['id', 'team_id']).orderBy('id').execute();
  for (const room of rooms) {
    const sessions = await db
      .selectFrom('live_sessions')
      .select(['id', 'planned_start'])
      .where('room_id', '=', room.id)
      .where('status', 'in', ['ended', 'reviewed'])
      .orderBy('planned_start', 'desc')
      .limit(DEMO_SESSIONS_PER_ROOM)
      .execute();
    const oldestFirst = [...sessions].reverse();
    for (const [i, s] of oldestFirst.entries()) {
      const { items } = await service.computeSessionSuggestions(deps, actor, s.id);
      // Decide only once: a second run leaves earlier decisions as they are.
      if (i !== 0 || !items.length || items.some((x) => x.status !== 'open')) continue;
      const host = await db
        .selectFrom('session_crew as c')
        .innerJoin('person_teams as pt', 'pt.person_id', 'c.person_id')
        .innerJoin('people as p', 'p.id', 'c.person_id')
        .select('c.person_id')
        .where('c.session_id', '=', s.id)
        .where('c.role', '=', 'host')
        .where('pt.team_id', '=', room.team_id)
        .where('p.status', '=', 'active')
        .executeTakeFirst();
      // Only an active member of the team can own the task (acceptSuggestion checks it too).
      const owner =
        host ??
        (await db
          .selectFrom('person_teams as pt')
          .innerJoin('people as p', 'p.id', 'pt.person_id')
          .select('pt.person_id')
          .where('pt.team_id', '=', room.team_id)
          .where('p.status', '=', 'active')
          .orderBy('pt.person_id')
          .executeTakeFirst());
      if (!owner) continue;
      const due = new Date(Date.parse(s.planned_start) + 7 * 86_400_000).toISOString().slice(0, 10);
      await service.acceptSuggestion(deps, actor, items[0]!.id, { ownerPersonId: owner.person_id, dueDate: due, note: '演示数据 / demo' }, 'zh-CN');
      if (items[1]) await service.dismissSuggestion(deps, actor, items[1].id, { reason: '演示：本场为计划内的调整，不适用 / Demo: a planned change in this show, does not apply' });
    }
  }
}
