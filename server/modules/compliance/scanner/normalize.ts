import { Converter } from 'opencc-js/t2cn';

/** Evasion families a rule pack can switch on or off. */
export type EvasionFamily = 'width' | 'traditional' | 'noise' | 'repeat' | 'fancy' | 'lookalike' | 'pinyin';
export const EVASION_FAMILIES: readonly EvasionFamily[] = ['width', 'traditional', 'noise', 'repeat', 'fancy', 'lookalike', 'pinyin'];

export type EvasionSwitches = Readonly<Partial<Record<EvasionFamily, boolean>>>;
export const ALL_EVASION_ON: EvasionSwitches = { width: true, traditional: true, noise: true, repeat: true, fancy: true, lookalike: true, pinyin: true };

/** One look-alike / homophone substitution: `from` (one or more characters) reads as `to`. */
export interface Lookalike {
  readonly from: string;
  readonly to: string;
}

/** Per normalized character: which transformation produced it. Case folding is tracked but never reported as evasion. */
export const FLAG = {
  width: 1,
  traditional: 2,
  noise: 4, // noise was skipped right before this character
  fancy: 8,
  lookalike: 16,
  repeat: 32,
  pinyin: 64,
  case: 128,
  numeral: 256, // plain Chinese numeral (一三八); reported as 'fancy'
} as const;

const REPORTED: ReadonlyArray<readonly [number, EvasionFamily]> = [
  [FLAG.width, 'width'],
  [FLAG.traditional, 'traditional'],
  [FLAG.noise, 'noise'],
  [FLAG.repeat, 'repeat'],
  [FLAG.fancy | FLAG.numeral, 'fancy'],
  [FLAG.lookalike, 'lookalike'],
  [FLAG.pinyin, 'pinyin'],
];

/** Turns a flag mask into the family names a finding reports, in a stable order. */
export function evasionNames(mask: number): EvasionFamily[] {
  const names: EvasionFamily[] = [];
  if ((mask & ~FLAG.case) === 0) return names;
  for (let i = 0; i < REPORTED.length; i++) if (mask & REPORTED[i]![0]) names.push(REPORTED[i]![1]);
  return names;
}

/**
 * The text after normalization: one entry per normalized code point, with the original
 * UTF-16 range [starts[i], ends[i]) it came from. Skipped noise is not in the stream but lies
 * between the ranges of its neighbours, so a span from starts[a] to ends[b] covers it.
 */
export interface NormalizedText {
  readonly length: number;
  readonly codes: Int32Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly flags: Uint16Array;
}

// ---- per-character tables, built once per process ----

let traditionalTable: Map<number, number> | undefined;
/** Traditional → simplified, one character at a time (phrase conversion would change lengths and offsets). */
function traditionalToSimplified(): Map<number, number> {
  if (traditionalTable) return traditionalTable;
  const convert = Converter({ from: 't', to: 'cn' });
  const table = new Map<number, number>();
  const ranges: Array<[number, number]> = [[0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfaff]];
  for (const [lo, hi] of ranges) {
    const chars: string[] = [];
    for (let cp = lo; cp <= hi; cp++) chars.push(String.fromCodePoint(cp));
    const out = convert(chars.join('\n')).split('\n');
    if (out.length !== chars.length) continue;
    for (let k = 0; k < chars.length; k++) {
      const o = out[k]!;
      const cp = lo + k;
      const oc = o.codePointAt(0)!;
      if (o.length > 0 && o.length === String.fromCodePoint(oc).length && oc !== cp) table.set(cp, oc);
    }
  }
  traditionalTable = table;
  return table;
}

const NUMERALS: Record<string, [string, 'numeral' | 'fancy']> = {
  '零': ['0', 'numeral'], '〇': ['0', 'numeral'], '一': ['1', 'numeral'], '二': ['2', 'numeral'], '三': ['3', 'numeral'],
  '四': ['4', 'numeral'], '五': ['5', 'numeral'], '六': ['6', 'numeral'], '七': ['7', 'numeral'], '八': ['8', 'numeral'], '九': ['9', 'numeral'],
  '壹': ['1', 'fancy'], '贰': ['2', 'fancy'], '叁': ['3', 'fancy'], '肆': ['4', 'fancy'], '伍': ['5', 'fancy'],
  '陆': ['6', 'fancy'], '柒': ['7', 'fancy'], '捌': ['8', 'fancy'], '玖': ['9', 'fancy'], '幺': ['1', 'fancy'],
  '貳': ['2', 'fancy'], '參': ['3', 'fancy'], '陸': ['6', 'fancy'],
};

const NUMERAL_CODES = new Map<number, readonly [string, 'numeral' | 'fancy']>(Object.entries(NUMERALS).map(([ch, v]) => [ch.codePointAt(0)!, v]));

/** Whether fancyFold can change cp at all: Chinese numerals and a few Unicode blocks (checked before any string is made). */
function mayBeFancy(cp: number): boolean {
  return NUMERAL_CODES.has(cp) || (cp >= 0x2460 && cp <= 0x24ff) || (cp >= 0x2776 && cp <= 0x2793) || (cp >= 0x3251 && cp <= 0x32bf) ||
    (cp >= 0x1f100 && cp <= 0x1f1ff) || (cp >= 0x1d400 && cp <= 0x1d7ff) || (cp >= 0x2070 && cp <= 0x209f) || cp === 0xb2 || cp === 0xb3 || cp === 0xb9;
}

const fancyCache = new Map<number, { codes: number[]; flag: number } | null>();
/** Circled, parenthesised, negative-circled and mathematical digits/letters, and Chinese numerals, to ASCII. */
function fancyFold(cp: number): { codes: number[]; flag: number } | null {
  if (!mayBeFancy(cp)) return null;
  const cached = fancyCache.get(cp);
  if (cached !== undefined) return cached;
  let result: { codes: number[]; flag: number } | null = null;
  const ch = String.fromCodePoint(cp);
  const numeral = NUMERALS[ch];
  if (numeral) {
    result = { codes: [numeral[0].charCodeAt(0)], flag: numeral[1] === 'numeral' ? FLAG.numeral : FLAG.fancy };
  } else if (cp >= 0x2776 && cp <= 0x2793) {
    // ❶–❿, ➀–➉, ➊–➓: NFKC leaves the dingbat digits alone.
    const n = ((cp - 0x2776) % 10) + 1;
    result = { codes: [...String(n)].map((c) => c.charCodeAt(0)), flag: FLAG.fancy };
  } else if (
    (cp >= 0x2460 && cp <= 0x24ff) || (cp >= 0x3251 && cp <= 0x32bf) || (cp >= 0x1f100 && cp <= 0x1f1ff) ||
    (cp >= 0x1d400 && cp <= 0x1d7ff) || (cp >= 0x2070 && cp <= 0x209f) || cp === 0xb2 || cp === 0xb3 || cp === 0xb9
  ) {
    const folded = ch.normalize('NFKC').toLowerCase().replace(/[^0-9a-z]/g, '');
    if (folded.length > 0 && folded !== ch) result = { codes: [...folded].map((c) => c.charCodeAt(0)), flag: FLAG.fancy };
  }
  fancyCache.set(cp, result);
  return result;
}

const NOISE_RE = /^[\p{P}\p{S}\p{Z}\p{Cc}\p{Cf}\p{M}]$/u;
const noiseBmp = new Int8Array(0x10000); // 0 unknown, 1 noise, 2 not noise
function isNoise(cp: number): boolean {
  if (cp < 0x10000) {
    let v = noiseBmp[cp]!;
    if (v === 0) {
      v = NOISE_RE.test(String.fromCharCode(cp)) || (cp >= 0xd800 && cp <= 0xdfff) ? 1 : 2;
      noiseBmp[cp] = v;
    }
    return v === 1;
  }
  // Astral: emoji, symbols, tags and variation selectors are noise; CJK extensions and math letters are not.
  if (cp >= 0x1f000 && cp <= 0x1faff) return true;
  if (cp >= 0xe0000 && cp <= 0xe01ef) return true;
  return NOISE_RE.test(String.fromCodePoint(cp));
}

/** Options for one normalization pass; a compiled lookalike table comes from compileLookalikes. */
export interface NormalizeOptions {
  readonly evasion: EvasionSwitches;
  readonly lookalikes?: CompiledLookalikes;
}

/** Look-alike entries indexed by their first (already width/trad/fancy-folded) code point, longest first. */
export interface CompiledLookalikes {
  readonly byFirst: ReadonlyMap<number, ReadonlyArray<{ from: Int32Array; to: Int32Array }>>;
  /** 1 where a BMP code point starts some entry: most texts have none and skip the copy. */
  readonly startsBmp: Uint8Array;
  readonly longestTarget: number;
}

/** Compiles an editable look-alike table; sources and targets are folded like the text (width, case, traditional, fancy). */
export function compileLookalikes(entries: readonly Lookalike[]): CompiledLookalikes {
  const base: NormalizeOptions = { evasion: { width: true, traditional: true, fancy: true } };
  const byFirst = new Map<number, Array<{ from: Int32Array; to: Int32Array }>>();
  for (const e of entries) {
    const f = normalize(e.from, base);
    const t = normalize(e.to, base);
    const from = f.codes.slice(0, f.length);
    const to = t.codes.slice(0, t.length);
    if (from.length === 0) continue;
    const first = from[0]!;
    const list = byFirst.get(first) ?? [];
    list.push({ from, to });
    byFirst.set(first, list);
  }
  const startsBmp = new Uint8Array(0x10000);
  let longestTarget = 1;
  for (const [first, list] of byFirst) {
    list.sort((a, b) => b.from.length - a.from.length);
    if (first < 0x10000) startsBmp[first] = 1;
    for (const e of list) longestTarget = Math.max(longestTarget, e.to.length);
  }
  return { byFirst, startsBmp, longestTarget };
}

/** Read access to one switch setting's fold (what the automaton's fused walk folds raw text with). */
export interface FoldAccess {
  /** Folded code per BMP unit; NOISE_CODE for noise, MULTI_CODE when `multi` holds several codes. */
  readonly code: Int32Array;
  readonly flag: Uint16Array;
  readonly multi: ReadonlyMap<number, readonly number[]>;
  /** Folds an astral code point; null for noise. */
  astral(cp: number): { codes: readonly number[]; flag: number } | null;
}

interface FoldTable {
  /** Folded code per BMP code point; NOISE_CODE for noise, MULTI_CODE when `multi` holds several codes. */
  readonly code: Int32Array;
  readonly flag: Uint16Array;
  readonly multi: ReadonlyMap<number, readonly number[]>;
  /** Astral code points folded so far (emoji recur in every other comment); bounded, see foldAstral. */
  readonly astral: Map<number, { codes: readonly number[]; flag: number } | null>;
}

const ASTRAL_CACHE_LIMIT = 4096;

function foldAstral(table: FoldTable, cp: number, ev: EvasionSwitches): { codes: readonly number[]; flag: number } | null {
  let r = table.astral.get(cp);
  if (r !== undefined) return r;
  r = foldSlow(cp, ev);
  if (table.astral.size < ASTRAL_CACHE_LIMIT) table.astral.set(cp, r);
  return r;
}
export const NOISE_CODE = -1;
export const MULTI_CODE = -2;

/** Folds one code point through width/case, traditional, fancy and noise; null means noise. */
function foldSlow(cp: number, ev: EvasionSwitches): { codes: readonly number[]; flag: number } | null {
  const c = foldOne(cp, ev);
  if (c === NOISE_CODE) return null;
  return { codes: c === MULTI_CODE ? foldedMulti : [c], flag: foldedFlag };
}

// What foldOne leaves besides its result: the flags, and the codes of a multi-code fold. Building the BMP tables
// calls it 65,536 times per switch setting, so it allocates nothing for a single code.
let foldedFlag = 0;
let foldedMulti: readonly number[] = [];

/** Folds one code point: its code, NOISE_CODE, or MULTI_CODE with the codes in foldedMulti; flags in foldedFlag. */
function foldOne(cp: number, ev: EvasionSwitches): number {
  let f = 0;
  if (ev.width === true) {
    if (cp >= 0xff01 && cp <= 0xff5e) { cp -= 0xfee0; f |= FLAG.width; }
    else if (cp === 0x3000) { cp = 0x20; f |= FLAG.width; }
    if (cp >= 0x41 && cp <= 0x5a) { cp += 0x20; f |= FLAG.case; }
  }
  if (ev.traditional === true) {
    const t = traditionalToSimplified().get(cp);
    if (t !== undefined) { cp = t; f |= FLAG.traditional; }
  }
  if (ev.fancy === true) {
    const r = fancyFold(cp);
    if (r) {
      foldedFlag = f | r.flag;
      if (r.codes.length === 1) return r.codes[0]!;
      foldedMulti = r.codes;
      return MULTI_CODE;
    }
  }
  if (ev.noise === true && isNoise(cp)) return NOISE_CODE;
  foldedFlag = f;
  return cp;
}

const foldTables = new Map<string, FoldTable>();
/** The BMP folded once per switch setting, so the hot loop is two array reads per character. */
function foldTable(ev: EvasionSwitches): FoldTable {
  const key = (['width', 'traditional', 'fancy', 'noise'] as const).map((k) => (ev[k] === true ? '1' : '0')).join('');
  const cached = foldTables.get(key);
  if (cached) return cached;
  const code = new Int32Array(0x10000);
  const flag = new Uint16Array(0x10000);
  const multi = new Map<number, number[]>();
  for (let cp = 0; cp < 0x10000; cp++) {
    const c = foldOne(cp, ev);
    code[cp] = c;
    if (c === NOISE_CODE) continue;
    flag[cp] = foldedFlag;
    if (c === MULTI_CODE) multi.set(cp, [...foldedMulti]);
  }
  const table = { code, flag, multi, astral: new Map() };
  foldTables.set(key, table);
  return table;
}

/** Reusable typed-array storage for one normalized stream. */
export class StreamBuffers {
  codes = new Int32Array(64);
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  flags = new Uint16Array(64);
  // One view per buffer set, updated in place: a scan allocates nothing for the stream it reads.
  private readonly current = { length: 0, codes: this.codes, starts: this.starts, ends: this.ends, flags: this.flags };
  ensure(size: number): void {
    if (size <= this.codes.length) return;
    let cap = this.codes.length;
    while (cap < size) cap *= 2;
    const c = new Int32Array(cap); c.set(this.codes); this.codes = c;
    const s = new Int32Array(cap); s.set(this.starts); this.starts = s;
    const e = new Int32Array(cap); e.set(this.ends); this.ends = e;
    const f = new Uint16Array(cap); f.set(this.flags); this.flags = f;
  }
  view(length: number): NormalizedText {
    const v = this.current;
    v.length = length; v.codes = this.codes; v.starts = this.starts; v.ends = this.ends; v.flags = this.flags;
    return v;
  }
}

/**
 * A reusable normalizer: it owns its buffers, so the texts it returns are valid only until its
 * next run. `base` is the stream before look-alikes (what pattern rules read), `full` after.
 */
export class Normalizer {
  private readonly table: FoldTable;
  private readonly lookalikes: CompiledLookalikes | undefined;
  private readonly first = new StreamBuffers();
  private readonly second = new StreamBuffers();
  private readonly result: { base: NormalizedText; full: NormalizedText };
  /** The fold this normalizer applies, for the automaton's fused walk (look-alikes are not part of it). */
  readonly fold: FoldAccess;

  constructor(private readonly options: NormalizeOptions) {
    this.table = foldTable(options.evasion);
    const l = options.evasion.lookalike === true ? options.lookalikes : undefined;
    this.lookalikes = l && l.byFirst.size > 0 ? l : undefined;
    const table = this.table;
    const ev = options.evasion;
    this.fold = { code: table.code, flag: table.flag, multi: table.multi, astral: (cp) => foldAstral(table, cp, ev) };
    const empty = this.first.view(0);
    this.result = { base: empty, full: empty };
  }

  /**
   * A table over UTF-16 units: 1 where the unit, once folded, could begin something `canStart` accepts (or a
   * look-alike), or is a multi-code fold or a lone low surrogate, which are judged only after folding; 2 for a high
   * surrogate, whose code point startsAstral judges. Where a text has no such unit, nothing can begin.
   */
  startTable(canStart: (code: number) => boolean, withLookalikes = true): Uint8Array {
    const { code } = this.table;
    const gate = new Uint8Array(0x10000);
    const l = withLookalikes ? this.lookalikes : undefined;
    for (let unit = 0; unit < 0x10000; unit++) {
      const c = code[unit]!;
      if (unit >= 0xd800 && unit <= 0xdbff) gate[unit] = 2;
      else if (unit >= 0xdc00 && unit <= 0xdfff) gate[unit] = 1; // a lone low surrogate: let the slow path judge
      else if (c === NOISE_CODE) continue;
      else if (c === MULTI_CODE || c >= 0x10000) gate[unit] = 1;
      else if (canStart(c) || (l !== undefined && l.startsBmp[c] === 1)) gate[unit] = 1;
    }
    return gate;
  }

  /** Like startTable, for look-alike starts only: 1 where the folded unit (any of its codes) begins a look-alike. */
  lookalikeTable(): Uint8Array {
    const { code, multi } = this.table;
    const gate = new Uint8Array(0x10000);
    const l = this.lookalikes;
    if (!l) return gate;
    for (let unit = 0; unit < 0x10000; unit++) {
      const c = code[unit]!;
      if (unit >= 0xd800 && unit <= 0xdbff) gate[unit] = 2;
      else if (unit >= 0xdc00 && unit <= 0xdfff) gate[unit] = 1;
      else if (c === MULTI_CODE) gate[unit] = multi.get(unit)!.some((m) => m >= 0x10000 || l.startsBmp[m] === 1) ? 1 : 0;
      else if (c >= 0x10000) gate[unit] = 1;
      else if (c >= 0 && l.startsBmp[c] === 1) gate[unit] = 1;
    }
    return gate;
  }

  /** Whether the folded astral code point `cp` begins a look-alike. */
  startsLookalikeAstral(cp: number): boolean {
    const l = this.lookalikes;
    if (!l) return false;
    const r = foldAstral(this.table, cp, this.options.evasion);
    return r !== null && r.codes.some((c) => (c < 0x10000 ? l.startsBmp[c] === 1 : l.byFirst.has(c)));
  }

  /** Whether the astral code point `cp` (at a unit startTable marked 2), once folded, could begin something `canStart` accepts. */
  startsAstral(cp: number, canStart: (code: number) => boolean, withLookalikes = true): boolean {
    const r = foldAstral(this.table, cp, this.options.evasion);
    if (r === null) return false;
    const l = withLookalikes ? this.lookalikes : undefined;
    for (const c of r.codes) if (canStart(c) || (l !== undefined && (c < 0x10000 ? l.startsBmp[c] === 1 : l.byFirst.has(c)))) return true;
    return false;
  }

  /** Normalizes `text`; the result and its streams are reused by the next run. */
  run(text: string): { base: NormalizedText; full: NormalizedText } {
    const { code, flag, multi } = this.table;
    const ev = this.options.evasion;
    const b = this.first;
    b.ensure(text.length * 2 + 8);
    const codes = b.codes, starts = b.starts, ends = b.ends, flags = b.flags;
    let n = 0;
    let pendingNoise = 0;
    for (let i = 0; i < text.length; ) {
      const unit = text.charCodeAt(i);
      if (unit < 0xd800 || unit > 0xdbff || i + 1 >= text.length) {
        const c = code[unit]!;
        if (c >= 0) {
          codes[n] = c; starts[n] = i; ends[n] = i + 1; flags[n] = flag[unit]! | pendingNoise;
          n++; pendingNoise = 0;
        } else if (c === NOISE_CODE) pendingNoise = FLAG.noise;
        else {
          for (const m of multi.get(unit)!) {
            codes[n] = m; starts[n] = i; ends[n] = i + 1; flags[n] = flag[unit]! | pendingNoise;
            n++; pendingNoise = 0;
          }
        }
        i++;
        continue;
      }
      const cp = text.codePointAt(i)!;
      const len = cp > 0xffff ? 2 : 1;
      const r = len === 2 ? foldAstral(this.table, cp, ev) : foldSlow(cp, ev);
      if (r === null) pendingNoise = FLAG.noise;
      else {
        // At most two codes per UTF-16 unit (⑳ → 20), so the buffer sized above is enough.
        for (const m of r.codes) {
          codes[n] = m; starts[n] = i; ends[n] = i + len; flags[n] = r.flag | pendingNoise;
          n++; pendingNoise = 0;
        }
      }
      i += len;
    }
    const base = b.view(n);
    const result = this.result;
    result.base = base;
    result.full = this.lookalikes ? applyLookalikes(base, this.lookalikes, this.second) : base;
    return result;
  }
}

/**
 * Normalizes a text once: width and case, traditional → simplified, fancy digits/letters and
 * Chinese numerals, noise skipping, then look-alikes. Repeated characters are not collapsed here:
 * the automaton skips them during its walk, so terms that really contain doubled characters still match.
 */
export function normalize(text: string, options: NormalizeOptions): NormalizedText {
  return new Normalizer(options).run(text).full;
}

function applyLookalikes(t: NormalizedText, table: CompiledLookalikes, out: StreamBuffers): NormalizedText {
  let any = false;
  for (let i = 0; i < t.length && !any; i++) {
    const c = t.codes[i]!;
    any = c < 0x10000 ? table.startsBmp[c] === 1 : table.byFirst.has(c);
  }
  if (!any) return t;
  const cap = t.length * table.longestTarget + 8;
  out.ensure(cap);
  const codes = out.codes, starts = out.starts, ends = out.ends, flags = out.flags;
  let n = 0;
  for (let i = 0; i < t.length; ) {
    const list = table.byFirst.get(t.codes[i]!);
    let hit: { from: Int32Array; to: Int32Array } | undefined;
    if (list) {
      for (const cand of list) {
        if (i + cand.from.length > t.length) continue;
        let ok = true;
        for (let k = 1; k < cand.from.length; k++) if (t.codes[i + k] !== cand.from[k]) { ok = false; break; }
        if (ok) { hit = cand; break; }
      }
    }
    if (!hit || n + hit.to.length > cap) {
      codes[n] = t.codes[i]!; starts[n] = t.starts[i]!; ends[n] = t.ends[i]!; flags[n] = t.flags[i]!;
      n++; i++;
      continue;
    }
    const last = i + hit.from.length - 1;
    let f = FLAG.lookalike;
    for (let k = i; k <= last; k++) f |= t.flags[k]!;
    for (const c of hit.to) {
      codes[n] = c; starts[n] = t.starts[i]!; ends[n] = t.ends[last]!; flags[n] = f;
      n++;
    }
    i = last + 1;
  }
  return out.view(n);
}

/** The default look-alike / homophone table; callers may pass their own edited copy. */
export const DEFAULT_LOOKALIKES: readonly Lookalike[] = [
  { from: '薇', to: '微' }, { from: '威', to: '微' }, { from: '徽', to: '微' }, { from: 'v', to: '微' },
  { from: '扣扣', to: 'qq' }, { from: '寇寇', to: 'qq' }, { from: '蔻蔻', to: 'qq' }, { from: '企鹅', to: 'qq' },
  { from: 'vx', to: '微信' }, { from: 'wx', to: '微信' },
  { from: '醉', to: '最' }, { from: '蕞', to: '最' },
];
