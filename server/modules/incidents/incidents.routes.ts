import { z } from 'zod';
import { IdParams } from '../../../contracts/common';
import {
  IncidentInput,
  IncidentQuery,
  LinkAlertInput,
  NoteInput,
  PlaybookInput,
  PostmortemInput,
  RiskInput,
  RolesInput,
  SeverityInput,
  StatusInput,
  StepTickInput,
  TaskPatch,
  TaskQuery,
} from '../../../contracts/incidents';
import type { App } from '../../platform/http';
import * as incidents from './incidents.service';
import * as playbooks from './playbooks.service';
import { seedDefaultPlaybooks } from './playbooks.defaults';
import * as risks from './risks.service';
import * as tasks from './tasks.service';

const tags = ['incidents'];

export async function incidentsRoutes(app: App) {
  const { deps } = app;

  // A company set up before playbooks existed gets the defaults on its next start (nothing happens once any exist).
  if (await deps.db.selectFrom('positions').select('id').limit(1).executeTakeFirst()) await seedDefaultPlaybooks(deps.db);

  app.get('/api/v1/incidents', { config: { permission: 'room:read' }, schema: { tags, querystring: IncidentQuery } }, async (req) => ({ items: await incidents.listIncidents(deps.db, req.actor.scope, req.query) }));
  app.post('/api/v1/incidents', { config: { permission: 'incident:write' }, schema: { tags, body: IncidentInput } }, async (req, reply) => reply.code(201).send(await incidents.openIncident(deps, req.actor, req.body)));
  app.get('/api/v1/incidents/:id', { config: { permission: 'room:read' }, schema: { tags, params: IdParams } }, async (req) => incidents.getIncident(deps.db, req.actor, req.params.id));
  app.post('/api/v1/incidents/:id/status', { config: { permission: 'incident:write' }, schema: { tags, params: IdParams, body: StatusInput } }, async (req) =>
    incidents.changeStatus(deps, req.actor, req.params.id, req.body.status, req.body.note),
  );
  app.post('/api/v1/incidents/:id/severity', { config: { permission: 'incident:write' }, schema: { tags, params: IdParams, body: SeverityInput } }, async (req) =>
    incidents.changeSeverity(deps, req.actor, req.params.id, req.body.severity),
  );
  app.put('/api/v1/incidents/:id/roles', { config: { permission: 'incident:write' }, schema: { tags, params: IdParams, body: RolesInput } }, async (req) => incidents.setRoles(deps, req.actor, req.params.id, req.body));
  app.post('/api/v1/incidents/:id/notes', { config: { permission: 'room:read' }, schema: { tags, params: IdParams, body: NoteInput } }, async (req, reply) =>
    reply.code(201).send(await incidents.addNote(deps, req.actor, req.params.id, req.body.text)),
  );
  app.post('/api/v1/incidents/:id/alerts', { config: { permission: 'incident:write' }, schema: { tags, params: IdParams, body: LinkAlertInput } }, async (req) =>
    incidents.linkAlert(deps, req.actor, req.params.id, req.body.alertId),
  );
  app.post('/api/v1/incidents/:id/steps/:stepId/tick', { config: { permission: 'room:read' }, schema: { tags, params: IdParams.extend({ stepId: z.string().min(1).max(64) }), body: StepTickInput } }, async (req) =>
    incidents.tickStep(deps, req.actor, req.params.id, req.params.stepId, req.body.done),
  );
  app.put('/api/v1/incidents/:id/postmortem', { config: { permission: 'incident:write' }, schema: { tags, params: IdParams, body: PostmortemInput } }, async (req) =>
    incidents.savePostmortem(deps, req.actor, req.params.id, req.body),
  );

  app.get('/api/v1/playbooks', { config: { permission: 'room:read' }, schema: { tags } }, async () => ({ items: await playbooks.listPlaybooks(deps.db) }));
  app.get('/api/v1/playbooks/:id', { config: { permission: 'room:read' }, schema: { tags, params: IdParams } }, async (req) => playbooks.getPlaybook(deps.db, req.params.id));
  app.post('/api/v1/playbooks', { config: { permission: 'incident:write' }, schema: { tags, body: PlaybookInput } }, async (req, reply) => reply.code(201).send(await playbooks.savePlaybook(deps, req.actor, req.body)));
  app.put('/api/v1/playbooks/:id', { config: { permission: 'incident:write' }, schema: { tags, params: IdParams, body: PlaybookInput } }, async (req) => playbooks.savePlaybook(deps, req.actor, req.body, req.params.id));
  app.delete('/api/v1/playbooks/:id', { config: { permission: 'incident:write' }, schema: { tags, params: IdParams } }, async (req, reply) => {
    await playbooks.deletePlaybook(deps, req.actor, req.params.id);
    return reply.code(204).send();
  });

  app.get('/api/v1/risks', { config: { permission: 'room:read' }, schema: { tags } }, async (req) => ({ items: await risks.listRisks(deps.db, req.actor.scope) }));
  app.post('/api/v1/risks', { config: { permission: 'risk:write' }, schema: { tags, body: RiskInput } }, async (req, reply) => reply.code(201).send(await risks.saveRisk(deps, req.actor, req.body)));
  app.put('/api/v1/risks/:id', { config: { permission: 'risk:write' }, schema: { tags, params: IdParams, body: RiskInput } }, async (req) => risks.saveRisk(deps, req.actor, req.body, req.params.id));
  app.delete('/api/v1/risks/:id', { config: { permission: 'risk:write' }, schema: { tags, params: IdParams } }, async (req, reply) => {
    await risks.deleteRisk(deps, req.actor, req.params.id);
    return reply.code(204).send();
  });

  app.get('/api/v1/tasks', { config: { permission: 'signed-in' }, schema: { tags, querystring: TaskQuery } }, async (req) => ({ items: await tasks.listTasks(deps.db, req.actor, req.query) }));
  app.patch('/api/v1/tasks/:id', { config: { permission: 'signed-in' }, schema: { tags, params: IdParams, body: TaskPatch } }, async (req) => tasks.setTaskStatus(deps, req.actor, req.params.id, req.body.status));
}
