import { IdParams } from '../../../contracts/common';
import { SessionSentiment, SessionSentimentQuery } from '../../../contracts/sentiment';
import { DomainError } from '../../platform/errors';
import type { App } from '../../platform/http';
import { findSession } from '../planning/planning.repository';
import { negativeThemes, sentimentMinutes } from './sentiment.repository';

const tags = ['sentiment'];
// Far enough either side of any session to mean "the whole session" when the caller gives no window.
const EPOCH = '1970-01-01T00:00:00.000Z';
const END = '9999-12-31T00:00:00.000Z';

export async function sentimentRoutes(app: App) {
  const { deps } = app;

  app.get(
    '/api/v1/sessions/:id/sentiment',
    { config: { permission: 'room:read', tokenScope: 'read' }, schema: { tags, params: IdParams, querystring: SessionSentimentQuery, response: { 200: SessionSentiment } } },
    async (req) => {
      const session = await findSession(deps.db, req.actor.scope, req.params.id);
      if (!session || (req.principal?.kind === 'token' && req.principal.roomId !== session.roomId)) throw new DomainError('session/not-found');
      const { from, to } = req.query;
      const minutes = await sentimentMinutes(deps.db, session.id, from, to);
      const totals = { positive: 0, neutral: 0, negative: 0 };
      for (const m of minutes) {
        totals.positive += m.positive;
        totals.neutral += m.neutral;
        totals.negative += m.negative;
      }
      const themes = await negativeThemes(deps.db, session.id, from ?? EPOCH, to ?? END);
      return { sessionId: session.id, totals, minutes, themes };
    },
  );
}
