import { FLAG, NOISE_CODE, Normalizer, StreamBuffers, type FoldAccess, type NormalizeOptions, type NormalizedText } from './normalize';

/** Bits of a start-gate table (per UTF-16 unit), see compileScanner. */
export const GATE_TERM = 1;
/** A high surrogate: the code point decides (astralGate). */
export const GATE_SURROGATE = 2;
export const GATE_PATTERN = 4;
/** A dot (. 。 ．): a URL pattern may match. */
export const GATE_URL = 8;
/** The folded unit begins a look-alike: the fused walk hands over to Normalizer + match. */
export const GATE_LOOKALIKE = 16;

/** One dictionary entry: a term to find, or an allow-list word that suppresses terms it contains. */
export interface AutomatonEntry {
  readonly term: string;
  readonly kind: 'term' | 'allow';
  /** Caller's handle (rule index); allow entries only suppress terms with the same scope. */
  readonly ref: number;
  readonly scope: number;
  /** What to compile when it differs from the reported term (a pinyin spelling of it). */
  readonly spelling?: string;
  /** Evasion flags every match of this entry reports (FLAG.pinyin for pinyin spellings). */
  readonly evasion?: number;
}

/** A raw match over the normalized stream, before allow-list suppression. */
export interface AutomatonMatch {
  readonly entry: number;
  /** Normalized index of the first and last matched character. */
  readonly first: number;
  readonly last: number;
  /** Flags of the text at the matched characters minus those the term itself carried. */
  readonly evasion: number;
}

export interface Automaton {
  readonly entries: readonly AutomatonEntry[];
  readonly options: NormalizeOptions;
  /** Terms and allow words found, with allow-suppressed terms removed. */
  match(text: NormalizedText): AutomatonMatch[];
  /**
   * The fused walk: folds `text` itself and walks it, passing over units the `gates` table (GATE_* bits per UTF-16
   * unit) marks 0 while at the root. It stops and returns null at the first unit whose gate has a `bail` bit (a
   * look-alike start needs the normalizer's second pass; a pattern key needs the whole normalized stream); match
   * indices point into walkStream(). walkSeen() is every gate bit it met, bail or not.
   */
  walk(text: string, fold: FoldAccess, gates: Uint8Array, astralGate: (cp: number) => number, bail: number): AutomatonMatch[] | null;
  /** walk() for an automaton compiled with every evasion family off, given its start gates (no bail bits). */
  walkExact(text: string, gates: Uint8Array): AutomatonMatch[];
  /** The stream of the last walk, valid until the next. */
  walkStream(): NormalizedText;
  walkSeen(): number;
  /** Whether a normalized code begins some entry. */
  canStart(code: number): boolean;
}

const ROOT = 0;
/** What match returns when nothing matched: shared, never to be modified. */
const NO_MATCHES: AutomatonMatch[] = Object.freeze([]) as unknown as AutomatonMatch[];

/**
 * Open-addressing hash of (state, code) → state in three Int32Arrays: no per-state objects and no
 * boxed keys, which is what keeps 50,000 terms compact and the walk fast.
 */
class Transitions {
  private states: Int32Array;
  private codes: Int32Array;
  private targets: Int32Array;
  private mask: number;
  private size = 0;

  /** Sized for `expected` transitions at a load of at most one half, so compiling never rehashes. */
  constructor(expected: number) {
    let cap = 1024;
    while (cap < expected * 2 + 2) cap *= 2;
    this.states = new Int32Array(cap).fill(-1);
    this.codes = new Int32Array(cap);
    this.targets = new Int32Array(cap);
    this.mask = cap - 1;
  }

  private slot(s: number, c: number): number {
    let h = (Math.imul(s, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b)) >>> 0;
    h = (h ^ (h >>> 15)) & this.mask;
    for (;;) {
      const st = this.states[h]!;
      if (st === -1 || (st === s && this.codes[h] === c)) return h;
      h = (h + 1) & this.mask;
    }
  }

  get(s: number, c: number): number {
    // slot(), unrolled for the walk: most lookups miss and end at the first empty slot.
    const states = this.states, codes = this.codes, mask = this.mask;
    let h = (Math.imul(s, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b)) >>> 0;
    h = (h ^ (h >>> 15)) & mask;
    for (;;) {
      const st = states[h]!;
      if (st === s && codes[h] === c) return this.targets[h]!;
      if (st === -1) return -1;
      h = (h + 1) & mask;
    }
  }

  set(s: number, c: number, t: number): void {
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    const h = this.slot(s, c);
    if (this.states[h] === -1) this.size++;
    this.states[h] = s; this.codes[h] = c; this.targets[h] = t;
  }

  private grow(): void {
    const { states, codes, targets } = this;
    const cap = (this.mask + 1) * 2;
    this.states = new Int32Array(cap).fill(-1);
    this.codes = new Int32Array(cap);
    this.targets = new Int32Array(cap);
    this.mask = cap - 1;
    this.size = 0;
    for (let i = 0; i < states.length; i++) if (states[i] !== -1) this.set(states[i]!, codes[i]!, targets[i]!);
  }
}

/**
 * Aho–Corasick over normalized code points. Root transitions are a dense table over the BMP;
 * deeper ones live in one open-addressing hash (Transitions).
 */
export function compileAutomaton(entries: readonly AutomatonEntry[], options: NormalizeOptions): Automaton {
  // Every entry normalized once into flat storage: its codes build the trie, its flags tell at match time which
  // evasions the term itself already carried.
  const normalizer = new Normalizer(options);
  const entryStart = new Int32Array(entries.length + 1);
  let entryCodes = new Int32Array(1024);
  let entryFlags = new Uint16Array(1024);
  let used = 0;
  for (let id = 0; id < entries.length; id++) {
    const entry = entries[id]!;
    const norm = normalizer.run(entry.spelling ?? entry.term).full;
    if (used + norm.length > entryCodes.length) {
      let cap = entryCodes.length * 2;
      while (cap < used + norm.length) cap *= 2;
      const c = new Int32Array(cap); c.set(entryCodes); entryCodes = c;
      const f = new Uint16Array(cap); f.set(entryFlags); entryFlags = f;
    }
    for (let k = 0; k < norm.length; k++) {
      entryCodes[used + k] = norm.codes[k]!;
      entryFlags[used + k] = norm.flags[k]!;
    }
    if (norm.length > 0) entryFlags[used] = entryFlags[used]! & ~FLAG.noise;
    used += norm.length;
    entryStart[id + 1] = used;
  }

  // The trie: at most one state per normalized code, plus the root. States are numbered in creation order; each
  // remembers its parent and the code leading to it, which is all the failure links need.
  const maxStates = used + 1;
  const rootNext = new Int32Array(0x10000).fill(-1);
  const rootAstral = new Map<number, number>();
  const next = new Transitions(used);
  const depthOf = new Int32Array(maxStates);
  const parentOf = new Int32Array(maxStates);
  const codeOf = new Int32Array(maxStates);
  const outHead = new Int32Array(maxStates).fill(-1);
  const outTail = new Int32Array(maxStates).fill(-1);
  const outNext = new Int32Array(entries.length).fill(-1);
  const goto = (s: number, c: number): number => {
    if (s === ROOT) return c < 0x10000 ? rootNext[c]! : (rootAstral.get(c) ?? -1);
    return next.get(s, c);
  };
  let stateCount = 1;
  for (let id = 0; id < entries.length; id++) {
    const from = entryStart[id]!, to = entryStart[id + 1]!;
    if (from === to) continue;
    let s = ROOT;
    for (let k = from; k < to; k++) {
      const c = entryCodes[k]!;
      let t = goto(s, c);
      if (t < 0) {
        t = stateCount++;
        depthOf[t] = depthOf[s]! + 1;
        parentOf[t] = s;
        codeOf[t] = c;
        if (s !== ROOT) next.set(s, c, t);
        else if (c < 0x10000) rootNext[c] = t;
        else rootAstral.set(c, t);
      }
      s = t;
    }
    // Outputs in entry order: a linked list per state, flattened below.
    if (outHead[s] === -1) outHead[s] = id;
    else outNext[outTail[s]!] = id;
    outTail[s] = id;
  }

  // Failure and dictionary links, shallowest states first (a counting sort by depth stands in for the BFS queue).
  let maxDepth = 0;
  for (let s = 1; s < stateCount; s++) if (depthOf[s]! > maxDepth) maxDepth = depthOf[s]!;
  const byDepthStart = new Int32Array(maxDepth + 2);
  for (let s = 1; s < stateCount; s++) byDepthStart[depthOf[s]! + 1]!++;
  for (let d = 1; d <= maxDepth + 1; d++) byDepthStart[d] = byDepthStart[d]! + byDepthStart[d - 1]!;
  const order = new Int32Array(Math.max(0, stateCount - 1));
  const cursor = byDepthStart.slice();
  for (let s = 1; s < stateCount; s++) order[cursor[depthOf[s]!]!++] = s;
  const fail = new Int32Array(stateCount);
  const dictLink = new Int32Array(stateCount).fill(-1);
  for (const t of order) {
    const p = parentOf[t]!;
    if (p === ROOT) continue; // depth 1: fails to the root
    const c = codeOf[t]!;
    let f = fail[p]!;
    let g = goto(f, c);
    while (g < 0 && f !== ROOT) { f = fail[f]!; g = goto(f, c); }
    fail[t] = g >= 0 && g !== t ? g : ROOT;
    const ft = fail[t]!;
    dictLink[t] = outHead[ft]! >= 0 ? ft : dictLink[ft]!;
  }

  // Flat output lists: state s reports entries outIds[outStart[s] .. outStart[s + 1]); firstOut[s] is s itself when
  // it has outputs, else its dictionary link, so the walk tests one typed-array slot per character.
  const outStart = new Int32Array(stateCount + 1);
  for (let s = 0; s < stateCount; s++) {
    let count = 0;
    for (let id = outHead[s]!; id >= 0; id = outNext[id]!) count++;
    outStart[s + 1] = outStart[s]! + count;
  }
  const outIds = new Int32Array(outStart[stateCount]!);
  const firstOut = new Int32Array(stateCount);
  for (let s = 0; s < stateCount; s++) {
    let k = outStart[s]!;
    for (let id = outHead[s]!; id >= 0; id = outNext[id]!) outIds[k++] = id;
    firstOut[s] = outHead[s]! >= 0 ? s : dictLink[s]!;
  }
  const entryEvasion = new Int32Array(entries.length);
  const isAllow = new Uint8Array(entries.length);
  for (let id = 0; id < entries.length; id++) {
    const e = entries[id]!;
    entryEvasion[id] = e.evasion ?? 0;
    isAllow[id] = e.kind === 'allow' ? 1 : 0;
  }
  const skipRepeats = options.evasion.repeat === true;

  // Reused across calls: positions the walk consumed (repeats it skipped are left out).
  let consumedBuffer = new Int32Array(256);
  // The walk in progress (match and walk are not re-entrant): found matches and whether an allow word is among them.
  let found: AutomatonMatch[] | undefined;
  let allows = false;

  /** Reports every entry ending at normalized index p in state s (its dictionary chain included). */
  function report(s: number, p: number, walked: number, consumed: Int32Array, textFlags: Uint16Array): void {
    let o = firstOut[s]!;
    while (o >= 0) {
      const len = depthOf[o]!;
      const firstWalk = walked - len;
      const first = consumed[firstWalk]!;
      for (let k0 = outStart[o]!, k1 = outStart[o + 1]!; k0 < k1; k0++) {
        const id = outIds[k0]!;
        const own = entryStart[id]!;
        let ev = 0;
        for (let k = 0; k < len; k++) {
          const tf = textFlags[consumed[firstWalk + k]!]!;
          ev |= (k === 0 ? tf & ~FLAG.noise : tf) & ~entryFlags[own + k]!;
        }
        if (p - first + 1 > len) ev |= FLAG.repeat;
        ev |= entryEvasion[id]!;
        if (isAllow[id] === 1) allows = true;
        (found ??= []).push({ entry: id, first, last: p, evasion: ev });
      }
      o = dictLink[o]!;
    }
  }

  function finish(): AutomatonMatch[] {
    const out = found;
    found = undefined;
    if (!out) return NO_MATCHES;
    return allows ? suppressAllowed(out) : out;
  }

  function match(text: NormalizedText): AutomatonMatch[] {
    found = undefined;
    allows = false;
    const n = text.length;
    if (consumedBuffer.length < n) consumedBuffer = new Int32Array(n * 2);
    const consumed = consumedBuffer;
    const codes = text.codes;
    const textFlags = text.flags;
    let walked = 0;
    let s = ROOT;
    for (let p = 0; p < n; p++) {
      const c = codes[p]!;
      if (s === ROOT) {
        // Most characters start nothing: one dense table read and on.
        const t = c < 0x10000 ? rootNext[c]! : (rootAstral.get(c) ?? -1);
        consumed[walked++] = p;
        if (t < 0) continue;
        s = t;
      } else {
        let t = next.get(s, c);
        // A repeated character is skipped only when the current state cannot take it, so terms
        // that genuinely contain a doubled character (好好学习) still match.
        if (t < 0 && skipRepeats && p > 0 && codes[p - 1] === c) continue;
        consumed[walked++] = p;
        while (t < 0) {
          s = fail[s]!;
          if (s === ROOT) { t = c < 0x10000 ? rootNext[c]! : (rootAstral.get(c) ?? -1); if (t < 0) t = ROOT; break; }
          t = next.get(s, c);
        }
        s = t;
        if (s === ROOT) continue;
      }
      if (firstOut[s]! >= 0) report(s, p, walked, consumed, textFlags);
    }
    return finish();
  }

  // The fused walk's own stream: only the characters it folded (from the first that could start an entry after each
  // return to the root), so normalized indices in its matches point into this stream.
  const walkBuffers = new StreamBuffers();
  let walkLength = 0;
  let walkState = ROOT;
  let walkCount = 0;
  let walkSeen = 0;

  /** One folded code at stream index p, in the fused walk: the same step as match's loop body. */
  function feed(c: number, p: number, codes: Int32Array, consumed: Int32Array, textFlags: Uint16Array): void {
    let s = walkState;
    if (s === ROOT) {
      const t = c < 0x10000 ? rootNext[c]! : (rootAstral.get(c) ?? -1);
      consumed[walkCount++] = p;
      if (t < 0) return;
      s = t;
    } else {
      let t = next.get(s, c);
      if (t < 0 && skipRepeats && p > 0 && codes[p - 1] === c) return;
      consumed[walkCount++] = p;
      while (t < 0) {
        s = fail[s]!;
        if (s === ROOT) { t = c < 0x10000 ? rootNext[c]! : (rootAstral.get(c) ?? -1); if (t < 0) t = ROOT; break; }
        t = next.get(s, c);
      }
      s = t;
    }
    walkState = s;
    if (s !== ROOT && firstOut[s]! >= 0) report(s, p, walkCount, consumed, textFlags);
  }

  function walk(text: string, fold: FoldAccess, gates: Uint8Array, astralGate: (cp: number) => number, bail: number): AutomatonMatch[] | null {
    found = undefined;
    allows = false;
    const len = text.length;
    const size = len * 2 + 8;
    const b = walkBuffers;
    if (b.codes.length < size) b.ensure(size);
    if (consumedBuffer.length < size) consumedBuffer = new Int32Array(size);
    // Everything the loop touches in locals: closure variables would be reloaded from the context at every use.
    const consumed = consumedBuffer;
    const codes = b.codes, starts = b.starts, ends = b.ends, flags = b.flags;
    const foldCode = fold.code, foldFlag = fold.flag;
    const root = rootNext, outs = firstOut, failOf = fail, edges = next, repeats = skipRepeats;
    let state = ROOT;
    let count = 0;
    let n = 0;
    let pendingNoise = 0;
    let seen = 0;
    let i = 0;
    while (i < len) {
      let unit = text.charCodeAt(i);
      if (state === ROOT) {
        // At the root nothing is pending: units that cannot start an entry are passed over unfolded, and noise
        // before a start is never reported (a match's first character drops its noise flag).
        while (gates[unit] === 0 && ++i < len) unit = text.charCodeAt(i);
        if (i >= len) break;
        pendingNoise = 0;
      }
      let gate = gates[unit]!;
      if ((gate & GATE_SURROGATE) !== 0 && i + 1 < len) {
        const cp = text.codePointAt(i)!;
        if (cp > 0xffff) {
          gate = astralGate(cp);
          seen |= gate;
          if ((gate & bail) !== 0) { found = undefined; walkSeen = seen; return null; }
          // Emoji at the root start nothing: passed over without folding.
          if (state !== ROOT || (gate & GATE_TERM) !== 0) {
            const r = fold.astral(cp);
            if (r === null) pendingNoise = FLAG.noise;
            else {
              walkState = state; walkCount = count;
              for (const m of r.codes) {
                codes[n] = m; starts[n] = i; ends[n] = i + 2; flags[n] = r.flag | pendingNoise; pendingNoise = 0;
                feed(m, n++, codes, consumed, flags);
              }
              state = walkState; count = walkCount;
            }
          }
          i += 2;
          continue;
        }
      }
      seen |= gate;
      if ((gate & bail) !== 0) { found = undefined; walkSeen = seen; return null; }
      const c = foldCode[unit]!;
      if (c >= 0) {
        codes[n] = c; starts[n] = i; ends[n] = i + 1; flags[n] = foldFlag[unit]! | pendingNoise; pendingNoise = 0;
        // feed(), inlined: this is the walk's inner step for every character it folds.
        if (state === ROOT) {
          const t = root[c]!;
          consumed[count++] = n;
          if (t >= 0) {
            state = t;
            if (outs[t]! >= 0) report(t, n, count, consumed, flags);
          }
        } else {
          let t = edges.get(state, c);
          if (t >= 0 || !repeats || codes[n - 1] !== c) {
            consumed[count++] = n;
            let s = state;
            while (t < 0) {
              s = failOf[s]!;
              if (s === ROOT) { t = root[c]!; if (t < 0) t = ROOT; break; }
              t = edges.get(s, c);
            }
            state = t;
            if (t !== ROOT && outs[t]! >= 0) report(t, n, count, consumed, flags);
          }
        }
        n++;
      } else if (c === NOISE_CODE) pendingNoise = FLAG.noise;
      else {
        walkState = state; walkCount = count;
        for (const m of fold.multi.get(unit)!) {
          codes[n] = m; starts[n] = i; ends[n] = i + 1; flags[n] = foldFlag[unit]! | pendingNoise; pendingNoise = 0;
          feed(m, n++, codes, consumed, flags);
        }
        state = walkState; count = walkCount;
      }
      i++;
    }
    walkLength = n;
    walkSeen = seen;
    return found === undefined ? NO_MATCHES : finish();
  }

  /**
   * walk() for a dictionary with every evasion family off: the fold is the identity, so there is no noise, no multi-code
   * fold and nothing to hand over, and a function of its own keeps the exact scanners' machine code free of the
   * evasion paths (V8 shares one function's optimised code between all automata).
   */
  function walkExact(text: string, gates: Uint8Array): AutomatonMatch[] {
    found = undefined;
    allows = false;
    const len = text.length;
    const size = len + 8;
    const b = walkBuffers;
    if (b.codes.length < size) b.ensure(size);
    if (consumedBuffer.length < size) consumedBuffer = new Int32Array(size);
    const consumed = consumedBuffer;
    const codes = b.codes, starts = b.starts, ends = b.ends, flags = b.flags;
    const root = rootNext, outs = firstOut, failOf = fail, edges = next;
    let state = ROOT;
    let count = 0;
    let n = 0;
    let i = 0;
    while (i < len) {
      let unit = text.charCodeAt(i);
      if (state === ROOT) {
        while (gates[unit] === 0 && ++i < len) unit = text.charCodeAt(i);
        if (i >= len) break;
      }
      let c = unit;
      let width = 1;
      if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < len) {
        const cp = text.codePointAt(i)!;
        if (cp > 0xffff) { c = cp; width = 2; }
      }
      codes[n] = c; starts[n] = i; ends[n] = i + width; flags[n] = 0;
      if (state === ROOT) {
        const t = c < 0x10000 ? root[c]! : (rootAstral.get(c) ?? -1);
        consumed[count++] = n;
        if (t >= 0) {
          state = t;
          if (outs[t]! >= 0) report(t, n, count, consumed, flags);
        }
      } else {
        let t = edges.get(state, c);
        consumed[count++] = n;
        let s = state;
        while (t < 0) {
          s = failOf[s]!;
          if (s === ROOT) { t = c < 0x10000 ? root[c]! : (rootAstral.get(c) ?? -1); if (t < 0) t = ROOT; break; }
          t = edges.get(s, c);
        }
        state = t;
        if (t !== ROOT && outs[t]! >= 0) report(t, n, count, consumed, flags);
      }
      n++;
      i += width;
    }
    walkLength = n;
    walkSeen = 0;
    return found === undefined ? NO_MATCHES : finish();
  }

  /** Whether a normalized code begins some entry (what Normalizer.startTable asks). */
  function canStart(code: number): boolean {
    return code < 0x10000 ? rootNext[code]! >= 0 : rootAstral.has(code);
  }

  function suppressAllowed(found: AutomatonMatch[]): AutomatonMatch[] {
    if (!found.some((m) => entries[m.entry]!.kind === 'allow')) return found;
    const allows = found.filter((m) => entries[m.entry]!.kind === 'allow');
    const terms = found.filter((m) => entries[m.entry]!.kind === 'term');
    // An allow word suppresses a term only where it contains that very occurrence (第一次 hides
    // the 第一 inside it, not a 第一 elsewhere in the comment).
    return terms.filter((t) => {
      const scope = entries[t.entry]!.scope;
      return !allows.some((a) => entries[a.entry]!.scope === scope && a.first <= t.first && t.last <= a.last);
    });
  }

  return { entries, options, match, walk, walkExact, walkStream: () => walkBuffers.view(walkLength), walkSeen: () => walkSeen, canStart };
}
