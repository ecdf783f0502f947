import { compileAutomaton, GATE_LOOKALIKE, GATE_PATTERN, GATE_SURROGATE, GATE_TERM, GATE_URL, type Automaton, type AutomatonEntry, type AutomatonMatch } from './automaton';
import {
  ALL_EVASION_ON,
  compileLookalikes,
  DEFAULT_LOOKALIKES,
  EVASION_FAMILIES,
  evasionNames,
  FLAG,
  Normalizer,
  type CompiledLookalikes,
  type EvasionFamily,
  type EvasionSwitches,
  type Lookalike,
  type NormalizeOptions,
  type NormalizedText,
} from './normalize';
import { findPatterns, isShortLink, type PatternKind } from './patterns';
import { pinyinVariants } from './pinyin';

export type Severity = 'info' | 'warn' | 'block';
export type ScanContext = 'script' | 'title' | 'product_copy' | 'comment' | 'transcript';
/** Product categories the medical/efficacy rules distinguish (广告法 Art. 16/17/18). */
export type ProductCategory = 'cosmetics' | 'food' | 'health_food' | 'medical' | 'general';

export interface Basis {
  readonly zh: string;
  readonly en: string;
}

/** A word-list rule: every term is matched through the pack's evasion families. */
export interface TermRule {
  readonly id: string;
  readonly category: string;
  readonly severity: Severity;
  readonly basis: Basis;
  readonly terms: readonly string[];
  /** High-risk terms are also matched by their pinyin and initials when the pack's pinyin family is on. */
  readonly highRisk?: boolean;
  /** When set, the rule fires only for these product categories (or when the input has none). */
  readonly productCategories?: readonly ProductCategory[];
  /** When set, the rule fires only in these contexts (or when the input has none). */
  readonly contexts?: readonly ScanContext[];
  readonly suggestion?: string;
}

/** A pattern rule: phone numbers, ids, links, price and prize claims (see patterns.ts). */
export interface PatternRule {
  readonly id: string;
  readonly pattern: PatternKind;
  readonly category: string;
  readonly severity: Severity;
  readonly basis: Basis;
  readonly contexts?: readonly ScanContext[];
  readonly suggestion?: string;
}

export interface RulePack {
  readonly id: string;
  readonly name: Basis;
  /** Evasion families this pack sees through; families left out are off. */
  readonly evasion: EvasionSwitches;
  readonly rules: readonly TermRule[];
  readonly patterns?: readonly PatternRule[];
  /** Innocent words containing a listed term (第一次, 最近); they suppress matches of this pack at their position only. */
  readonly allow?: readonly string[];
}

export interface ScannerOptions {
  /** The editable look-alike / homophone table; DEFAULT_LOOKALIKES when omitted. */
  readonly lookalikes?: readonly Lookalike[];
}

export interface ScanInput {
  readonly text: string;
  readonly context?: ScanContext;
  readonly category?: ProductCategory;
}

export interface Finding {
  readonly rule: string;
  readonly category: string;
  readonly severity: Severity;
  /** The dictionary's own spelling; for pattern rules, the normalized text the pattern matched. */
  readonly term: string;
  /** UTF-16 offsets into the original text, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** Evasion families the match saw through, in EVASION_FAMILIES order. */
  readonly evasion: EvasionFamily[];
  readonly suggestion?: string;
}

export interface Scanner {
  scan(input: ScanInput): Finding[];
}

/** The same scan without an input object (the hot path of ad-hoc scanners and live scanning). */
interface ScanText {
  scanText(text: string, context?: ScanContext, category?: ProductCategory): Finding[];
}

interface RuleRef {
  readonly rule: TermRule;
  readonly term: string;
}

interface Group {
  readonly normalizer: Normalizer;
  readonly automaton: Automaton | undefined;
  readonly refs: readonly (RuleRef | undefined)[];
  readonly patterns: readonly PatternRule[];
  readonly kinds: ReadonlySet<PatternKind>;
  /**
   * Per UTF-16 unit, two start tables (Normalizer.startTable) in one byte: bits 0–1 where a term or allow word could
   * begin, bits 2–3 where the folded text has a digit or 价/奖/中, which every dense pattern needs.
   */
  readonly gates: Uint8Array;
  readonly densePatterns: boolean;
  /** Every evasion family off and no pattern: the identity fold, walked by Automaton.walkExact. */
  readonly exact: boolean;
  readonly urls: boolean;
  /** A direct-mapped cache of astralGate: code point and bits per slot (cp & ASTRAL_SLOTS - 1); -1 is empty. */
  readonly astralCodes: Int32Array;
  readonly astralBits: Uint8Array;
  readonly gateAstral: (cp: number) => number;
}

const NEVER = new Uint8Array(0x10000);
const EMPTY_TEXT: NormalizedText = { length: 0, codes: new Int32Array(0), starts: new Int32Array(0), ends: new Int32Array(0), flags: new Uint16Array(0) };

/** Not part of the module's API: tests switch the start gates off to check that they never change a finding. */
export const scanGates = { on: true };

/** Whether a folded code can take part in a dense pattern (findPatterns' own gate). */
function isPatternKey(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x4ef7 || c === 0x5956 || c === 0x4e2d;
}

/** One byte per UTF-16 unit with the GATE_* bits of three start tables (Normalizer.startTable, lookalikeTable). */
function combineGates(terms: Uint8Array, patterns: Uint8Array, lookalikes: Uint8Array, urls: boolean): Uint8Array {
  const out = new Uint8Array(0x10000);
  if (urls) for (const dot of '.。．') out[dot.charCodeAt(0)] = GATE_URL;
  for (let unit = 0; unit < 0x10000; unit++) {
    const t = terms[unit]!, p = patterns[unit]!, l = lookalikes[unit]!;
    out[unit] = out[unit]! | (t & 1 ? GATE_TERM : 0) | (p & 1 ? GATE_PATTERN : 0) | (l & 1 ? GATE_LOOKALIKE : 0) | ((t | p | l) & 2 ? GATE_SURROGATE : 0);
  }
  return out;
}

const ASTRAL_SLOTS = 1024;

/** The GATE_* bits of an astral code point (never GATE_SURROGATE); emoji recur, so they are cached per group. */
function astralGate(g: Group, cp: number): number {
  const slot = cp & (ASTRAL_SLOTS - 1);
  if (g.astralCodes[slot] === cp) return g.astralBits[slot]!;
  const gate = (g.automaton && g.normalizer.startsAstral(cp, g.automaton.canStart) ? GATE_TERM : 0) |
    (g.densePatterns && g.normalizer.startsAstral(cp, isPatternKey, false) ? GATE_PATTERN : 0) |
    (g.normalizer.startsLookalikeAstral(cp) ? GATE_LOOKALIKE : 0);
  g.astralCodes[slot] = cp;
  g.astralBits[slot] = gate;
  return gate;
}

function evasionKey(ev: EvasionSwitches): string {
  return EVASION_FAMILIES.filter((f) => ev[f] === true).join(',');
}

function applies(
  rule: { contexts?: readonly ScanContext[]; productCategories?: readonly ProductCategory[] },
  context: ScanContext | undefined,
  category: ProductCategory | undefined,
): boolean {
  if (rule.contexts && context && !rule.contexts.includes(context)) return false;
  if (rule.productCategories && category && !rule.productCategories.includes(category)) return false;
  return true;
}

/**
 * Compiles rule packs into one automaton per distinct evasion setting (the default packs share
 * one), so a scan normalizes the text once per setting and walks it once.
 */
export function compileScanner(packs: readonly RulePack[], options: ScannerOptions = {}): Scanner {
  return compile(packs, options);
}

function compile(packs: readonly RulePack[], options: ScannerOptions): Scanner & ScanText {
  const lookalikes: CompiledLookalikes = compileLookalikes(options.lookalikes ?? DEFAULT_LOOKALIKES);
  const byEvasion = new Map<string, { evasion: EvasionSwitches; entries: AutomatonEntry[]; refs: (RuleRef | undefined)[]; patterns: PatternRule[] }>();
  packs.forEach((pack, packIndex) => {
    const key = evasionKey(pack.evasion);
    let g = byEvasion.get(key);
    if (!g) { g = { evasion: pack.evasion, entries: [], refs: [], patterns: [] }; byEvasion.set(key, g); }
    for (const rule of pack.rules) {
      for (const term of rule.terms) {
        g.entries.push({ term, kind: 'term', ref: g.refs.length, scope: packIndex });
        g.refs.push({ rule, term });
        if (rule.highRisk !== true || pack.evasion.pinyin !== true) continue;
        for (const spelling of pinyinVariants(term)) {
          g.entries.push({ term, spelling, evasion: FLAG.pinyin, kind: 'term', ref: g.refs.length, scope: packIndex });
          g.refs.push({ rule, term });
        }
      }
    }
    for (const word of pack.allow ?? []) {
      g.entries.push({ term: word, kind: 'allow', ref: -1, scope: packIndex });
      g.refs.push(undefined);
    }
    g.patterns.push(...(pack.patterns ?? []));
  });
  const groups: Group[] = [...byEvasion.values()].map((g) => {
    const opts: NormalizeOptions = { evasion: g.evasion, lookalikes };
    const normalizer = new Normalizer(opts);
    const automaton = g.entries.length > 0 ? compileAutomaton(g.entries, opts) : undefined;
    const kinds = new Set(g.patterns.map((r) => r.pattern));
    const dense = [...kinds].some((k) => k !== 'url');
    const group: Group = {
      normalizer,
      automaton,
      refs: g.refs,
      patterns: g.patterns,
      kinds,
      gates: combineGates(
        automaton ? normalizer.startTable(automaton.canStart) : NEVER,
        dense ? normalizer.startTable(isPatternKey, false) : NEVER,
        automaton ? normalizer.lookalikeTable() : NEVER,
        kinds.has('url'),
      ),
      densePatterns: dense,
      exact: EVASION_FAMILIES.every((f) => g.evasion[f] !== true) && kinds.size === 0,
      urls: kinds.has('url'),
      astralCodes: new Int32Array(ASTRAL_SLOTS).fill(-1),
      astralBits: new Uint8Array(ASTRAL_SLOTS),
      gateAstral: (cp: number) => astralGate(group, cp),
    };
    return group;
  });

  function scanText(text: string, context: ScanContext | undefined, category: ProductCategory | undefined): Finding[] {
    let findings: Finding[] | undefined;
    dedupeKeys = undefined;
    for (let gi = 0; gi < groups.length; gi++) {
      const g = groups[gi]!;
      // The automaton's fused walk folds the text itself and passes over every unit that cannot begin a term,
      // which is most of a comment. It gives up where the full path is needed: a unit that begins a look-alike
      // (the normalizer's second pass) or could be part of a dense pattern (they read the whole stream).
      let dense: NormalizedText = EMPTY_TEXT;
      let stream: NormalizedText = EMPTY_TEXT;
      let matches: readonly AutomatonMatch[] | null = null;
      let patternsNeeded = g.patterns.length > 0;
      if (g.automaton && scanGates.on) {
        matches = g.exact ? g.automaton.walkExact(text, g.gates) : g.automaton.walk(text, g.normalizer.fold, g.gates, g.gateAstral, GATE_LOOKALIKE | GATE_PATTERN);
        if (matches) {
          if (matches.length > 0) stream = g.automaton.walkStream();
          patternsNeeded = g.urls && (g.automaton.walkSeen() & GATE_URL) !== 0;
        }
      }
      if (!matches) {
        // Pattern rules read the whole stream before look-alikes (v → 微 would break ids and digits), the
        // automaton the stream after them: one normalization per evasion setting serves both.
        const r = g.normalizer.run(text);
        dense = r.base;
        stream = r.full;
        if (g.automaton) matches = g.automaton.match(stream);
      }
      if (matches) {
        for (let k = 0; k < matches.length; k++) {
          const m = matches[k]!;
          const ref = g.refs[m.entry];
          if (!ref) continue;
          const rule = ref.rule;
          if (!applies(rule, context, category)) continue;
          const start = stream.starts[m.first]!;
          const end = stream.ends[m.last]!;
          // Several spellings of one term (微信, 薇信, pinyin) can land on the same span for the same rule.
          if (findings && isDuplicate(findings, rule.id, start, end)) continue;
          (findings ??= []).push(toFinding(rule.id, rule, ref.term, start, end, m.evasion));
        }
      }
      if (!patternsNeeded) continue;
      for (const hit of findPatterns(text, dense, g.kinds)) {
        let start: number;
        let end: number;
        let mask = 0;
        if (hit.original) {
          start = hit.first;
          end = hit.last;
          for (let i = start; i < end; i++) {
            const c = text.charCodeAt(i);
            if ((c >= 0xff01 && c <= 0xff5e) || c === 0x3002) mask |= FLAG.width;
          }
        } else {
          start = dense.starts[hit.first]!;
          end = dense.ends[hit.last]!;
          for (let i = hit.first; i <= hit.last; i++) mask |= dense.flags[i]! & (i === hit.first ? ~FLAG.noise : 0xffff);
          // The id patterns spell the look-alikes out (扣扣, 薇信, vx) because the dense stream has none.
          if ((hit.kind === 'qq' || hit.kind === 'wechat') && !/^(?:qq|微信|wechat|weixin)/.test(hit.seen)) mask |= FLAG.lookalike;
        }
        for (const rule of g.patterns) {
          if (rule.pattern !== hit.kind || !applies(rule, context, category)) continue;
          const shortLink = hit.kind === 'url' && isShortLink(hit.seen);
          const id = shortLink ? `${rule.id}.short-link` : rule.id;
          if (findings && isDuplicate(findings, id, start, end)) continue;
          (findings ??= []).push(toFinding(id, rule, hit.seen, start, end, mask));
        }
      }
    }
    if (!findings) return [];
    if (findings.length > 1) findings.sort(byPosition);
    return findings;
  }

  return { scan: (input) => scanText(input.text, input.context, input.category), scanText };
}

// Keys of the findings of the scan in progress, once they are too many to search (scans are synchronous).
let dedupeKeys: Set<string> | undefined;

/** Whether `findings` already has `rule` on [start, end); findings are few, so the list is searched until it is long. */
function isDuplicate(findings: readonly Finding[], rule: string, start: number, end: number): boolean {
  if (findings.length < LINEAR_DEDUPE) {
    for (let i = findings.length - 1; i >= 0; i--) {
      const f = findings[i]!;
      if (f.start === start && f.end === end && f.rule === rule) return true;
    }
    return false;
  }
  if (!dedupeKeys) {
    dedupeKeys = new Set<string>();
    for (const f of findings) dedupeKeys.add(`${f.rule}\u0000${f.start}\u0000${f.end}`);
  }
  const key = `${rule}\u0000${start}\u0000${end}`;
  if (dedupeKeys.has(key)) return true;
  dedupeKeys.add(key);
  return false;
}
const LINEAR_DEDUPE = 32;

function toFinding(id: string, rule: TermRule | PatternRule, term: string, start: number, end: number, mask: number): Finding {
  const evasion = evasionNames(mask);
  // Two fixed shapes rather than a spread: a finding is made on the hot path of every matching comment.
  return rule.suggestion
    ? { rule: id, category: rule.category, severity: rule.severity, term, start, end, evasion, suggestion: rule.suggestion }
    : { rule: id, category: rule.category, severity: rule.severity, term, start, end, evasion };
}

function byPosition(a: Finding, b: Finding): number {
  return a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule);
}

/** One ad-hoc dictionary, as the rule editor's "try it" box and the CLI's `terms`/`allow` use it. */
export interface AdHocDictionary {
  readonly terms: readonly string[];
  readonly allow?: readonly string[];
  /** Every family on, pinyin included, unless told otherwise. */
  readonly evasion?: EvasionSwitches;
  readonly lookalikes?: readonly Lookalike[];
}

export interface AdHocScanner {
  scan(text: string, context?: ScanContext): Finding[];
}

/**
 * Compiles an ad-hoc dictionary into a scanner (the library entry point the benchmark uses).
 * Findings carry rule and category 'ad-hoc' and severity 'warn'; no pattern rules run.
 */
export function createScanner(dictionary: AdHocDictionary): AdHocScanner {
  const pack: RulePack = {
    id: 'ad-hoc',
    name: { zh: '临时词表', en: 'Ad-hoc dictionary' },
    evasion: dictionary.evasion ?? ALL_EVASION_ON,
    rules: [{ id: 'ad-hoc', category: 'ad-hoc', severity: 'warn', basis: { zh: '临时词表', en: 'Ad-hoc dictionary' }, terms: dictionary.terms, highRisk: true }],
    allow: dictionary.allow ?? [],
  };
  const scanner = compile([pack], dictionary.lookalikes ? { lookalikes: dictionary.lookalikes } : {});
  return { scan: scanner.scanText };
}
