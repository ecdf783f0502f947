import { describe, expect, it } from 'vitest';
import corpus from './corpus/labelled.json';
import { analyse, createAnalyser, DEFAULT_LEXICON, LABEL_THRESHOLD, mergeLexicon, type SentimentLabel } from './index';

interface Labelled {
  text: string;
  label: SentimentLabel;
  tag: string;
}
const comments = corpus.comments as Labelled[];
const label = (text: string) => analyse(text).label;
const score = (text: string) => analyse(text).score;

describe('the labelled corpus', () => {
  it('has at least 300 comments covering every feature', () => {
    expect(comments.length).toBeGreaterThanOrEqual(300);
    for (const tag of ['slang', 'negation', 'sarcasm', 'question', 'purchase', 'english', 'emoji', 'degree']) expect(comments.some((c) => c.tag === tag)).toBe(true);
  });

  it('is classified with an accuracy above 85%', () => {
    const labels: SentimentLabel[] = ['positive', 'neutral', 'negative'];
    const hits = comments.filter((c) => label(c.text) === c.label).length;
    const accuracy = hits / comments.length;
    const recall = labels.map((l) => {
      const of = comments.filter((c) => c.label === l);
      return `${l} ${((of.filter((c) => label(c.text) === l).length / of.length) * 100).toFixed(1)}% of ${of.length}`;
    });
    const byTag = [...new Set(comments.map((c) => c.tag))].map((tag) => {
      const of = comments.filter((c) => c.tag === tag);
      return `${tag} ${of.filter((c) => label(c.text) === c.label).length}/${of.length}`;
    });
    console.log(`sentiment accuracy ${(accuracy * 100).toFixed(1)}% (${hits}/${comments.length}); recall: ${recall.join(', ')}; by tag: ${byTag.join(', ')}`);
    expect(accuracy).toBeGreaterThan(0.85);
  });
});

describe('analyse', () => {
  it('returns a label, a score in [-1, 1] and aspects', () => {
    expect(analyse('质量差，发货慢')).toEqual({ label: 'negative', score: expect.any(Number), aspects: ['quality', 'logistics'] });
    for (const c of comments) {
      const r = analyse(c.text);
      expect(r.score).toBeGreaterThanOrEqual(-1);
      expect(r.score).toBeLessThanOrEqual(1);
      expect(r.label).toBe(r.score >= LABEL_THRESHOLD ? 'positive' : r.score <= -LABEL_THRESHOLD ? 'negative' : 'neutral');
    }
    expect(analyse('')).toEqual({ label: 'neutral', score: 0, aspects: [] });
  });

  it.each([
    ['好看', '不好看'],
    ['好用', '并不好用'],
    ['划算', '一点都不划算'],
    ['喜欢', '没有喜欢'],
    ['推荐', '别推荐'],
    ['good', 'not good'],
    ['worth it', "isn't worth it"],
  ])('negation flips praise: %s → %s', (plain, negated) => {
    expect(label(plain)).toBe('positive');
    expect(label(negated)).toBe('negative');
  });

  it.each([
    ['贵', '不贵'],
    ['起球', '不起球'],
    ['色差', '没有色差'],
    ['bad', 'not bad'],
  ])('negated criticism is mild praise: %s → %s', (plain, negated) => {
    expect(score(plain)).toBeLessThan(0);
    expect(score(negated)).toBeGreaterThan(0);
    expect(Math.abs(score(negated))).toBeLessThan(Math.abs(score(plain)));
  });

  it.each([['不是不好'], ['不是不好看']])('double negation affirms: %s', (text) => {
    expect(label(text)).toBe('positive');
  });

  it.each([
    ['好看', '太好看', '有点好看'],
    ['贵', '非常贵', '略贵'],
    ['满意', '十分满意', '稍微满意'],
    ['cute', 'super cute', 'a bit cute'],
  ])('degree words scale: %s / %s / %s', (plain, strong, weak) => {
    expect(Math.abs(score(strong))).toBeGreaterThan(Math.abs(score(plain)));
    expect(Math.abs(score(weak))).toBeLessThan(Math.abs(score(plain)));
    expect(Math.sign(score(strong))).toBe(Math.sign(score(plain)));
    expect(Math.sign(score(weak))).toBe(Math.sign(score(plain)));
  });

  it.each([['多少钱'], ['几号链接'], ['3号链接多少钱？'], ['好不好看？'], ['会起球吗'], ['有优惠吗'], ['how much?'], ['which link?']])('plain questions are neutral: %s', (text) => {
    expect(label(text)).toBe('neutral');
  });

  it.each([['已拍'], ['拍了两单'], ['已下单'], ['回购'], ['已拍，什么时候发货？'], ['just ordered']])('purchase signals are positive: %s', (text) => {
    expect(label(text)).toBe('positive');
  });

  it.each([['呵呵'], ['真是"好"质量'], ['真是“好”质量'], ['好一个正品'], ['好“划算”哦']])('sarcasm is negative: %s', (text) => {
    expect(label(text)).toBe('negative');
  });

  it.each([
    ['yyds', 'positive'],
    ['绝绝子', 'positive'],
    ['真香', 'positive'],
    ['闭眼入', 'positive'],
    ['踩雷', 'negative'],
    ['智商税', 'negative'],
    ['拔草', 'negative'],
    ['翻车', 'negative'],
    ['😍', 'positive'],
    ['👍', 'positive'],
    ['😡', 'negative'],
    ['💩', 'negative'],
  ] as const)('slang and emoji: %s is %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });

  it('a contrast word lets the second half decide', () => {
    expect(label('好看是好看，就是太贵了')).toBe('negative');
    expect(label('虽然有点贵，但是真的好用')).toBe('positive');
  });

  it('tags aspects', () => {
    expect(analyse('快递太慢了').aspects).toEqual(['logistics']);
    expect(analyse('客服不理人').aspects).toEqual(['service']);
    expect(analyse('主播骗子').aspects).toEqual(['host']);
    expect(analyse('尺码不准').aspects).toEqual(['product_fit']);
    expect(analyse('太贵了，质量也差').aspects).toEqual(['quality', 'price']);
  });

  it('English terms match whole words only, in any case', () => {
    expect(label('GOOD')).toBe('positive');
    expect(label('goods arrived')).toBe('neutral');
    expect(label('Badminton racket')).toBe('neutral');
  });

  it('full-width letters and punctuation fold', () => {
    expect(label('ｙｙｄｓ')).toBe('positive');
    expect(label('多少钱？')).toBe('neutral');
  });
});

describe('the lexicon is data', () => {
  it('an override re-weights or removes a word, and a new word is learnt', () => {
    const custom = createAnalyser(mergeLexicon(DEFAULT_LEXICON, [
      { term: '拔草', kind: 'neutral' },
      { term: '芭比Q', kind: 'negative', weight: 2 },
      { term: '好物', kind: 'positive', weight: 1.5, aspect: 'quality' },
    ]));
    expect(custom.analyse('拔草').label).toBe('neutral');
    expect(custom.analyse('芭比q了').label).toBe('negative');
    expect(custom.analyse('好物推荐').aspects).toEqual(['quality']);
    expect(analyse('芭比Q了').label).toBe('neutral');
  });
});
