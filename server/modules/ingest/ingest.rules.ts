import type { NormalizedEvent } from '../../../contracts/ingest';

/**
 * Which session an event belongs to, and what it adds to the per-minute rollups: pure decisions over plain values.
 */

const MINUTE = 60_000;
/** Warm-up: events up to an hour before a planned start belong to that session. */
export const ATTACH_BEFORE_MS = 60 * MINUTE;
/** Overrun: shows run long; events up to two hours after the planned end still belong to it. */
export const ATTACH_AFTER_MS = 120 * MINUTE;
/** An unplanned session stays open while events keep coming; a gap longer than this starts a new one. */
export const UNPLANNED_GAP_MS = 30 * MINUTE;

export interface CandidateSession {
  id: string;
  start: number;
  end: number;
  status: string;
  isUnplanned: boolean;
}

/** The UTC minute an event falls in, as stored: 2026-12-01T11:05:00.000Z. */
export function minuteOf(at: string | number): string {
  const t = typeof at === 'number' ? at : Date.parse(at);
  return new Date(Math.floor(t / MINUTE) * MINUTE).toISOString();
}

function distance(s: CandidateSession, t: number): number {
  if (t < s.start) return s.start - t;
  if (t >= s.end) return t - s.end;
  return 0;
}

/**
 * The session an event at `t` belongs to: a session running then (live ones first), else the nearest within the
 * warm-up and overrun windows, else an unplanned session that is still receiving events. Null: open a new unplanned one.
 */
export function pickSession(candidates: readonly CandidateSession[], t: number): string | null {
  const usable = candidates.filter((s) => s.status !== 'cancelled');
  const planned = usable.filter((s) => !s.isUnplanned && t >= s.start - ATTACH_BEFORE_MS && t < s.end + ATTACH_AFTER_MS);
  const rank = (s: CandidateSession) => [distance(s, t), s.status === 'live' ? 0 : 1, s.start] as const;
  const best = planned.sort((a, b) => {
    const [da, la, sa] = rank(a);
    const [db, lb, sb] = rank(b);
    return da - db || la - lb || sa - sb;
  })[0];
  if (best) return best.id;
  const open = usable.filter((s) => s.isUnplanned && t >= s.start - UNPLANNED_GAP_MS && t < s.end + UNPLANNED_GAP_MS).sort((a, b) => distance(a, t) - distance(b, t))[0];
  return open?.id ?? null;
}

export interface MinuteDelta {
  sessionId: string;
  minute: string;
  comments: number;
  gifts: number;
  giftFen: number;
  likes: number;
  follows: number;
  shares: number;
  joins: number;
  fansClub: number;
  superChats: number;
  superChatFen: number;
  memberships: number;
  membershipFen: number;
  orders: number;
  gmvFen: number;
  transcripts: number;
  unknown: number;
  viewersMax: number | null;
  viewersSum: number;
  viewersSamples: number;
  /** Comments by sentiment (issue 6). */
  sentimentPositive: number;
  sentimentNeutral: number;
  sentimentNegative: number;
}

export interface SessionDelta {
  sessionId: string;
  firstAt: string;
  lastAt: string;
  events: number;
  viewersCumulative: number | null;
  likesTotal: number | null;
}

const emptyMinute = (sessionId: string, minute: string): MinuteDelta => ({
  sessionId,
  minute,
  comments: 0,
  gifts: 0,
  giftFen: 0,
  likes: 0,
  follows: 0,
  shares: 0,
  joins: 0,
  fansClub: 0,
  superChats: 0,
  superChatFen: 0,
  memberships: 0,
  membershipFen: 0,
  orders: 0,
  gmvFen: 0,
  transcripts: 0,
  unknown: 0,
  viewersMax: null,
  viewersSum: 0,
  viewersSamples: 0,
  sentimentPositive: 0,
  sentimentNeutral: 0,
  sentimentNegative: 0,
});

const max = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));

/** The key a commenter is counted by: the platform's user id, else the name. */
export function commenterKey(e: NormalizedEvent): string | null {
  if (e.kind !== 'comment' || !e.user) return null;
  return e.user.id ? `id:${e.user.id}` : e.user.name ? `name:${e.user.name}` : null;
}

/** Adds up newly stored events into per-minute and per-session deltas; a comment's sentiment, when it has one, is counted too. */
export function accumulate(events: readonly { sessionId: string; event: NormalizedEvent; sentiment?: { label: 'positive' | 'neutral' | 'negative' } | null }[]) {
  const minutes = new Map<string, MinuteDelta>();
  const sessions = new Map<string, SessionDelta>();
  for (const { sessionId, event: e, sentiment } of events) {
    const minute = minuteOf(e.at);
    const key = `${sessionId}|${minute}`;
    let m = minutes.get(key);
    if (!m) minutes.set(key, (m = emptyMinute(sessionId, minute)));
    let s = sessions.get(sessionId);
    if (!s) sessions.set(sessionId, (s = { sessionId, firstAt: e.at, lastAt: e.at, events: 0, viewersCumulative: null, likesTotal: null }));
    s.events++;
    if (e.at < s.firstAt) s.firstAt = e.at;
    if (e.at > s.lastAt) s.lastAt = e.at;
    const value = e.valueFen ?? 0;
    switch (e.kind) {
      case 'comment':
        m.comments++;
        if (sentiment?.label === 'positive') m.sentimentPositive++;
        else if (sentiment?.label === 'negative') m.sentimentNegative++;
        else if (sentiment) m.sentimentNeutral++;
        break;
      case 'gift':
        m.gifts += e.count ?? 1;
        m.giftFen += value;
        break;
      case 'like':
        // A running total is not new likes: keep it apart and never add it up.
        if (e.unit === 'total') s.likesTotal = max(s.likesTotal, e.count);
        else m.likes += e.count ?? 1;
        break;
      case 'follow':
        m.follows++;
        break;
      case 'share':
        m.shares++;
        break;
      case 'join':
        m.joins++;
        break;
      case 'fans_club':
        m.fansClub++;
        break;
      case 'super_chat':
        m.superChats++;
        m.superChatFen += value;
        break;
      case 'membership':
        m.memberships++;
        m.membershipFen += value;
        break;
      case 'order':
        m.orders++;
        m.gmvFen += value;
        break;
      case 'transcript':
        m.transcripts++;
        break;
      case 'viewer_count':
        if (e.unit === 'cumulative') s.viewersCumulative = max(s.viewersCumulative, e.count);
        else if (e.count !== null) {
          m.viewersMax = max(m.viewersMax, e.count);
          m.viewersSum += e.count;
          m.viewersSamples++;
        }
        break;
      case 'unknown':
        m.unknown++;
        break;
      case 'stream_status':
        break;
    }
  }
  return { minutes: [...minutes.values()], sessions: [...sessions.values()] };
}
