import { describe, expect, it } from 'vitest';
import corpus from './corpus/corpus.json';
import { DEFAULT_PACKS } from './packs';
import { compileScanner, createScanner, type Finding, type RulePack } from './scanner';

interface CorpusFinding {
  rule: string;
  term: string;
  start: number;
  end: number;
  highlight: string;
  evasion: string[];
}
interface CorpusFamily {
  cases: Array<{ text: string; findings: CorpusFinding[] }>;
  traps: string[];
}

const families = corpus.families as Record<string, CorpusFamily>;
const scanner = compileScanner(DEFAULT_PACKS);
const view = (f: Finding) => ({ rule: f.rule, term: f.term, start: f.start, end: f.end, evasion: f.evasion });
const order = (a: { start: number; end: number; rule: string; term: string }, b: typeof a) =>
  a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule) || a.term.localeCompare(b.term);

describe.each(Object.entries(families))('corpus: %s', (_family, { cases, traps }) => {
  it.each(cases)('finds: $text', ({ text, findings }) => {
    for (const f of findings) expect(text.slice(f.start, f.end), 'corpus span matches its highlight').toBe(f.highlight);
    const expected = findings.map(({ highlight: _h, ...f }) => f).sort(order);
    expect(scanner.scan({ text }).map(view).sort(order)).toEqual(expected);
  });

  it.each(traps)('stays clean: %s', (text) => {
    expect(scanner.scan({ text })).toEqual([]);
  });

  it('has cases and traps', () => {
    expect(cases.length).toBeGreaterThan(0);
    expect(traps.length).toBeGreaterThan(0);
  });
});

describe('scanner', () => {
  it('returns rule metadata and a suggestion', () => {
    const [f] = scanner.scan({ text: '全球首发' });
    expect(f).toMatchObject({ rule: 'ad-law.9.absolute', category: 'absolute', severity: 'block', term: '全球首发', start: 0, end: 4, evasion: [] });
    expect(f?.suggestion).toBeTruthy();
  });

  it('applies category rules only to their product categories', () => {
    const rules = (category?: 'cosmetics' | 'food' | 'health_food') => scanner.scan({ text: '可以降血压', ...(category ? { category } : {}) }).map((f) => f.rule);
    expect(rules('food')).toEqual(['ad-law.17.food']);
    expect(rules('health_food')).toEqual(['ad-law.18.health-food']);
    expect(rules('cosmetics')).toEqual([]);
    expect(rules()).toEqual(['ad-law.17.food', 'ad-law.18.health-food']);
  });

  it('switches an evasion family off per pack', () => {
    const pack = (noise: boolean): RulePack => ({
      id: 't', name: { zh: 't', en: 't' }, evasion: { width: true, noise },
      rules: [{ id: 'r', category: 'c', severity: 'warn', basis: { zh: '', en: '' }, terms: ['最好'] }],
    });
    expect(compileScanner([pack(true)]).scan({ text: '最 好' })).toHaveLength(1);
    expect(compileScanner([pack(false)]).scan({ text: '最 好' })).toHaveLength(0);
  });

  it('uses an edited look-alike table', () => {
    const pack: RulePack = {
      id: 't', name: { zh: 't', en: 't' }, evasion: { lookalike: true },
      rules: [{ id: 'r', category: 'c', severity: 'warn', basis: { zh: '', en: '' }, terms: ['微信'] }],
    };
    expect(compileScanner([pack], { lookalikes: [] }).scan({ text: '薇信' })).toEqual([]);
    expect(compileScanner([pack], { lookalikes: [{ from: '卫星', to: '微信' }] }).scan({ text: '加卫星' })).toMatchObject([{ term: '微信', start: 1, end: 3, evasion: ['lookalike'] }]);
  });

  it('every default rule has a severity and a basis in zh and en', () => {
    for (const pack of DEFAULT_PACKS) {
      for (const rule of [...pack.rules, ...(pack.patterns ?? [])]) {
        expect(['info', 'warn', 'block']).toContain(rule.severity);
        expect(rule.basis.zh.length).toBeGreaterThan(0);
        expect(rule.basis.en.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('createScanner (ad-hoc dictionary)', () => {
  it('matches through every family, pinyin included, and reports the dictionary spelling', () => {
    const s = createScanner({ terms: ['加微信', '最好'], allow: ['最好的朋友'] });
    expect(s.scan('jia wei xin').map((f) => [f.term, f.start, f.end, f.evasion])).toEqual([['加微信', 0, 11, ['noise', 'pinyin']]]);
    expect(s.scan('最😀好').map((f) => [f.rule, f.term, f.start, f.end])).toEqual([['ad-hoc', '最好', 0, 4]]);
    expect(s.scan('我最好的朋友')).toEqual([]);
  });

  it('honours switched-off families', () => {
    const s = createScanner({ terms: ['最好'], evasion: { noise: false } });
    expect(s.scan('最 好')).toEqual([]);
  });
});

describe('host code of conduct samples', () => {
  it.each([
    ['这串手串已开光，能转运', ['host.21.superstition', 'host.21.superstition']],
    ['带你玩网赌', ['host.11.illegal']],
    ['家人们 马 上 封 城 了快囤货', ['host.12.rumour']],
    ['主播是榜一大哥捧的', ['host.28.tipping']],
    ['童模带货的小裙子', ['host.20.minors']],
  ])('%s', (text, rules) => {
    expect(scanner.scan({ text }).map((f) => f.rule)).toEqual(rules);
  });
});

describe('contexts', () => {
  it('fires a context-limited rule only in its contexts', () => {
    const pack: RulePack = {
      id: 't', name: { zh: 't', en: 't' }, evasion: {},
      rules: [{ id: 'r', category: 'c', severity: 'info', basis: { zh: '', en: '' }, terms: ['秒杀'], contexts: ['title'] }],
    };
    const s = compileScanner([pack]);
    expect(s.scan({ text: '秒杀', context: 'title' })).toHaveLength(1);
    expect(s.scan({ text: '秒杀', context: 'comment' })).toHaveLength(0);
    expect(s.scan({ text: '秒杀' })).toHaveLength(1);
  });
});
