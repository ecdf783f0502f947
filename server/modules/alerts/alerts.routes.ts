import { AlertList, AlertListQuery, AlertView, PutAlertRulesInput, ResolveAlertInput, RoomAlertRules } from '../../../contracts/alerts';
import { IdParams } from '../../../contracts/common';
import { DomainError } from '../../platform/errors';
import type { App } from '../../platform/http';
import { alertEngineOf } from './alerts.engine';
import { findAlert, listAlerts } from './alerts.repository';
import { acknowledgeAlert, getRoomRules, putRoomRules, resolveAlert } from './alerts.service';

const tags = ['alerts'];

export async function alertsRoutes(app: App) {
  const { deps } = app;
  const engine = alertEngineOf(deps);
  engine.onError = (err) => app.log.error({ err }, 'alert evaluation failed');
  // The clock's rules (stream silent, GMV pace) run while the app is up.
  app.addHook('onReady', async () => engine.start());
  app.addHook('onClose', async () => {
    engine.stop();
    // Evaluations queued by the last batches finish before the database closes.
    await engine.settled();
  });

  app.get(
    '/api/v1/alerts',
    {
      config: { permission: 'room:read' },
      schema: { tags, querystring: AlertListQuery, response: { 200: AlertList }, description: "The teams' alerts, newest last firing first; filter by status, kind, severity, room, session and period (of the last firing)." },
    },
    async (req) => {
      const q = req.query;
      if (q.from && q.to && Date.parse(q.from) >= Date.parse(q.to)) throw new DomainError('alerts/bad-period', [{ path: 'from', message: '' }]);
      return listAlerts(deps.db, req.actor.scope, q);
    },
  );
  app.get(
    '/api/v1/alerts/:id',
    { config: { permission: 'room:read' }, schema: { tags, params: IdParams, response: { 200: AlertView } } },
    async (req) => {
      const alert = await findAlert(deps.db, req.actor.scope, req.params.id);
      if (!alert) throw new DomainError('alerts/not-found');
      return alert;
    },
  );
  app.post(
    '/api/v1/alerts/:id/ack',
    { config: { permission: 'room:read' }, schema: { tags, params: IdParams, response: { 200: AlertView }, description: 'Someone is on it: records who and when. Anyone who sees the room may acknowledge (field control is on the floor).' } },
    async (req) => acknowledgeAlert(deps, req.actor, req.params.id),
  );
  app.post(
    '/api/v1/alerts/:id/resolve',
    { config: { permission: 'room:read' }, schema: { tags, params: IdParams, body: ResolveAlertInput.optional(), response: { 200: AlertView }, description: 'Closes the alert with an optional note; the rule firing again opens a new alert.' } },
    async (req) => resolveAlert(deps, req.actor, req.params.id, req.body?.note || undefined),
  );
  app.get(
    '/api/v1/rooms/:id/alert-rules',
    { config: { permission: 'room:read' }, schema: { tags, params: IdParams, response: { 200: RoomAlertRules }, description: "The room's alert thresholds (the defaults while it has none of its own)." } },
    async (req) => getRoomRules(deps, req.actor.scope, req.params.id),
  );
  app.put(
    '/api/v1/rooms/:id/alert-rules',
    { config: { permission: 'room:write' }, schema: { tags, params: IdParams, body: PutAlertRulesInput, response: { 200: RoomAlertRules }, description: 'Sets the room’s thresholds; `thresholds: null` returns it to the defaults.' } },
    async (req) => putRoomRules(deps, req.actor, req.params.id, req.body),
  );
}
