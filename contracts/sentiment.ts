import { z } from 'zod';

/** Issue 6: the sentiment area. */

export const sentimentErrors = {
  'sentiment/entry-not-found': { status: 404, zh: '找不到该词条', en: 'Lexicon entry not found' },
  'sentiment/shipped-entry': { status: 409, zh: '内置词条不能删除，可以停用或修改', en: 'A shipped entry cannot be deleted; switch it off or change it instead' },
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

// ---- the editable lexicon ----

/** The kinds of lexicon entries (server/modules/sentiment/analyser/lexicon.ts explains each). */
export const LexiconKind = z.enum(['positive', 'negative', 'purchase', 'negator', 'degree', 'question', 'irony', 'contrast', 'aspect', 'neutral']);
export type LexiconKind = z.infer<typeof LexiconKind>;

/** shipped: as it comes with Showrunner; changed: a shipped entry edited or switched off here; custom: added here. */
export const LexiconOrigin = z.enum(['shipped', 'changed', 'custom']);
export type LexiconOrigin = z.infer<typeof LexiconOrigin>;

export const LexiconEntryView = z.object({
  term: z.string(),
  kind: LexiconKind,
  weight: z.number().nullable(),
  aspect: SentimentAspect.nullable(),
  enabled: z.boolean(),
  origin: LexiconOrigin,
  note: z.string(),
  /** The stored change (custom or changed entries); null for a shipped entry as shipped. */
  id: z.string().nullable(),
  updatedAt: z.string().nullable(),
  /** For a changed entry: how it ships. */
  shipped: z.object({ kind: LexiconKind, weight: z.number().nullable(), aspect: SentimentAspect.nullable() }).nullable(),
});
export type LexiconEntryView = z.infer<typeof LexiconEntryView>;

export const LexiconList = z.object({ revision: z.number().int(), items: z.array(LexiconEntryView) });
export type LexiconList = z.infer<typeof LexiconList>;

/** PUT /api/v1/sentiment/lexicon: adds a word, or changes (or switches off) the entry of the same term. */
export const LexiconEntryInput = z.object({
  term: z
    .string()
    .trim()
    .min(1, { message: 'enter a word or phrase / 请输入词语' })
    .max(40, { message: 'at most 40 characters / 最多 40 个字' }),
  kind: LexiconKind,
  /** Opinion words 0.1–3 (about 0.5 weak … 2.5 very strong); negators and degree words are multipliers 0.1–3. */
  weight: z.number().min(0.1, { message: 'at least 0.1 / 不能小于 0.1' }).max(3, { message: 'at most 3 / 不能大于 3' }).nullable().default(null),
  aspect: SentimentAspect.nullable().default(null),
  enabled: z.boolean().default(true),
  note: z.string().trim().max(200).default(''),
});
export type LexiconEntryInput = z.input<typeof LexiconEntryInput>;

export const SentimentTryInput = z.object({ text: z.string().min(1, { message: 'enter a comment / 请输入评论' }).max(2000) });
export const SentimentTryResult = SentimentResult.extend({ revision: z.number().int() });
export type SentimentTryResult = z.infer<typeof SentimentTryResult>;
