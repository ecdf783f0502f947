import { ASPECTS, DEFAULT_LEXICON, type Aspect, type EntryKind, type LexiconEntry } from './lexicon';

export type SentimentLabel = 'positive' | 'neutral' | 'negative';

export interface Sentiment {
  label: SentimentLabel;
  /** In [-1, 1], rounded to three decimals; |score| ≥ LABEL_THRESHOLD is positive or negative. */
  score: number;
  /** Aspects the comment mentions, in `ASPECTS` order. Shared between results: do not mutate. */
  aspects: readonly Aspect[];
}

export interface Analyser {
  analyse(text: string): Sentiment;
  /** The lexicon spellings of the words that pulled the comment down (质量差, 骗子, 智商税), in text order. */
  negativeWords(text: string): string[];
  /** How many entries the lexicon compiled to. */
  readonly size: number;
}

/** A score at or beyond ±this is positive or negative; inside it, neutral. */
export const LABEL_THRESHOLD = 0.2;
/** Opinions in a comment that asks something count for this much (多少钱? 会起球吗?); purchase signals count fully. */
const QUESTION_DAMPING = 0.25;
/** A negator or degree word reaches an opinion word at most this many UTF-16 units later, within the clause. */
const NEGATION_REACH = 8;
const DEGREE_REACH = 4;

const KIND_CODE: Record<EntryKind, number> = { positive: 1, negative: 2, purchase: 3, negator: 4, degree: 5, question: 6, irony: 7, contrast: 8, aspect: 9, neutral: 10 };
const POSITIVE = 1, NEGATIVE = 2, PURCHASE = 3, NEGATOR = 4, DEGREE = 5, QUESTION = 6, IRONY = 7, CONTRAST = 8;

// One fold for text and terms alike: ASCII case, full-width forms, Chinese punctuation to its ASCII twin.
const FOLD = new Uint16Array(65536);
// 1: ends a clause; 2: an ASCII letter or digit (English terms need a word boundary); 4: an opening quote; 8: a closing quote.
const CLASS = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) FOLD[c] = c;
for (let c = 0xff01; c <= 0xff5e; c++) FOLD[c] = c - 0xfee0;
for (let c = 65; c <= 90; c++) FOLD[c] = c + 32;
for (let c = 0xff21; c <= 0xff3a; c++) FOLD[c] = c - 0xfee0 + 32;
const mark = (chars: string, bit: number) => {
  for (const ch of chars) CLASS[ch.charCodeAt(0)] = CLASS[ch.charCodeAt(0)]! | bit;
};
for (const [from, to] of [['。', '.'], ['、', ','], ['～', '~'], ['‘', "'"], ['’', "'"]] as const) FOLD[from.charCodeAt(0)] = to.charCodeAt(0);
mark(',.!?;~\n\r…', 1);
mark('0123456789abcdefghijklmnopqrstuvwxyz\'', 2); // \' for don't
mark('"“「『\'', 4);
mark('"”」』\'', 8);

const foldTerm = (term: string) => {
  let out = '';
  for (let i = 0; i < term.length; i++) out += String.fromCharCode(FOLD[term.charCodeAt(i)]!);
  return out.trim();
};

// Results share their aspect arrays: one per combination of the six aspects.
const ASPECT_SETS: (readonly Aspect[])[] = [];
for (let mask = 0; mask < 1 << ASPECTS.length; mask++) ASPECT_SETS.push(Object.freeze(ASPECTS.filter((_, i) => mask & (1 << i))));

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Compiles a lexicon into a trie over folded UTF-16 units and returns its analyser. The walk takes the longest entry at
 * each position (不错 before 不, 不好看 before 不 + 好看), left to right, once over the text: no regex, no allocation but
 * the result. A later entry for the same term replaces an earlier one.
 */
export function createAnalyser(lexicon: readonly LexiconEntry[] = DEFAULT_LEXICON): Analyser {
  const byTerm = new Map<string, LexiconEntry>();
  for (const e of lexicon) {
    const term = foldTerm(e.term);
    if (term) byTerm.set(term, e);
  }
  const entries = [...byTerm.entries()];
  const spelling = entries.map(([, e]) => e.term);
  const root = new Int32Array(65536);
  const edges = new Map<number, number>();
  const terminal: number[] = [0]; // node → entry index + 1
  let nodes = 1;
  const kind = new Uint8Array(entries.length);
  const weight = new Float64Array(entries.length);
  const aspectBit = new Uint8Array(entries.length);
  const wordEnd = new Uint8Array(entries.length); // 1: the term ends in a letter or digit, so the text must not go on with one
  entries.forEach(([term, e], idx) => {
    kind[idx] = KIND_CODE[e.kind];
    weight[idx] = e.weight ?? 1;
    aspectBit[idx] = e.aspect ? 1 << ASPECTS.indexOf(e.aspect) : 0;
    wordEnd[idx] = CLASS[term.charCodeAt(term.length - 1)]! & 2 ? 1 : 0;
    let node = 0;
    for (let i = 0; i < term.length; i++) {
      const c = term.charCodeAt(i);
      let next = node === 0 ? root[c]! : edges.get(node * 65536 + c) ?? 0;
      if (next === 0) {
        next = nodes++;
        terminal.push(0);
        if (node === 0) root[c] = next;
        else edges.set(node * 65536 + c, next);
      }
      node = next;
    }
    terminal[node] = idx + 1;
  });
  const entryAt = Int32Array.from(terminal);

  function walk(text: string, negative: string[] | null): Sentiment {
    const n = text.length;
    let opinion = 0; // opinion words, before question damping
    let purchase = 0;
    let asked = false;
    let aspects = 0;
    let boost = 1; // after a contrast word, what follows weighs more
    let negations = 0, negScale = 1, negEnd = -1;
    let degree = 1, degreeEnd = -1;
    let ironic = false;
    let prevClass = 0;
    let i = 0;
    while (i < n) {
      const c = FOLD[text.charCodeAt(i)]!;
      const cls = CLASS[c]!;
      if (cls & 1) {
        // A clause ends: pending negation, degree and irony do not reach into the next one.
        negations = 0;
        degree = 1;
        ironic = false;
        if (c === 63) asked = true; // ?
      }
      let node = root[c]!;
      // An English term starts at a word boundary only.
      if (node === 0 || (cls & 2 && prevClass & 2 && c !== 39)) {
        prevClass = cls;
        i++;
        continue;
      }
      let best = -1, bestEnd = i;
      let j = i;
      for (;;) {
        const e = entryAt[node]! - 1;
        if (e >= 0 && !(wordEnd[e] && j + 1 < n && CLASS[FOLD[text.charCodeAt(j + 1)]!]! & 2)) {
          best = e;
          bestEnd = j + 1;
        }
        if (++j >= n) break;
        node = edges.get(node * 65536 + FOLD[text.charCodeAt(j)]!) ?? 0;
        if (node === 0) break;
      }
      if (best < 0) {
        prevClass = cls;
        i++;
        continue;
      }
      aspects |= aspectBit[best]!;
      const k = kind[best]!;
      const w = weight[best]!;
      if (k === POSITIVE || k === NEGATIVE) {
        let v = k === POSITIVE ? w : -w;
        if (degreeEnd >= 0 && i - degreeEnd <= DEGREE_REACH) v *= degree;
        if (negations > 0 && i - negEnd <= NEGATION_REACH) {
          // Negated praise is criticism; negated criticism (不差, not bad) is only mild praise; 不是不好 affirms.
          if (negations % 2 === 1) v = k === POSITIVE ? -v * 0.9 * negScale : -v * 0.5 * negScale;
          else v *= 0.8;
        }
        // Praise in quotes (真是"好"质量) or after 好一个 is sarcasm.
        if (k === POSITIVE && v > 0 && (ironic || (i > 0 && CLASS[FOLD[text.charCodeAt(i - 1)]!]! & 4 && bestEnd < n && CLASS[FOLD[text.charCodeAt(bestEnd)]!]! & 8))) v = -v * 1.2;
        opinion += v * boost;
        if (negative && v < 0) negative.push(spelling[best]!);
        negations = 0;
        degree = 1;
        ironic = false;
      } else if (k === PURCHASE) {
        // 没拍 is no purchase; 再也不回购 is a complaint.
        purchase += negations % 2 === 1 && i - negEnd <= NEGATION_REACH ? -w * 0.8 : w;
        negations = 0;
        degree = 1;
      } else if (k === NEGATOR) {
        negations++;
        negScale = negations === 1 ? w : negScale * w;
        negEnd = bestEnd;
      } else if (k === DEGREE && i > 0 && CLASS[FOLD[text.charCodeAt(i - 1)]!]! & 4 && bestEnd < n && CLASS[FOLD[text.charCodeAt(bestEnd)]!]! & 8) {
        // 真是"好"质量: a quoted 好 is a sneer, not an intensifier.
        opinion -= 1.4 * boost;
      } else if (k === DEGREE) {
        degree = degreeEnd >= 0 && i - degreeEnd <= DEGREE_REACH ? degree * w : w;
        degreeEnd = bestEnd;
      } else if (k === QUESTION) {
        asked = true;
      } else if (k === IRONY) {
        ironic = true;
      } else if (k === CONTRAST) {
        opinion *= 0.5;
        boost = 1.3;
        negations = 0;
        degree = 1;
      }
      prevClass = CLASS[FOLD[text.charCodeAt(bestEnd - 1)]!]!;
      i = bestEnd;
    }
    const raw = (asked ? opinion * QUESTION_DAMPING : opinion) + purchase;
    const score = round3(Math.tanh(raw / 2));
    return { label: score >= LABEL_THRESHOLD ? 'positive' : score <= -LABEL_THRESHOLD ? 'negative' : 'neutral', score: score === 0 ? 0 : score, aspects: ASPECT_SETS[aspects]! };
  }

  return { analyse: (text) => walk(text, null), negativeWords: (text) => { const words: string[] = []; walk(text, words); return words; }, size: entries.length };
}

let shipped: Analyser | undefined;

/** Sentiment of one comment with the shipped lexicon (compiled on first use, about a millisecond). */
export function analyse(text: string): Sentiment {
  return (shipped ??= createAnalyser()).analyse(text);
}

/** The shipped analyser itself (for `negativeWords`). */
export function shippedAnalyser(): Analyser {
  return (shipped ??= createAnalyser());
}

export type { Aspect };
