import type { FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { IngestSocketMessage, type IngestSocketAck, type IngestSocketBatchId, type IngestSocketNack } from '../../../contracts/ingest';
import type { ErrorCode } from '../../../contracts/errors';
import { DomainError, messageOf, requestLocale, zodFieldErrors } from '../../platform/errors';
import type { App } from '../../platform/http';
import { parseBatch } from './adapters';
import { roomFor } from './ingest.routes';
import { ingest } from './ingest.service';

/**
 * A cookie travels with a cross-site WebSocket handshake and GET upgrades skip the CSRF check, so a socket opened with
 * the session cookie must come from the console's own origin. Token clients (bridges) send no cookie and need no check.
 */
export async function requireSameOriginSocket(req: FastifyRequest) {
  if (req.principal?.kind !== 'user') return;
  const origin = req.headers.origin;
  if (origin === undefined) return; // not a browser
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new DomainError('auth/forbidden');
  }
  if (host !== req.headers.host) throw new DomainError('auth/forbidden');
}

function batchIdOf(raw: unknown): IngestSocketBatchId | null {
  if (raw === null || typeof raw !== 'object' || !('id' in raw)) return null;
  const id = (raw as { id: unknown }).id;
  return (typeof id === 'string' && id.length > 0 && id.length <= 128) || (typeof id === 'number' && Number.isInteger(id)) ? id : null;
}

export async function ingestSocketRoutes(app: App) {
  const { deps } = app;

  app.get(
    '/api/v1/ingest/ws',
    {
      websocket: true,
      config: { permission: 'session:write', tokenScope: 'ingest' },
      preValidation: requireSameOriginSocket,
      schema: {
        tags: ['ingest'],
        description:
          'WebSocket for long-lived bridges. Token as `Authorization: Bearer` or `?token=`. Each message is an IngestSocketMessage {id, platform, roomId, partial?, items}; each answer, in order, is {ack: id, result: IngestResult} once the batch is committed, or {nack: id, error}.',
      },
    },
    (socket: WebSocket, req) => {
      const locale = requestLocale(req);
      const send = (answer: IngestSocketAck | IngestSocketNack) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(answer));
      };
      const nack = (id: IngestSocketBatchId | null, code: ErrorCode, fields?: { path: string; message: string }[], details?: unknown) =>
        send({ nack: id, error: { code, message: messageOf(code, locale), ...(fields?.length ? { fields } : {}), ...(details !== undefined ? { details } : {}) } });

      async function handle(data: string) {
        let raw: unknown;
        try {
          raw = JSON.parse(data);
        } catch (err) {
          return nack(null, 'validation', [{ path: '', message: (err as Error).message }]);
        }
        const id = batchIdOf(raw);
        const parsed = IngestSocketMessage.safeParse(raw);
        if (!parsed.success) return nack(id, 'validation', zodFieldErrors(parsed.error, locale));
        const message = parsed.data;
        try {
          const room = await roomFor(deps, req, message.roomId);
          const result = await ingest(deps, room, message.platform, parseBatch(message.items), message.partial === true);
          send({ ack: message.id, result });
        } catch (err) {
          if (err instanceof DomainError) {
            // Field messages of non-validation codes only say where; the code's sentence is the message.
            return nack(message.id, err.code, err.code === 'validation' ? err.fields : undefined, err.details ?? (err.code !== 'validation' && err.fields ? { fields: err.fields } : undefined));
          }
          req.log.error({ err }, 'ingest socket batch failed');
          return nack(message.id, 'common/internal');
        }
      }

      // One batch at a time per socket: answers come in the order the batches were sent.
      let queue = Promise.resolve();
      socket.on('message', (data, isBinary) => {
        const text = isBinary ? Buffer.from(data as Buffer).toString('utf8') : String(data);
        queue = queue.then(() => handle(text));
      });
    },
  );
}
