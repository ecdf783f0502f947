import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { LiveDelta, LiveSnapshot, LiveWall } from '../../../contracts/live';
import { Client, createTestContext, inviteAndJoin, setupOwner, type TestContext } from '../../test/harness';

let ctx: TestContext;
let owner: Client;
let outsider: Client;
let base: string;
let roomId: string;
let token: string;
let sessionId: string;

const at = (s: number) => new Date(Date.parse('2026-12-01T11:05:00.000Z') + s * 1000).toISOString();
const post = (items: unknown[]) =>
  ctx.app.inject({ method: 'POST', url: `/api/v1/ingest/events/${roomId}`, payload: JSON.stringify(items), headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } });

/** A socket that collects every message; `next(pred)` waits for the first not yet taken that matches. */
async function open(path: string, client: Client, headers: Record<string, string> = {}) {
  const socket = new WebSocket(`${base}${path}`, { headers: { cookie: `sr_session=${client.cookie}`, ...headers } });
  const messages: Record<string, unknown>[] = [];
  let taken = 0;
  const waiters: (() => void)[] = [];
  socket.on('message', (data) => {
    messages.push(JSON.parse(String(data)));
    waiters.splice(0).forEach((w) => w());
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
  return {
    socket,
    async next<T>(pred: (m: Record<string, unknown>) => boolean = () => true, timeoutMs = 5000): Promise<T> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        while (taken < messages.length) {
          const m = messages[taken++]!;
          if (pred(m)) return m as T;
        }
        if (Date.now() > deadline) throw new Error('no matching message');
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    },
  };
}

function refusal(path: string, headers: Record<string, string>) {
  return new Promise<number>((resolve, reject) => {
    const socket = new WebSocket(`${base}${path}`, { headers });
    socket.on('error', () => {});
    socket.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('open', () => reject(new Error('opened')));
  });
}

beforeAll(async () => {
  ctx = await createTestContext();
  owner = await setupOwner(ctx.app);
  const teamId = (await owner.post('/api/v1/teams', { name: '美妆组' })).json().id;
  const otherTeamId = (await owner.post('/api/v1/teams', { name: '食品组' })).json().id;
  outsider = await inviteAndJoin(owner, 'food@example.com', 'member', [otherTeamId]);
  roomId = (await owner.post('/api/v1/rooms', { teamId, platform: 'other', accountId: 'bridge-live', displayName: '美妆一号间' })).json().id;
  token = (await owner.post('/api/v1/tokens', { name: 'bridge', roomId, scopes: ['ingest'] })).json().token;
  sessionId = (await owner.post('/api/v1/sessions', { roomId, title: '周二晚场', plannedStart: '2026-12-01T19:00:00+08:00', plannedEnd: '2026-12-01T23:00:00+08:00' })).json().id;
  const product = (await owner.post('/api/v1/products', { sku: 'LQ-1', name: '玻尿酸精华', category: 'beauty', listPriceFen: 29900, livePriceFen: 19900, stock: 100 })).json();
  const slots = await owner.put(`/api/v1/sessions/${sessionId}/slots`, { slots: [{ productId: product.id, plannedMinutes: 30, slotType: 'hero' }, { productId: product.id, plannedMinutes: 15, slotType: 'welfare' }] });
  expect(slots.statusCode).toBe(200);
  base = (await ctx.app.listen({ port: 0, host: '127.0.0.1' })).replace(/^http/, 'ws');
});
afterAll(() => ctx.close());

describe('GET /api/v1/sessions/:id/live', () => {
  it('sends a snapshot, then a delta once events are committed', async () => {
    const monitor = await open(`/api/v1/sessions/${sessionId}/live`, owner);
    const snapshot = await monitor.next<LiveSnapshot>();
    expect(snapshot).toMatchObject({ type: 'snapshot', session: { id: sessionId, title: '周二晚场', roomName: '美妆一号间' }, minutes: [], comments: [], startedAt: '2026-12-01T11:00:00.000Z' });
    expect(snapshot.slots.map((s) => [s.plannedMinutes, s.slotType])).toEqual([[30, 'hero'], [15, 'welfare']]);

    const res = await post([
      { kind: 'comment', id: 'c1', at: at(1), user: { name: '小王' }, text: '多少钱' },
      { kind: 'comment', id: 'c2', at: at(2), user: { name: '阿花' }, text: '已拍' },
      { kind: 'viewer_count', id: 'v1', at: at(3), count: 1200 },
      { kind: 'order', id: 'o1', at: at(70), orderId: 'DD1', valueFen: 19900 },
    ]);
    expect(res.statusCode).toBe(200);
    const delta = await monitor.next<LiveDelta>((m) => m.type === 'delta');
    // the show started with its first event
    expect(delta).toMatchObject({ sessionId, status: 'live', startedAt: at(1) });
    expect(delta.comments.map((c) => [c.userName, c.text])).toEqual([['小王', '多少钱'], ['阿花', '已拍']]);
    expect(delta.minutes).toEqual([
      expect.objectContaining({ minute: '2026-12-01T11:05:00.000Z', comments: 2, viewers: 1200, gmvFen: 0 }),
      expect.objectContaining({ minute: '2026-12-01T11:06:00.000Z', comments: 0, orders: 1, gmvFen: 19900 }),
    ]);
    expect(delta.summary).toMatchObject({ gmvFen: 19900, peakViewers: 1200, counts: { comment: 2 } });

    // Later events come as a further delta with only what changed.
    await post([{ kind: 'comment', id: 'c3', at: at(75), text: '几号链接' }]);
    const next = await monitor.next<LiveDelta>((m) => m.type === 'delta');
    expect(next.comments.map((c) => c.text)).toEqual(['几号链接']);
    expect(next.minutes.map((m) => m.minute)).toEqual(['2026-12-01T11:06:00.000Z']);
    monitor.socket.close();

    // A new connection starts from the stored state.
    const again = await open(`/api/v1/sessions/${sessionId}/live`, owner);
    const fresh = await again.next<LiveSnapshot>();
    expect(fresh.comments.map((c) => c.text)).toEqual(['多少钱', '已拍', '几号链接']);
    expect(fresh.minutes).toHaveLength(2);
    expect(fresh.summary.counts.comment).toBe(3);
    expect(fresh.session.status).toBe('live');
    again.socket.close();
  });

  it('answers 401, or 404 for a session of another team or none', async () => {
    expect(await refusal(`/api/v1/sessions/${sessionId}/live`, {})).toBe(401);
    expect(await refusal(`/api/v1/sessions/${sessionId}/live`, { cookie: `sr_session=${outsider.cookie}` })).toBe(404);
    expect(await refusal(`/api/v1/sessions/nope/live`, { cookie: `sr_session=${owner.cookie}` })).toBe(404);
    expect(await refusal(`/api/v1/sessions/${sessionId}/live`, { cookie: `sr_session=${owner.cookie}`, origin: 'https://evil.example' })).toBe(403);
  });
});

describe('GET /api/v1/live', () => {
  it("pushes every live session's headline numbers of the user's teams each second", async () => {
    const wall = await open('/api/v1/live', owner);
    const first = await wall.next<LiveWall>((m) => m.type === 'wall' && (m as LiveWall).sessions.length > 0);
    expect(first.sessions).toEqual([expect.objectContaining({ sessionId, title: '周二晚场', roomName: '美妆一号间', gmvFen: 19900, giftValueFen: 0 })]);
    await wall.next<LiveWall>((m) => m.type === 'wall'); // and again a second later
    wall.socket.close();
    const theirs = await open('/api/v1/live', outsider);
    expect((await theirs.next<LiveWall>((m) => m.type === 'wall')).sessions).toEqual([]);
    theirs.socket.close();
  });
});
