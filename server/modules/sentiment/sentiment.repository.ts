import type { NegativeExample, NegativeThemes, SentimentMinute } from '../../../contracts/sentiment';
import type { Executor } from '../../platform/db';
import { shippedAnalyser, type Analyser } from './analyser';
import { negativeRatio } from './sentiment.rules';

/** Negative comments read per call at most (the most recent): enough for themes, bounded for a surge of thousands. */
const THEME_SAMPLE = 2000;
const EXAMPLES = 5;
const WORDS = 10;

const iso = (t: string | Date) => (typeof t === 'string' ? new Date(t).toISOString() : t.toISOString());

/**
 * The top negative themes of a session's comments stored with `at` in [from, to) (ISO strings or Dates; UTC): how many
 * were negative, their aspects and the lexicon words that made them negative, most frequent first, and the most negative
 * comments as examples. Reads at most the latest 2,000 negative comments of the window. Not team-scoped: the caller
 * has already checked that the session is in the reader's scope.
 */
/** `analyser` tells which words are negative: the current lexicon's (sentiment.registry currentAnalyser), by default the shipped one. */
export async function negativeThemes(db: Executor, sessionId: string, from: string | Date, to: string | Date, analyser: Analyser = shippedAnalyser()): Promise<NegativeThemes> {
  const rows = await db
    .selectFrom('live_events')
    .select(['id', 'at', 'user_name', 'text', 'sentiment_score', 'aspects'])
    .where('session_id', '=', sessionId)
    .where('kind', '=', 'comment')
    .where('sentiment', '=', 'negative')
    .where('at', '>=', iso(from))
    .where('at', '<', iso(to))
    .orderBy('id', 'desc')
    .limit(THEME_SAMPLE)
    .execute();
  const aspects = new Map<string, number>();
  const words = new Map<string, number>();
  for (const r of rows) {
    for (const a of parseAspects(r.aspects)) aspects.set(a, (aspects.get(a) ?? 0) + 1);
    // A word counts once per comment, so one long rant does not make a theme.
    for (const w of new Set(analyser.negativeWords(r.text ?? ''))) words.set(w, (words.get(w) ?? 0) + 1);
  }
  const ranked = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const examples: NegativeExample[] = [...rows]
    .sort((a, b) => Number(a.sentiment_score) - Number(b.sentiment_score) || Number(b.id) - Number(a.id))
    .slice(0, EXAMPLES)
    .map((r) => ({ id: String(r.id), at: r.at, userName: r.user_name, text: r.text ?? '', score: Number(r.sentiment_score), aspects: parseAspects(r.aspects) }));
  return {
    negative: await countNegative(db, sessionId, iso(from), iso(to), rows.length),
    aspects: ranked(aspects).map(([aspect, count]) => ({ aspect, count })),
    words: ranked(words).slice(0, WORDS).map(([word, count]) => ({ word, count })),
    examples,
  };
}

async function countNegative(db: Executor, sessionId: string, from: string, to: string, sampled: number): Promise<number> {
  if (sampled < THEME_SAMPLE) return sampled;
  const row = await db
    .selectFrom('live_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('session_id', '=', sessionId)
    .where('kind', '=', 'comment')
    .where('sentiment', '=', 'negative')
    .where('at', '>=', from)
    .where('at', '<', to)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function parseAspects(value: string | null): string[] {
  if (!value) return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((a): a is string => typeof a === 'string') : [];
  } catch {
    return [];
  }
}

/** The session's minutes by sentiment from the rollups, oldest first, within [from, to) when given. */
export async function sentimentMinutes(db: Executor, sessionId: string, from?: string, to?: string): Promise<SentimentMinute[]> {
  let q = db.selectFrom('live_minutes').select(['minute', 'sentiment_pos', 'sentiment_neu', 'sentiment_neg']).where('session_id', '=', sessionId);
  if (from) q = q.where('minute', '>=', new Date(Math.floor(Date.parse(from) / 60_000) * 60_000).toISOString());
  if (to) q = q.where('minute', '<', iso(to));
  const rows = await q.orderBy('minute').execute();
  return rows.map((r) => {
    const counts = { positive: Number(r.sentiment_pos), neutral: Number(r.sentiment_neu), negative: Number(r.sentiment_neg) };
    return { minute: r.minute, ...counts, volume: counts.positive + counts.neutral + counts.negative, negativeRatio: negativeRatio(counts) };
  });
}
