import { describe, expect, it } from 'vitest';
import {
  DEFAULT_THRESHOLDS,
  clickToPayRule,
  evaluateSuggestions,
  followRateRule,
  goalRule,
  gpmRule,
  interactionRule,
  interactionWindows,
  isImproved,
  slotWindows,
  measureOf,
  medianSlotDrop,
  mergeThresholds,
  slotOverrunRule,
  slotViewerDrop,
  viewerDropRule,
  type HistorySession,
  type MinuteFacts,
  type SessionFacts,
  type SlotWindow,
} from './suggestions.rules';

const T0 = Date.UTC(2026, 10, 20, 12, 0); // 20:00 in Asia/Shanghai
const at = (min: number) => new Date(T0 + min * 60_000).toISOString();

/** `n` minutes; viewers(i) gives the average concurrent viewers of minute i (one sample each). */
function minutes(n: number, viewers: (i: number) => number, comments: (i: number) => number = () => 10, gmv: (i: number) => number = () => 1000): MinuteFacts[] {
  return Array.from({ length: n }, (_, i) => ({ minute: at(i), comments: comments(i), gmvFen: gmv(i), viewersSum: viewers(i), viewersSamples: 1 }));
}

const slot = (position: number, from: number, to: number, plannedMinutes = to - from): SlotWindow => ({ position, productId: `p${position}`, productName: `商品${position}`, plannedMinutes, start: at(from), end: at(to) });

function facts(over: Partial<SessionFacts> = {}): SessionFacts {
  return { timeZone: 'Asia/Shanghai', goalGmvFen: null, metrics: {}, minutes: [], slots: [], ...over };
}

const hist = (n: number, over: Partial<HistorySession> = {}): HistorySession[] =>
  Array.from({ length: n }, (_, i) => ({ sessionStart: at(-(i + 1) * 24 * 60), clickToPay: { value: null, basis: null }, gpm: { value: null, basis: null }, medianSlotDrop: 0.1, ...over }));

describe('slot windows', () => {
  it('cuts the review\'s slot times at whole minutes; the last slot keeps the last event\'s minute; unseen slots are left out', () => {
    const slots = [1, 2, 3].map((position) => ({ position, productId: `p${position}`, productName: null, plannedMinutes: 10 }));
    const s = slotWindows(
      slots,
      [
        { start: at(0.5), end: at(12.2) },
        { start: null, end: null },
        { start: at(12.2), end: at(59.2) },
      ],
      at(59.2),
    );
    expect(s.map((x) => [x.position, x.start, x.end])).toEqual([
      [1, at(0), at(12)],
      [3, at(12), at(60)],
    ]);
    expect(slotWindows(slots, [], null)).toEqual([]);
  });

  it.each([
    ['a fall from 1000 to 600', (i: number) => 1000 - (i * 400) / 9, 0.4],
    ['growth is a negative drop', (i: number) => 500 + i * 50, -0.9],
  ])('slot viewer drop: %s', (_name, viewers, expected) => {
    expect(slotViewerDrop(minutes(10, viewers), slot(1, 0, 10))).toBeCloseTo(expected, 6);
  });

  it('needs two sampled minutes; the usual drop clips growth at 0', () => {
    const ms = minutes(10, () => 100).map((m, i) => (i === 0 ? m : { ...m, viewersSamples: 0, viewersSum: 0 }));
    expect(slotViewerDrop(ms, slot(1, 0, 10))).toBeNull();
    const mixed = minutes(40, (i) => (i < 10 ? 1000 - i * 10 : i < 20 ? 500 + i : i < 30 ? 1000 - (i - 20) * 50 : 1000 - (i - 30) * 90));
    // drops: 0.09, growth → 0, 0.45 and the closing slot's 0.81 left out → median 0.09
    expect(medianSlotDrop(mixed, [slot(1, 0, 10), slot(2, 10, 20), slot(3, 20, 30), slot(4, 30, 40)])).toBeCloseTo(0.09, 6);
  });
});

describe('(a) viewer drop during a slot', () => {
  const ms = minutes(30, (i) => (i < 10 ? 1000 : i < 20 ? 1000 - (i - 10) * 40 : 640)); // slot 2: 1000 → 640 = 36 %
  const f = facts({ minutes: ms, slots: [slot(1, 0, 10), slot(2, 10, 20), slot(3, 20, 30)] });

  it.each([
    ['usual 10 %: 3.6× → fires', 0.1, 1],
    ['usual 20 %: 1.8× → silent', 0.2, 0],
    ['usual 0: floored at 2 % → fires', 0, 1],
  ])('%s', (_n, usual, count) => {
    expect(viewerDropRule(f, hist(10, { medianSlotDrop: usual }), DEFAULT_THRESHOLDS)).toHaveLength(count);
  });

  it('states the drop, the multiple, the room median, the window in the room clock and a series', () => {
    const [s] = viewerDropRule(f, hist(10, { medianSlotDrop: 0.12 }), DEFAULT_THRESHOLDS);
    expect(s).toMatchObject({ rule: 'viewer_drop_slot', key: 'slot-2', severity: 'warn', titleEn: "Viewers fell 36% during slot 2 (商品2), 3.0× the room's usual drop" });
    expect(s!.evidence).toMatchObject({ value: 0.36, baseline: 0.12, baselineKind: 'room_median', sampleSize: 10, window: { label: '20:10–20:20' }, slot: { position: 2, actualMinutes: 10 } });
    expect(s!.evidence.series!.values).toHaveLength(10);
    expect(s!.titleZh).toContain('观众流失 36%');
  });

  it('the closing slot is not judged: viewers fall as a show winds down', () => {
    const closing = facts({ minutes: minutes(30, (i) => (i < 20 ? 1000 : 1000 - (i - 20) * 50)), slots: [slot(1, 0, 10), slot(2, 10, 20), slot(3, 20, 30)] }); // slot 3: 45 %
    expect(viewerDropRule(closing, hist(10, { medianSlotDrop: 0.05 }), DEFAULT_THRESHOLDS)).toEqual([]);
    expect(measureOf('viewer_drop_slot', closing)).toBe(0);
  });

  it('a drop under 20 % never fires; fewer than 3 earlier sessions never fire', () => {
    const small = facts({ minutes: minutes(10, (i) => 1000 - i * 15), slots: [slot(1, 0, 10)] }); // 13.5 %
    expect(viewerDropRule(small, hist(10, { medianSlotDrop: 0.01 }), DEFAULT_THRESHOLDS)).toEqual([]);
    expect(viewerDropRule(f, hist(2, { medianSlotDrop: 0.01 }), DEFAULT_THRESHOLDS)).toEqual([]);
  });
});

describe('(b) click-to-pay and (f) GPM against the room percentile', () => {
  const ctp = (vs: number[]) => vs.map((v, i) => ({ ...hist(1)[0]!, sessionStart: at(-(i + 1) * 1440), clickToPay: { value: v, basis: null } }));
  it.each([
    [0.05, [0.1, 0.12, 0.08, 0.11, 0.09], 1],
    [0.09, [0.1, 0.12, 0.08, 0.11, 0.09], 0], // p20 = 0.088 → 0.09 is not below
    [0.01, [0.1, 0.12], 0], // too little history
    [null, [0.1, 0.12, 0.08], 0], // no imported clicks
  ])('click-to-pay %s against %j → %i', (v, history, n) => {
    expect(clickToPayRule(facts({ metrics: { click_to_pay_rate: { value: v, basis: null } } }), ctp(history), DEFAULT_THRESHOLDS)).toHaveLength(n);
  });

  it('click-to-pay evidence: the p20 baseline, the advice about price mechanics, a bar per earlier session plus this one', () => {
    const [s] = clickToPayRule(facts({ metrics: { click_to_pay_rate: { value: 0.05, basis: null } } }), ctp([0.1, 0.12, 0.08, 0.11, 0.09]), DEFAULT_THRESHOLDS);
    expect(s!.evidence.baseline).toBeCloseTo(0.088, 6);
    expect(s!.adviceEn).toContain('price mechanics and closing lines');
    expect(s!.evidence.series).toMatchObject({ kind: 'bar', values: [0.09, 0.11, 0.08, 0.12, 0.1, 0.05], highlight: [5] });
  });

  it('GPM compares only earlier sessions of the same basis', () => {
    const h = [10_000, 12_000, 11_000, 9_000].map((v, i) => ({ ...hist(1)[0]!, gpm: { value: v, basis: 'pv' } }));
    const uvOnly = h.map((x) => ({ ...x, gpm: { ...x.gpm, basis: 'uv' } }));
    const f = facts({ metrics: { gpm_fen: { value: 5_000, basis: 'pv' } } });
    expect(gpmRule(f, h, DEFAULT_THRESHOLDS)[0]).toMatchObject({ rule: 'gpm_low', evidence: { basis: 'pv', baselineKind: 'room_p20', sampleSize: 4 } });
    expect(gpmRule(f, uvOnly, DEFAULT_THRESHOLDS)).toEqual([]);
  });
});

describe('(c) interaction rate in 20-minute windows', () => {
  // 1000 viewers; 21:10–21:30 (minutes 70–89) has 1 comment a minute = 20/1000 = 2 %; elsewhere 5 a minute = 10 %.
  const ms = Array.from({ length: 120 }, (_, i) => ({ minute: at(i), comments: i >= 70 && i < 90 ? 1 : 5, gmvFen: 0, viewersSum: 2000, viewersSamples: 2 }));

  it('windows are laid from the first minute; a short trailing window is not judged', () => {
    const w = interactionWindows(ms.slice(0, 55), 20, 10);
    expect(w.map((x) => x.minutes)).toEqual([20, 20, 15]);
    expect(interactionWindows(ms.slice(0, 45), 20, 10).map((x) => x.minutes)).toEqual([20, 20]);
    expect(w[0]).toMatchObject({ comments: 100, avgViewers: 1000, rate: 0.1 });
  });

  it('names the clock times in the room time zone and states the basis', () => {
    const shifted = ms.map((m, i) => ({ ...m, comments: i >= 60 && i < 80 ? 1 : 5 }));
    const [s, ...rest] = interactionRule(facts({ minutes: shifted }), [], DEFAULT_THRESHOLDS);
    expect(rest).toEqual([]);
    expect(s).toMatchObject({ key: `window-${at(60)}`, titleEn: 'Interaction rate 2.0% between 21:00 and 21:20, under 3%', evidence: { value: 0.02, baseline: 0.03, window: { label: '21:00–21:20' } } });
    expect(s!.evidence.basis).toBe('comments/avg_concurrent_viewers per 20 min');
    expect(s!.evidence.series!.highlight).toEqual([3]);
    expect(interactionRule(facts({ minutes: shifted, timeZone: 'UTC' }), [], DEFAULT_THRESHOLDS)[0]!.evidence.window!.label).toBe('13:00–13:20');
  });

  it('adjacent low windows form one suggestion; no viewer samples → no rate → silent', () => {
    const low = ms.map((m, i) => ({ ...m, comments: i >= 20 && i < 60 ? 1 : 5 }));
    const s = interactionRule(facts({ minutes: low }), [], DEFAULT_THRESHOLDS);
    expect(s.map((x) => x.evidence.window!.label)).toEqual(['20:20–21:00']);
    expect(interactionRule(facts({ minutes: ms.map((m) => ({ ...m, comments: 0, viewersSamples: 0, viewersSum: 0 })) }), [], DEFAULT_THRESHOLDS)).toEqual([]);
  });
});

describe('(d) goal, (e) follow rate', () => {
  it.each([
    [80_000_00, 100_000_00, 'warn', 1],
    [50_000_00, 100_000_00, 'critical', 1],
    [100_000_00, 100_000_00, null, 0],
    [null, 100_000_00, null, 0],
  ])('GMV %s against goal %s', (gmv, goal, severity, n) => {
    const out = goalRule(facts({ goalGmvFen: goal, metrics: { gmv_fen: { value: gmv, basis: null } } }), [], DEFAULT_THRESHOLDS);
    expect(out).toHaveLength(n);
    if (n) expect(out[0]!.severity).toBe(severity);
  });

  it('goal evidence has the gap', () => {
    const [s] = goalRule(facts({ goalGmvFen: 1_000_000, metrics: { gmv_fen: { value: 800_000, basis: null } } }), [], DEFAULT_THRESHOLDS);
    expect(s!.titleEn).toBe('GMV ¥8,000 missed the goal of ¥10,000 by ¥2,000 (80% reached)');
    expect(s!.evidence.facts).toContainEqual({ key: 'gap', value: 200_000, unit: 'fen' });
  });

  it.each([
    [0.015, 1],
    [0.02, 0],
    [null, 0],
  ])('follow rate %s → %i', (v, n) => {
    expect(followRateRule(facts({ metrics: { follow_rate: { value: v, basis: null } } }), [], DEFAULT_THRESHOLDS)).toHaveLength(n);
  });

  it('thresholds are configurable', () => {
    const t = mergeThresholds({ followRateMin: 0.01, nonsense: 5, viewerDropMin: 'x' });
    expect(t.followRateMin).toBe(0.01);
    expect(t.viewerDropMin).toBe(0.2);
    expect(followRateRule(facts({ metrics: { follow_rate: { value: 0.015, basis: null } } }), [], t)).toEqual([]);
  });
});

describe('(g) slot overrun with low GMV per minute', () => {
  // Slot 1: 10 planned, 10 actual at ¥100/min; slot 2: 10 planned, 30 actual at ¥10/min.
  const ms = minutes(40, () => 100, () => 5, (i) => (i < 10 ? 10_000 : 1_000));
  it.each([
    ['30 min against 10 at a tenth of the pace → fires', [slot(1, 0, 10), slot(2, 10, 40, 10)], 1],
    ['30 min against 25 → silent (under 1.5×)', [slot(1, 0, 10), slot(2, 10, 40, 25)], 0],
  ])('%s', (_n, slots, n) => {
    expect(slotOverrunRule(facts({ minutes: ms, slots }), [], DEFAULT_THRESHOLDS)).toHaveLength(n);
  });

  it('a long slot that sells well is not flagged', () => {
    const good = minutes(40, () => 100, () => 5, () => 1_000);
    expect(slotOverrunRule(facts({ minutes: good, slots: [slot(1, 0, 10), slot(2, 10, 40, 10)] }), [], DEFAULT_THRESHOLDS)).toEqual([]);
  });

  it('evidence: planned vs actual minutes, GMV per minute of the slot and the session, a bar per slot', () => {
    const [s] = slotOverrunRule(facts({ minutes: ms, slots: [slot(1, 0, 10), slot(2, 10, 40, 10)] }), [], DEFAULT_THRESHOLDS);
    expect(s).toMatchObject({ key: 'slot-2', evidence: { value: 3, baseline: 10, slot: { plannedMinutes: 10, actualMinutes: 30 }, series: { labels: ['#1', '#2'], values: [10_000, 1_000], highlight: [1] } } });
    expect(s!.evidence.facts).toContainEqual({ key: 'session_gmv_per_minute', value: 3250, unit: 'fen_per_minute' });
  });
});

describe('evaluate and follow up', () => {
  it('runs every rule, most severe first', () => {
    const f = facts({ goalGmvFen: 1_000_000, metrics: { gmv_fen: { value: 100_000, basis: null }, follow_rate: { value: 0.001, basis: null } } });
    expect(evaluateSuggestions(f, []).map((s) => [s.rule, s.severity])).toEqual([
      ['gmv_below_goal', 'critical'],
      ['follow_rate_low', 'info'],
    ]);
  });

  it.each([
    ['follow_rate_low', 0.01, 0.015, true],
    ['follow_rate_low', 0.01, 0.005, false],
    ['viewer_drop_slot', 0.4, 0.2, true],
    ['slot_overrun_low_gpm', 3, 4, false],
    ['gpm_low', 5000, null, null],
  ] as const)('%s: %s → %s improved = %s', (rule, before, now, improved) => {
    expect(isImproved(rule, before, now)).toBe(improved);
  });

  it('measures a later session the same way', () => {
    const ms = minutes(30, (i) => (i < 10 ? 1000 : i < 20 ? 1000 - (i - 10) * 50 : 550));
    const f = facts({ minutes: ms, slots: [slot(1, 0, 10), slot(2, 10, 20, 5), slot(3, 20, 30)], goalGmvFen: 40_000, metrics: { gmv_fen: { value: 20_000, basis: null }, gpm_fen: { value: 900, basis: 'uv' } } });
    expect(measureOf('viewer_drop_slot', f)).toBeCloseTo(0.45, 6);
    expect(measureOf('gmv_below_goal', f)).toBe(0.5);
    expect(measureOf('slot_overrun_low_gpm', f)).toBe(2);
    expect(measureOf('gpm_low', f, DEFAULT_THRESHOLDS, 'pv')).toBeNull();
    expect(measureOf('gpm_low', f, DEFAULT_THRESHOLDS, 'uv')).toBe(900);
    expect(measureOf('click_to_pay_low', f)).toBeNull();
  });
});
