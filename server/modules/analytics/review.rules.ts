import { cut } from 'jieba-wasm';
import type { MetricBand, SlotTiming, ThemeQuestion, ThemeWord } from '../../../contracts/analytics';
import { percentile } from './formulas';

/** Pure decisions of the session review: slot timing, comment themes, percentile bands. No db, no clock. */

const MINUTE = 60_000;

export interface PlannedSlot {
  position: number;
  productId: string;
  productSku: string;
  plannedMinutes: number;
}

/** A run of consecutive events naming the same product, in time order. */
export interface ProductRun {
  ref: string;
  firstAt: string;
}

export interface SlotTimes {
  timing: SlotTiming;
  /** Per slot in position order: start and end (ISO), null when the slot was not seen. */
  times: { start: string | null; end: string | null }[];
}

/** Runs of consecutive same product references out of (at, ref) pairs in time order. */
export function productRuns(events: readonly { at: string; ref: string }[]): ProductRun[] {
  const runs: ProductRun[] = [];
  for (const e of events) if (runs.at(-1)?.ref !== e.ref) runs.push({ ref: e.ref, firstAt: e.at });
  return runs;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * When each slot actually ran. With product references in the events (order events name the product sold), a slot
 * starts at the first run of its product after the previous slot's start, and ends where the next seen slot starts
 * (the last one at the last event); a slot whose product never shows is not seen (null). Without any matching
 * reference, the planned lengths are laid end to end from the first event.
 */
export function slotTimes(slots: readonly PlannedSlot[], runs: readonly ProductRun[], firstAt: string | null, lastAt: string | null): SlotTimes {
  if (!firstAt || !lastAt) return { timing: 'none', times: slots.map(() => ({ start: null, end: null })) };
  const starts: (string | null)[] = [];
  let cursor = 0;
  for (const slot of slots) {
    const i = runs.findIndex((r, k) => k >= cursor && (r.ref === slot.productSku || r.ref === slot.productId));
    if (i < 0) starts.push(null);
    else {
      starts.push(runs[i]!.firstAt);
      cursor = i + 1;
    }
  }
  if (starts.some((s) => s !== null)) {
    // The show had begun before the first product sold: the first seen slot starts with the show.
    const firstSeen = starts.findIndex((s) => s !== null);
    if (firstSeen === 0) starts[0] = firstAt;
    const times = starts.map((start, i) => {
      if (start === null) return { start: null, end: null };
      const next = starts.slice(i + 1).find((s) => s !== null);
      return { start, end: next ?? lastAt };
    });
    return { timing: 'events', times };
  }
  let at = Date.parse(firstAt);
  const times = slots.map((s) => {
    const start = at;
    at += s.plannedMinutes * MINUTE;
    return { start: iso(start), end: iso(at) };
  });
  return { timing: 'planned', times };
}

/** Minutes between two instants (one decimal), null when either is missing. */
export const minutesBetween = (start: string | null, end: string | null) => (start && end ? Math.round((Date.parse(end) - Date.parse(start)) / 6_000) / 10 : null);

// ---- comment themes ----------------------------------------------------------------------------------------------

/** Words that carry no theme: particles, pronouns, fillers, the live-room chatter everybody types. */
const STOP_WORDS = new Set(
  (
    '的 了 是 我 你 他 她 它 们 我们 你们 他们 这 那 这个 那个 这些 那些 就 都 也 还 又 和 与 及 或 在 有 没 没有 不 很 太 吗 呢 吧 啊 呀 哦 哈 嘛 么 哇 噢 嗯 呃 ' +
    '一 一个 一下 个 上 下 给 被 把 让 要 会 能 可以 想 去 来 说 看 到 对 啦 咯 哟 喔 得 地 着 过 么 什么 怎么 多少 几 哪 哪个 为什么 吗 ' +
    '已经 真的 还是 就是 然后 但是 因为 所以 如果 今天 现在 一直 非常 比较 好的 可能 应该 自己 大家 这样 那样 一样 the a an is are to of and'
  ).split(' '),
);

/** Punctuation, symbols, emoji, whitespace and bare numbers are not words. */
const isWord = (w: string) => /[\p{L}]/u.test(w) && !/^[\p{P}\p{S}\s\d]+$/u.test(w);

/** A comment asks something: a question mark, a question word, or a question particle at the end. */
export function isQuestion(text: string): boolean {
  const t = text.trim();
  return /[?？]/.test(t) || /(多少|几号|几个|几天|什么|怎么|怎样|能不能|可不可以|有没有|是不是|哪里|哪个|哪款|为什么|啥|咋)/.test(t) || /[吗么呢嘛][\s!！。~～]*$/.test(t);
}

/** The key a question is grouped by: the text without punctuation, spaces, case or trailing particles. */
export function questionKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]+/gu, '')
    .replace(/[啊呀呢吧嘛哦哈]+$/u, '');
}

/**
 * The words of each text, by jieba (HMM on, so new words like 色号 or 回购 are found). Live comments repeat a lot, so
 * each distinct text is segmented once, and all of them in one call: a call into the wasm module costs more than the
 * few characters of a comment, so 7,000 separate calls take about ten times as long as one call over the same text.
 */
export function segment(texts: readonly string[]): Map<string, string[]> {
  const distinct = [...new Set(texts.map((t) => t.replace(/[\r\n]+/g, ' ')))];
  const out = new Map<string, string[]>(distinct.map((t) => [t, []]));
  if (!distinct.length) return out;
  let i = 0;
  for (const token of cut(distinct.join('\n'), true)) {
    // a newline ends a text (jieba gives it as its own token, or with other whitespace)
    const breaks = token.split('\n').length - 1;
    if (breaks) {
      i += breaks;
      continue;
    }
    out.get(distinct[i]!)?.push(token);
  }
  return out;
}

/**
 * Word counts (jieba segmentation, stop words and punctuation dropped, single characters only when Latin letters or
 * digits make a token like "link") and the most asked questions, grouped by their normalised text, each shown in its
 * most frequent spelling.
 */
export function commentThemes(texts: readonly string[], limits = { words: 60, questions: 10 }): { words: ThemeWord[]; questions: ThemeQuestion[] } {
  const words = new Map<string, number>();
  const questions = new Map<string, { count: number; spellings: Map<string, number> }>();
  // Each distinct text is looked at once and counted as often as it was written ("扣1" may be a third of a show).
  const times = new Map<string, number>();
  for (const raw of texts) {
    const text = raw.trim().replace(/[\r\n]+/g, ' ');
    if (text) times.set(text, (times.get(text) ?? 0) + 1);
  }
  const tokens = segment([...times.keys()]);
  for (const [text, n] of times) {
    // one vote per comment: a comment repeating a word ten times is still one comment about it
    const seen = new Set<string>();
    for (const token of tokens.get(text) ?? []) {
      const w = token.trim().toLowerCase();
      if (!isWord(w) || STOP_WORDS.has(w) || ([...w].length < 2 && !/^[a-z]{2,}$/.test(w))) continue;
      seen.add(w);
    }
    for (const w of seen) words.set(w, (words.get(w) ?? 0) + n);
    if (isQuestion(text)) {
      const key = questionKey(text);
      if (!key) continue;
      let q = questions.get(key);
      if (!q) questions.set(key, (q = { count: 0, spellings: new Map() }));
      q.count += n;
      q.spellings.set(text, (q.spellings.get(text) ?? 0) + n);
    }
  }
  const byCount = <T extends { count: number }>(a: T & { k: string }, b: T & { k: string }) => b.count - a.count || (a.k < b.k ? -1 : a.k > b.k ? 1 : 0);
  return {
    words: [...words]
      .map(([k, count]) => ({ k, word: k, count }))
      .sort(byCount)
      .slice(0, limits.words)
      .map(({ word, count }) => ({ word, count })),
    questions: [...questions]
      .map(([k, q]) => ({ k, count: q.count, text: [...q.spellings].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0] }))
      .sort(byCount)
      .slice(0, limits.questions)
      .map(({ text, count }) => ({ text, count })),
  };
}

// ---- the room's band -----------------------------------------------------------------------------------------------

/** Where a value sits among earlier sessions' values: p10/p50/p90 and whether it is below, within or above the band. */
export function band(value: number | null, earlier: readonly number[]): Pick<MetricBand, 'samples' | 'p10' | 'p50' | 'p90' | 'position' | 'rank'> {
  const p10 = percentile(earlier, 10);
  const p50 = percentile(earlier, 50);
  const p90 = percentile(earlier, 90);
  const position = value === null || p10 === null || p90 === null ? null : value < p10 ? 'below' : value > p90 ? 'above' : 'within';
  const rank = value === null || !earlier.length ? null : earlier.filter((x) => x <= value).length / earlier.length;
  return { samples: earlier.length, p10, p50, p90, position, rank };
}
