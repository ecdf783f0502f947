import { z } from 'zod';

/** Issue 6: the sentiment area. */

export const sentimentErrors = {
} as const;

export const SentimentLabel = z.enum(['positive', 'neutral', 'negative']);
export type SentimentLabel = z.infer<typeof SentimentLabel>;

export const SentimentAspect = z.enum(['quality', 'price', 'logistics', 'service', 'host', 'product_fit']);
export type SentimentAspect = z.infer<typeof SentimentAspect>;

/** A comment's sentiment: what `showrunner sentiment` prints per line and what ingestion stores with each comment. */
export const SentimentResult = z.object({
  label: SentimentLabel,
  /** In [-1, 1]; |score| ≥ 0.2 is positive or negative. */
  score: z.number().min(-1).max(1),
  aspects: z.array(SentimentAspect),
});
export type SentimentResult = z.infer<typeof SentimentResult>;

/** One minute of a session's comments by sentiment; `minute` is its start, UTC ISO with milliseconds. */
export const SentimentMinute = z.object({
  minute: z.string(),
  positive: z.number().int().min(0),
  neutral: z.number().int().min(0),
  negative: z.number().int().min(0),
  /** Comments with a sentiment in the minute. */
  volume: z.number().int().min(0),
  /** negative / volume, 0 when the minute has none; four decimals. */
  negativeRatio: z.number().min(0).max(1),
});
export type SentimentMinute = z.infer<typeof SentimentMinute>;

export const NegativeExample = z.object({
  id: z.string(),
  at: z.string(),
  userName: z.string().nullable(),
  text: z.string(),
  score: z.number(),
  aspects: z.array(z.string()),
});
export type NegativeExample = z.infer<typeof NegativeExample>;

/** What negative comments in a time window were about: the surge alert's "top negative themes and example comments". */
export const NegativeThemes = z.object({
  /** Negative comments in the window. */
  negative: z.number().int().min(0),
  /** Aspects of the negative comments, most frequent first. */
  aspects: z.array(z.object({ aspect: z.string(), count: z.number().int() })),
  /** Lexicon words that made comments negative (质量差, 骗子), most frequent first, at most 10. */
  words: z.array(z.object({ word: z.string(), count: z.number().int() })),
  /** The most negative comments (at most 5), most negative first. */
  examples: z.array(NegativeExample),
});
export type NegativeThemes = z.infer<typeof NegativeThemes>;

export const SessionSentimentQuery = z.object({
  /** Window start (inclusive) and end (exclusive), ISO; default: the whole session. */
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
});
export type SessionSentimentQuery = z.infer<typeof SessionSentimentQuery>;

/** GET /api/v1/sessions/{id}/sentiment */
export const SessionSentiment = z.object({
  sessionId: z.string(),
  totals: z.object({ positive: z.number().int(), neutral: z.number().int(), negative: z.number().int() }),
  minutes: z.array(SentimentMinute),
  themes: NegativeThemes,
});
export type SessionSentiment = z.infer<typeof SessionSentiment>;
