import { IdParams } from '../../../contracts/common';
import { ImportFile, ImportRequest, ImportView, ParseResult, PresetInput, PresetView, PreviewResult } from '../../../contracts/imports';
import { ListOf } from '../../../contracts/common';
import type { App } from '../../platform/http';
import * as service from './imports.service';

const tags = ['imports'];
/** The file travels base64-encoded in JSON: 50 MB of file is about 67 MB of body. */
const bodyLimit = 70 * 1024 * 1024;

export async function importsRoutes(app: App) {
  const { deps } = app;

  app.post('/api/v1/imports/parse', { bodyLimit, config: { permission: 'data:import' }, schema: { tags, body: ImportFile, response: { 200: ParseResult } } }, async (req) => service.parseFile(deps.db, req.body));
  app.post('/api/v1/imports/preview', { bodyLimit, config: { permission: 'data:import' }, schema: { tags, body: ImportRequest, response: { 200: PreviewResult } } }, async (req) =>
    service.previewImport(deps.db, req.actor, req.body),
  );
  app.post('/api/v1/imports', { bodyLimit, config: { permission: 'data:import' }, schema: { tags, body: ImportRequest, response: { 201: ImportView } } }, async (req, reply) =>
    reply.code(201).send(await service.applyImport(deps, req.actor, req.body)),
  );
  app.get('/api/v1/imports', { config: { permission: 'room:read' }, schema: { tags, response: { 200: ListOf(ImportView) } } }, async (req) => ({ items: await service.listImports(deps.db, req.actor.scope) }));
  app.delete('/api/v1/imports/:id', { config: { permission: 'data:import' }, schema: { tags, params: IdParams, response: { 200: ImportView } } }, async (req) => service.undoImport(deps, req.actor, req.params.id));

  app.get('/api/v1/import-presets', { config: { permission: 'room:read' }, schema: { tags, response: { 200: ListOf(PresetView) } } }, async () => ({ items: await service.listPresets(deps.db) }));
  app.post('/api/v1/import-presets', { config: { permission: 'data:import' }, schema: { tags, body: PresetInput, response: { 201: PresetView } } }, async (req, reply) =>
    reply.code(201).send(await service.savePreset(deps, req.actor, req.body)),
  );
  app.put('/api/v1/import-presets/:id', { config: { permission: 'data:import' }, schema: { tags, params: IdParams, body: PresetInput, response: { 200: PresetView } } }, async (req) =>
    service.savePreset(deps, req.actor, req.body, req.params.id),
  );
  app.delete('/api/v1/import-presets/:id', { config: { permission: 'data:import' }, schema: { tags, params: IdParams } }, async (req, reply) => {
    await service.deletePreset(deps, req.actor, req.params.id);
    return reply.code(204).send();
  });
}
