import { z } from 'zod';
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyWebsocket from '@fastify/websocket';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DestinationStream } from 'pino';
import { accessHook } from './auth';
import type { Deps } from './context';
import { pingDatabase } from './db';
import { DomainError, handleError, sendError } from './errors';
import { VERSION } from './version';
import { accountsRoutes } from '../modules/accounts/accounts.routes';
import { auditRoutes } from '../modules/audit/audit.routes';
import { catalogRoutes } from '../modules/catalog/catalog.routes';
import { peopleRoutes } from '../modules/people/people.routes';
import { planningRoutes } from '../modules/planning/planning.routes';
import { productRoutes } from '../modules/products/products.routes';
import { ingestRoutes } from '../modules/ingest/ingest.routes';
import { complianceRoutes } from '../modules/compliance/compliance.routes';
import { findingsRoutes } from '../modules/compliance/findings.routes';
import { notificationsRoutes } from '../modules/notifications/notifications.routes';
import { alertsRoutes } from '../modules/alerts/alerts.routes';
import { packRoutes } from '../modules/compliance/packs.routes';
import { contentRoutes } from '../modules/content/content.routes';
import { setupRoutes } from '../modules/setup/setup.routes';
import { teamRoutes } from '../modules/team/team.routes';
import { channelsRoutes } from '../modules/channels/channels.routes';
import { incidentsRoutes } from '../modules/incidents/incidents.routes';
import { analyticsRoutes } from '../modules/analytics/analytics.routes';
import { importsRoutes } from '../modules/imports/imports.routes';
import { suggestionsRoutes } from '../modules/suggestions/suggestions.routes';
import { dashboardsRoutes } from '../modules/dashboards/dashboards.routes';
import { sentimentRoutes } from '../modules/sentiment/sentiment.routes';

export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** For the OpenAPI document only: the body a route parses itself. */
    docBody?: z.ZodType;
  }
  interface FastifyInstance {
    deps: Deps;
    /** Every route with the access it declared, for the test that no route goes undeclared. */
    routeAccess: { method: string; url: string; permission: string | undefined }[];
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Secrets travel in some paths (invite links): a long opaque path segment is never written to the log. */
export function redactUrl(url: string): string {
  return url
    .replace(/\/([A-Za-z0-9_-]{32,})(?=[/?#.]|$)/g, (whole, segment: string) => (UUID.test(segment) ? whole : '/[redacted]'))
    .replace(/([?&]token=)[^&#]*/g, '$1[redacted]');
}

function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(containsNul);
  if (value && typeof value === 'object') return Object.entries(value).some(([k, v]) => k.includes('\u0000') || containsNul(v));
  return false;
}

export interface BuildOptions {
  logStream?: DestinationStream;
}

export async function buildApp(deps: Deps, options: BuildOptions = {}): Promise<App> {
  const app = Fastify({
    logger: {
      level: deps.config.logLevel,
      ...(options.logStream ? { stream: options.logStream } : {}),
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'], censor: '[redacted]' },
      serializers: {
        req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, url: redactUrl(req.url), ip: req.ip }),
      },
    },
    trustProxy: false,
    bodyLimit: 1_048_576,
    // A URL the router cannot even parse (bad percent-encoding, over-long parameter) still gets the API's error body.
    frameworkErrors: (error, req, reply) => {
      void sendError(reply, req, 'validation', [{ path: '', message: error.message }]);
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate('deps', deps);
  app.decorate('routeAccess', []);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);

  app.addHook('onRoute', (route) => {
    // Documentation and the console's static files are public by nature; every API route must say what it needs.
    if (route.url.startsWith('/api/docs') || !route.url.startsWith('/api/')) {
      route.config = { ...(route.config ?? {}), permission: route.config?.permission ?? 'public' };
    }
    for (const method of [route.method].flat()) app.routeAccess.push({ method, url: route.url, permission: route.config?.permission });
  });

  await app.register(fastifyCookie);
  // WebSocket routes (ingest bridges, the live monitor): messages as large as an HTTP ingest batch.
  await app.register(fastifyWebsocket, { options: { maxPayload: 32 * 1024 * 1024 } });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Showrunner API', description: '直播运营台 Showrunner: live-commerce operations platform', version: VERSION },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'sr_session' },
          apiToken: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: (args) => {
      const out = jsonSchemaTransform(args);
      // A body the route reads itself (ingestion) is still described: the route names its schema as docBody.
      const docBody = args.route.config?.docBody;
      return docBody ? { ...out, schema: { ...out.schema, body: z.toJSONSchema(docBody, { io: 'input', unrepresentable: 'any' }) } } : out;
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  // PostgreSQL cannot store U+0000 in text, and no real name, title or note contains one: refuse it up front, in the body
  // as in the URL, rather than letting the database fail halfway.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const text = body as string;
    // Ingestion reads its own body: NDJSON, per-item errors, and the raw bytes a push signature covers.
    if (req.url.startsWith('/api/v1/ingest/')) return done(null, text);
    if (text.trim() === '') return done(null, undefined);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      return done(new DomainError('validation', [{ path: '', message: (err as Error).message }]), undefined);
    }
    if (containsNul(parsed)) return done(new DomainError('validation', [{ path: '', message: 'text must not contain NUL (U+0000) / 文本不能包含空字符' }]), undefined);
    done(null, parsed);
  });
  app.addContentTypeParser(['application/x-ndjson', 'application/ndjson', 'application/jsonl', 'text/plain'], { parseAs: 'string' }, (req, body, done) => {
    if (!req.url.startsWith('/api/v1/ingest/')) return done(new DomainError('validation', [{ path: '', message: 'send JSON / 请发送 JSON' }]), undefined);
    done(null, body);
  });
  app.addHook('onRequest', async (req) => {
    if (/%00/.test(req.url)) throw new DomainError('validation', [{ path: '', message: 'URL must not contain NUL / 地址不能包含空字符' }]);
  });
  app.addHook('onRequest', accessHook(deps));

  app.get('/api/health', { config: { permission: 'public' }, schema: { tags: ['platform'] } }, async (_req, reply) => {
    const ok = await pingDatabase(deps.db);
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', database: ok ? 'ok' : 'unreachable', databaseKind: deps.config.database.kind, version: VERSION });
  });
  app.get('/api/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () => app.swagger());

  await setupRoutes(app);
  await accountsRoutes(app);
  await teamRoutes(app);
  await catalogRoutes(app);
  await peopleRoutes(app);
  await auditRoutes(app);
  await productRoutes(app);
  await planningRoutes(app);
  await ingestRoutes(app);
  await complianceRoutes(app);
  await packRoutes(app);
  await contentRoutes(app);
  await findingsRoutes(app);
  await notificationsRoutes(app);
  await alertsRoutes(app);
  await channelsRoutes(app);
  await incidentsRoutes(app);
  await sentimentRoutes(app);
  await analyticsRoutes(app);
  await importsRoutes(app);
  await suggestionsRoutes(app);
  await dashboardsRoutes(app);

  const indexHtml = path.join(deps.config.webDist, 'index.html');
  const hasWeb = fs.existsSync(indexHtml);
  // wildcard: files are looked up per request, so a rebuilt console is served without a restart.
  if (hasWeb) await app.register(fastifyStatic, { root: deps.config.webDist, wildcard: true, index: 'index.html' });

  app.setNotFoundHandler((req, reply) => {
    // Console routes (no file extension) get the single-page app; a missing asset is a real 404, never HTML in its place.
    const pathname = req.url.split('?')[0]!;
    if (hasWeb && req.method === 'GET' && !pathname.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(pathname)) {
      return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendError(reply, req, 'common/not-found');
  });

  return app;
}
