import { z } from 'zod';
import { AlertView } from './alerts';
import { SessionSummary } from './ingest';
import { SessionStatus, SlotType } from './planning';

// The live monitor's WebSocket messages: GET /api/v1/sessions/{id}/live sends a LiveSnapshot on connect, then at most
// a LiveDelta within 40 ms of each commit (coalesced) while events arrive, and a LiveAlerts when its alerts change; GET /api/v1/live (the wall) sends a LiveWall every second.

const Count = z.number().int().min(0);

/** One minute of a session's rollups; `minute` is its start, UTC ISO with milliseconds. */
export const LiveMinute = z.object({
  minute: z.string(),
  /** Highest concurrent viewer count reported in the minute; null when none was. */
  viewers: Count.nullable(),
  comments: Count,
  commenters: Count,
  likes: Count,
  gifts: Count,
  giftValueFen: Count,
  orders: Count,
  gmvFen: Count,
  /** Comments by sentiment (issue 6); comments stored before sentiment existed count in none. */
  positive: Count,
  neutral: Count,
  negative: Count,
});
export type LiveMinute = z.infer<typeof LiveMinute>;

/** A compliance finding on a feed line: UTF-16 offsets into `text`, end exclusive (highlight exactly these characters). */
export const LiveFinding = z.object({
  rule: z.string(),
  category: z.string(),
  severity: z.enum(['info', 'warn', 'block']),
  term: z.string(),
  start: z.number().int(),
  end: z.number().int(),
});
export type LiveFinding = z.infer<typeof LiveFinding>;

/** A line of the live feed: a viewer's comment or a line of the host's transcribed speech, with its findings. */
export const LiveComment = z.object({
  /** The stored event's id: increasing in arrival order. */
  id: z.string(),
  /** 'comment' (a viewer) or 'transcript' (the host's speech). */
  kind: z.enum(['comment', 'transcript']),
  at: z.string(),
  userName: z.string().nullable(),
  text: z.string(),
  /** The scanner's findings on this line, stored when it was ingested. */
  findings: z.array(LiveFinding),
});
export type LiveComment = z.infer<typeof LiveComment>;

export const LiveSlot = z.object({
  id: z.string(),
  position: z.number(),
  productName: z.string(),
  productSku: z.string(),
  slotType: SlotType,
  plannedMinutes: z.number().int().min(1),
});
export type LiveSlot = z.infer<typeof LiveSlot>;

export const LiveSessionHeader = z.object({
  id: z.string(),
  title: z.string(),
  roomName: z.string(),
  status: SessionStatus,
  plannedStart: z.string(),
  plannedEnd: z.string(),
  timeZone: z.string(),
});
export type LiveSessionHeader = z.infer<typeof LiveSessionHeader>;

export const LiveSnapshot = z.object({
  type: z.literal('snapshot'),
  session: LiveSessionHeader,
  /** The session's last 30 minutes with rollups, oldest first. */
  minutes: z.array(LiveMinute),
  summary: SessionSummary,
  /** The last 50 feed lines (comments and host speech), oldest first. */
  comments: z.array(LiveComment),
  /** The session's most recent lines with compliance findings (at most 30), oldest first. */
  flagged: z.array(LiveComment),
  /** The run of show in order; slot times count from `startedAt`. */
  slots: z.array(LiveSlot),
  /** When the show actually started: its first event, else its planned start. */
  startedAt: z.string(),
  /** The server's clock, so a client can correct its own when it times the current slot. */
  serverTime: z.string(),
  /** The session's open and acknowledged alerts (issue 6), open first, most severe first. */
  alerts: z.array(AlertView).optional(),
});
export type LiveSnapshot = z.infer<typeof LiveSnapshot>;

export const LiveDelta = z.object({
  type: z.literal('delta'),
  sessionId: z.string(),
  status: SessionStatus,
  /** Minute rows that changed, in full (replace the client's row for that minute). */
  minutes: z.array(LiveMinute),
  /** Feed lines since the last message (at most the newest 100), oldest first. */
  comments: z.array(LiveComment),
  /** Every line with findings since the last message, oldest first (also those beyond the newest 100). */
  flagged: z.array(LiveComment),
  summary: SessionSummary,
  startedAt: z.string(),
});
export type LiveDelta = z.infer<typeof LiveDelta>;

/** The session's open and acknowledged alerts, in full (replace the client's list), whenever one opens, fires again, is acknowledged or resolved. */
export const LiveAlerts = z.object({ type: z.literal('alerts'), sessionId: z.string(), alerts: z.array(AlertView) });
export type LiveAlerts = z.infer<typeof LiveAlerts>;

export const LiveSessionMessage = z.discriminatedUnion('type', [LiveSnapshot, LiveDelta, LiveAlerts]);
export type LiveSessionMessage = z.infer<typeof LiveSessionMessage>;

/** A live session's headline numbers on the wall. */
export const LiveHeadline = z.object({
  sessionId: z.string(),
  title: z.string(),
  roomName: z.string(),
  teamId: z.string(),
  /** Viewers in the latest minute that reported them (last 10 minutes); null when none did. */
  viewers: Count.nullable(),
  /** Comments in the last full minute. */
  commentsLastMinute: Count,
  gmvFen: Count,
  giftValueFen: Count,
  lastEventAt: z.string().nullable(),
  /** Block-severity compliance findings in the session so far. */
  blockFindings: Count,
});
export type LiveHeadline = z.infer<typeof LiveHeadline>;

export const LiveWall = z.object({ type: z.literal('wall'), at: z.string(), sessions: z.array(LiveHeadline) });
export type LiveWall = z.infer<typeof LiveWall>;

export interface CurrentSlot {
  /** Index into the slots; null before the first starts or after the last ends. */
  index: number | null;
  phase: 'before' | 'on' | 'after';
  /** Seconds into the current slot, and its planned length. */
  elapsedSeconds: number;
  plannedSeconds: number;
}

/** Which slot of the run of show is on at `now` (ms), counting planned minutes from `startedAt`. */
export function currentSlotAt(slots: readonly { plannedMinutes: number }[], startedAt: string, now: number): CurrentSlot {
  let offset = (now - Date.parse(startedAt)) / 1000;
  if (!slots.length || offset < 0) return { index: null, phase: 'before', elapsedSeconds: 0, plannedSeconds: 0 };
  for (let i = 0; i < slots.length; i++) {
    const planned = slots[i]!.plannedMinutes * 60;
    if (offset < planned) return { index: i, phase: 'on', elapsedSeconds: Math.floor(offset), plannedSeconds: planned };
    offset -= planned;
  }
  return { index: null, phase: 'after', elapsedSeconds: 0, plannedSeconds: 0 };
}
