import type { Deps } from '../../platform/context';
import { evaluateClock, evaluateSessions, pushSessionAlerts } from './alerts.service';

/** How often the clock's rules (stream silent, GMV pace) run. */
export const ALERT_CLOCK_MS = 20_000;

/**
 * Runs the alert rules: after each ingest commit for the sessions it touched, and on a timer for the rules that fire on
 * silence or the passing of time. Evaluations of one session never overlap (two at once could open the same alert twice).
 * It lives in one process, as the live hub does.
 */
export class AlertEngine {
  private timer: NodeJS.Timeout | null = null;
  private chains = new Map<string, Promise<unknown>>();
  /** Sessions whose evaluation is queued and not started yet. */
  private waiting = new Map<string, Promise<void>>();
  private clockRunning = false;

  /** Where a failed evaluation is reported (the routes point it at the app's log). */
  onError: (err: unknown) => void = (err) => console.error('alert evaluation failed', err);

  constructor(private readonly deps: Deps) {}

  /** Runs `fn` after the session's previous evaluation finished. */
  private serial<T>(sessionId: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.chains.get(sessionId) ?? Promise.resolve();
    const next = prev.then(fn, fn);
    const tail = next.catch(() => undefined);
    this.chains.set(sessionId, tail);
    void tail.then(() => {
      if (this.chains.get(sessionId) === tail) this.chains.delete(sessionId);
    });
    return next;
  }

  /**
   * After a commit: never throws (ingestion must not fail for an alert), reports failures to onError. A session that
   * already waits for its evaluation is not queued again: that evaluation reads everything committed so far, so a busy
   * room costs one evaluation at a time, not one per batch.
   */
  afterCommit(sessionIds: readonly string[]): Promise<void> {
    return Promise.all(
      sessionIds.map((id) => {
        if (this.waiting.has(id)) return this.waiting.get(id);
        const run = this.serial(id, async () => {
          this.waiting.delete(id);
          const changed = await evaluateSessions(this.deps, [id]);
          for (const s of changed) await pushSessionAlerts(this.deps, s);
        }).catch((err) => this.onError(err));
        this.waiting.set(id, run);
        return run;
      }),
    ).then(() => undefined);
  }

  /** Resolves once every evaluation queued so far has finished (tests wait on it instead of on the clock). */
  async settled(): Promise<void> {
    while (this.chains.size) await Promise.all([...this.chains.values()]);
  }

  /** One round of the clock's rules at `now` (the timer calls it; tests may too). */
  async tick(now = Date.now()): Promise<void> {
    if (this.clockRunning) return;
    this.clockRunning = true;
    try {
      const changed = await evaluateClock(this.deps, now);
      for (const s of changed) await pushSessionAlerts(this.deps, s);
    } catch (err) {
      this.onError(err);
    } finally {
      this.clockRunning = false;
    }
  }

  start(intervalMs = ALERT_CLOCK_MS) {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), intervalMs);
    this.timer.unref();
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

const engines = new WeakMap<Deps, AlertEngine>();

/** The app's alert engine (one per set of dependencies, so each test app has its own). */
export function alertEngineOf(deps: Deps): AlertEngine {
  let engine = engines.get(deps);
  if (!engine) {
    engine = new AlertEngine(deps);
    engines.set(deps, engine);
  }
  return engine;
}

/**
 * The ingest service's call after a commit, outside its transaction: queues the touched sessions' evaluation and returns
 * at once, so the batch's response does not wait for it (failures go to the engine's onError).
 */
export function evaluateCommitted(deps: Deps, sessionIds: readonly string[]): void {
  void alertEngineOf(deps).afterCommit(sessionIds);
}
