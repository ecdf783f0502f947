import type { Db, Executor } from '../../platform/db';
import { loadRulePacks } from './packs.repository';
import { compileScanner, DEFAULT_PACKS, type Scanner } from './scanner';

/** The scanner compiled from the stored rule packs, and the revision of the rules it was compiled from. */
export interface CompiledRules {
  readonly revision: number;
  readonly scanner: Scanner;
}

const cache = new WeakMap<Db, CompiledRules>();
/** The compile under way per database: callers arriving while it runs share it instead of compiling again. */
const pending = new WeakMap<Db, { revision: number; compiled: Promise<CompiledRules> }>();

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
  const remember = (scanner: Scanner): CompiledRules => {
    const result: CompiledRules = { revision, scanner };
    // A slow compile of an older revision never replaces a newer one.
    const current = cache.get(root);
    if (!current || current.revision <= revision) cache.set(root, result);
    return result;
  };
  // Inside a transaction the caller compiles on its own: waiting there for a compile that runs on `root` could wait
  // for the very connection the transaction holds (SQLite has one).
  if (db !== root) return remember(await compileStored(db));
  // Right after a rule change every scan in flight (live scanning runs many) would miss the cache at once: one compile
  // serves them all.
  const running = pending.get(root);
  if (running && running.revision === revision) return running.compiled;
  const compiled: Promise<CompiledRules> = compileStored(root)
    .then(remember)
    .finally(() => {
      if (pending.get(root)?.compiled === compiled) pending.delete(root);
    });
  pending.set(root, { revision, compiled });
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

/** A pack key that names no enabled stored pack. */
export class UnknownPackError extends Error {
  override name = 'UnknownPackError';
}

/**
 * The enabled stored packs, or only those whose keys are given, compiled for a one-off use (`showrunner scan --stored`).
 * A key that names no enabled pack is an error that lists the ones there are.
 */
export async function compileStoredPacks(db: Executor, keys?: readonly string[]): Promise<Scanner> {
  const { packs: stored, lookalikes } = await loadRulePacks(db);
  const packs = stored ?? [...DEFAULT_PACKS];
  const options = stored ? { lookalikes } : {};
  if (!keys?.length) return compileScanner(packs, options);
  const unknown = keys.filter((k) => !packs.some((p) => p.id === k));
  if (unknown.length) throw new UnknownPackError(`unknown or disabled pack ${unknown.join(', ')}; enabled packs: ${packs.map((p) => p.id).join(', ')}`);
  return compileScanner(packs.filter((p) => keys.includes(p.id)), options);
}
