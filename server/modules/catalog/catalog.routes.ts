import { IdParams } from '../../../contracts/common';
import { DutyInput, DutyUpdateInput, MatrixCellInput, PositionInput, PositionUpdateInput } from '../../../contracts/catalog';
import { DomainError } from '../../platform/errors';
import type { App } from '../../platform/http';
import * as repo from './catalog.repository';
import * as service from './catalog.service';

const tags = ['catalog'];

export async function catalogRoutes(app: App) {
  const { deps } = app;

  app.get('/api/v1/positions', { config: { permission: 'catalog:read' }, schema: { tags } }, async () => ({ items: await repo.listPositions(deps.db) }));
  app.post('/api/v1/positions', { config: { permission: 'catalog:write' }, schema: { tags, body: PositionInput } }, async (req, reply) =>
    reply.code(201).send(await service.createPosition(deps, req.actor, req.body)),
  );
  app.get('/api/v1/positions/:id', { config: { permission: 'catalog:read' }, schema: { tags, params: IdParams } }, async (req) => {
    const found = (await repo.listPositions(deps.db)).find((p) => p.id === req.params.id);
    if (!found) throw new DomainError('position/not-found');
    return found;
  });
  app.patch('/api/v1/positions/:id', { config: { permission: 'catalog:write' }, schema: { tags, params: IdParams, body: PositionUpdateInput } }, async (req) =>
    service.updatePosition(deps, req.actor, req.params.id, req.body),
  );
  app.delete('/api/v1/positions/:id', { config: { permission: 'catalog:write' }, schema: { tags, params: IdParams } }, async (req, reply) => {
    await service.deletePosition(deps, req.actor, req.params.id);
    return reply.code(204).send();
  });

  app.get('/api/v1/duties', { config: { permission: 'catalog:read' }, schema: { tags } }, async () => ({ items: await repo.listDuties(deps.db) }));
  app.post('/api/v1/duties', { config: { permission: 'catalog:write' }, schema: { tags, body: DutyInput } }, async (req, reply) =>
    reply.code(201).send(await service.createDuty(deps, req.actor, req.body)),
  );
  app.patch('/api/v1/duties/:id', { config: { permission: 'catalog:write' }, schema: { tags, params: IdParams, body: DutyUpdateInput } }, async (req) =>
    service.updateDuty(deps, req.actor, req.params.id, req.body),
  );
  app.delete('/api/v1/duties/:id', { config: { permission: 'catalog:write' }, schema: { tags, params: IdParams } }, async (req, reply) => {
    await service.deleteDuty(deps, req.actor, req.params.id);
    return reply.code(204).send();
  });

  app.get('/api/v1/matrix', { config: { permission: 'catalog:read' }, schema: { tags } }, async () => service.getMatrix(deps.db));
  app.put('/api/v1/matrix/cells', { config: { permission: 'catalog:write' }, schema: { tags, body: MatrixCellInput } }, async (req, reply) => {
    const cell = await service.setMatrixCell(deps, req.actor, req.body);
    return cell ? cell : reply.code(204).send();
  });
}
