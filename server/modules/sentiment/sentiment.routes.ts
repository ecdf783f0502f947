import { IdParams } from '../../../contracts/common';
import { LexiconEntryInput, LexiconEntryView, LexiconList, SentimentTryInput, SentimentTryResult, SessionSentiment, SessionSentimentQuery } from '../../../contracts/sentiment';
import { DomainError } from '../../platform/errors';
import type { App } from '../../platform/http';
import { findSession } from '../planning/planning.repository';
import { listLexicon, putLexiconEntry, removeLexiconEntry, trySentiment } from './lexicon.service';
import { currentAnalyser } from './sentiment.registry';
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
      const themes = await negativeThemes(deps.db, session.id, from ?? EPOCH, to ?? END, (await currentAnalyser(deps.db)).analyser);
      return { sessionId: session.id, totals, minutes, themes };
    },
  );

  // The lexicon: anyone signed in reads it (hosts learn what reads as a complaint); changing it needs sentiment:manage.
  const lexicon = '/api/v1/sentiment/lexicon';
  app.get(lexicon, { config: { permission: 'room:read' }, schema: { tags, response: { 200: LexiconList } } }, async () => listLexicon(deps.db));
  app.put(lexicon, { config: { permission: 'sentiment:manage' }, schema: { tags, body: LexiconEntryInput, response: { 200: LexiconEntryView } } }, async (req) => putLexiconEntry(deps, req.actor, req.body));
  app.delete(`${lexicon}/:id`, { config: { permission: 'sentiment:manage' }, schema: { tags, params: IdParams } }, async (req, reply) => {
    await removeLexiconEntry(deps, req.actor, req.params.id);
    return reply.code(204).send();
  });
  app.post('/api/v1/sentiment/try', { config: { permission: 'room:read' }, schema: { tags, body: SentimentTryInput, response: { 200: SentimentTryResult } } }, async (req) => trySentiment(deps, req.body.text));
}
