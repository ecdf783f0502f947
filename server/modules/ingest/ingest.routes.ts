import { z } from 'zod';
import { IdParams } from '../../../contracts/common';
import { IngestQuery, IngestResult, NormalizedEventFields, SessionSummary, type IngestPlatform } from '../../../contracts/ingest';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../platform/errors';
import type { Deps } from '../../platform/context';
import type { App } from '../../platform/http';
import { findSession } from '../planning/planning.repository';
import { parseBatch, parseDouyinPush, verifyDouyinSignature } from './adapters';
import { sessionSummary } from './ingest.repository';
import { ingest } from './ingest.service';
import { ingestSocketRoutes } from './ingest.ws';
import { liveRoutes } from './live.routes';

const tags = ['ingest'];
const RoomParams = z.object({ roomId: z.string().min(1).max(64) });
/** Batches of up to 5000 events of up to a few KB each. */
const bodyLimit = 32 * 1024 * 1024;

const describeFormat: Record<Exclude<IngestPlatform, 'douyin'>, string> = {
  tiktok: 'tiktok-live-connector ≥ 2.3 events: a JSON array or NDJSON of {"event": <connector event name>, "data": <listener object>}.',
  bilibili: 'Bilibili live cmd messages (decompressed), incl. LIVE_OPEN_PLATFORM_*: a JSON array or NDJSON.',
  custom: "Showrunner's normalized events (NormalizedEventInput): a JSON array or NDJSON.",
};

/** The room a request may write to: a token only its own, a signed-in user any room of their teams. */
export async function roomFor(deps: Deps, req: FastifyRequest, roomId: string) {
  const p = req.principal;
  if (p?.kind === 'token' && p.roomId !== roomId) throw new DomainError('ingest/unknown-room');
  const room = await deps.db.selectFrom('rooms').select(['id', 'team_id', 'time_zone', 'secret_enc']).where('id', '=', roomId).executeTakeFirst();
  if (!room || (req.actor.scope !== 'all' && !req.actor.scope.includes(room.team_id))) throw new DomainError('ingest/unknown-room');
  return { id: room.id, timeZone: room.time_zone, secretEnc: room.secret_enc };
}

export async function ingestRoutes(app: App) {
  const { deps } = app;

  for (const [path, platform] of [
    ['tiktok', 'tiktok'],
    ['bilibili', 'bilibili'],
    ['events', 'custom'],
  ] as const) {
    app.post(
      `/api/v1/ingest/${path}/:roomId`,
      {
        bodyLimit,
        // The normalized format is documented in the OpenAPI document (docBody); the items are checked one by one by the
        // adapter, so one bad item can be reported, or skipped with ?partial=true.
        config: { permission: 'session:write', tokenScope: 'ingest', ...(platform === 'custom' ? { docBody: z.array(NormalizedEventFields) } : {}) },
        schema: {
          tags,
          description: describeFormat[platform],
          params: RoomParams,
          querystring: IngestQuery,
          response: { 200: IngestResult },
        },
      },
      async (req) => {
        const room = await roomFor(deps, req, req.params.roomId);
        return ingest(deps, room, platform, parseBatch(req.body, req.headers['content-type']), req.query.partial === 'true');
      },
    );
  }

  // Douyin pushes from its own servers: no token, the signature over the raw body with the room's secret is the proof.
  app.post(
    '/api/v1/ingest/douyin/:roomId',
    {
      bodyLimit,
      config: { permission: 'public' },
      schema: { tags, description: 'Douyin open-platform live data push, as sent (x-msg-type, x-nonce-str, x-timestamp, x-roomid, x-signature headers; JSON array body).', params: RoomParams, querystring: IngestQuery, response: { 200: IngestResult } },
    },
    async (req) => {
      const room = await deps.db.selectFrom('rooms').select(['id', 'time_zone', 'secret_enc']).where('id', '=', req.params.roomId).executeTakeFirst();
      const raw = typeof req.body === 'string' ? req.body : '';
      const secret = room?.secret_enc ? deps.cipher.decrypt(room.secret_enc) : '';
      if (!room || !verifyDouyinSignature(req.headers, raw, secret)) throw new DomainError('ingest/bad-signature');
      return ingest(deps, { id: room.id, timeZone: room.time_zone }, 'douyin', parseDouyinPush(req.headers, raw), req.query.partial === 'true');
    },
  );

  app.get('/api/v1/sessions/:id/summary', { config: { permission: 'room:read', tokenScope: 'read' }, schema: { tags, params: IdParams, response: { 200: SessionSummary } } }, async (req) => {
    const session = await findSession(deps.db, req.actor.scope, req.params.id);
    if (!session || (req.principal?.kind === 'token' && req.principal.roomId !== session.roomId)) throw new DomainError('session/not-found');
    return sessionSummary(deps.db, session.id);
  });

  await ingestSocketRoutes(app);
  await liveRoutes(app);
}
