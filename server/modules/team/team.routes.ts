import { z } from 'zod';
import { IdParams } from '../../../contracts/common';
import { RoomInput, RoomUpdateInput, TeamInput, TeamUpdateInput } from '../../../contracts/team';
import { DomainError } from '../../platform/errors';
import type { App } from '../../platform/http';
import * as repo from './team.repository';
import * as service from './team.service';

const tags = ['team'];

export async function teamRoutes(app: App) {
  const { deps } = app;

  app.get('/api/v1/teams', { config: { permission: 'team:read' }, schema: { tags } }, async (req) => ({ items: await repo.listTeams(deps.db, req.actor.scope) }));
  app.post('/api/v1/teams', { config: { permission: 'team:write' }, schema: { tags, body: TeamInput } }, async (req, reply) =>
    reply.code(201).send(await service.createTeam(deps, req.actor, req.body)),
  );
  app.get('/api/v1/teams/:id', { config: { permission: 'team:read' }, schema: { tags, params: IdParams } }, async (req) => {
    const team = await repo.findTeam(deps.db, req.actor.scope, req.params.id);
    if (!team) throw new DomainError('team/not-found');
    return team;
  });
  app.patch('/api/v1/teams/:id', { config: { permission: 'team:write' }, schema: { tags, params: IdParams, body: TeamUpdateInput } }, async (req) =>
    service.updateTeam(deps, req.actor, req.params.id, req.body),
  );
  app.delete('/api/v1/teams/:id', { config: { permission: 'team:write' }, schema: { tags, params: IdParams } }, async (req, reply) => {
    await service.deleteTeam(deps, req.actor, req.params.id);
    return reply.code(204).send();
  });

  app.get('/api/v1/rooms', { config: { permission: 'room:read' }, schema: { tags, querystring: z.object({ teamId: z.string().max(64).optional() }) } }, async (req) => ({
    items: await repo.listRooms(deps.db, req.actor.scope, req.query.teamId),
  }));
  app.post('/api/v1/rooms', { config: { permission: 'room:write' }, schema: { tags, body: RoomInput } }, async (req, reply) =>
    reply.code(201).send(await service.createRoom(deps, req.actor, req.body)),
  );
  app.get('/api/v1/rooms/:id', { config: { permission: 'room:read', tokenScope: 'read' }, schema: { tags, params: IdParams } }, async (req) => {
    const p = req.principal;
    // A token reads only its own room.
    const row = p?.kind === 'token' && p.roomId !== req.params.id ? undefined : await repo.findRoomRow(deps.db, req.actor.scope, req.params.id);
    if (!row) throw new DomainError('room/not-found');
    return repo.toRoomView(row);
  });
  app.patch('/api/v1/rooms/:id', { config: { permission: 'room:write' }, schema: { tags, params: IdParams, body: RoomUpdateInput } }, async (req) =>
    service.updateRoom(deps, req.actor, req.params.id, req.body),
  );
  app.delete('/api/v1/rooms/:id', { config: { permission: 'room:write' }, schema: { tags, params: IdParams } }, async (req, reply) => {
    await service.deleteRoom(deps, req.actor, req.params.id);
    return reply.code(204).send();
  });
}
