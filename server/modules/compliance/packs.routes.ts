import { z } from 'zod';
import {
  BulkTermsInput,
  BulkTermsResult,
  CategoryInput,
  CategoryView,
  LookalikeInput,
  LookalikeView,
  PackDetail,
  PackInput,
  PackParams,
  PackUpdateInput,
  PackView,
  RemoveTermsInput,
  RuleInput,
  RuleUpdateInput,
  RuleView,
  TermPage,
  TermQuery,
} from '../../../contracts/compliance';
import { DomainError } from '../../platform/errors';
import type { App } from '../../platform/http';
import * as repo from './packs.repository';
import * as service from './packs.service';

const tags = ['compliance'];
const base = '/api/v1/compliance';
// Anyone signed in may read the rules (hosts learn them in training); changing them needs compliance:manage.
const read = { permission: 'signed-in' as const };
const manage = { permission: 'compliance:manage' as const };
const CategoryParams = z.object({ key: z.string().trim().min(1).max(40) });
const NumericParams = z.object({ id: z.coerce.number().int().positive() });
// A bulk import of 50,000 terms is about 1.5 MB of JSON.
const bulkLimit = 4 * 1024 * 1024;

export async function packRoutes(app: App) {
  const { deps } = app;

  app.get(`${base}/packs`, { config: read, schema: { tags, response: { 200: z.object({ items: z.array(PackView) }) } } }, async () => ({ items: await repo.listPacks(deps.db) }));
  app.post(`${base}/packs`, { config: manage, schema: { tags, body: PackInput, response: { 201: PackDetail } } }, async (req, reply) =>
    reply.code(201).send(await service.createPack(deps, req.actor, req.body)),
  );
  app.get(`${base}/packs/:id`, { config: read, schema: { tags, params: PackParams, response: { 200: PackDetail } } }, async (req) => service.packDetail(deps.db, req.params.id));
  app.patch(`${base}/packs/:id`, { config: manage, schema: { tags, params: PackParams, body: PackUpdateInput, response: { 200: PackView } } }, async (req) =>
    service.updatePack(deps, req.actor, req.params.id, req.body),
  );
  app.delete(`${base}/packs/:id`, { config: manage, schema: { tags, params: PackParams } }, async (req, reply) => {
    await service.deletePack(deps, req.actor, req.params.id);
    return reply.code(204).send();
  });

  app.post(`${base}/packs/:id/allow`, { bodyLimit: bulkLimit, config: manage, schema: { tags, params: PackParams, body: BulkTermsInput, response: { 200: BulkTermsResult } } }, async (req) =>
    service.addAllow(deps, req.actor, req.params.id, req.body),
  );
  app.post(`${base}/packs/:id/allow/remove`, { bodyLimit: bulkLimit, config: manage, schema: { tags, params: PackParams, body: RemoveTermsInput } }, async (req) =>
    service.removeAllow(deps, req.actor, req.params.id, req.body.items),
  );

  app.post(`${base}/packs/:id/rules`, { config: manage, schema: { tags, params: PackParams, body: RuleInput, response: { 201: RuleView } } }, async (req, reply) =>
    reply.code(201).send(await service.createRule(deps, req.actor, req.params.id, req.body)),
  );
  app.get(`${base}/rules/:id`, { config: read, schema: { tags, params: PackParams, response: { 200: RuleView } } }, async (req) => {
    const row = await repo.findRuleRow(deps.db, req.params.id);
    if (!row) throw new DomainError('compliance/rule-not-found');
    return repo.ruleView(deps.db, row);
  });
  app.patch(`${base}/rules/:id`, { config: manage, schema: { tags, params: PackParams, body: RuleUpdateInput, response: { 200: RuleView } } }, async (req) =>
    service.updateRule(deps, req.actor, req.params.id, req.body),
  );
  app.delete(`${base}/rules/:id`, { config: manage, schema: { tags, params: PackParams } }, async (req, reply) => {
    await service.deleteRule(deps, req.actor, req.params.id);
    return reply.code(204).send();
  });
  app.get(`${base}/rules/:id/terms`, { config: read, schema: { tags, params: PackParams, querystring: TermQuery, response: { 200: TermPage } } }, async (req) => {
    if (!(await repo.findRuleRow(deps.db, req.params.id))) throw new DomainError('compliance/rule-not-found');
    return repo.pageTerms(deps.db, req.params.id, req.query);
  });
  app.post(`${base}/rules/:id/terms`, { bodyLimit: bulkLimit, config: manage, schema: { tags, params: PackParams, body: BulkTermsInput, response: { 200: BulkTermsResult } } }, async (req) =>
    service.importTerms(deps, req.actor, req.params.id, req.body),
  );
  app.post(`${base}/rules/:id/terms/remove`, { bodyLimit: bulkLimit, config: manage, schema: { tags, params: PackParams, body: RemoveTermsInput } }, async (req) =>
    service.removeTerms(deps, req.actor, req.params.id, req.body.items),
  );

  app.get(`${base}/categories`, { config: read, schema: { tags, response: { 200: z.object({ items: z.array(CategoryView) }) } } }, async () => ({ items: await repo.listCategories(deps.db) }));
  app.post(`${base}/categories`, { config: manage, schema: { tags, body: CategoryInput, response: { 201: CategoryView } } }, async (req, reply) =>
    reply.code(201).send(await service.createCategory(deps, req.actor, req.body)),
  );
  app.delete(`${base}/categories/:key`, { config: manage, schema: { tags, params: CategoryParams } }, async (req, reply) => {
    await service.deleteCategory(deps, req.actor, req.params.key);
    return reply.code(204).send();
  });

  app.get(`${base}/lookalikes`, { config: read, schema: { tags, response: { 200: z.object({ items: z.array(LookalikeView) }) } } }, async () => ({ items: await repo.listLookalikes(deps.db) }));
  app.post(`${base}/lookalikes`, { config: manage, schema: { tags, body: LookalikeInput, response: { 201: LookalikeView } } }, async (req, reply) =>
    reply.code(201).send(await service.addLookalike(deps, req.actor, req.body)),
  );
  app.delete(`${base}/lookalikes/:id`, { config: manage, schema: { tags, params: NumericParams } }, async (req, reply) => {
    await service.removeLookalike(deps, req.actor, req.params.id);
    return reply.code(204).send();
  });
}
