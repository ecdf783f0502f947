import { describe, expect, it } from 'vitest';
import { createAnalyser, DEFAULT_LEXICON } from './analyser';
import { effectiveLexicon } from './sentiment.rules';

const stored = (term: string, kind: string, extra: Partial<{ weight: number | null; aspect: string | null; enabled: boolean }> = {}) => ({ term, kind, weight: null, aspect: null, enabled: true, ...extra });

describe('effectiveLexicon', () => {
  it('is the shipped lexicon when nothing is stored', () => {
    expect(effectiveLexicon([])).toHaveLength(DEFAULT_LEXICON.length);
  });

  it('adds, replaces by term (ignoring case and spaces) and removes switched-off entries', () => {
    const lex = effectiveLexicon([stored('芭比Q', 'negative', { weight: 2 }), stored(' YYDS ', 'neutral'), stored('质量差', 'negative', { enabled: false })]);
    expect(lex).toHaveLength(DEFAULT_LEXICON.length); // one added, one replaced, one removed
    expect(lex.find((e) => e.term === '芭比Q')).toEqual({ term: '芭比Q', kind: 'negative', weight: 2 });
    expect(lex.filter((e) => e.term.toLowerCase() === 'yyds')).toEqual([{ term: 'YYDS', kind: 'neutral' }]);
    expect(lex.some((e) => e.term === '质量差')).toBe(false);
  });

  it('changes what the analyser says', () => {
    const a = createAnalyser(effectiveLexicon([stored('芭比Q', 'negative', { weight: 2, aspect: 'quality' }), stored('yyds', 'positive', { enabled: false })]));
    expect(a.analyse('芭比Q了').label).toBe('negative');
    expect(a.analyse('芭比Q了').aspects).toEqual(['quality']);
    expect(a.analyse('yyds').label).toBe('neutral');
  });
});
