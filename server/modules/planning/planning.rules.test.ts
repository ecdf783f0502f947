import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { WorkRules } from '../../../contracts/planning';
import {
  canTransition,
  checkPlan,
  effectiveRules,
  expandRecurrence,
  explainViolation,
  isOverdue,
  mergeTouching,
  minutesWithin,
  missingRoles,
  periodsTouched,
  type Commitment,
  type PlanCandidate,
  type PlanFacts,
} from './planning.rules';

const SH = 'Asia/Shanghai';
/** Epoch ms of a Shanghai wall-clock time. */
const t = (local: string, zone = SH) => DateTime.fromISO(local, { zone }).toMillis();

const hostLimits: WorkRules = { maxContinuousMinutes: 240, minRestMinutes: 60, maxDailyMinutes: 360, maxWeeklyMinutes: 1800 };

function candidate(over: Partial<PlanCandidate> = {}): PlanCandidate {
  return {
    sessionId: 'new',
    roomId: 'room1',
    timeZone: SH,
    start: t('2026-12-01T19:00'),
    end: t('2026-12-01T23:00'),
    crew: [
      { personId: 'amy', role: 'host' },
      { personId: 'bo', role: 'field_control' },
      { personId: 'cy', role: 'console' },
    ],
    requiredRoles: ['host', 'field_control', 'console'],
    slotMinutes: 200,
    stage: 'scheduled',
    ...over,
  };
}

function facts(over: Partial<PlanFacts> & { amy?: Commitment[] } = {}): PlanFacts {
  return {
    roomSessions: [],
    commitments: new Map([['amy', over.amy ?? []]]),
    rules: new Map([['amy', hostLimits]]),
    inactive: new Set(),
    ...over,
  };
}

const codes = (c: PlanCandidate, f: PlanFacts) => checkPlan(c, f).map((x) => `${x.code}:${x.severity}`);

describe('checkPlan', () => {
  it.each<[string, Partial<PlanCandidate>, Partial<PlanFacts> & { amy?: Commitment[] }, string[]]>([
    ['a sound plan', {}, {}, []],
    ['end before start', { end: t('2026-12-01T18:00') }, {}, ['end-before-start:block']],
    ['zero length', { end: t('2026-12-01T19:00') }, {}, ['end-before-start:block']],
    ['longer than a day', { end: t('2026-12-02T20:00'), crew: [] , requiredRoles: [] }, {}, ['too-long:block']],
    ['room double-booked', {}, { roomSessions: [{ sessionId: 's2', start: t('2026-12-01T22:00'), end: t('2026-12-02T01:00') }] }, ['room-overlap:block']],
    ['room sessions that only touch are fine', {}, { roomSessions: [{ sessionId: 's2', start: t('2026-12-01T23:00'), end: t('2026-12-02T01:00') }] }, []],
    ['the session itself is not a conflict', { sessionId: 's2' }, { roomSessions: [{ sessionId: 's2', start: t('2026-12-01T19:00'), end: t('2026-12-01T23:00') }] }, []],
    ['missing roles block when scheduling', { crew: [{ personId: 'amy', role: 'host' }] }, {}, ['missing-roles:block']],
    ['missing roles only warn in a draft', { crew: [{ personId: 'amy', role: 'host' }], stage: 'draft' }, {}, ['missing-roles:warn']],
    ['run of show longer than the session', { slotMinutes: 241 }, {}, ['run-of-show-over:block']],
    ['run of show exactly as long', { slotMinutes: 240 }, {}, []],
    ['person in two rooms at once', {}, { amy: [{ sessionId: 's9', start: t('2026-12-01T20:00'), end: t('2026-12-01T21:00'), roles: ['console'] }] }, ['person-overlap:block']],
    ['back-to-back shows exceed continuous on-air', {}, { amy: [{ sessionId: 's9', start: t('2026-12-01T17:00'), end: t('2026-12-01T19:00'), roles: ['host'] }] }, ['continuous-on-air:block']],
    ['too little rest before', {}, { amy: [{ sessionId: 's9', start: t('2026-12-01T16:30'), end: t('2026-12-01T18:30'), roles: ['co_host'] }] }, ['min-rest:block']],
    ['enough rest', {}, { amy: [{ sessionId: 's9', start: t('2026-12-01T14:00'), end: t('2026-12-01T16:00'), roles: ['host'] }] }, []],
    ['off-air work before does not count for on-air limits', {}, { amy: [{ sessionId: 's9', start: t('2026-12-01T14:00'), end: t('2026-12-01T18:30'), roles: ['console'] }] }, []],
    ['daily on-air limit', {}, { amy: [{ sessionId: 's9', start: t('2026-12-01T10:00'), end: t('2026-12-01T13:00'), roles: ['host'] }] }, ['daily-on-air:block']],
    ['inactive person', {}, { inactive: new Set(['bo']) }, ['inactive-person:block']],
  ])('%s', (_name, c, f, expected) => {
    expect(codes(candidate(c), facts(f))).toEqual(expected);
  });

  it('counts days in the room time zone: a show across midnight splits over two days', () => {
    // 22:00–02:00 Shanghai plus 4 h earlier the next day: day 2 holds 2 h + 4 h = 6 h, within 6 h
    const c = candidate({ start: t('2026-12-01T22:00'), end: t('2026-12-02T02:00'), slotMinutes: 0 });
    const ok = facts({ amy: [{ sessionId: 's9', start: t('2026-12-02T10:00'), end: t('2026-12-02T14:00'), roles: ['host'] }] });
    expect(codes(c, ok)).toEqual([]);
    const over = facts({ amy: [{ sessionId: 's9', start: t('2026-12-02T10:00'), end: t('2026-12-02T14:01'), roles: ['host'] }] });
    const found = checkPlan(c, over);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'daily-on-air', period: '2026-12-02', actual: 361, limit: 360 });
  });

  it('counts the same UTC instants as different days in a different zone', () => {
    const utc = candidate({ timeZone: 'UTC', start: t('2026-12-01T22:00'), end: t('2026-12-02T02:00'), slotMinutes: 0 });
    // In UTC this is 14:00–18:00 on one day; with 3 h more that day it exceeds 6 h.
    const f = facts({ amy: [{ sessionId: 's9', start: t('2026-12-01T11:00'), end: t('2026-12-01T14:00'), roles: ['host'] }] });
    expect(checkPlan(utc, f).map((x) => [x.code, x.period])).toEqual([['daily-on-air', '2026-12-01']]);
  });

  it('sums the week Monday to Sunday', () => {
    const days = ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05']; // Monday to Saturday
    const week: Commitment[] = days.map((d) => ({ sessionId: d, start: t(`${d}T10:00`), end: t(`${d}T15:00`), roles: ['host'] }));
    const c = candidate({ start: t('2026-12-06T19:00'), end: t('2026-12-06T23:00'), slotMinutes: 0 });
    const f = facts({ amy: week.slice(0, 5) }); // Mon–Fri 5 × 5 h + Sun 4 h = 29 h ≤ 30 h
    expect(codes(c, f)).toEqual([]);
    const over = facts({ amy: week }); // + Sat 5 h = 34 h
    expect(checkPlan(c, over).map((x) => [x.code, x.period, x.actual])).toEqual([['weekly-on-air', '2026-W49', 34 * 60]]);
  });
});

describe('helpers', () => {
  it('merges touching intervals', () => {
    expect(mergeTouching([{ start: 5, end: 7 }, { start: 0, end: 2 }, { start: 2, end: 4 }])).toEqual([{ start: 0, end: 4 }, { start: 5, end: 7 }]);
  });
  it('counts minutes within a window without double counting overlaps', () => {
    const m = 60_000;
    expect(minutesWithin([{ start: 0, end: 90 * m }, { start: 60 * m, end: 120 * m }], 30 * m, 100 * m)).toBe(70);
  });
  it('lists the local days a show across midnight touches', () => {
    expect(periodsTouched({ start: t('2026-12-01T22:00'), end: t('2026-12-02T02:00') }, SH, 'day').map((p) => p[0])).toEqual(['2026-12-01', '2026-12-02']);
    expect(periodsTouched({ start: t('2026-12-01T22:00'), end: t('2026-12-02T00:00') }, SH, 'day').map((p) => p[0])).toEqual(['2026-12-01']);
  });
  it('finds the missing required roles', () => {
    expect(missingRoles(['host', 'console'], [{ personId: 'a', role: 'host' }])).toEqual(['console']);
    expect(missingRoles([], [])).toEqual([]);
  });
  it('lets a member override their position field by field', () => {
    expect(effectiveRules(hostLimits, { maxDailyMinutes: 300, minRestMinutes: null })).toEqual({ ...hostLimits, maxDailyMinutes: 300 });
    expect(effectiveRules(null, null).maxDailyMinutes).toBeNull();
  });
  it.each([
    ['draft', 'scheduled', true],
    ['draft', 'live', false],
    ['scheduled', 'live', true],
    ['live', 'ended', true],
    ['ended', 'reviewed', true],
    ['reviewed', 'draft', false],
    ['cancelled', 'draft', true],
    ['live', 'cancelled', false],
  ] as const)('%s → %s: %s', (from, to, ok) => expect(canTransition(from, to)).toBe(ok));
  it('marks unticked items past due as overdue', () => {
    const now = new Date('2026-12-01T10:00:00.000Z');
    expect(isOverdue({ dueAt: '2026-12-01T09:00:00.000Z', doneAt: null }, now)).toBe(true);
    expect(isOverdue({ dueAt: '2026-12-01T09:00:00.000Z', doneAt: '2026-12-01T08:00:00.000Z' }, now)).toBe(false);
    expect(isOverdue({ dueAt: '2026-12-01T11:00:00.000Z', doneAt: null }, now)).toBe(false);
  });
});

describe('expandRecurrence', () => {
  it('makes weekday evening shows in Shanghai', () => {
    const occ = expandRecurrence({ fromDate: '2026-11-30', toDate: '2026-12-06', weekdays: [1, 2, 3, 4, 5], startTime: '19:00', endTime: '23:00', timeZone: SH });
    expect(occ.map((o) => o.date)).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']);
    expect(new Date(occ[0]!.start).toISOString()).toBe('2026-11-30T11:00:00.000Z');
    expect(occ.every((o) => o.end - o.start === 4 * 3_600_000)).toBe(true);
  });
  it('ends a show across midnight on the next day', () => {
    const [o] = expandRecurrence({ fromDate: '2026-12-01', toDate: '2026-12-01', weekdays: [2], startTime: '22:00', endTime: '02:00', timeZone: SH });
    expect(new Date(o!.start).toISOString()).toBe('2026-12-01T14:00:00.000Z');
    expect(new Date(o!.end).toISOString()).toBe('2026-12-01T18:00:00.000Z');
  });
  it('keeps the wall-clock time across a daylight-saving change', () => {
    const occ = expandRecurrence({ fromDate: '2027-03-12', toDate: '2027-03-16', weekdays: [1, 2, 3, 4, 5, 6, 7], startTime: '19:00', endTime: '21:00', timeZone: 'America/New_York' });
    const utcHours = occ.map((o) => new Date(o.start).getUTCHours());
    expect(utcHours).toEqual([0, 0, 23, 23, 23]); // EST (UTC-5) until 14 March, then EDT (UTC-4)
    expect(occ.every((o) => o.end - o.start === 2 * 3_600_000)).toBe(true);
  });
});

describe('explainViolation', () => {
  const names = { person: (id: string) => ({ amy: '李佳' })[id] ?? id, session: () => ({ title: '周二晚场', when: '2026-12-01 19:00' }) };
  it('explains in Chinese and English with names and numbers', () => {
    const x = checkPlan(candidate(), facts({ amy: [{ sessionId: 's9', start: t('2026-12-01T17:00'), end: t('2026-12-01T19:00'), roles: ['host'] }] }))[0]!;
    expect(explainViolation(x, names, 'zh-CN')).toBe('李佳 将连续出镜 6 小时，超过连续出镜上限 4 小时。');
    expect(explainViolation(x, names, 'en-US')).toBe('李佳 would be on air for 6 h in a row, over the 4 h limit.');
    const overlap = checkPlan(candidate(), facts({ amy: [{ sessionId: 's9', start: t('2026-12-01T20:00'), end: t('2026-12-01T21:00'), roles: ['console'] }] }))[0]!;
    expect(explainViolation(overlap, names, 'zh-CN')).toBe('李佳 同时被排在「周二晚场」（2026-12-01 19:00），时间重叠。');
    expect(explainViolation(overlap, names, 'en-US')).toBe('李佳 is also in "周二晚场" (2026-12-01 19:00) at an overlapping time.');
    const m = checkPlan(candidate({ crew: [] }), facts())[0]!;
    expect(explainViolation(m, names, 'zh-CN')).toBe('该直播间要求的岗位尚未安排：主播、场控、中控。');
  });
});
