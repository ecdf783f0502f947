import { describe, expect, it } from 'vitest';
import type { NormalizedEvent } from '../../../contracts/ingest';
import { accumulate, minuteOf, pickSession, type CandidateSession } from './ingest.rules';

const t = (iso: string) => Date.parse(iso);
const s = (id: string, start: string, end: string, over: Partial<CandidateSession> = {}): CandidateSession => ({ id, start: t(start), end: t(end), status: 'scheduled', isUnplanned: false, ...over });

describe('pickSession', () => {
  const evening = s('evening', '2026-12-01T11:00:00Z', '2026-12-01T15:00:00Z');
  const afternoon = s('afternoon', '2026-12-01T05:00:00Z', '2026-12-01T09:00:00Z');
  it.each([
    ['inside the planned time', '2026-12-01T12:00:00Z', 'evening'],
    ['warm-up within an hour before', '2026-12-01T10:05:00Z', 'evening'],
    ['more than an hour before: nearest earlier show overran', '2026-12-01T09:50:00Z', 'afternoon'],
    ['overrun within two hours', '2026-12-01T16:30:00Z', 'evening'],
    ['long after every show', '2026-12-01T18:00:00Z', null],
  ])('%s', (_name, at, expected) => expect(pickSession([evening, afternoon], t(at))).toBe(expected));

  it('prefers the live session when two windows meet', () => {
    const late = s('late', '2026-12-01T15:00:00Z', '2026-12-01T17:00:00Z', { status: 'live' });
    expect(pickSession([evening, late], t('2026-12-01T15:00:00Z'))).toBe('late');
    expect(pickSession([{ ...evening, status: 'live' }, { ...late, status: 'scheduled' }], t('2026-12-01T14:59:00Z'))).toBe('evening');
  });
  it('never attaches to a cancelled session', () => {
    expect(pickSession([{ ...evening, status: 'cancelled' }], t('2026-12-01T12:00:00Z'))).toBeNull();
  });
  it('keeps an unplanned session open while events keep coming', () => {
    const open = s('u', '2026-12-01T02:00:00Z', '2026-12-01T02:10:00Z', { isUnplanned: true, status: 'live' });
    expect(pickSession([open], t('2026-12-01T02:30:00Z'))).toBe('u');
    expect(pickSession([open], t('2026-12-01T02:45:00Z'))).toBeNull();
  });
});

describe('accumulate', () => {
  const base: NormalizedEvent = { kind: 'comment', platform: 'custom', platformMsgId: null, sourceType: 'comment', at: '2026-12-01T11:05:10.000Z', user: { id: 'a', name: null }, text: 'x', count: null, valueFen: null, unit: null, unitAmount: null, fenPerUnit: null, orderId: null, productRef: null, buyerRef: null, status: null };
  it('adds events up per minute and never sums running totals', () => {
    const { minutes, sessions } = accumulate([
      { sessionId: 's', event: base },
      { sessionId: 's', event: { ...base, at: '2026-12-01T11:05:59.999Z' } },
      { sessionId: 's', event: { ...base, kind: 'gift', count: 3, valueFen: 300 } },
      { sessionId: 's', event: { ...base, kind: 'like', count: 10 } },
      { sessionId: 's', event: { ...base, kind: 'like', count: 5000, unit: 'total' } },
      { sessionId: 's', event: { ...base, kind: 'viewer_count', count: 100, unit: 'concurrent' } },
      { sessionId: 's', event: { ...base, kind: 'viewer_count', count: 300, unit: 'concurrent' } },
      { sessionId: 's', event: { ...base, kind: 'viewer_count', count: 9000, unit: 'cumulative' } },
      { sessionId: 's', event: { ...base, kind: 'order', valueFen: 19900, at: '2026-12-01T11:06:00.000Z' } },
    ]);
    expect(minutes).toHaveLength(2);
    expect(minutes[0]).toMatchObject({ minute: '2026-12-01T11:05:00.000Z', comments: 2, gifts: 3, giftFen: 300, likes: 10, viewersMax: 300, viewersSum: 400, viewersSamples: 2 });
    expect(minutes[1]).toMatchObject({ minute: '2026-12-01T11:06:00.000Z', orders: 1, gmvFen: 19900 });
    expect(sessions[0]).toMatchObject({ events: 9, likesTotal: 5000, viewersCumulative: 9000, firstAt: '2026-12-01T11:05:10.000Z', lastAt: '2026-12-01T11:06:00.000Z' });
  });
  it('floors to the UTC minute', () => {
    expect(minuteOf('2026-12-01T11:05:59.999Z')).toBe('2026-12-01T11:05:00.000Z');
  });
});
