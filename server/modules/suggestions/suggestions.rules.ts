import type { Evidence, EvidenceFact, EvidenceUnit, SuggestionRule, SuggestionSeverity } from '../../../contracts/suggestions';
import { percentile } from '../analytics/formulas';

/**
 * Optimisation suggestions as pure rules over one session's numbers and the room's earlier sessions: no database, no
 * clock. Every threshold is a configurable default (domain.md marks them [U]); the service merges the company's
 * overrides (setting 'suggestions.thresholds') over this table.
 */
export const DEFAULT_THRESHOLDS = {
  /** How many of the room's earlier sessions form its baselines. */
  historySessions: 10,
  /** A room baseline needs at least this many earlier sessions with the measure; fewer → the rule stays silent. */
  minHistorySessions: 3,
  /** (a) a slot's viewer drop fires at ≥ this multiple of the room's usual slot drop … */
  viewerDropFactor: 2,
  /** … and at ≥ this drop (fraction of the viewers at the slot's start). */
  viewerDropMin: 0.2,
  /** The usual drop is floored at this so that a room that never loses viewers still yields a finite multiple. */
  usualDropFloor: 0.02,
  /** (b), (f) "below the room's Nth percentile". */
  lowPercentile: 20,
  /** (c) comments per average concurrent viewer in a window under this … */
  interactionRateMin: 0.03,
  /** … in windows of this many minutes (laid from the session's first minute) … */
  interactionWindowMinutes: 20,
  /** … a trailing window shorter than this is not judged. */
  minWindowMinutes: 10,
  /** (d) GMV attainment under this is critical rather than a warning. */
  goalCriticalAttainment: 0.7,
  /** (e) follow rate (new followers / viewers) under this (domain.md §1.3: 关注率 < 2 % low). */
  followRateMin: 0.02,
  /** (g) a slot ran ≥ this multiple of its planned minutes … */
  slotOverrunFactor: 1.5,
  /** … and at least this many minutes over … */
  slotOverrunMinMinutes: 5,
  /** … with a GMV per minute under this fraction of the session's. */
  slotLowGpmFactor: 0.5,
};
export type Thresholds = typeof DEFAULT_THRESHOLDS;

/** Overrides as stored in the settings table; unknown keys and non-numbers are ignored. */
export function mergeThresholds(overrides: unknown): Thresholds {
  const out = { ...DEFAULT_THRESHOLDS };
  if (overrides && typeof overrides === 'object') {
    for (const [k, v] of Object.entries(overrides)) if (k in out && typeof v === 'number' && Number.isFinite(v)) (out as Record<string, number>)[k] = v;
  }
  return out;
}

/** One minute of the session's rollup (live_minutes). */
export interface MinuteFacts {
  /** ISO-8601 UTC start of the minute. */
  minute: string;
  comments: number;
  gmvFen: number;
  viewersSum: number;
  viewersSamples: number;
}

/** A product slot with the window it actually ran in. */
export interface SlotWindow {
  position: number;
  productId: string;
  productName: string | null;
  plannedMinutes: number;
  start: string;
  end: string;
}

export interface MetricFact {
  value: number | null;
  basis: string | null;
}

export interface SessionFacts {
  /** The room's IANA time zone: clock times in the evidence are written in it. */
  timeZone: string;
  goalGmvFen: number | null;
  metrics: Partial<Record<string, MetricFact>>;
  /** Sorted by minute. */
  minutes: MinuteFacts[];
  /** Sorted by position. */
  slots: SlotWindow[];
}

/** One earlier session of the room, as far as the baselines need it. */
export interface HistorySession {
  sessionStart: string;
  clickToPay: MetricFact;
  gpm: MetricFact;
  /** The median of the session's slot viewer drops (each clipped at 0); null without viewer samples in its slots. */
  medianSlotDrop: number | null;
}

export interface SuggestionDraft {
  rule: SuggestionRule;
  key: string;
  severity: SuggestionSeverity;
  titleZh: string;
  titleEn: string;
  adviceZh: string;
  adviceEn: string;
  evidence: Evidence;
}

// ---- small helpers ----

const MINUTE = 60_000;

export function median(xs: readonly number[]): number | null {
  return percentile(xs, 50);
}

/** "21:10" in the room's time zone. */
export function clock(iso: string | number, timeZone: string): string {
  const d = typeof iso === 'number' ? new Date(iso) : new Date(iso);
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(d);
}

/** "11-26" in the room's time zone. */
export function monthDay(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { month: '2-digit', day: '2-digit', timeZone }).formatToParts(new Date(iso));
  return `${parts.find((p) => p.type === 'month')?.value}-${parts.find((p) => p.type === 'day')?.value}`;
}

const pct = (r: number, digits = 0) => `${(r * 100).toFixed(digits)}%`;
const yuan = (fen: number) => `¥${Math.round(fen / 100).toLocaleString('en-US')}`;
const times = (k: number) => `${k.toFixed(1)}×`;
const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

function minutesIn(minutes: readonly MinuteFacts[], start: string, end: string): MinuteFacts[] {
  return minutes.filter((m) => m.minute >= start && m.minute < end);
}

const avgViewers = (m: MinuteFacts) => (m.viewersSamples > 0 ? m.viewersSum / m.viewersSamples : null);

/**
 * Slot windows for the rules from the session review's slot timing (analytics review.rules slotTimes: product
 * references in orders and host lines, else the planned lengths laid from the first event), cut at whole minutes
 * because the rollups are per minute: a minute belongs to the slot it starts in, and the slot that ends at the last
 * event keeps that event's minute. Slots never seen are left out.
 */
export function slotWindows(
  slots: readonly { position: number; productId: string; productName: string | null; plannedMinutes: number }[],
  times: readonly { start: string | null; end: string | null }[],
  lastEventAt: string | null,
): SlotWindow[] {
  const floor = (iso: string) => Math.floor(Date.parse(iso) / MINUTE) * MINUTE;
  const out: SlotWindow[] = [];
  slots.forEach((s, i) => {
    const t = times[i];
    if (!t?.start || !t.end) return;
    const from = floor(t.start);
    const to = t.end === lastEventAt ? floor(t.end) + MINUTE : Math.max(floor(t.end), from + MINUTE);
    out.push({ ...s, start: new Date(from).toISOString(), end: new Date(to).toISOString() });
  });
  return out;
}

const actualMinutes = (s: SlotWindow) => Math.round((Date.parse(s.end) - Date.parse(s.start)) / MINUTE);

/**
 * A slot's viewer drop: (average concurrent viewers in its first minute with samples − in its last) / the first; null
 * with fewer than two sampled minutes. Negative when viewers grew.
 */
export function slotViewerDrop(minutes: readonly MinuteFacts[], slot: SlotWindow): number | null {
  const sampled = minutesIn(minutes, slot.start, slot.end).filter((m) => m.viewersSamples > 0);
  if (sampled.length < 2) return null;
  const first = avgViewers(sampled[0]!)!;
  const last = avgViewers(sampled[sampled.length - 1]!)!;
  return first > 0 ? (first - last) / first : null;
}

/** A show's slots but its closing one: viewers fall as a show winds down, which says nothing about that slot. */
export function slotsBeforeClosing<S extends { position: number }>(slots: readonly S[]): S[] {
  if (slots.length < 2) return [...slots];
  const last = Math.max(...slots.map((s) => s.position));
  return slots.filter((s) => s.position !== last);
}

/**
 * The median of a session's slot drops (the closing slot left out), each clipped at 0 (a slot that gained viewers lost
 * none): the room's "usual drop".
 */
export function medianSlotDrop(minutes: readonly MinuteFacts[], slots: readonly SlotWindow[]): number | null {
  const drops = slotsBeforeClosing(slots).map((s) => slotViewerDrop(minutes, s)).filter((d): d is number => d !== null);
  return median(drops.map((d) => Math.max(0, d)));
}

export interface InteractionWindow {
  start: string;
  end: string;
  minutes: number;
  comments: number;
  avgViewers: number | null;
  /** Comments in the window per average concurrent viewer in it. */
  rate: number | null;
}

/** Consecutive windows of `size` minutes from the session's first minute; a trailing one shorter than `min` is left out. */
export function interactionWindows(minutes: readonly MinuteFacts[], size: number, min: number): InteractionWindow[] {
  if (!minutes.length) return [];
  const t0 = Date.parse(minutes[0]!.minute);
  const tEnd = Date.parse(minutes[minutes.length - 1]!.minute) + MINUTE;
  const out: InteractionWindow[] = [];
  for (let from = t0; from < tEnd; from += size * MINUTE) {
    const to = Math.min(tEnd, from + size * MINUTE);
    const len = Math.round((to - from) / MINUTE);
    if (len < min) break;
    const ms = minutesIn(minutes, new Date(from).toISOString(), new Date(to).toISOString());
    const samples = ms.reduce((a, m) => a + m.viewersSamples, 0);
    const viewers = samples > 0 ? ms.reduce((a, m) => a + m.viewersSum, 0) / samples : null;
    const comments = ms.reduce((a, m) => a + m.comments, 0);
    out.push({ start: new Date(from).toISOString(), end: new Date(to).toISOString(), minutes: len, comments, avgViewers: viewers, rate: viewers ? comments / viewers : null });
  }
  return out;
}

function evidence(e: Partial<Evidence> & Pick<Evidence, 'measure' | 'value' | 'unit' | 'baseline' | 'baselineKind'>): Evidence {
  return { sampleSize: null, basis: null, window: null, slot: null, facts: [], series: null, ...e };
}

const fact = (key: string, value: number | null, unit: EvidenceUnit): EvidenceFact => ({ key, value: value === null ? null : round(value, 6), unit });

// ---- the rules ----

/** (a) Viewers fell X % during slot N, k× the room's usual drop for a slot (the closing slot is not judged). */
export function viewerDropRule(f: SessionFacts, history: readonly HistorySession[], t: Thresholds): SuggestionDraft[] {
  const usualDrops = history.map((h) => h.medianSlotDrop).filter((d): d is number => d !== null);
  if (usualDrops.length < t.minHistorySessions) return [];
  const usual = median(usualDrops)!;
  const floor = Math.max(usual, t.usualDropFloor);
  const out: SuggestionDraft[] = [];
  for (const slot of slotsBeforeClosing(f.slots)) {
    const drop = slotViewerDrop(f.minutes, slot);
    if (drop === null || drop < t.viewerDropMin) continue;
    const k = drop / floor;
    if (k < t.viewerDropFactor) continue;
    const ms = minutesIn(f.minutes, slot.start, slot.end);
    const label = `${clock(slot.start, f.timeZone)}–${clock(slot.end, f.timeZone)}`;
    const name = slot.productName ?? slot.productId;
    out.push({
      rule: 'viewer_drop_slot',
      key: `slot-${slot.position}`,
      severity: drop >= 2 * t.viewerDropMin ? 'critical' : 'warn',
      titleZh: `第 ${slot.position} 个商品时段（${name}）观众流失 ${pct(drop)}，是本直播间常态的 ${times(k)}`,
      titleEn: `Viewers fell ${pct(drop)} during slot ${slot.position} (${name}), ${times(k)} the room's usual drop`,
      adviceZh: '复查该时段的讲品节奏与话术：开场 30 秒是否讲清利益点、是否憋单过久；考虑调整商品顺序或在该时段前安排福利留人。',
      adviceEn: 'Review the pacing and script of this slot: is the benefit clear in the first 30 seconds, was the hold-back too long? Consider reordering products or placing a giveaway before this slot to keep viewers.',
      evidence: evidence({
        measure: 'slot_viewer_drop',
        value: round(drop),
        unit: 'ratio',
        baseline: round(usual),
        baselineKind: 'room_median',
        sampleSize: usualDrops.length,
        window: { start: slot.start, end: slot.end, label },
        slot: { position: slot.position, productId: slot.productId, productName: slot.productName, plannedMinutes: slot.plannedMinutes, actualMinutes: actualMinutes(slot) },
        facts: [fact('viewer_drop', drop, 'ratio'), fact('usual_drop', usual, 'ratio'), fact('drop_factor', k, 'factor')],
        series: { kind: 'line', unit: 'count', labels: ms.map((m) => clock(m.minute, f.timeZone)), values: ms.map((m) => (avgViewers(m) === null ? null : Math.round(avgViewers(m)!))), highlight: [] },
      }),
    });
  }
  return out;
}

function historySeries(f: SessionFacts, history: readonly HistorySession[], pick: (h: HistorySession) => number | null, value: number, unit: EvidenceUnit, thisLabel: string) {
  const prior = history.filter((h) => pick(h) !== null).slice().sort((a, b) => a.sessionStart.localeCompare(b.sessionStart));
  return {
    kind: 'bar' as const,
    unit,
    labels: [...prior.map((h) => monthDay(h.sessionStart, f.timeZone)), thisLabel],
    values: [...prior.map((h) => round(pick(h)!, 6)), round(value, 6)],
    highlight: [prior.length],
  };
}

/** (b) Click-to-pay conversion below the room's 20th percentile (needs imported product clicks). */
export function clickToPayRule(f: SessionFacts, history: readonly HistorySession[], t: Thresholds): SuggestionDraft[] {
  const v = f.metrics.click_to_pay_rate?.value ?? null;
  if (v === null) return [];
  const xs = history.map((h) => h.clickToPay.value).filter((x): x is number => x !== null);
  if (xs.length < t.minHistorySessions) return [];
  const p = percentile(xs, t.lowPercentile)!;
  if (!(v < p)) return [];
  return [
    {
      rule: 'click_to_pay_low',
      key: 'session',
      severity: 'warn',
      titleZh: `点击-成交转化率 ${pct(v, 1)}，低于本直播间第 ${t.lowPercentile} 百分位（${pct(p, 1)}）`,
      titleEn: `Click-to-pay conversion ${pct(v, 1)}, below the room's ${t.lowPercentile}th percentile (${pct(p, 1)})`,
      adviceZh: '复查价格机制与逼单话术：优惠是否讲清、库存与限时是否制造了紧迫感、收尾话术是否给出明确的下单指令。',
      adviceEn: 'Review price mechanics and closing lines: is the discount clear, do stock and time limits create urgency, does the close give a clear call to buy?',
      evidence: evidence({
        measure: 'click_to_pay_rate',
        value: round(v, 6),
        unit: 'ratio',
        baseline: round(p, 6),
        baselineKind: 'room_p20',
        sampleSize: xs.length,
        facts: [fact('click_to_pay_rate', v, 'ratio'), fact('room_p20', p, 'ratio'), fact('buyers', f.metrics.buyers?.value ?? null, 'count'), fact('product_clicks', f.metrics.product_click_viewers?.value ?? null, 'count')],
        series: historySeries(f, history, (h) => h.clickToPay.value, v, 'ratio', '★'),
      }),
    },
  ];
}

/** (c) Interaction rate under 3 % in 20-minute windows: comments per average concurrent viewer (live_minutes). */
export function interactionRule(f: SessionFacts, _history: readonly HistorySession[], t: Thresholds): SuggestionDraft[] {
  const windows = interactionWindows(f.minutes, t.interactionWindowMinutes, t.minWindowMinutes);
  const isLow = (w: InteractionWindow) => w.rate !== null && w.rate < t.interactionRateMin;
  const out: SuggestionDraft[] = [];
  const series = {
    kind: 'bar' as const,
    unit: 'ratio' as const,
    labels: windows.map((w) => clock(w.start, f.timeZone)),
    values: windows.map((w) => (w.rate === null ? null : round(w.rate, 6))),
    highlight: [] as number[],
  };
  // Adjacent low windows form one suggestion ("21:10–21:50"), keyed by where the run starts.
  for (let i = 0; i < windows.length; i++) {
    if (!isLow(windows[i]!)) continue;
    let j = i;
    while (j + 1 < windows.length && isLow(windows[j + 1]!)) j++;
    const run = windows.slice(i, j + 1);
    const rate = run.reduce((a, w) => a + w.rate!, 0) / run.length;
    const comments = run.reduce((a, w) => a + w.comments, 0);
    const viewers = run.reduce((a, w) => a + w.avgViewers! * w.minutes, 0) / run.reduce((a, w) => a + w.minutes, 0);
    const label = `${clock(run[0]!.start, f.timeZone)}–${clock(run[run.length - 1]!.end, f.timeZone)}`;
    out.push({
      rule: 'interaction_low_window',
      key: `window-${run[0]!.start}`,
      severity: 'warn',
      titleZh: `${label} 互动率 ${pct(rate, 1)}，低于 ${pct(t.interactionRateMin)}`,
      titleEn: `Interaction rate ${pct(rate, 1)} between ${label.replace('–', ' and ')}, under ${pct(t.interactionRateMin)}`,
      adviceZh: '在该时段安排互动环节：提问、扣 1 抽奖、评论区答疑或福袋，并让场控及时接话、回复评论。',
      adviceEn: 'Plan interaction for this part of the show: questions, "type 1" draws, answering comments or a lucky bag, with the floor manager picking up comments promptly.',
      evidence: evidence({
        measure: 'window_interaction_rate',
        value: round(rate, 6),
        unit: 'ratio',
        baseline: t.interactionRateMin,
        baselineKind: 'threshold',
        basis: `comments/avg_concurrent_viewers per ${t.interactionWindowMinutes} min`,
        window: { start: run[0]!.start, end: run[run.length - 1]!.end, label },
        facts: [fact('interaction_rate', rate, 'ratio'), fact('comments', comments, 'count'), fact('avg_viewers', viewers, 'count'), fact('threshold', t.interactionRateMin, 'ratio')],
        series: { ...series, highlight: run.map((_, n) => i + n) },
      }),
    });
    i = j;
  }
  return out;
}

/** (d) GMV below the session goal, with the gap. */
export function goalRule(f: SessionFacts, _history: readonly HistorySession[], t: Thresholds): SuggestionDraft[] {
  const gmv = f.metrics.gmv_fen?.value ?? null;
  const goal = f.goalGmvFen;
  if (gmv === null || goal === null || goal <= 0 || gmv >= goal) return [];
  const attainment = gmv / goal;
  const gap = goal - gmv;
  return [
    {
      rule: 'gmv_below_goal',
      key: 'session',
      severity: attainment < t.goalCriticalAttainment ? 'critical' : 'warn',
      titleZh: `GMV ${yuan(gmv)}，未达目标 ${yuan(goal)}，差 ${yuan(gap)}（达成 ${pct(attainment, attainment < 0.1 ? 1 : 0)}）`,
      titleEn: `GMV ${yuan(gmv)} missed the goal of ${yuan(goal)} by ${yuan(gap)} (${pct(attainment, attainment < 0.1 ? 1 : 0)} reached)`,
      adviceZh: '拆解差距来自流量还是转化：对照场观、点击率和点击-成交率；复查主推品的排位与讲解时长，必要时调整下一场的目标或投放。',
      adviceEn: 'Find whether the gap is traffic or conversion: compare viewers, click rate and click-to-pay; review the hero products\' order and airtime, and adjust the next goal or ad spend if needed.',
      evidence: evidence({
        measure: 'goal_attainment',
        value: round(attainment),
        unit: 'ratio',
        baseline: 1,
        baselineKind: 'goal',
        facts: [fact('gmv', gmv, 'fen'), fact('goal', goal, 'fen'), fact('gap', gap, 'fen'), fact('attainment', attainment, 'ratio')],
        series: cumulativeGmvSeries(f),
      }),
    },
  ];
}

/** Cumulative GMV every 10 minutes, for the goal card's chart. */
function cumulativeGmvSeries(f: SessionFacts): Evidence['series'] {
  if (!f.minutes.length) return null;
  const labels: string[] = [];
  const values: number[] = [];
  let sum = 0;
  f.minutes.forEach((m, i) => {
    sum += m.gmvFen;
    if (i % 10 === 9 || i === f.minutes.length - 1) {
      labels.push(clock(Date.parse(m.minute) + MINUTE, f.timeZone));
      values.push(sum);
    }
  });
  return { kind: 'line', unit: 'fen', labels, values, highlight: [] };
}

/** (e) Follow rate (new followers / viewers) under 2 %. */
export function followRateRule(f: SessionFacts, _history: readonly HistorySession[], t: Thresholds): SuggestionDraft[] {
  const v = f.metrics.follow_rate?.value ?? null;
  if (v === null || v >= t.followRateMin) return [];
  return [
    {
      rule: 'follow_rate_low',
      key: 'session',
      severity: 'info',
      titleZh: `转粉率 ${pct(v, 2)}，低于 ${pct(t.followRateMin)}`,
      titleEn: `Follow rate ${pct(v, 2)}, under ${pct(t.followRateMin)}`,
      adviceZh: '增加关注引导：主播定时口播关注理由（粉丝专属价、开播提醒），粉丝团福利与关注抽奖。',
      adviceEn: 'Ask for the follow more often: the host gives a reason at set times (fan-only prices, show reminders), plus fans-club perks and follow-to-enter draws.',
      evidence: evidence({
        measure: 'follow_rate',
        value: round(v, 6),
        unit: 'ratio',
        baseline: t.followRateMin,
        baselineKind: 'threshold',
        facts: [fact('follow_rate', v, 'ratio'), fact('follows', f.metrics.follows?.value ?? null, 'count'), fact('viewers', f.metrics.viewers?.value ?? null, 'count'), fact('threshold', t.followRateMin, 'ratio')],
      }),
    },
  ];
}

/** (f) GPM below the room's 20th percentile, compared only with earlier sessions of the same basis (pv or uv). */
export function gpmRule(f: SessionFacts, history: readonly HistorySession[], t: Thresholds): SuggestionDraft[] {
  const g = f.metrics.gpm_fen;
  if (!g || g.value === null) return [];
  const same = history.filter((h) => h.gpm.value !== null && h.gpm.basis === g.basis);
  const xs = same.map((h) => h.gpm.value!);
  if (xs.length < t.minHistorySessions) return [];
  const p = percentile(xs, t.lowPercentile)!;
  if (!(g.value < p)) return [];
  return [
    {
      rule: 'gpm_low',
      key: 'session',
      severity: 'warn',
      titleZh: `GPM ${yuan(g.value)}，低于本直播间第 ${t.lowPercentile} 百分位（${yuan(p)}）`,
      titleEn: `GPM ${yuan(g.value)}, below the room's ${t.lowPercentile}th percentile (${yuan(p)})`,
      adviceZh: `每千${g.basis === 'pv' ? '次观看' : '名观众'}成交偏低：复查选品与排款（引流款/利润款比例）、主推品讲解时长和上架时机。`,
      adviceEn: `Sales per thousand ${g.basis === 'pv' ? 'views' : 'viewers'} are low: review product selection and ordering (traffic vs margin products), hero-product airtime and when items go on sale.`,
      evidence: evidence({
        measure: 'gpm_fen',
        value: round(g.value, 2),
        unit: 'fen',
        baseline: round(p, 2),
        baselineKind: 'room_p20',
        sampleSize: xs.length,
        basis: g.basis,
        facts: [fact('gpm', g.value, 'fen'), fact('room_p20', p, 'fen')],
        series: historySeries(f, same, (h) => h.gpm.value, g.value, 'fen', '★'),
      }),
    },
  ];
}

/** (g) A slot that ran far longer than planned with a low GMV per minute. */
export function slotOverrunRule(f: SessionFacts, _history: readonly HistorySession[], t: Thresholds): SuggestionDraft[] {
  if (!f.minutes.length || !f.slots.length) return [];
  const sessionPerMinute = f.minutes.reduce((a, m) => a + m.gmvFen, 0) / f.minutes.length;
  const perSlot = f.slots.map((s) => {
    const ms = minutesIn(f.minutes, s.start, s.end);
    const minutes = actualMinutes(s);
    return { s, minutes, gmv: ms.reduce((a, m) => a + m.gmvFen, 0), perMinute: minutes > 0 ? ms.reduce((a, m) => a + m.gmvFen, 0) / minutes : 0 };
  });
  const out: SuggestionDraft[] = [];
  for (const [i, x] of perSlot.entries()) {
    const over = x.minutes - x.s.plannedMinutes;
    if (x.s.plannedMinutes <= 0 || x.minutes < x.s.plannedMinutes * t.slotOverrunFactor || over < t.slotOverrunMinMinutes) continue;
    if (!(x.perMinute < sessionPerMinute * t.slotLowGpmFactor)) continue;
    const factor = x.minutes / x.s.plannedMinutes;
    const name = x.s.productName ?? x.s.productId;
    out.push({
      rule: 'slot_overrun_low_gpm',
      key: `slot-${x.s.position}`,
      severity: 'warn',
      titleZh: `第 ${x.s.position} 个商品时段（${name}）实际 ${x.minutes} 分钟，计划 ${x.s.plannedMinutes} 分钟，每分钟成交仅 ${yuan(x.perMinute)}`,
      titleEn: `Slot ${x.s.position} (${name}) ran ${x.minutes} min against ${x.s.plannedMinutes} planned, at only ${yuan(x.perMinute)} GMV per minute`,
      adviceZh: '按计划时长换品：场控到点提醒，转化走低时提前切到下一个商品或福利款；复查该商品的计划时长是否合理。',
      adviceEn: 'Switch products on time: the floor manager calls time, and when sales slow the host moves on to the next product or a giveaway; check whether the planned length suits this product.',
      evidence: evidence({
        measure: 'slot_overrun_factor',
        value: round(factor),
        unit: 'factor',
        baseline: x.s.plannedMinutes,
        baselineKind: 'planned',
        window: { start: x.s.start, end: x.s.end, label: `${clock(x.s.start, f.timeZone)}–${clock(x.s.end, f.timeZone)}` },
        slot: { position: x.s.position, productId: x.s.productId, productName: x.s.productName, plannedMinutes: x.s.plannedMinutes, actualMinutes: x.minutes },
        facts: [fact('planned_minutes', x.s.plannedMinutes, 'minutes'), fact('actual_minutes', x.minutes, 'minutes'), fact('slot_gmv_per_minute', x.perMinute, 'fen_per_minute'), fact('session_gmv_per_minute', sessionPerMinute, 'fen_per_minute')],
        series: { kind: 'bar', unit: 'fen_per_minute', labels: perSlot.map((p) => `#${p.s.position}`), values: perSlot.map((p) => Math.round(p.perMinute)), highlight: [i] },
      }),
    });
  }
  return out;
}

export const RULES: Record<SuggestionRule, (f: SessionFacts, history: readonly HistorySession[], t: Thresholds) => SuggestionDraft[]> = {
  viewer_drop_slot: viewerDropRule,
  click_to_pay_low: clickToPayRule,
  interaction_low_window: interactionRule,
  gmv_below_goal: goalRule,
  follow_rate_low: followRateRule,
  gpm_low: gpmRule,
  slot_overrun_low_gpm: slotOverrunRule,
};

const SEVERITY_ORDER: Record<SuggestionSeverity, number> = { critical: 0, warn: 1, info: 2 };

/** Every rule over one session, most severe first. */
export function evaluateSuggestions(f: SessionFacts, history: readonly HistorySession[], t: Thresholds = DEFAULT_THRESHOLDS): SuggestionDraft[] {
  return (Object.keys(RULES) as SuggestionRule[]).flatMap((r) => RULES[r](f, history, t)).sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** Whether a larger value of the rule's measure is better (rates, GMV) or worse (drops, overruns). */
export function higherIsBetter(rule: SuggestionRule): boolean {
  return rule !== 'viewer_drop_slot' && rule !== 'slot_overrun_low_gpm';
}

/**
 * The rule's measure in a (later) session, for the follow-up of a suggestion accepted earlier: the worst slot drop
 * before the closing slot, the click-to-pay rate, the lowest window interaction rate, goal attainment, follow rate, GPM (same basis only), the
 * largest slot overrun. null: the session has no data for it.
 */
export function measureOf(rule: SuggestionRule, f: SessionFacts, t: Thresholds = DEFAULT_THRESHOLDS, basis: string | null = null): number | null {
  switch (rule) {
    case 'viewer_drop_slot': {
      const drops = slotsBeforeClosing(f.slots).map((s) => slotViewerDrop(f.minutes, s)).filter((d): d is number => d !== null);
      return drops.length ? round(Math.max(...drops)) : null;
    }
    case 'click_to_pay_low':
      return f.metrics.click_to_pay_rate?.value ?? null;
    case 'interaction_low_window': {
      const rates = interactionWindows(f.minutes, t.interactionWindowMinutes, t.minWindowMinutes).map((w) => w.rate).filter((r): r is number => r !== null);
      return rates.length ? round(Math.min(...rates), 6) : null;
    }
    case 'gmv_below_goal': {
      const gmv = f.metrics.gmv_fen?.value ?? null;
      return gmv === null || !f.goalGmvFen ? null : round(gmv / f.goalGmvFen);
    }
    case 'follow_rate_low':
      return f.metrics.follow_rate?.value ?? null;
    case 'gpm_low': {
      const g = f.metrics.gpm_fen;
      return !g || g.value === null || (basis !== null && g.basis !== basis) ? null : round(g.value, 2);
    }
    case 'slot_overrun_low_gpm': {
      const factors = f.slots.filter((s) => s.plannedMinutes > 0).map((s) => actualMinutes(s) / s.plannedMinutes);
      return factors.length ? round(Math.max(...factors)) : null;
    }
  }
}

/** Improved when the measure moved the good way (strictly); null when either side has no data. */
export function isImproved(rule: SuggestionRule, before: number | null, now: number | null): boolean | null {
  if (before === null || now === null) return null;
  return higherIsBetter(rule) ? now > before : now < before;
}
