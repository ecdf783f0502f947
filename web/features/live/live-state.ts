import type { LiveComment, LiveDelta, LiveMinute, LiveSnapshot } from '../../../contracts/live';

const KEEP_MINUTES = 30;
const KEEP_COMMENTS = 200;
const KEEP_FLAGGED = 100;

export interface MonitorState {
  snapshot: LiveSnapshot | null;
  minutes: LiveMinute[];
  /** The feed: viewers' comments and the host's speech, oldest first. */
  comments: LiveComment[];
  /** Lines with compliance findings, oldest first. */
  flagged: LiveComment[];
  /** Server clock minus ours, in ms, so slot timing follows the server. */
  clockOffset: number;
}

function appendNew(list: readonly LiveComment[], more: readonly LiveComment[], keep: number): LiveComment[] {
  const known = new Set(list.map((c) => c.id));
  return [...list, ...more.filter((c) => !known.has(c.id))].slice(-keep);
}

/** Folds the socket's messages into the monitor's state: a snapshot replaces everything, a delta updates it. */
export function applyLiveMessage(state: MonitorState, message: LiveSnapshot | LiveDelta, now = Date.now()): MonitorState {
  if (message.type === 'snapshot') {
    return { snapshot: message, minutes: message.minutes, comments: message.comments, flagged: message.flagged, clockOffset: Date.parse(message.serverTime) - now };
  }
  if (!state.snapshot || message.sessionId !== state.snapshot.session.id) return state;
  const byMinute = new Map(state.minutes.map((m) => [m.minute, m]));
  for (const m of message.minutes) byMinute.set(m.minute, m);
  const minutes = [...byMinute.values()].sort((a, b) => a.minute.localeCompare(b.minute)).slice(-KEEP_MINUTES);
  return {
    ...state,
    snapshot: { ...state.snapshot, summary: message.summary, startedAt: message.startedAt, session: { ...state.snapshot.session, status: message.status } },
    minutes,
    comments: appendNew(state.comments, message.comments, KEEP_COMMENTS),
    flagged: appendNew(state.flagged, message.flagged, KEEP_FLAGGED),
  };
}
