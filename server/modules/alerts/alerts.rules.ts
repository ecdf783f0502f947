import type { AlertDetail, AlertKind, AlertSeverity, AlertThresholds } from '../../../contracts/alerts';

/** What a rule decided: an alert to raise (or bump) under `rule` within its kind. No db, no clock. */
export interface AlertFiring {
  kind: AlertKind;
  rule: string;
  severity: AlertSeverity;
  title: { zh: string; en: string };
  detail: AlertDetail;
  /** Occurrences this firing adds to the alert's count. */
  occurrences: number;
}
// A firing carries detail.episode when it can repeat itself (a minute still filling, a silence going on): a firing of the
// same episode refreshes the alert's numbers without counting again.

const MINUTE = 60_000;
const SEVERITY_RANK: Record<AlertSeverity, number> = { info: 0, warn: 1, critical: 2 };

export function isMoreSevere(a: AlertSeverity, b: AlertSeverity): boolean {
  return SEVERITY_RANK[a] > SEVERITY_RANK[b];
}

/** One open alert per (session, kind, rule): the key firings are grouped under. */
export function groupKey(sessionId: string, kind: AlertKind, rule: string): string {
  return `${sessionId}:${kind}:${rule}`;
}

const pct = (x: number) => Math.round(x * 1000) / 10;

// ---- compliance ----

export interface FindingFact {
  id: number;
  /** The line it was found in: one line with three terms is one occurrence. */
  eventId: number;
  at: string;
  source: 'comment' | 'transcript';
  severity: 'info' | 'warn' | 'block';
  term: string;
}

/**
 * Compliance firings from the findings stored since the last evaluation (`fresh`, ids above the cursor) and those in
 * the window before the latest (`recent`, which includes the fresh ones). A block in the host's speech is critical at
 * once; `warnCount` lines with warn-or-block findings within `windowMinutes` of the latest are a warn. Counts are of
 * lines, not findings: one line matching 全网最低, 最低 and 最低价 is one thing a host said.
 */
export function complianceFirings(fresh: readonly FindingFact[], recent: readonly FindingFact[], t: AlertThresholds['compliance']): AlertFiring[] {
  if (!t.enabled || !fresh.length) return [];
  const out: AlertFiring[] = [];
  const speech = fresh.filter((f) => f.source === 'transcript' && f.severity === 'block');
  const lines = (fs: readonly FindingFact[]) => new Set(fs.map((f) => f.eventId)).size;
  if (t.blockSpeech && speech.length) {
    // 全网最低 also holds 最低: name the longest terms only.
    const spelled = [...new Set(speech.map((f) => f.term))];
    const terms = spelled.filter((x) => !spelled.some((o) => o !== x && o.includes(x)));
    out.push({
      kind: 'compliance',
      rule: 'block_speech',
      severity: 'critical',
      title: { zh: `主播口播违规：${terms.join('、')}`, en: `Host speech violation: ${terms.join(', ')}` },
      detail: { metrics: { findings: speech.length, lines: lines(speech) }, terms, from: speech[0]!.at, to: speech[speech.length - 1]!.at },
      occurrences: lines(speech),
    });
  }
  const freshSerious = fresh.filter((f) => f.severity !== 'info');
  if (freshSerious.length) {
    const latest = Math.max(...recent.map((f) => Date.parse(f.at)));
    const since = latest - t.windowMinutes * MINUTE;
    const inWindow = recent.filter((f) => f.severity !== 'info' && Date.parse(f.at) > since);
    const flagged = lines(inWindow);
    if (flagged >= t.warnCount) {
      const terms = [...new Set(inWindow.map((f) => f.term))].slice(0, 10);
      out.push({
        kind: 'compliance',
        rule: 'warn_burst',
        severity: 'warn',
        title: {
          zh: `${t.windowMinutes} 分钟内 ${flagged} 条发言命中违规词`,
          en: `${flagged} lines with compliance findings within ${t.windowMinutes} min`,
        },
        detail: { metrics: { lines: flagged, findings: inWindow.length, threshold: t.warnCount, windowMinutes: t.windowMinutes }, terms, from: new Date(since).toISOString(), to: new Date(latest).toISOString() },
        occurrences: lines(freshSerious),
      });
    }
  }
  return out;
}

// ---- sentiment surge ----

export interface SentimentMinute {
  minute: string;
  positive: number;
  neutral: number;
  negative: number;
}

/** Without enough history the baseline is this prior share of negative comments. */
export const PRIOR_NEGATIVE_RATIO = 0.1;
/** A baseline never goes below this: a spotless room must not turn three complaints into a surge. */
export const BASELINE_FLOOR = 0.05;
export const EWMA_ALPHA = 0.2;

const volumeOf = (m: SentimentMinute) => m.positive + m.neutral + m.negative;

/** Exponentially weighted mean of the negative share over past minutes (oldest first) with volume; the prior without any. */
export function negativeBaseline(history: readonly SentimentMinute[], minVolume: number, alpha = EWMA_ALPHA): { ratio: number; samples: number } {
  let ewma = PRIOR_NEGATIVE_RATIO;
  let samples = 0;
  for (const m of history) {
    const v = volumeOf(m);
    if (v < Math.max(1, Math.floor(minVolume / 2))) continue;
    const r = m.negative / v;
    ewma = samples === 0 ? r : alpha * r + (1 - alpha) * ewma;
    samples++;
  }
  return { ratio: Math.max(BASELINE_FLOOR, ewma), samples };
}

/** A minute whose negative share is `multiple` times the baseline (and at least `minRatio`, on `minVolume` comments) is a surge. */
export function sentimentSurge(current: SentimentMinute, history: readonly SentimentMinute[], t: AlertThresholds['sentiment']): AlertFiring | null {
  if (!t.enabled) return null;
  const volume = volumeOf(current);
  if (volume < t.minVolume) return null;
  const ratio = current.negative / volume;
  const baseline = negativeBaseline(history, t.minVolume);
  if (ratio < t.minRatio || ratio < baseline.ratio * t.multiple) return null;
  const severity: AlertSeverity = ratio >= baseline.ratio * t.multiple * 2 && ratio >= 0.5 ? 'critical' : 'warn';
  return {
    kind: 'sentiment_surge',
    rule: 'negative_ratio',
    severity,
    title: { zh: `负面舆情激增：负面占比 ${pct(ratio)}%（基线 ${pct(baseline.ratio)}%）`, en: `Negative opinion surge: ${pct(ratio)}% negative (baseline ${pct(baseline.ratio)}%)` },
    detail: {
      metrics: { ratio: pct(ratio), baseline: pct(baseline.ratio), multiple: t.multiple, negative: current.negative, volume, baselineMinutes: baseline.samples },
      from: current.minute,
      to: new Date(Date.parse(current.minute) + MINUTE).toISOString(),
      episode: current.minute,
    },
    occurrences: 1,
  };
}

// ---- viewer drop ----

export interface ViewerMinute {
  minute: string;
  viewers: number | null;
}

/** Viewers in the latest reported minute fell more than `percent` below the peak of the `windowMinutes` before it. */
export function viewerDrop(minutes: readonly ViewerMinute[], t: AlertThresholds['viewerDrop']): AlertFiring | null {
  if (!t.enabled) return null;
  const reported = minutes.filter((m): m is { minute: string; viewers: number } => m.viewers !== null).sort((a, b) => a.minute.localeCompare(b.minute));
  const last = reported[reported.length - 1];
  if (!last) return null;
  const since = Date.parse(last.minute) - t.windowMinutes * MINUTE;
  const window = reported.filter((m) => Date.parse(m.minute) >= since);
  const peak = window.reduce((best, m) => (m.viewers > best.viewers ? m : best), window[0]!);
  if (peak.viewers < Math.max(1, t.minViewers)) return null;
  const drop = (peak.viewers - last.viewers) / peak.viewers;
  if (drop * 100 <= t.percent) return null;
  const severity: AlertSeverity = drop * 100 > Math.min(90, t.percent * 2) ? 'critical' : 'warn';
  return {
    kind: 'viewer_drop',
    rule: 'drop',
    severity,
    title: { zh: `在线人数骤降 ${pct(drop)}%：${peak.viewers} → ${last.viewers}`, en: `Viewers dropped ${pct(drop)}%: ${peak.viewers} → ${last.viewers}` },
    detail: { metrics: { peak: peak.viewers, current: last.viewers, dropPercent: pct(drop), threshold: t.percent, windowMinutes: t.windowMinutes }, from: peak.minute, to: last.minute, episode: last.minute },
    occurrences: 1,
  };
}

// ---- stream silent ----

export interface SessionClock {
  status: string;
  plannedStart: string;
  plannedEnd: string;
  /** The session's latest event (data time); null before the first. */
  lastEventAt: string | null;
}

/** A scheduled or live session inside its planned time that has heard nothing for `minutes` (counted from its start at the earliest). */
export function streamSilent(s: SessionClock, now: number, t: AlertThresholds['streamSilent']): AlertFiring | null {
  if (!t.enabled || (s.status !== 'scheduled' && s.status !== 'live')) return null;
  const start = Date.parse(s.plannedStart);
  if (now < start || now > Date.parse(s.plannedEnd)) return null;
  const heard = Math.max(start, s.lastEventAt ? Date.parse(s.lastEventAt) : start);
  const silent = Math.floor((now - heard) / MINUTE);
  if (silent < t.minutes) return null;
  return {
    kind: 'stream_silent',
    rule: 'silent',
    severity: 'critical',
    title: s.lastEventAt
      ? { zh: `直播无数据已 ${silent} 分钟`, en: `No events from the stream for ${silent} min` }
      : { zh: `已到开播时间 ${silent} 分钟，仍未收到直播数据`, en: `${silent} min past the planned start and no events yet` },
    detail: { metrics: { silentMinutes: silent, threshold: t.minutes }, from: new Date(heard).toISOString(), to: new Date(now).toISOString(), episode: new Date(heard).toISOString() },
    occurrences: 1,
  };
}

// ---- GMV pace ----

export interface PaceFacts {
  status: string;
  goalGmvFen: number | null;
  plannedStart: string;
  plannedEnd: string;
  /** First event, else planned start. */
  startedAt: string;
  gmvFen: number;
}

/** GMV behind goal × elapsed / planned by `behindPercent` or more, once the warm-up is over (live sessions with a goal only). */
export function gmvPace(p: PaceFacts, now: number, t: AlertThresholds['gmvPace']): AlertFiring | null {
  if (!t.enabled || p.status !== 'live' || !p.goalGmvFen || p.goalGmvFen <= 0) return null;
  const planned = Date.parse(p.plannedEnd) - Date.parse(p.plannedStart);
  const elapsed = now - Date.parse(p.startedAt);
  if (planned <= 0 || elapsed < Math.max(1, t.warmupMinutes) * MINUTE) return null;
  const expected = Math.round(p.goalGmvFen * Math.min(1, elapsed / planned));
  if (expected <= 0) return null;
  const behind = (expected - p.gmvFen) / expected;
  if (behind * 100 < t.behindPercent) return null;
  const yuan = (fen: number) => (fen / 100).toFixed(0);
  return {
    kind: 'gmv_pace',
    rule: 'behind_goal',
    severity: behind >= 0.6 ? 'critical' : 'warn',
    title: { zh: `GMV 落后目标进度 ${pct(behind)}%：¥${yuan(p.gmvFen)} / 应达 ¥${yuan(expected)}`, en: `GMV ${pct(behind)}% behind goal pace: ¥${yuan(p.gmvFen)} of ¥${yuan(expected)} expected` },
    detail: {
      metrics: { actualFen: p.gmvFen, expectedFen: expected, goalFen: p.goalGmvFen, behindPercent: pct(behind), elapsedMinutes: Math.floor(elapsed / MINUTE), plannedMinutes: Math.round(planned / MINUTE) },
      from: p.startedAt,
      to: new Date(now).toISOString(),
      episode: p.startedAt,
    },
    occurrences: 1,
  };
}

/** The room's thresholds: its stored ones merged over the defaults (a stored set from an older version may lack a rule). */
export function mergeThresholds(defaults: AlertThresholds, stored: Partial<Record<keyof AlertThresholds, object>> | null): AlertThresholds {
  if (!stored) return defaults;
  const out = { ...defaults } as Record<keyof AlertThresholds, object>;
  for (const k of Object.keys(defaults) as (keyof AlertThresholds)[]) out[k] = { ...defaults[k], ...(stored[k] ?? {}) };
  return out as AlertThresholds;
}
