// What the server does on its own while it runs, for `showrunner start` and `npm run demo` alike: deliver outgoing
// notifications from the outbox, generate the weekly report when due, compute the suggestions of shows that ended.
import type { FastifyBaseLogger } from 'fastify';
import { startDeliveryWorker } from '../modules/channels/channels.delivery';
import { startWeeklyReportScheduler } from '../modules/dashboards/weekly-report.service';
import { startSuggestionClock } from '../modules/suggestions/suggestions.service';
import type { Deps } from './context';

export interface Background {
  /** Stops every timer and waits for work under way. */
  stop(): Promise<void>;
}

export function startBackground(deps: Deps, log: FastifyBaseLogger): Background {
  // Outgoing notifications (channels): delivered from the outbox on an unref'd timer, nudged by the code that fills it.
  const deliveries = startDeliveryWorker(deps, { onError: (err) => log.error({ err }, 'notification delivery failed') });
  // The weekly report (issue 7): generated once when due, on an unref'd minute clock; warms the recent summaries.
  const weeklyReports = startWeeklyReportScheduler(deps, { onError: (err) => log.error({ err }, 'weekly report failed') });
  // Optimisation suggestions of the shows that ended (issue 7), computed without anyone opening the review.
  const suggestions = startSuggestionClock(deps, { onError: (err) => log.error({ err }, 'suggestions failed') });
  return {
    async stop() {
      await Promise.all([deliveries.stop(), weeklyReports.stop(), suggestions.stop()]);
    },
  };
}
