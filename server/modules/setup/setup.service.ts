import type { SetupOwnerInput, SetupStatus } from '../../../contracts/accounts';
import type { Deps } from '../../platform/context';
import { isUniqueViolation, json, withTransaction, type Executor } from '../../platform/db';
import { DomainError } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import { countUsers, findUser, type UserRow } from '../accounts/accounts.repository';
import { createSession, insertUserAccount, type NewSession } from '../accounts/accounts.service';
import { recordAudit } from '../audit/audit.repository';
import { seedCompanyDefaults } from './company.defaults';
import { seedDemoCompany } from './demo.seed';

export async function setupStatus(db: Executor): Promise<SetupStatus> {
  const demo = await db.selectFrom('settings').select('value').where('key', '=', 'demo').executeTakeFirst();
  return { needsSetup: (await countUsers(db)) === 0, demoLoaded: demo !== undefined };
}

/**
 * Claims the one-time setup. The settings row is the lock: a second setup racing this one fails on its primary key.
 */
async function claimSetup(db: Executor, how: 'owner' | 'demo') {
  if ((await countUsers(db)) > 0) throw new DomainError('setup/already-done');
  try {
    await db.insertInto('settings').values({ key: 'setup', value: json.stringify({ how, at: nowIso() }), updated_at: nowIso() }).execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw new DomainError('setup/already-done');
    throw err;
  }
}

/** First run: the owner account plus the default catalogue of positions, duties and matrix. */
export async function setupOwner(deps: Deps, input: SetupOwnerInput): Promise<{ user: UserRow; session: NewSession }> {
  return withTransaction(deps.db, async (trx) => {
    await claimSetup(trx, 'owner');
    const user = await insertUserAccount(trx, { email: input.email, displayName: input.displayName, password: input.password, role: 'owner', locale: input.locale ?? null });
    await seedCompanyDefaults(trx);
    await recordAudit(trx, { userId: user.id, label: user.display_name }, { action: 'setup', entityType: 'user', entityId: user.id, summary: { zh: `完成初始化，所有者 ${user.email}`, en: `Set up Showrunner with owner ${user.email}` } });
    return { user, session: await createSession(trx, user.id) };
  });
}

/** First run with the demo company loaded, signed in as its owner. */
export async function setupDemo(deps: Deps): Promise<{ user: UserRow; session: NewSession }> {
  return withTransaction(deps.db, async (trx) => {
    await claimSetup(trx, 'demo');
    const { ownerId } = await seedDemoCompany({ ...deps, db: trx });
    await trx.insertInto('settings').values({ key: 'demo', value: json.stringify({ at: nowIso() }), updated_at: nowIso() }).execute();
    const user = (await findUser(trx, ownerId))!;
    await recordAudit(trx, { userId: user.id, label: user.display_name }, { action: 'setup', entityType: 'user', entityId: user.id, summary: { zh: '载入演示公司', en: 'Loaded the demo company' } });
    return { user, session: await createSession(trx, user.id) };
  });
}
