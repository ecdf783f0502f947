import { IdParams } from '../../../contracts/common';
import { DutyInput, MatrixCellInput, PositionInput } from '../../../contracts/catalog';
import { DomainError } from '../../platform/errors';
import type { App } from '../../platform/http';
import * as repo from './catalog.repository';
import * as service from './catalog.service';

const tags = ['catalog'];

// zod 4 applies a default even inside .partial(), so the contracts' update schemas would reset omitted descriptions,
// skills, the level ladder and the sort order on every PATCH. Updates take the same fields without their defaults.
const positionShape = PositionInput.shape;
const PositionPatchInput = PositionInput.extend({
  descriptionZh: positionShape.descriptionZh.unwrap(),
  descriptionEn: positionShape.descriptionEn.unwrap(),
  skills: positionShape.skills.unwrap(),
  selectionCriteria: positionShape.selectionCriteria.unwrap(),
  levels: positionShape.levels.unwrap(),
  sortOrder: positionShape.sortOrder.unwrap(),
}).partial();
const DutyPatchInput = DutyInput.extend({ descriptionZh: DutyInput.shape.descriptionZh.unwrap(), descriptionEn: DutyInput.shape.descriptionEn.unwrap() }).partial();

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
  app.patch('/api/v1/positions/:id', { config: { permission: 'catalog:write' }, schema: { tags, params: IdParams, body: PositionPatchInput } }, async (req) =>
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
  app.patch('/api/v1/duties/:id', { config: { permission: 'catalog:write' }, schema: { tags, params: IdParams, body: DutyPatchInput } }, async (req) =>
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
