import { describe, expect, it } from 'vitest';
import type { WeeklySchedule } from '../../../contracts/dashboards';
import { change, compareKpis, dueWeek, emptyTotals, kpiValues, latestDueWeek, localClock, mergeTotals, periodRange, toDateComparison, zonedDayStart, type Totals } from './dashboards.rules';

const shanghai: WeeklySchedule = { enabled: true, weekday: 1, time: '09:00', timeZone: 'Asia/Shanghai' };

describe('periodRange', () => {
  it.each([
    ['day', '2026-11-10', undefined, { from: '2026-11-10', to: '2026-11-10', previousFrom: '2026-11-09', previousTo: '2026-11-09' }],
    ['week', '2026-11-12', undefined, { from: '2026-11-09', to: '2026-11-15', previousFrom: '2026-11-02', previousTo: '2026-11-08' }],
    ['week', '2026-11-15', undefined, { from: '2026-11-09', to: '2026-11-15', previousFrom: '2026-11-02', previousTo: '2026-11-08' }],
    ['month', '2026-03-17', undefined, { from: '2026-03-01', to: '2026-03-31', previousFrom: '2026-02-01', previousTo: '2026-02-28' }],
    ['month', '2026-12-05', undefined, { from: '2026-12-01', to: '2026-12-31', previousFrom: '2026-11-01', previousTo: '2026-11-30' }],
    ['custom', '2026-11-10', '2026-11-19', { from: '2026-11-10', to: '2026-11-19', previousFrom: '2026-10-31', previousTo: '2026-11-09' }],
  ] as const)('%s around %s', (period, anchor, to, expected) => {
    expect(periodRange(period, anchor, to)).toEqual(expected);
  });

  it('refuses an inverted or over-long custom range', () => {
    expect(periodRange('custom', '2026-11-10', '2026-11-09')).toBeNull();
    expect(periodRange('custom', '2025-01-01', '2026-11-09')).toBeNull();
  });
});

describe('toDateComparison: a running period meets the same elapsed days before it', () => {
  it.each([
    ['week, on Friday', periodRange('week', '2026-11-27')!, '2026-11-27', '2026-11-20'],
    ['week, on Monday', periodRange('week', '2026-11-23')!, '2026-11-23', '2026-11-16'],
    ['week, on Sunday (complete)', periodRange('week', '2026-11-29')!, '2026-11-29', '2026-11-22'],
    ['week, in the past', periodRange('week', '2026-11-10')!, '2026-11-27', '2026-11-08'],
    ['month, on the 31st against a shorter month', periodRange('month', '2026-03-31')!, '2026-03-30', '2026-02-28'],
    ['month, on the 10th', periodRange('month', '2026-03-10')!, '2026-03-10', '2026-02-10'],
  ] as const)('%s', (_name, range, today, previousTo) => {
    const r = toDateComparison(range, today);
    expect(r.previousTo).toBe(previousTo);
    expect([r.from, r.to, r.previousFrom]).toEqual([range.from, range.to, range.previousFrom]);
  });
});

describe('dueWeek: which weekly report is due', () => {
  const none = new Set<string>();
  it.each([
    ['Monday 08:59 Shanghai: last week is not due yet, the week before is', shanghai, '2026-11-30T00:59:00Z', none, '2026-11-16'],
    ['Monday 09:00 Shanghai: last week is due', shanghai, '2026-11-30T01:00:00Z', none, '2026-11-23'],
    ['Sunday 23:30 UTC is already Monday 07:30 in Shanghai (before 09:00)', shanghai, '2026-11-29T23:30:00Z', none, '2026-11-16'],
    ['already generated: nothing to do', shanghai, '2026-11-30T02:00:00Z', new Set(['2026-11-23']), null],
    ['stopped for three weeks: only the latest week is generated', shanghai, '2026-12-21T02:00:00Z', new Set(['2026-11-23']), '2026-12-14'],
    ['Friday 18:00 schedule, Friday 17:00: the week before last is the latest due', { ...shanghai, weekday: 5, time: '18:00' }, '2026-12-04T09:00:00Z', none, '2026-11-16'],
    ['Friday 18:00 schedule, Friday 18:30', { ...shanghai, weekday: 5, time: '18:00' }, '2026-12-04T10:30:00Z', none, '2026-11-23'],
    ['Sunday 20:00 schedule, Sunday 20:00 reports the week before the current one', { ...shanghai, weekday: 7, time: '20:00' }, '2026-12-06T12:00:00Z', none, '2026-11-23'],
    ['New York after DST starts: 09:00 EDT is 13:00 UTC', { ...shanghai, timeZone: 'America/New_York' }, '2026-03-09T13:00:00Z', none, '2026-03-02'],
    ['New York after DST starts: 12:30 UTC is 08:30 EDT', { ...shanghai, timeZone: 'America/New_York' }, '2026-03-09T12:30:00Z', none, '2026-02-23'],
    ['disabled', { ...shanghai, enabled: false }, '2026-11-30T02:00:00Z', none, null],
  ] as const)('%s', (_name, schedule, now, existing, expected) => {
    expect(dueWeek(schedule, new Date(now), existing)).toBe(expected);
  });

  it('latestDueWeek is always a Monday', () => {
    for (let h = 0; h < 24 * 14; h += 5) {
      const week = latestDueWeek(shanghai, new Date(Date.parse('2026-11-20T00:00:00Z') + h * 3_600_000));
      expect(new Date(`${week}T00:00:00Z`).getUTCDay()).toBe(1);
    }
  });
});

describe('time zones', () => {
  it('localClock reads the wall clock of a zone', () => {
    expect(localClock('2026-11-09T16:30:00.000Z', 'Asia/Shanghai')).toEqual({ day: '2026-11-10', time: '00:30' });
    expect(localClock('2026-11-09T16:30:00.000Z', 'UTC')).toEqual({ day: '2026-11-09', time: '16:30' });
  });
  it('zonedDayStart finds local midnight in UTC', () => {
    expect(zonedDayStart('2026-11-09', 'Asia/Shanghai')).toBe('2026-11-08T16:00:00.000Z');
    expect(zonedDayStart('2026-07-01', 'America/New_York')).toBe('2026-07-01T04:00:00.000Z');
    expect(zonedDayStart('2026-01-05', 'America/New_York')).toBe('2026-01-05T05:00:00.000Z');
  });
});

function totals(partial: Partial<Omit<Totals, 'pairs'>> & { pairs?: Partial<Totals['pairs']> }): Totals {
  const t = emptyTotals();
  Object.assign(t, { ...partial, pairs: { ...t.pairs, ...partial.pairs } });
  return t;
}

describe('KPI roll-up', () => {
  it('no data stays null and sessions stays a real count', () => {
    const k = kpiValues(emptyTotals());
    expect(k.gmv_fen.value).toBeNull();
    expect(k.gpm_fen.value).toBeNull();
    expect(k.sessions.value).toBe(0);
  });

  it('GPM uses views (pv) when any session has them, over the sessions that have both', () => {
    const t = totals({ gmv_fen: 30_000, views: 2_000, viewers: 1_500, pairs: { 'gmv_fen|views': 10_000, 'views|gmv_fen': 2_000, 'gmv_fen|viewers': 30_000, 'viewers|gmv_fen': 1_500 } });
    expect(kpiValues(t).gpm_fen).toEqual({ value: 5_000, basis: 'pv' });
    expect(kpiValues(t).uv_value_fen.value).toBe(20);
  });

  it('GPM falls back to viewers (uv) and the interaction rate to commenters/viewers', () => {
    const t = totals({ gmv_fen: 30_000, viewers: 1_500, commenters: 150, pairs: { 'gmv_fen|viewers': 30_000, 'viewers|gmv_fen': 1_500, 'commenters|viewers': 150, 'viewers|commenters': 1_500 } });
    expect(kpiValues(t).gpm_fen).toEqual({ value: 20_000, basis: 'uv' });
    expect(kpiValues(t).interaction_rate).toEqual({ value: 0.1, basis: 'commenters/viewers' });
  });

  it('merging adds sums, keeps the max peak and treats null as absent', () => {
    const a = totals({ sessions: 1, gmv_fen: 100, peak_viewers: 50 });
    const b = totals({ sessions: 2, gmv_fen: null, peak_viewers: 80, orders: 3 });
    const m = mergeTotals(a, b);
    expect(m).toMatchObject({ sessions: 3, gmv_fen: 100, peak_viewers: 80, orders: 3, buyers: null });
  });

  it.each([
    [120, 100, 0.2],
    [80, 100, -0.2],
    [5, 0, null],
    [null, 100, null],
    [100, null, null],
  ])('change(%s, %s) = %s', (v, p, expected) => {
    expect(change(v, p)).toBe(expected);
  });

  it('compareKpis carries previous values and the current basis', () => {
    const now = totals({ sessions: 2, gmv_fen: 200 });
    const before = totals({ sessions: 1, gmv_fen: 100 });
    const k = compareKpis(now, before);
    expect(k.find((x) => x.key === 'gmv_fen')).toEqual({ key: 'gmv_fen', unit: 'fen', value: 200, previous: 100, change: 1, basis: null });
    expect(k.find((x) => x.key === 'sessions')?.change).toBe(1);
  });
});
