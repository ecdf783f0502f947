import type { LiveComment, LiveDelta, LiveMinute, LiveSnapshot } from '../../../contracts/live';

const KEEP_MINUTES = 30;
const KEEP_COMMENTS = 200;

export interface MonitorState {
  snapshot: LiveSnapshot | null;
  minutes: LiveMinute[];
  comments: LiveComment[];
  /** Server clock minus ours, in ms, so slot timing follows the server. */
  clockOffset: number;
}

/** Folds the socket's messages into the monitor's state: a snapshot replaces everything, a delta updates it. */
export function applyLiveMessage(state: MonitorState, message: LiveSnapshot | LiveDelta, now = Date.now()): MonitorState {
  if (message.type === 'snapshot') {
    return { snapshot: message, minutes: message.minutes, comments: message.comments, clockOffset: Date.parse(message.serverTime) - now };
  }
  if (!state.snapshot || message.sessionId !== state.snapshot.session.id) return state;
  const byMinute = new Map(state.minutes.map((m) => [m.minute, m]));
  for (const m of message.minutes) byMinute.set(m.minute, m);
  const minutes = [...byMinute.values()].sort((a, b) => a.minute.localeCompare(b.minute)).slice(-KEEP_MINUTES);
  const known = new Set(state.comments.map((c) => c.id));
  const comments = [...state.comments, ...message.comments.filter((c) => !known.has(c.id))].slice(-KEEP_COMMENTS);
  return {
    ...state,
    snapshot: { ...state.snapshot, summary: message.summary, startedAt: message.startedAt, session: { ...state.snapshot.session, status: message.status } },
    minutes,
    comments,
  };
}
