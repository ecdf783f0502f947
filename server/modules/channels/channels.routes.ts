import { z } from 'zod';
import { ChannelInput, ChannelUpdateInput, ChannelView, DeliveryPage, DeliveryQuery, RouteInput, RouteUpdateInput, RouteView, TestSendResult } from '../../../contracts/channels';
import { IdParams } from '../../../contracts/common';
import { DomainError } from '../../platform/errors';
import type { App } from '../../platform/http';
import * as repo from './channels.repository';
import * as service from './channels.service';

const tags = ['channels'];
const base = '/api/v1/channels';
// Channel addresses and the log reveal where the company's alerts go: reading needs the same permission as changing.
const manage = { permission: 'channel:manage' as const };

export async function channelsRoutes(app: App) {
  const { deps } = app;

  app.get(base, { config: manage, schema: { tags, response: { 200: z.object({ items: z.array(ChannelView) }) } } }, async () => ({ items: await repo.listChannels(deps.db, deps.cipher) }));
  app.post(base, { config: manage, schema: { tags, body: ChannelInput, response: { 201: ChannelView } } }, async (req, reply) =>
    reply.code(201).send(await service.createChannel(deps, req.actor, req.body)),
  );

  app.get(`${base}/routes`, { config: manage, schema: { tags, querystring: z.object({ channelId: z.string().max(64).optional() }), response: { 200: z.object({ items: z.array(RouteView) }) } } }, async (req) => ({
    items: await repo.listRoutes(deps.db, req.query.channelId),
  }));
  app.post(`${base}/routes`, { config: manage, schema: { tags, body: RouteInput, response: { 201: RouteView } } }, async (req, reply) =>
    reply.code(201).send(await service.createRoute(deps, req.actor, req.body)),
  );
  app.patch(`${base}/routes/:id`, { config: manage, schema: { tags, params: IdParams, body: RouteUpdateInput, response: { 200: RouteView } } }, async (req) =>
    service.updateRoute(deps, req.actor, req.params.id, req.body),
  );
  app.delete(`${base}/routes/:id`, { config: manage, schema: { tags, params: IdParams } }, async (req, reply) => {
    await service.deleteRoute(deps, req.actor, req.params.id);
    return reply.code(204).send();
  });

  app.get(`${base}/deliveries`, { config: manage, schema: { tags, querystring: DeliveryQuery, response: { 200: DeliveryPage } } }, async (req) => repo.listDeliveries(deps.db, req.query));

  app.get(`${base}/:id`, { config: manage, schema: { tags, params: IdParams, response: { 200: ChannelView } } }, async (req) => {
    const view = await repo.channelView(deps.db, deps.cipher, req.params.id);
    if (!view) throw new DomainError('channel/not-found');
    return view;
  });
  app.patch(`${base}/:id`, { config: manage, schema: { tags, params: IdParams, body: ChannelUpdateInput, response: { 200: ChannelView } } }, async (req) =>
    service.updateChannel(deps, req.actor, req.params.id, req.body),
  );
  app.delete(`${base}/:id`, { config: manage, schema: { tags, params: IdParams } }, async (req, reply) => {
    await service.deleteChannel(deps, req.actor, req.params.id);
    return reply.code(204).send();
  });
  app.post(`${base}/:id/test`, { config: manage, schema: { tags, params: IdParams, response: { 200: TestSendResult } } }, async (req) => service.sendTestMessage(deps, req.actor, req.params.id));
}
