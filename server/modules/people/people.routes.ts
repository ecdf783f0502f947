import { IdParams } from '../../../contracts/common';
import { PeopleQuery, PersonInput, PersonUpdateInput, RevealInput } from '../../../contracts/people';
import { DomainError } from '../../platform/errors';
import type { App } from '../../platform/http';
import * as repo from './people.repository';
import * as service from './people.service';

const tags = ['people'];

export async function peopleRoutes(app: App) {
  const { deps } = app;

  app.get('/api/v1/people', { config: { permission: 'person:read' }, schema: { tags, querystring: PeopleQuery } }, async (req) => ({
    items: await repo.listPeople(deps.db, deps.cipher, req.actor.scope, req.query),
  }));
  app.post('/api/v1/people', { config: { permission: 'person:write' }, schema: { tags, body: PersonInput } }, async (req, reply) =>
    reply.code(201).send(await service.createPerson(deps, req.actor, req.body)),
  );
  app.get('/api/v1/people/:id', { config: { permission: 'person:read' }, schema: { tags, params: IdParams } }, async (req) => {
    const found = await repo.findPersonRow(deps.db, req.actor.scope, req.params.id);
    if (!found) throw new DomainError('person/not-found');
    return repo.toPersonView(deps.cipher, found.row, found.teamIds);
  });
  app.patch('/api/v1/people/:id', { config: { permission: 'person:write' }, schema: { tags, params: IdParams, body: PersonUpdateInput } }, async (req) =>
    service.updatePerson(deps, req.actor, req.params.id, req.body),
  );
  app.delete('/api/v1/people/:id', { config: { permission: 'person:write' }, schema: { tags, params: IdParams } }, async (req, reply) => {
    await service.deletePerson(deps, req.actor, req.params.id);
    return reply.code(204).send();
  });
  app.post('/api/v1/people/:id/reveal', { config: { permission: 'person:reveal' }, schema: { tags, params: IdParams, body: RevealInput } }, async (req) =>
    service.revealContacts(deps, req.actor, req.params.id, req.body),
  );
}
