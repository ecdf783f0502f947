import { IdParams } from '../../../contracts/common';
import { ProductImportInput, ProductInput, ProductQuery, ProductUpdateInput } from '../../../contracts/planning';
import { DomainError } from '../../platform/errors';
import type { App } from '../../platform/http';
import * as repo from './products.repository';
import * as service from './products.service';

const tags = ['products'];
// A 10 MB spreadsheet is about 13.4 MB as base64.
const importBodyLimit = 15 * 1024 * 1024;

export async function productRoutes(app: App) {
  const { deps } = app;
  app.get('/api/v1/products', { config: { permission: 'catalog:read' }, schema: { tags, querystring: ProductQuery } }, async (req) => ({ items: await repo.listProducts(deps.db, req.query) }));
  app.post('/api/v1/products', { config: { permission: 'product:write' }, schema: { tags, body: ProductInput } }, async (req, reply) =>
    reply.code(201).send(await service.createProduct(deps, req.actor, req.body)),
  );
  app.get('/api/v1/products/:id', { config: { permission: 'catalog:read' }, schema: { tags, params: IdParams } }, async (req) => {
    const row = await repo.findProductRow(deps.db, req.params.id);
    if (!row) throw new DomainError('product/not-found');
    return repo.toProductView(row);
  });
  app.patch('/api/v1/products/:id', { config: { permission: 'product:write' }, schema: { tags, params: IdParams, body: ProductUpdateInput } }, async (req) =>
    service.updateProduct(deps, req.actor, req.params.id, req.body),
  );
  app.delete('/api/v1/products/:id', { config: { permission: 'product:write' }, schema: { tags, params: IdParams } }, async (req, reply) => {
    await service.deleteProduct(deps, req.actor, req.params.id);
    return reply.code(204).send();
  });
  app.post('/api/v1/products/import/preview', { bodyLimit: importBodyLimit, config: { permission: 'product:write' }, schema: { tags, body: ProductImportInput } }, async (req) =>
    service.previewImport(deps, req.body),
  );
  app.post('/api/v1/products/import', { bodyLimit: importBodyLimit, config: { permission: 'product:write' }, schema: { tags, body: ProductImportInput } }, async (req) =>
    service.applyImport(deps, req.actor, req.body),
  );
}
