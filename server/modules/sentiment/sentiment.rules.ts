import type { NormalizedEvent } from '../../../contracts/ingest';
import { analyse, type Sentiment, type SentimentLabel } from './analyser';

/** What ingestion stores for an event: a viewer's comment with text gets its sentiment; anything else gets none. */
export function sentimentOf(event: NormalizedEvent): Sentiment | null {
  return event.kind === 'comment' && event.text ? analyse(event.text) : null;
}

/** Negative share of a minute's comments that have a sentiment, 0 when none do; four decimals. */
export function negativeRatio(counts: { positive: number; neutral: number; negative: number }): number {
  const total = counts.positive + counts.neutral + counts.negative;
  return total ? Math.round((counts.negative / total) * 10_000) / 10_000 : 0;
}

/** The stored column value: the label as text. */
export const SENTIMENT_LABELS: readonly SentimentLabel[] = ['positive', 'neutral', 'negative'];
