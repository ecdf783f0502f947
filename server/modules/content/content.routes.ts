import { IdParams } from '../../../contracts/common';
import {
  ApproveInput,
  CommentInput,
  CommentParams,
  ContentItemInput,
  ContentQuery,
  ContentVersionInput,
  DiffQuery,
  RequestChangesInput,
  ResolveInput,
  SubmitInput,
  VersionParams,
  WaiverInput,
} from '../../../contracts/content';
import type { App } from '../../platform/http';
import * as repo from './content.repository';
import * as service from './content.service';

const tags = ['content'];

export async function contentRoutes(app: App) {
  const { deps } = app;

  app.get('/api/v1/content', { config: { permission: 'room:read' }, schema: { tags, querystring: ContentQuery } }, async (req) => repo.listItems(deps.db, req.actor.scope, req.query));
  app.post('/api/v1/content', { config: { permission: 'content:write' }, schema: { tags, body: ContentItemInput } }, async (req, reply) =>
    reply.code(201).send(await service.createItem(deps, req.actor, req.body)),
  );
  app.get('/api/v1/content/:id', { config: { permission: 'room:read' }, schema: { tags, params: IdParams } }, async (req) => service.getDetail(deps.db, req.actor, req.params.id));
  app.get('/api/v1/content/:id/versions/:number', { config: { permission: 'room:read' }, schema: { tags, params: VersionParams } }, async (req) =>
    service.getVersion(deps.db, req.actor, req.params.id, req.params.number),
  );
  app.get('/api/v1/content/:id/diff', { config: { permission: 'room:read' }, schema: { tags, params: IdParams, querystring: DiffQuery } }, async (req) =>
    service.diffVersions(deps.db, req.actor, req.params.id, req.query.from, req.query.to, req.query.by),
  );
  app.post('/api/v1/content/:id/versions', { config: { permission: 'content:write' }, schema: { tags, params: IdParams, body: ContentVersionInput } }, async (req, reply) =>
    reply.code(201).send(await service.saveVersion(deps, req.actor, req.params.id, req.body)),
  );
  app.post('/api/v1/content/:id/submit', { config: { permission: 'content:write' }, schema: { tags, params: IdParams, body: SubmitInput } }, async (req) =>
    service.submitItem(deps, req.actor, req.params.id, req.body.note),
  );
  app.post('/api/v1/content/:id/request-changes', { config: { permission: 'content:review' }, schema: { tags, params: IdParams, body: RequestChangesInput } }, async (req) =>
    service.requestChanges(deps, req.actor, req.params.id, req.body),
  );
  app.post('/api/v1/content/:id/approve', { config: { permission: 'content:review' }, schema: { tags, params: IdParams, body: ApproveInput } }, async (req) =>
    service.approveItem(deps, req.actor, req.params.id, req.body),
  );
  app.post('/api/v1/content/:id/comments', { config: { permission: 'content:write' }, schema: { tags, params: IdParams, body: CommentInput } }, async (req, reply) =>
    reply.code(201).send(await service.addComment(deps, req.actor, req.params.id, req.body)),
  );
  app.post('/api/v1/content/:id/comments/:commentId/resolve', { config: { permission: 'content:write' }, schema: { tags, params: CommentParams, body: ResolveInput } }, async (req) =>
    service.resolveComment(deps, req.actor, req.params.id, req.params.commentId, req.body.resolved),
  );
  app.post('/api/v1/content/:id/waivers', { config: { permission: 'content:review' }, schema: { tags, params: IdParams, body: WaiverInput } }, async (req, reply) =>
    reply.code(201).send(await service.waiveFinding(deps, req.actor, req.params.id, req.body)),
  );
}
