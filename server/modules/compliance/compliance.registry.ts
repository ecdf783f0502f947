import type { Db, Executor } from '../../platform/db';
import { loadRulePacks } from './packs.repository';
import { compileScanner, DEFAULT_PACKS, type Scanner } from './scanner';

/** The scanner compiled from the stored rule packs, and the revision of the rules it was compiled from. */
export interface CompiledRules {
  readonly revision: number;
  readonly scanner: Scanner;
}

const cache = new WeakMap<Db, CompiledRules>();

/** The current rule revision (bumped by every change to packs, rules, terms, allow lists or look-alikes). */
export async function readRevision(db: Executor): Promise<number> {
  const row = await db.selectFrom('compliance_revision').select('revision').where('id', '=', 1).executeTakeFirst();
  return row?.revision ?? 0;
}

/** Call inside the transaction of any rule change: scanners compiled from an older revision are rebuilt on next use. */
export async function bumpRevision(trx: Executor): Promise<number> {
  await trx.updateTable('compliance_revision').set((eb) => ({ revision: eb('revision', '+', 1), updated_at: new Date().toISOString() })).where('id', '=', 1).execute();
  return readRevision(trx);
}

/**
 * The scanner for the stored rules, compiled once per revision and shared by every caller of this database
 * (live scanning, content review, POST /compliance/scan). A rule change reaches the next scan without a restart.
 * `db` may be a transaction of the caller; the cache is keyed by `root`.
 */
export async function currentRules(root: Db, db: Executor = root): Promise<CompiledRules> {
  const revision = await readRevision(db);
  const cached = cache.get(root);
  if (cached && cached.revision === revision) return cached;
  const compiled: CompiledRules = { revision, scanner: await compileStored(db) };
  cache.set(root, compiled);
  return compiled;
}

/**
 * Compiles the enabled stored packs and rules with the stored look-alike table. A database no pack was ever written to
 * (the defaults are seeded at setup and on start) scans with the shipped packs, so scanning never silently finds nothing.
 */
export async function compileStored(db: Executor): Promise<Scanner> {
  const { packs, lookalikes } = await loadRulePacks(db);
  if (packs === null) return compileScanner([...DEFAULT_PACKS]);
  return compileScanner(packs, { lookalikes });
}
