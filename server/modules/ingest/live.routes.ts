import type { FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { IdParams } from '../../../contracts/common';
import type { LiveAlerts, LiveDelta, LiveSnapshot, LiveWall } from '../../../contracts/live';
import type { SessionView } from '../../../contracts/planning';
import { DomainError } from '../../platform/errors';
import type { App } from '../../platform/http';
import { activeSessionAlerts } from '../alerts/alerts.repository';
import { findSession, listSlots } from '../planning/planning.repository';
import { sessionSummary } from './ingest.repository';
import { requireSameOriginSocket } from './ingest.ws';
import { liveHubOf } from './live.hub';
import * as live from './live.repository';

const tags = ['live'];
const SNAPSHOT_MINUTES = 30;
const SNAPSHOT_COMMENTS = 50;
const SNAPSHOT_FLAGGED = 30;

export async function liveRoutes(app: App) {
  const { deps } = app;
  const hub = liveHubOf(deps);
  hub.onError = (err) => app.log.error({ err }, 'live push failed');
  app.addHook('onClose', async () => hub.stop());

  // The session is looked up before the upgrade, so an unknown or other team's session is a plain HTTP 404.
  const sessions = new WeakMap<FastifyRequest, SessionView>();

  app.get(
    '/api/v1/sessions/:id/live',
    {
      websocket: true,
      config: { permission: 'room:read' },
      schema: { tags, params: IdParams, description: 'WebSocket: a LiveSnapshot on connect, then at most one LiveDelta per second while events arrive (contracts/live.ts).' },
      preValidation: [
        requireSameOriginSocket,
        async (req) => {
          const session = await findSession(deps.db, req.actor.scope, (req.params as { id: string }).id);
          if (!session) throw new DomainError('session/not-found');
          sessions.set(req, session);
        },
      ],
    },
    async (socket: WebSocket, req) => {
      const session = sessions.get(req)!;
      // Deltas wait until the snapshot is out, so the client always starts from one.
      let pending: (LiveDelta | LiveAlerts)[] | null = [];
      const sendNow = (message: LiveSnapshot | LiveDelta | LiveAlerts) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
      };
      const watcher = { send: (delta: LiveDelta | LiveAlerts) => (pending ? pending.push(delta) : sendNow(delta)) };
      let stop: (() => void) | null = null;
      let closed = false;
      socket.on('close', () => {
        closed = true;
        stop?.();
      });
      const watched = await hub.watchSession(session.id, watcher);
      stop = watched.stop;
      if (closed) return stop();
      const { cursor } = watched;
      try {
        const [minutes, summary, comments, flagged, slots, alerts] = await Promise.all([
          live.latestMinutes(deps.db, session.id, SNAPSHOT_MINUTES),
          sessionSummary(deps.db, session.id),
          live.latestComments(deps.db, session.id, cursor, SNAPSHOT_COMMENTS),
          live.flaggedLines(deps.db, session.id, 0, cursor, SNAPSHOT_FLAGGED),
          listSlots(deps.db, session.id),
          activeSessionAlerts(deps.db, session.id),
        ]);
        sendNow({
          type: 'snapshot',
          session: { id: session.id, title: session.title, roomName: session.roomName, status: session.status, plannedStart: session.plannedStart, plannedEnd: session.plannedEnd, timeZone: session.timeZone },
          minutes,
          summary,
          comments,
          flagged,
          slots: slots.map((s) => ({ id: s.id, position: s.position, productName: s.productName, productSku: s.productSku, slotType: s.slotType, plannedMinutes: s.plannedMinutes })),
          startedAt: summary.firstEventAt ?? session.plannedStart,
          serverTime: new Date().toISOString(),
          alerts,
        });
      } catch (err) {
        req.log.error({ err }, 'live snapshot failed');
        socket.close(1011, 'snapshot failed');
        return;
      }
      const queued = pending;
      pending = null;
      for (const delta of queued) sendNow(delta);
    },
  );

  app.get(
    '/api/v1/live',
    {
      websocket: true,
      config: { permission: 'room:read' },
      preValidation: requireSameOriginSocket,
      schema: { tags, description: "WebSocket: every second a LiveWall with the headline numbers of every live session of the user's teams." },
    },
    (socket: WebSocket, req) => {
      const stop = hub.watchWall({
        scope: req.actor.scope,
        send: (message: LiveWall) => {
          if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
        },
      });
      socket.on('close', stop);
    },
  );
}
