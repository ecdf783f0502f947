import { describe, expect, it } from 'vitest';
import { band, commentThemes, isQuestion, minutesBetween, productRuns, questionKey, segment, slotTimes, type PlannedSlot } from './review.rules';

const slots: PlannedSlot[] = [
  { position: 1, productId: 'p-a', productSku: 'A', plannedMinutes: 10 },
  { position: 2, productId: 'p-b', productSku: 'B', plannedMinutes: 15 },
  { position: 3, productId: 'p-c', productSku: 'C', plannedMinutes: 5 },
];
const T = (m: number) => new Date(Date.parse('2026-12-01T12:00:00.000Z') + m * 60_000).toISOString();

describe('productRuns', () => {
  it('cuts a run where the product changes', () => {
    expect(productRuns([{ at: T(1), ref: 'A' }, { at: T(2), ref: 'A' }, { at: T(3), ref: 'B' }, { at: T(4), ref: 'A' }])).toEqual([
      { ref: 'A', firstAt: T(1) },
      { ref: 'B', firstAt: T(3) },
      { ref: 'A', firstAt: T(4) },
    ]);
  });
});

describe('slotTimes', () => {
  it.each([
    {
      name: 'products change in run-of-show order: the first slot starts with the show, each ends where the next starts',
      runs: [{ ref: 'A', firstAt: T(2) }, { ref: 'B', firstAt: T(12) }, { ref: 'C', firstAt: T(30) }],
      timing: 'events',
      times: [[T(0), T(12)], [T(12), T(30)], [T(30), T(40)]],
    },
    {
      name: 'a stray late order of the previous product does not move a slot; the sku or the product id both match',
      runs: [{ ref: 'A', firstAt: T(1) }, { ref: 'p-b', firstAt: T(11) }, { ref: 'A', firstAt: T(13) }, { ref: 'B', firstAt: T(14) }, { ref: 'C', firstAt: T(28) }],
      timing: 'events',
      times: [[T(0), T(11)], [T(11), T(28)], [T(28), T(40)]],
    },
    {
      name: 'a product never sold: that slot is not seen and the one before runs on to the next seen',
      runs: [{ ref: 'A', firstAt: T(0) }, { ref: 'C', firstAt: T(25) }],
      timing: 'events',
      times: [[T(0), T(25)], [null, null], [T(25), T(40)]],
    },
    {
      name: 'no product references at all: planned lengths laid from the first event',
      runs: [{ ref: 'Z', firstAt: T(3) }],
      timing: 'planned',
      times: [[T(0), T(10)], [T(10), T(25)], [T(25), T(30)]],
    },
  ])('$name', ({ runs, timing, times }) => {
    const r = slotTimes(slots, runs, T(0), T(40));
    expect(r.timing).toBe(timing);
    expect(r.times.map((t) => [t.start, t.end])).toEqual(times);
  });

  it('says none when the show never sent an event', () => {
    expect(slotTimes(slots, [], null, null)).toEqual({ timing: 'none', times: [{ start: null, end: null }, { start: null, end: null }, { start: null, end: null }] });
  });

  it('minutesBetween: one decimal, null when open', () => {
    expect(minutesBetween(T(0), new Date(Date.parse(T(0)) + 150_000).toISOString())).toBe(2.5);
    expect(minutesBetween(T(0), null)).toBeNull();
  });
});

describe('comment themes', () => {
  it.each([
    ['多少钱？', true],
    ['几号链接', true],
    ['敏感肌能用吗', true],
    ['有没有赠品', true],
    ['link几号啊', true],
    ['is it waterproof?', true],
    ['已拍', false],
    ['主播好美', false],
    ['666', false],
  ])('isQuestion(%s) = %s', (text, expected) => expect(isQuestion(text)).toBe(expected));

  it('groups questions by their text without punctuation, case or trailing particles', () => {
    expect(questionKey('多少钱？')).toBe(questionKey('多少钱'));
    expect(questionKey('有优惠吗？？ ')).toBe('有优惠吗');
    expect(questionKey('Link 几号啊')).toBe('link几号');
  });

  it('counts words once per comment without stop words or punctuation, and ranks the questions', () => {
    const themes = commentThemes(['多少钱？', '多少钱', '多少钱？', '几号链接？', '颜色好看，颜色绝了', '这个颜色好看', '的的的', '！！！', '已拍']);
    expect(themes.questions).toEqual([
      { text: '多少钱？', count: 3 },
      { text: '几号链接？', count: 1 },
    ]);
    const words = Object.fromEntries(themes.words.map((w) => [w.word, w.count]));
    expect(words['颜色']).toBe(2);
    expect(words['好看']).toBe(2);
    expect(words['链接']).toBe(1);
    for (const stop of ['的', '这个', '！', '？', '，', '多少']) expect(words[stop]).toBeUndefined();
    expect(themes.words[0]).toEqual({ word: '好看', count: 2 });
  });

  it('is empty for no comments', () => {
    expect(commentThemes([])).toEqual({ words: [], questions: [] });
  });
});

describe('band', () => {
  it('places a value below, within or above p10–p90 of the earlier sessions', () => {
    const earlier = [100, 200, 300, 400, 500];
    expect(band(50, earlier)).toEqual({ samples: 5, p10: 140, p50: 300, p90: 460, position: 'below', rank: 0 });
    expect(band(300, earlier)).toMatchObject({ position: 'within', rank: 0.6 });
    expect(band(470, earlier)).toMatchObject({ position: 'above', rank: 0.8 });
  });

  it('has no position without a value or without earlier sessions', () => {
    expect(band(null, [1, 2, 3])).toMatchObject({ samples: 3, position: null, rank: null });
    expect(band(10, [])).toEqual({ samples: 0, p10: null, p50: null, p90: null, position: null, rank: null });
  });
});

describe('segment', () => {
  it('segments many texts in one call and gives each its own words, as cutting them one by one does', async () => {
    const { cut } = await import('jieba-wasm');
    const texts = ['几号链接？', '这个色号绝美', '回购第三次了，好用', '多少钱啊', '几号链接？', 'link几号啊', '主播 讲得 好清楚', ''];
    const many = segment(texts);
    expect(many.size).toBe(7);
    for (const t of texts) expect(many.get(t), t).toEqual(cut(t, true));
    expect(segment([])).toEqual(new Map());
  });
});
