// Work the server does on its own now and then (the weekly report, the suggestions of ended shows): a task run at
// start and then every interval, one run at a time, on an unref'd timer that never keeps the process alive.

export interface ClockOptions {
  /** Between runs; a minute unless told. */
  intervalMs?: number;
  /** A run's failure (logged by the caller); the clock goes on. */
  onError?: (err: unknown) => void;
}

export interface Clock {
  /** Stops the timer and waits for a run under way. */
  stop(): Promise<void>;
}

export function startClock(task: () => Promise<unknown>, options: ClockOptions = {}): Clock {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    running = task()
      .catch((err) => options.onError?.(err))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, options.intervalMs ?? 60_000);
  timer.unref();
  setImmediate(tick);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
