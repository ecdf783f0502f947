import { z } from 'zod';
import { IdParams } from '../../../contracts/common';
import {
  ApplyChecklistInput,
  CalendarFeedView,
  ChecklistTemplateInput,
  CrewInput,
  RecurringInput,
  SessionInput,
  SessionQuery,
  SessionUpdateInput,
  SlotsInput,
  StatusChangeInput,
  TickInput,
  ValidateInput,
  WorkloadQuery,
  WorkRules,
} from '../../../contracts/planning';
import { DomainError, requestLocale } from '../../platform/errors';
import type { App } from '../../platform/http';
import * as checklists from './checklists.service';
import * as repo from './planning.repository';
import * as service from './planning.service';
import * as schedule from './schedule.service';

const tags = ['planning'];
const utc = (t: string | undefined) => (t ? new Date(t).toISOString() : undefined);

export async function planningRoutes(app: App) {
  const { deps } = app;

  app.get('/api/v1/sessions', { config: { permission: 'room:read', tokenScope: 'read' }, schema: { tags, querystring: SessionQuery } }, async (req) => {
    const q = req.query;
    // A room token reads its own room's sessions only.
    const roomId = req.principal?.kind === 'token' ? req.principal.roomId : q.roomId;
    return { items: await repo.listSessions(deps.db, req.actor.scope, { ...q, roomId, from: utc(q.from), to: utc(q.to) }) };
  });
  app.post('/api/v1/sessions', { config: { permission: 'session:write' }, schema: { tags, body: SessionInput } }, async (req, reply) =>
    reply.code(201).send(await service.createSession(deps, req.actor, req.body, requestLocale(req))),
  );
  app.post('/api/v1/sessions/validate', { config: { permission: 'room:read' }, schema: { tags, body: ValidateInput } }, async (req) => ({
    violations: await service.validatePlan(deps, req.actor, req.body, requestLocale(req)),
  }));
  app.post('/api/v1/sessions/recurring', { config: { permission: 'session:write' }, schema: { tags, body: RecurringInput } }, async (req, reply) =>
    reply.code(201).send({ items: await service.createRecurring(deps, req.actor, req.body, requestLocale(req)) }),
  );
  app.get('/api/v1/sessions/:id', { config: { permission: 'room:read', tokenScope: 'read' }, schema: { tags, params: IdParams } }, async (req) => {
    const detail = await service.getSessionDetail(deps.db, req.actor, req.params.id, requestLocale(req));
    if (req.principal?.kind === 'token' && detail.roomId !== req.principal.roomId) throw new DomainError('session/not-found');
    return detail;
  });
  app.patch('/api/v1/sessions/:id', { config: { permission: 'session:write' }, schema: { tags, params: IdParams, body: SessionUpdateInput } }, async (req) =>
    service.updateSession(deps, req.actor, req.params.id, req.body, requestLocale(req)),
  );
  app.delete('/api/v1/sessions/:id', { config: { permission: 'session:write' }, schema: { tags, params: IdParams } }, async (req, reply) => {
    await service.deleteSession(deps, req.actor, req.params.id);
    return reply.code(204).send();
  });
  app.post('/api/v1/sessions/:id/status', { config: { permission: 'session:write' }, schema: { tags, params: IdParams, body: StatusChangeInput } }, async (req) =>
    service.changeStatus(deps, req.actor, req.params.id, req.body, requestLocale(req)),
  );
  app.put('/api/v1/sessions/:id/crew', { config: { permission: 'session:write' }, schema: { tags, params: IdParams, body: CrewInput } }, async (req) =>
    service.setCrew(deps, req.actor, req.params.id, req.body, requestLocale(req)),
  );
  app.put('/api/v1/sessions/:id/slots', { config: { permission: 'session:write' }, schema: { tags, params: IdParams, body: SlotsInput } }, async (req) =>
    service.setSlots(deps, req.actor, req.params.id, req.body, requestLocale(req)),
  );
  app.post('/api/v1/sessions/:id/checklists', { config: { permission: 'session:write' }, schema: { tags, params: IdParams, body: ApplyChecklistInput } }, async (req, reply) =>
    reply.code(201).send({ items: await checklists.applyTemplate(deps, req.actor, req.params.id, req.body.templateId) }),
  );
  app.post('/api/v1/checklist-items/:id/tick', { config: { permission: 'room:read' }, schema: { tags, params: IdParams, body: TickInput } }, async (req) =>
    checklists.tickItem(deps, req.actor, req.params.id, req.body.personId, req.body.done),
  );

  app.get('/api/v1/checklist-templates', { config: { permission: 'room:read' }, schema: { tags } }, async () => ({ items: await checklists.listTemplates(deps.db) }));
  app.post('/api/v1/checklist-templates', { config: { permission: 'session:write' }, schema: { tags, body: ChecklistTemplateInput } }, async (req, reply) =>
    reply.code(201).send(await checklists.saveTemplate(deps, req.actor, req.body)),
  );
  app.put('/api/v1/checklist-templates/:id', { config: { permission: 'session:write' }, schema: { tags, params: IdParams, body: ChecklistTemplateInput } }, async (req) =>
    checklists.saveTemplate(deps, req.actor, req.body, req.params.id),
  );
  app.delete('/api/v1/checklist-templates/:id', { config: { permission: 'session:write' }, schema: { tags, params: IdParams } }, async (req, reply) => {
    await checklists.deleteTemplate(deps, req.actor, req.params.id);
    return reply.code(204).send();
  });

  app.get('/api/v1/positions/:id/work-rules', { config: { permission: 'catalog:read' }, schema: { tags, params: IdParams } }, async (req) => schedule.getWorkRules(deps.db, 'position', req.params.id));
  app.put('/api/v1/positions/:id/work-rules', { config: { permission: 'catalog:write' }, schema: { tags, params: IdParams, body: WorkRules } }, async (req) =>
    schedule.setWorkRules(deps, req.actor, 'position', req.params.id, req.body),
  );
  app.get('/api/v1/people/:id/work-rules', { config: { permission: 'person:read' }, schema: { tags, params: IdParams } }, async (req) => schedule.getWorkRules(deps.db, 'person', req.params.id));
  app.put('/api/v1/people/:id/work-rules', { config: { permission: 'person:write' }, schema: { tags, params: IdParams, body: WorkRules } }, async (req) =>
    schedule.setWorkRules(deps, req.actor, 'person', req.params.id, req.body),
  );

  app.get('/api/v1/me/schedule', { config: { permission: 'signed-in' }, schema: { tags } }, async (req) => schedule.mySchedule(deps.db, req.actor));
  app.get('/api/v1/workload', { config: { permission: 'person:read' }, schema: { tags, querystring: WorkloadQuery } }, async (req) => schedule.workload(deps, req.actor, req.query.weekStart, req.query.teamId));

  app.get('/api/v1/people/:id/calendar-feed', { config: { permission: 'signed-in' }, schema: { tags, params: IdParams } }, async (req) => ({
    feed: await schedule.currentCalendarFeed(deps, req.actor, req.params.id),
  }));
  app.post('/api/v1/people/:id/calendar-feed', { config: { permission: 'signed-in' }, schema: { tags, params: IdParams, response: { 201: CalendarFeedView } } }, async (req, reply) =>
    reply.code(201).send(await schedule.rotateCalendarFeed(deps, req.actor, req.params.id)),
  );
  app.get('/api/v1/calendar/:file', { config: { permission: 'public' }, schema: { tags, params: z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/) }) } }, async (req, reply) => {
    const body = await schedule.calendarFeed(deps.db, req.params.file.replace(/\.ics$/, ''));
    if (body === null) throw new DomainError('common/not-found');
    return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(body);
  });
}
