import type { NormalizedEvent } from '../../../contracts/ingest';
import { DEFAULT_LEXICON, shippedAnalyser, type Analyser, type Aspect, type EntryKind, type LexiconEntry, type Sentiment, type SentimentLabel } from './analyser';

/**
 * What ingestion stores for an event: a viewer's comment with text gets its sentiment (from the lexicon as edited,
 * sentiment.registry currentAnalyser); anything else gets none.
 */
export function sentimentOf(event: NormalizedEvent, analyser: Analyser = shippedAnalyser()): Sentiment | null {
  return event.kind === 'comment' && event.text ? analyser.analyse(event.text) : null;
}

/** A stored lexicon change: adds a term, replaces the shipped entry of the same term, or switches it off. */
export interface StoredLexiconEntry {
  term: string;
  kind: string;
  weight: number | null;
  aspect: string | null;
  enabled: boolean;
}

/** Lexicon terms compare without case and surrounding spaces, as the analyser folds them. */
export const lexiconKey = (term: string) => term.trim().toLowerCase();

/** The shipped lexicon with the stored changes applied: the analyser's vocabulary as the team edited it. */
export function effectiveLexicon(stored: readonly StoredLexiconEntry[], shipped: readonly LexiconEntry[] = DEFAULT_LEXICON): LexiconEntry[] {
  const byTerm = new Map<string, LexiconEntry>();
  for (const e of shipped) byTerm.set(lexiconKey(e.term), e);
  for (const s of stored) {
    const key = lexiconKey(s.term);
    if (!s.enabled) {
      byTerm.delete(key);
      continue;
    }
    byTerm.set(key, {
      term: s.term.trim(),
      kind: s.kind as EntryKind,
      ...(s.weight === null ? {} : { weight: s.weight }),
      ...(s.aspect ? { aspect: s.aspect as Aspect } : {}),
    });
  }
  return [...byTerm.values()];
}

/** Negative share of a minute's comments that have a sentiment, 0 when none do; four decimals. */
export function negativeRatio(counts: { positive: number; neutral: number; negative: number }): number {
  const total = counts.positive + counts.neutral + counts.negative;
  return total ? Math.round((counts.negative / total) * 10_000) / 10_000 : 0;
}

/** The stored column value: the label as text. */
export const SENTIMENT_LABELS: readonly SentimentLabel[] = ['positive', 'neutral', 'negative'];
