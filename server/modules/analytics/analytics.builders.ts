import type { LightMyRequestResponse } from 'fastify';
import { Show, toCustomEvent, type Moment, type Product } from '../../../scripts/show';
import type { Client, TestContext } from '../../test/harness';

/** Test builders for the analytics area: a team, a room, an ingest token and a planned session, all through the API. */
export async function buildRoomWithSession(
  owner: Client,
  opts: { teamId: string; platform?: string; accountId: string; name?: string; start: string; end: string; goals?: { gmvFen?: number | null; viewers?: number | null; orders?: number | null }; title?: string },
) {
  const roomId = (await owner.post('/api/v1/rooms', { teamId: opts.teamId, platform: opts.platform ?? 'other', accountId: opts.accountId, displayName: opts.name ?? `直播间 ${opts.accountId}` })).json().id as string;
  const token = (await owner.post('/api/v1/tokens', { name: `ingest ${opts.accountId}`, roomId, scopes: ['ingest'] })).json().token as string;
  const sessionId = await buildSession(owner, { roomId, start: opts.start, end: opts.end, goals: opts.goals, title: opts.title });
  return { roomId, token, sessionId };
}

export async function buildSession(owner: Client, opts: { roomId: string; start: string; end: string; goals?: { gmvFen?: number | null; viewers?: number | null; orders?: number | null }; title?: string }) {
  const res = await owner.post('/api/v1/sessions', { roomId: opts.roomId, title: opts.title ?? '晚场', plannedStart: opts.start, plannedEnd: opts.end, ...(opts.goals ? { goals: opts.goals } : {}) });
  if (res.statusCode !== 201) throw new Error(`session: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

/** Showrunner's own ingest format for one simulated moment at an instant (the simulator's own conversion). */
export function toIngestItem(m: Moment, at: Date, id: string): Record<string, unknown> {
  return toCustomEvent(m, at.getTime(), id);
}

export async function postEvents(ctx: TestContext, roomId: string, token: string, items: unknown[]): Promise<LightMyRequestResponse> {
  const res = await ctx.app.inject({ method: 'POST', url: `/api/v1/ingest/events/${roomId}`, payload: JSON.stringify(items), headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } });
  if (res.statusCode !== 200) throw new Error(`ingest: ${res.statusCode} ${res.body}`);
  return res;
}

/**
 * Plays a random but realistic show (scripts/show.ts, the simulator's audience) into a room through the real ingestion
 * API: `seconds` of show from `startAt`, `perTick` moments every `tick` seconds. Returns how many events were sent.
 */
export async function playShow(
  ctx: TestContext,
  room: { roomId: string; token: string },
  opts: { seed: number; startAt: string; seconds: number; tick?: number; perTick?: number; lineup?: { product: Product; minutes: number }[]; keep?: (m: Moment) => boolean },
) {
  const show = new Show(opts.seed, opts.seconds, opts.lineup);
  const start = Date.parse(opts.startAt);
  const tick = opts.tick ?? 3;
  let batch: unknown[] = [];
  let sent = 0;
  for (let t = 0; t < opts.seconds; t += tick) {
    show.next(t, opts.perTick ?? 4).forEach((m, i) => {
      if (opts.keep && !opts.keep(m)) return;
      batch.push(toIngestItem(m, new Date(start + t * 1000 + i * 10), `s${opts.seed}-${t}-${i}`));
    });
    if (batch.length >= 300) {
      await postEvents(ctx, room.roomId, room.token, batch);
      sent += batch.length;
      batch = [];
    }
  }
  if (batch.length) await postEvents(ctx, room.roomId, room.token, batch);
  return sent + batch.length;
}
