import { RoomInput } from '../../../contracts/team';
import type { Deps } from '../../platform/context';
import { systemActor } from '../../platform/context';
import { stableId } from '../../platform/ids';
import { seedCompanyDefaults } from './company.defaults';
import { insertUserAccount } from '../accounts/accounts.service';
import { createRoom, createTeam } from '../team/team.service';
import { createPerson } from '../people/people.service';
import { seedDemoPlanning } from '../planning/planning.seed';
import { seedDemoContent } from '../content/content.seed';
import { seedDemoIncidents, seedDemoRisks } from '../incidents/incidents.seed';
import { DEMO_OWNER, generateDemoCompany } from './demo.data';
import { seedDemoHistory } from './history.seed';
import { seedDemoSuggestions } from '../suggestions/suggestions.seed';

/** Every demo account signs in with the demo owner's password. */
export const DEMO_PASSWORD = DEMO_OWNER.password;

/**
 * Loads the demo company into `deps.db`, which must be an open transaction so the load applies whole or not at all.
 * Ids are stable: stableId('team', key), stableId('room', key), stableId('person', key), stableId('user', key).
 * Later issues add their demo data here.
 */
export async function seedDemoCompany(deps: Deps): Promise<{ ownerId: string }> {
  if (!deps.db.isTransaction) throw new Error('seedDemoCompany must run inside a transaction');
  const company = generateDemoCompany();
  await seedCompanyDefaults(deps.db);
  const actor = { ...systemActor, label: 'demo' };

  for (const t of company.teams) await createTeam(deps, actor, { name: t.name, description: t.description }, stableId('team', t.key));
  for (const r of company.rooms) {
    await createRoom(
      deps,
      actor,
      RoomInput.parse({ teamId: stableId('team', r.teamKey), platform: r.platform, accountId: r.accountId, displayName: r.displayName, timeZone: r.timeZone, secret: r.secret ?? undefined }),
      stableId('room', r.key),
    );
  }

  let ownerId = '';
  const userIdByPerson = new Map<string, string>();
  for (const u of company.users) {
    const row = await insertUserAccount(deps.db, {
      id: stableId('user', u.key),
      email: u.email,
      displayName: u.displayName,
      password: DEMO_PASSWORD,
      role: u.role,
      teamIds: u.teamKeys.map((k) => stableId('team', k)),
    });
    if (u.role === 'owner' && u.email === DEMO_OWNER.email) ownerId = row.id;
    if (u.personKey) userIdByPerson.set(u.personKey, row.id);
  }

  for (const p of company.people) {
    await createPerson(
      deps,
      actor,
      {
        displayName: p.displayName,
        positionId: stableId('position', p.positionCode),
        level: p.level,
        teamIds: p.teamKeys.map((k) => stableId('team', k)),
        hireDate: p.hireDate,
        weeklyCapacityHours: p.weeklyCapacityHours,
        skills: p.skills,
        status: p.status,
        userId: userIdByPerson.get(p.key) ?? null,
        phone: p.phone,
        wechat: p.wechat,
        idCard: p.idCard,
        address: p.address,
      },
      stableId('person', p.key),
    );
  }
  const loadedAt = new Date();
  await seedDemoPlanning(deps.db, company, loadedAt);
  await seedDemoContent(deps.db, company, loadedAt);
  await seedDemoRisks(deps.db, loadedAt);
  await seedDemoHistory(deps.db, loadedAt);
  await seedDemoIncidents(deps.db, loadedAt);
  await seedDemoSuggestions(deps, loadedAt);
  return { ownerId };
}
