import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS as D } from '../../../contracts/alerts';
import { complianceFirings, gmvPace, mergeThresholds, negativeBaseline, sentimentSurge, streamSilent, viewerDrop, type FindingFact, type SentimentMinute } from './alerts.rules';

const T0 = Date.parse('2026-12-01T11:00:00.000Z');
const at = (min: number) => new Date(T0 + min * 60_000).toISOString();

describe('complianceFirings', () => {
  const f = (id: number, min: number, source: FindingFact['source'], severity: FindingFact['severity'], term = '最'): FindingFact => ({ id, eventId: id, at: at(min), source, severity, term });
  it.each([
    ['nothing new', [], [], []],
    ['a block in host speech is critical', [f(1, 0, 'transcript', 'block', '全网最低')], null, [['block_speech', 'critical', 1]]],
    ['a block in a comment is not host speech', [f(1, 0, 'comment', 'block')], null, []],
    ['info findings never add up', [f(5, 4, 'comment', 'info')], [1, 2, 3, 4, 5].map((i) => f(i, i - 1, 'comment', 'info')), []],
    ['five flagged lines within ten minutes', [f(5, 9, 'comment', 'warn')], [1, 2, 3, 4, 5].map((i) => f(i, (i - 1) * 2, 'comment', 'warn')), [['warn_burst', 'warn', 1]]],
    ['five flagged lines spread over more than ten minutes', [f(5, 12, 'comment', 'warn')], [1, 2, 3, 4, 5].map((i) => f(i, (i - 1) * 3, 'comment', 'warn')), []],
  ] as const)('%s', (_name, fresh, recent, expected) => {
    const out = complianceFirings(fresh, recent ?? fresh, D.compliance);
    expect(out.map((o) => [o.rule, o.severity, o.occurrences])).toEqual(expected);
  });
  it('names the terms and can be switched off', () => {
    const fresh = [f(1, 0, 'transcript', 'block', '全网最低'), f(2, 0, 'transcript', 'block', '第一')];
    expect(complianceFirings(fresh, fresh, D.compliance)[0]!.title.zh).toBe('主播口播违规：全网最低、第一');
    // one line with 全网最低 (and the 最低 inside it) is one occurrence, named by its longest term
    const line = [f(3, 0, 'transcript', 'block', '全网最低'), { ...f(4, 0, 'transcript', 'block', '最低'), eventId: 3 }];
    expect(complianceFirings(line, line, D.compliance)[0]).toMatchObject({ occurrences: 1, title: { zh: '主播口播违规：全网最低' } });
    expect(complianceFirings(fresh, fresh, { ...D.compliance, enabled: false })).toEqual([]);
    expect(complianceFirings(fresh, fresh, { ...D.compliance, blockSpeech: false, warnCount: 3 })).toEqual([]);
  });
});

describe('sentimentSurge', () => {
  const m = (min: number, negative: number, volume: number): SentimentMinute => ({ minute: at(min), positive: volume - negative, neutral: 0, negative });
  const calm = Array.from({ length: 10 }, (_, i) => m(i, 2, 40)); // 5 %
  it.each([
    ['a calm minute', m(10, 2, 40), calm, null],
    ['too few comments to judge', m(10, 10, 12), calm, null],
    ['a surge over a calm baseline', m(10, 16, 40), calm, 'warn'],
    ['a majority negative is critical', m(10, 30, 40), calm, 'critical'],
    ['a room that is always grumpy is not surging', m(10, 16, 40), Array.from({ length: 10 }, (_, i) => m(i, 14, 40)), null],
    ['no history: the prior baseline (10 %)', m(10, 13, 40), [], 'warn'],
    ['no history, a mild minute', m(10, 6, 40), [], null],
  ] as const)('%s', (_name, current, history, severity) => {
    expect(sentimentSurge(current, history, D.sentiment)?.severity ?? null).toBe(severity);
  });
  it('baseline is an EWMA with a floor, skipping minutes without volume', () => {
    expect(negativeBaseline([], 20)).toEqual({ ratio: 0.1, samples: 0 });
    expect(negativeBaseline([m(0, 0, 40)], 20).ratio).toBe(0.05);
    expect(negativeBaseline([m(0, 10, 40), m(1, 0, 2), m(2, 20, 40)], 20, 0.5)).toEqual({ ratio: 0.375, samples: 2 });
  });
  it('carries its numbers', () => {
    expect(sentimentSurge(m(10, 16, 40), calm, D.sentiment)!.detail.metrics).toMatchObject({ ratio: 40, baseline: 5, negative: 16, volume: 40 });
  });
});

describe('viewerDrop', () => {
  const v = (pairs: [number, number | null][]) => pairs.map(([min, viewers]) => ({ minute: at(min), viewers }));
  it.each([
    ['steady', v([[0, 1000], [1, 990], [2, 1010]]), null],
    ['a 40 % drop within 5 minutes', v([[0, 1000], [1, 900], [2, 600]]), 'warn'],
    ['exactly 30 % is not more than 30 %', v([[0, 1000], [2, 700]]), null],
    ['a 70 % drop is critical', v([[0, 1000], [3, 300]]), 'critical'],
    ['the peak fell out of the window', v([[0, 1000], [6, 900], [7, 650]]), null],
    ['too small a room', v([[0, 40], [1, 10]]), null],
    ['minutes without a count are skipped', v([[0, 1000], [1, null], [2, 500]]), 'warn'],
    ['nothing reported', v([[0, null]]), null],
  ] as const)('%s', (_name, minutes, severity) => {
    expect(viewerDrop(minutes, D.viewerDrop)?.severity ?? null).toBe(severity);
  });
});

describe('streamSilent', () => {
  const s = { status: 'live', plannedStart: at(0), plannedEnd: at(120), lastEventAt: at(10) as string | null };
  const now = (min: number) => T0 + min * 60_000;
  it.each([
    ['events two minutes ago', s, now(12), null],
    ['three minutes of silence', s, now(13), 3],
    ['after the planned end', s, now(121), null],
    ['before the planned start', { ...s, lastEventAt: null }, now(-5), null],
    ['nothing since the planned start', { ...s, status: 'scheduled', lastEventAt: null }, now(4), 4],
    ['an ended show is not silent', { ...s, status: 'ended' }, now(30), null],
    ['a draft is not on the air', { ...s, status: 'draft', lastEventAt: null }, now(30), null],
  ] as const)('%s', (_name, session, t, minutes) => {
    expect(streamSilent(session, t, D.streamSilent)?.detail.metrics.silentMinutes ?? null).toBe(minutes);
  });
});

describe('gmvPace', () => {
  const p = { status: 'live', goalGmvFen: 1_200_000, plannedStart: at(0), plannedEnd: at(120), startedAt: at(0), gmvFen: 0 };
  const now = (min: number) => T0 + min * 60_000;
  it.each([
    ['in the warm-up', p, now(10), null],
    ['on pace', { ...p, gmvFen: 300_000 }, now(30), null],
    ['40 % behind', { ...p, gmvFen: 180_000 }, now(30), 'warn'],
    ['nothing sold an hour in', p, now(60), 'critical'],
    ['no goal', { ...p, goalGmvFen: null }, now(60), null],
    ['not live', { ...p, status: 'ended' }, now(60), null],
    ['past the planned end, the whole goal is due', { ...p, gmvFen: 800_000 }, now(150), 'warn'],
  ] as const)('%s', (_name, facts, t, severity) => {
    expect(gmvPace(facts, t, D.gmvPace)?.severity ?? null).toBe(severity);
  });
  it('numbers', () => {
    expect(gmvPace({ ...p, gmvFen: 180_000 }, now(30), D.gmvPace)!.detail.metrics).toMatchObject({ expectedFen: 300_000, actualFen: 180_000, behindPercent: 40 });
  });
});

describe('mergeThresholds', () => {
  it('fills what a stored set lacks from the defaults', () => {
    expect(mergeThresholds(D, null)).toEqual(D);
    expect(mergeThresholds(D, { viewerDrop: { percent: 50 } }).viewerDrop).toEqual({ ...D.viewerDrop, percent: 50 });
  });
});
