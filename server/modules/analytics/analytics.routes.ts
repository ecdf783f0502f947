import { IdParams } from '../../../contracts/common';
import type { SessionMetricsView, SessionReview } from '../../../contracts/analytics';
import { DomainError } from '../../platform/errors';
import type { App } from '../../platform/http';
import { findSession } from '../planning/planning.repository';
import { sessionReview } from './review.service';
import { sessionMetrics } from './session-metrics';

const tags = ['analytics'];

export async function analyticsRoutes(app: App) {
  const { deps } = app;

  app.get(
    '/api/v1/sessions/:id/metrics',
    { config: { permission: 'room:read' }, schema: { tags, params: IdParams, description: 'Every metric of a session (contracts/analytics.ts MetricValue): manual, then imported, then computed from events; null is no data.' } },
    async (req): Promise<SessionMetricsView> => {
      const session = await findSession(deps.db, req.actor.scope, req.params.id);
      if (!session) throw new DomainError('analytics/session-not-found');
      const { metrics } = await sessionMetrics(deps.db, session.id);
      return { sessionId: session.id, metrics };
    },
  );

  app.get(
    '/api/v1/sessions/:id/review',
    {
      config: { permission: 'room:read' },
      schema: {
        tags,
        params: IdParams,
        description:
          'The session review (复盘): metrics, goals vs actual, the per-minute timeline with slot, alert and incident pins, the product-slot table, comment themes, compliance findings and the room band over its previous 10 sessions (contracts/analytics.ts SessionReview).',
      },
    },
    async (req): Promise<SessionReview> => sessionReview(deps.db, req.actor.scope, req.params.id),
  );
}
