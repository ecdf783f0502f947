import type { Db, Executor } from '../../platform/db';
import { createAnalyser, type Analyser } from './analyser';
import { effectiveLexicon } from './sentiment.rules';

/**
 * The analyser for the lexicon as edited, compiled once per revision and shared by every caller of this database
 * (ingestion, the "try it" box, opinion themes). A lexicon change reaches the next ingested comment without a restart.
 * Compiling the ~800 shipped entries takes about a millisecond, so a transaction simply compiles on its own.
 */
const cache = new WeakMap<Db, { revision: number; analyser: Analyser }>();

export async function readLexiconRevision(db: Executor): Promise<number> {
  const row = await db.selectFrom('sentiment_revision').select('revision').where('id', '=', 1).executeTakeFirst();
  return Number(row?.revision ?? 0);
}

/** Call inside the transaction of any lexicon change. */
export async function bumpLexiconRevision(trx: Executor): Promise<number> {
  await trx.updateTable('sentiment_revision').set((eb) => ({ revision: eb('revision', '+', 1), updated_at: new Date().toISOString() })).where('id', '=', 1).execute();
  return readLexiconRevision(trx);
}

export async function storedLexicon(db: Executor) {
  const rows = await db.selectFrom('sentiment_lexicon').selectAll().orderBy('term').execute();
  return rows.map((r) => ({ ...r, enabled: Number(r.enabled) === 1, weight: r.weight === null ? null : Number(r.weight) }));
}

/** `db` may be the caller's transaction (ingestion); the cache is keyed by `root`. */
export async function currentAnalyser(root: Db, db: Executor = root): Promise<{ revision: number; analyser: Analyser }> {
  const revision = await readLexiconRevision(db);
  const cached = cache.get(root);
  if (cached && cached.revision === revision) return cached;
  const compiled = { revision, analyser: createAnalyser(effectiveLexicon(await storedLexicon(db))) };
  const current = cache.get(root);
  if (!current || current.revision <= revision) cache.set(root, compiled);
  return compiled;
}
