import type { AlertView } from '../../../contracts/alerts';
import type { LiveAlerts, LiveComment, LiveDelta, LiveHeadline, LiveWall } from '../../../contracts/live';
import type { Deps, TeamScope } from '../../platform/context';
import { inScope } from '../../platform/context';
import { sessionSummary } from './ingest.repository';
import { minuteOf } from './ingest.rules';
import * as live from './live.repository';

/** The wall gets one message per tick; a watched session that stays unchanged still hears nothing. */
export const LIVE_TICK_MS = 1000;
/**
 * A commit reaches a session's watchers this soon after it lands: commits within the window go out as one delta, so a
 * busy room gets at most ~25 deltas a second and a quiet one sees its events within a tenth of a second.
 */
export const PUSH_COALESCE_MS = 40;
/** Events read per session per tick; a bigger backlog continues on the next tick. */
const EVENTS_PER_TICK = 5000;
const COMMENTS_PER_DELTA = 100;

export interface SessionWatcher {
  send(message: LiveDelta | LiveAlerts): void;
}
export interface WallWatcher {
  scope: TeamScope;
  send(message: LiveWall): void;
}

interface Watched {
  watchers: Set<SessionWatcher>;
  /** The last event id pushed to (or snapshotted for) the watchers. */
  cursor: number;
  dirty: boolean;
}

/**
 * The in-process publisher between ingestion and the live monitor. The ingest service marks sessions changed after each
 * commit; within PUSH_COALESCE_MS the changes since the last push go to whoever watches, and a one-second tick feeds the wall. It lives in one
 * process: a second server process would need its own feed (e.g. PostgreSQL LISTEN) — not needed for one node.
 */
export class LiveHub {
  private sessions = new Map<string, Watched>();
  private walls = new Set<WallWatcher>();
  private timer: NodeJS.Timeout | null = null;
  private flushTimer: NodeJS.Timeout | null = null;
  private ticking = false;
  private flushing = false;

  /** Where a failed round is reported (the routes point it at the app's log). */
  onError: (err: unknown) => void = (err) => console.error('live push failed', err);

  constructor(private readonly deps: Deps) {}

  /** Called after a commit: these sessions have new events. Cheap when nobody watches. */
  markChanged(sessionIds: readonly string[]) {
    let watched = false;
    for (const id of sessionIds) {
      const w = this.sessions.get(id);
      if (w) {
        w.dirty = true;
        watched = true;
      }
    }
    if (watched) this.scheduleFlush();
  }

  private scheduleFlush() {
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      void this.flushSessions().catch((err) => this.onError(err));
    }, PUSH_COALESCE_MS);
    this.flushTimer.unref();
  }

  /** Sends every changed session's delta. One round at a time: two at once would read past the same cursor twice. */
  private async flushSessions() {
    if (this.flushing) {
      this.scheduleFlush();
      return;
    }
    this.flushing = true;
    try {
      await Promise.all([...this.sessions].filter(([, w]) => w.dirty).map(([id, w]) => this.pushSession(id, w)));
    } finally {
      this.flushing = false;
    }
  }

  /**
   * Starts watching a session; returns the cursor a snapshot must stop at (events after it come as deltas) and the
   * function that stops watching.
   */
  async watchSession(sessionId: string, watcher: SessionWatcher): Promise<{ cursor: number; stop: () => void }> {
    let w = this.sessions.get(sessionId);
    if (!w) {
      const cursor = await live.lastEventId(this.deps.db, sessionId);
      // Another watcher may have started while the id was read.
      w = this.sessions.get(sessionId) ?? { watchers: new Set(), cursor, dirty: false };
      this.sessions.set(sessionId, w);
    }
    w.watchers.add(watcher);
    this.ensureTimer();
    const watched = w;
    return {
      cursor: watched.cursor,
      stop: () => {
        watched.watchers.delete(watcher);
        if (!watched.watchers.size && this.sessions.get(sessionId) === watched) this.sessions.delete(sessionId);
        this.stopTimerWhenIdle();
      },
    };
  }

  watchWall(watcher: WallWatcher): () => void {
    this.walls.add(watcher);
    this.ensureTimer();
    return () => {
      this.walls.delete(watcher);
      this.stopTimerWhenIdle();
    };
  }

  /** One round of pushes (the timer calls it; tests may too). */
  async tick(now = Date.now()) {
    if (this.ticking) return; // a slow round is not overlapped; the next tick picks up the rest
    this.ticking = true;
    try {
      // Sessions a failed flush left dirty are retried here.
      await this.flushSessions();
      if (this.walls.size) await this.pushWall(now);
    } catch (err) {
      // Keep the loop alive: the failed sessions stay behind their cursor and are retried on the next tick.
      this.onError(err);
    } finally {
      this.ticking = false;
    }
  }

  /** A session's alerts changed: its watchers get the whole active list. */
  sendAlerts(sessionId: string, alerts: AlertView[]) {
    const w = this.sessions.get(sessionId);
    if (!w) return;
    const message: LiveAlerts = { type: 'alerts', sessionId, alerts };
    for (const watcher of w.watchers) watcher.send(message);
  }

  /** Whether anyone watches the session (the alert engine skips reading alerts nobody would see). */
  isWatched(sessionId: string): boolean {
    return this.sessions.has(sessionId);
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    this.sessions.clear();
    this.walls.clear();
  }

  private async pushSession(sessionId: string, w: Watched) {
    w.dirty = false;
    try {
      await this.readAndSend(sessionId, w);
    } catch (err) {
      w.dirty = true;
      throw err;
    }
  }

  private async readAndSend(sessionId: string, w: Watched) {
    const { db } = this.deps;
    const events = await live.eventsAfter(db, sessionId, w.cursor, EVENTS_PER_TICK);
    if (!events.length) return;
    if (events.length === EVENTS_PER_TICK) w.dirty = true;
    w.cursor = events[events.length - 1]!.id;
    const minutes = await live.minutesAt(db, sessionId, [...new Set(events.map((e) => minuteOf(e.at)))]);
    const summary = await sessionSummary(db, sessionId);
    const session = await db.selectFrom('live_sessions').select(['status', 'planned_start']).where('id', '=', sessionId).executeTakeFirst();
    if (!session) return;
    const lines = events.filter((e) => e.kind === 'comment' || e.kind === 'transcript');
    const comments: LiveComment[] = await live.withFindings(db, sessionId, lines.slice(-COMMENTS_PER_DELTA));
    // Lines with findings are all sent, also those older than the newest 100 of a busy delta.
    const flagged: LiveComment[] = [
      ...(lines.length > COMMENTS_PER_DELTA ? await live.flaggedLines(db, sessionId, events[0]!.id - 1, Number(lines[lines.length - COMMENTS_PER_DELTA - 1]!.id), 1000) : []),
      ...comments.filter((c) => c.findings.length),
    ];
    const delta: LiveDelta = {
      type: 'delta',
      sessionId,
      status: session.status as LiveDelta['status'],
      minutes,
      comments,
      flagged,
      summary,
      startedAt: summary.firstEventAt ?? session.planned_start,
    };
    for (const watcher of w.watchers) watcher.send(delta);
  }

  private async pushWall(now: number) {
    const all: LiveHeadline[] = await live.liveHeadlines(this.deps.db, now);
    const at = new Date(now).toISOString();
    for (const wall of this.walls) wall.send({ type: 'wall', at, sessions: all.filter((s) => inScope(wall.scope, s.teamId)) });
  }

  private ensureTimer() {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), LIVE_TICK_MS);
    this.timer.unref();
  }

  private stopTimerWhenIdle() {
    if (this.timer && !this.sessions.size && !this.walls.size) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }
}

const hubs = new WeakMap<Deps, LiveHub>();

/** The app's hub (one per set of dependencies, so each test app has its own). */
export function liveHubOf(deps: Deps): LiveHub {
  let hub = hubs.get(deps);
  if (!hub) {
    hub = new LiveHub(deps);
    hubs.set(deps, hub);
  }
  return hub;
}

/** The ingest service's one call after a commit. */
export function publishCommitted(deps: Deps, sessionIds: readonly string[]) {
  hubs.get(deps)?.markChanged(sessionIds);
}

/** The alert engine's call when a session's alerts changed. */
export function publishSessionAlerts(deps: Deps, sessionId: string, alerts: AlertView[]) {
  hubs.get(deps)?.sendAlerts(sessionId, alerts);
}

/** Whether a session has watchers on the live monitor. */
export function isSessionWatched(deps: Deps, sessionId: string): boolean {
  return hubs.get(deps)?.isWatched(sessionId) ?? false;
}
