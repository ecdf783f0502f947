import { IdParams } from '../../../contracts/common';
import type { SessionMetricsView } from '../../../contracts/analytics';
import { DomainError } from '../../platform/errors';
import type { App } from '../../platform/http';
import { findSession } from '../planning/planning.repository';
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
}
