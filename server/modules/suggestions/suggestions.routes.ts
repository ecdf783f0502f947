import { IdParams } from '../../../contracts/common';
import { AcceptSuggestionInput, DismissSuggestionInput, SuggestionQuery, SuggestionThresholds } from '../../../contracts/suggestions';
import { requestLocale } from '../../platform/errors';
import type { App } from '../../platform/http';
import * as suggestions from './suggestions.service';

const tags = ['suggestions'];

export async function suggestionsRoutes(app: App) {
  const { deps } = app;

  // Reading a session's suggestions recomputes and stores them (decisions are kept), so the review always shows the
  // rules over the latest numbers, imports included.
  app.get('/api/v1/sessions/:id/suggestions', { config: { permission: 'room:read' }, schema: { tags, params: IdParams } }, async (req) =>
    suggestions.computeSessionSuggestions(deps, req.actor, req.params.id),
  );
  app.get('/api/v1/suggestions', { config: { permission: 'room:read' }, schema: { tags, querystring: SuggestionQuery } }, async (req) => ({ items: await suggestions.listSuggestions(deps.db, req.actor, req.query) }));
  app.post('/api/v1/suggestions/:id/accept', { config: { permission: 'suggestion:decide' }, schema: { tags, params: IdParams, body: AcceptSuggestionInput } }, async (req) =>
    suggestions.acceptSuggestion(deps, req.actor, req.params.id, req.body, requestLocale(req)),
  );
  app.post('/api/v1/suggestions/:id/dismiss', { config: { permission: 'suggestion:decide' }, schema: { tags, params: IdParams, body: DismissSuggestionInput } }, async (req) =>
    suggestions.dismissSuggestion(deps, req.actor, req.params.id, req.body),
  );
  app.get('/api/v1/suggestions/thresholds', { config: { permission: 'room:read' }, schema: { tags } }, async () => suggestions.getThresholds(deps.db));
  app.put('/api/v1/suggestions/thresholds', { config: { permission: 'suggestion:decide' }, schema: { tags, body: SuggestionThresholds } }, async (req) => suggestions.saveThresholds(deps, req.actor, req.body));
}
