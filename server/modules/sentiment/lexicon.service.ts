import { z } from 'zod';
import type { LexiconEntryView, LexiconKind, LexiconList, SentimentAspect, SentimentTryResult } from '../../../contracts/sentiment';
import { LexiconEntryInput } from '../../../contracts/sentiment';
import type { Actor, Deps } from '../../platform/context';
import { withTransaction, type Executor } from '../../platform/db';
import { DomainError } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { recordAudit } from '../audit/audit.repository';
import { DEFAULT_LEXICON } from './analyser';
import { bumpLexiconRevision, currentAnalyser, readLexiconRevision, storedLexicon } from './sentiment.registry';
import { lexiconKey } from './sentiment.rules';

type Stored = Awaited<ReturnType<typeof storedLexicon>>[number];

const shippedByKey = new Map(DEFAULT_LEXICON.map((e) => [lexiconKey(e.term), e]));

function shippedView(term: string) {
  const e = shippedByKey.get(lexiconKey(term));
  return e ? { kind: e.kind as LexiconKind, weight: e.weight ?? null, aspect: (e.aspect ?? null) as SentimentAspect | null } : null;
}

function storedView(r: Stored): LexiconEntryView {
  const shipped = shippedView(r.term);
  return {
    term: r.term,
    kind: r.kind as LexiconKind,
    weight: r.weight,
    aspect: r.aspect as SentimentAspect | null,
    enabled: r.enabled,
    origin: shipped ? 'changed' : 'custom',
    note: r.note,
    id: r.id,
    updatedAt: r.updated_at,
    shipped,
  };
}

/** The whole vocabulary as the analyser sees it, shipped entries and the team's changes, with where each came from. */
export async function listLexicon(db: Executor): Promise<LexiconList> {
  const stored = await storedLexicon(db);
  const storedKeys = new Set(stored.map((r) => lexiconKey(r.term)));
  const items: LexiconEntryView[] = stored.map(storedView);
  for (const e of DEFAULT_LEXICON) {
    if (storedKeys.has(lexiconKey(e.term))) continue;
    items.push({ term: e.term, kind: e.kind, weight: e.weight ?? null, aspect: e.aspect ?? null, enabled: true, origin: 'shipped', note: '', id: null, updatedAt: null, shipped: null });
  }
  items.sort((a, b) => (a.origin === 'shipped' ? 1 : 0) - (b.origin === 'shipped' ? 1 : 0) || a.term.localeCompare(b.term, 'zh-CN'));
  return { revision: await readLexiconRevision(db), items };
}

const label = (term: string) => ({ zh: `情感词库「${term}」`, en: `sentiment lexicon "${term}"` });

/** Adds a word, or changes (or switches off) the entry of the same term; the next analysed comment uses it. */
export async function putLexiconEntry(deps: Deps, actor: Actor, raw: z.input<typeof LexiconEntryInput>): Promise<LexiconEntryView> {
  const input = LexiconEntryInput.parse(raw);
  return withTransaction(deps.db, async (trx) => {
    const key = lexiconKey(input.term);
    const existing = (await storedLexicon(trx)).find((r) => lexiconKey(r.term) === key);
    const at = nowIso();
    const values = { term: input.term, kind: input.kind, weight: input.weight, aspect: input.aspect, enabled: input.enabled ? 1 : 0, note: input.note, updated_by: actor.userId, updated_at: at };
    const id = existing?.id ?? newId();
    if (existing) await trx.updateTable('sentiment_lexicon').set(values).where('id', '=', id).execute();
    else await trx.insertInto('sentiment_lexicon').values({ id, ...values, created_at: at }).execute();
    const before = existing ? { kind: existing.kind, weight: existing.weight, aspect: existing.aspect, enabled: existing.enabled } : shippedView(input.term);
    await recordAudit(trx, actor, {
      action: existing ? 'update' : 'create',
      entityType: 'sentiment-lexicon',
      entityId: id,
      summary: { zh: `${input.enabled ? '保存' : '停用'}${label(input.term).zh}`, en: `${input.enabled ? 'Saved' : 'Switched off'} ${label(input.term).en}` },
      ...(before ? { before } : {}),
      after: { kind: input.kind, weight: input.weight, aspect: input.aspect, enabled: input.enabled },
    });
    await bumpLexiconRevision(trx);
    const row = (await storedLexicon(trx)).find((r) => r.id === id)!;
    return storedView(row);
  });
}

/** Removes a custom word, or takes a changed shipped entry back to how it ships. */
export async function removeLexiconEntry(deps: Deps, actor: Actor, id: string): Promise<void> {
  await withTransaction(deps.db, async (trx) => {
    const row = (await storedLexicon(trx)).find((r) => r.id === id);
    if (!row) throw new DomainError('sentiment/entry-not-found');
    await trx.deleteFrom('sentiment_lexicon').where('id', '=', id).execute();
    const shipped = shippedView(row.term);
    await recordAudit(trx, actor, {
      action: 'delete',
      entityType: 'sentiment-lexicon',
      entityId: id,
      summary: shipped ? { zh: `恢复内置${label(row.term).zh}`, en: `Reverted ${label(row.term).en} to the shipped entry` } : { zh: `删除${label(row.term).zh}`, en: `Deleted ${label(row.term).en}` },
      before: { kind: row.kind, weight: row.weight, aspect: row.aspect, enabled: row.enabled },
    });
    await bumpLexiconRevision(trx);
  });
}

/** One comment through the lexicon as edited now: the editor's "try it" box. */
export async function trySentiment(deps: Deps, text: string): Promise<SentimentTryResult> {
  const { revision, analyser } = await currentAnalyser(deps.db);
  const { label: l, score, aspects } = analyser.analyse(text);
  return { label: l, score, aspects: [...aspects], revision };
}
