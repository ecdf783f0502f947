import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Client, createTestContext, setupOwner, type TestContext } from '../../test/harness';

const tiktok = JSON.parse(fs.readFileSync(path.join(__dirname, 'adapters', 'fixtures', 'tiktok.json'), 'utf8'));

let ctx: TestContext;
let owner: Client;
let base: string;
let roomId: string;
let otherRoomId: string;
let token: string;
let sessionId: string;

const ev = (over: Record<string, unknown>) => ({ kind: 'comment', at: '2026-12-01T11:05:10.000Z', user: { id: 'u1', name: '小王' }, text: '多少钱', ...over });

/** A socket that collects every answer, in order. */
async function open(url: string, headers: Record<string, string> = {}) {
  const socket = new WebSocket(url, { headers });
  const answers: Record<string, unknown>[] = [];
  const waiters: (() => void)[] = [];
  socket.on('message', (data) => {
    answers.push(JSON.parse(String(data)));
    waiters.splice(0).forEach((w) => w());
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    socket.once('error', reject);
  });
  return {
    socket,
    answers,
    send: (message: unknown) => socket.send(typeof message === 'string' ? message : JSON.stringify(message)),
    /** Waits until `n` answers have arrived. */
    async take(n: number) {
      while (answers.length < n) await new Promise<void>((resolve) => waiters.push(resolve));
      return answers.slice(0, n);
    },
  };
}

/** The HTTP status a refused upgrade answered with. */
function refusal(url: string, headers: Record<string, string> = {}) {
  return new Promise<number>((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.on('error', () => {}); // terminating a refused handshake reports one
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
  roomId = (await owner.post('/api/v1/rooms', { teamId, platform: 'other', accountId: 'bridge-ws', displayName: '桥接间' })).json().id;
  otherRoomId = (await owner.post('/api/v1/rooms', { teamId, platform: 'other', accountId: 'bridge-2', displayName: '另一间' })).json().id;
  token = (await owner.post('/api/v1/tokens', { name: 'bridge', roomId, scopes: ['ingest', 'read'] })).json().token;
  sessionId = (await owner.post('/api/v1/sessions', { roomId, title: '周二晚场', plannedStart: '2026-12-01T19:00:00+08:00', plannedEnd: '2026-12-01T23:00:00+08:00' })).json().id;
  const address = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  base = address.replace(/^http/, 'ws');
});
afterAll(() => ctx.close());

describe('GET /api/v1/ingest/ws', () => {
  it('acknowledges each batch once committed, in order', async () => {
    const client = await open(`${base}/api/v1/ingest/ws`, { authorization: `Bearer ${token}` });
    client.send({ id: 1, platform: 'custom', roomId, items: [ev({ id: 'w1' }), ev({ id: 'w2', text: '已拍' })] });
    client.send({ id: 'b-2', platform: 'custom', roomId, items: [ev({ id: 'w1' }), { kind: 'order', id: 'o1', at: '2026-12-01T11:06:30.000Z', orderId: 'DD1', valueFen: 9900 }] });
    client.send({ id: 3, platform: 'tiktok', roomId, items: [tiktok.chat.input ?? tiktok.chat] });
    const [a, b, c] = await client.take(3);
    expect(a).toEqual({ ack: 1, result: { accepted: 2, duplicates: 0, rejected: 0, sessionIds: [sessionId], errors: [] } });
    expect(b).toMatchObject({ ack: 'b-2', result: { accepted: 1, duplicates: 1 } });
    expect(c).toMatchObject({ ack: 3, result: { rejected: 0 } });
    const summary = (await owner.get(`/api/v1/sessions/${sessionId}/summary`)).json();
    expect(summary).toMatchObject({ orders: 1, gmvFen: 9900 });
    expect(summary.counts.comment).toBe(2);
    client.socket.close();
  });

  it('refuses a bad batch with a nack and stores nothing, or the good items with partial', async () => {
    const client = await open(`${base}/api/v1/ingest/ws?token=${token}`, { 'accept-language': 'zh-CN' });
    const items = [ev({ id: 'q1' }), { kind: 'comment', at: 'yesterday' }];
    client.send({ id: 7, platform: 'custom', roomId, items });
    client.send({ id: 8, platform: 'custom', roomId, items, partial: true });
    client.send({ id: 9, platform: 'custom', roomId: otherRoomId, items: [ev({ id: 'q2' })] });
    client.send({ id: 10, platform: 'douyin', roomId, items: [] });
    client.send('not json');
    const [bad, partial, room, douyin, junk] = await client.take(5);
    expect(bad).toMatchObject({ nack: 7, error: { code: 'ingest/invalid-batch', message: '批次中有无效的条目，未保存任何数据', details: { errors: [{ index: 1 }] } } });
    expect(partial).toMatchObject({ ack: 8, result: { accepted: 1, rejected: 1, errors: [{ index: 1 }] } });
    expect(room).toMatchObject({ nack: 9, error: { code: 'ingest/unknown-room' } });
    expect(douyin).toMatchObject({ nack: 10, error: { code: 'validation', fields: [{ path: 'platform' }] } });
    expect(junk).toMatchObject({ nack: null, error: { code: 'validation' } });
    client.socket.close();
    // the token in the query string is never logged
    expect(ctx.logs.join('\n')).not.toContain(token);
  });

  it('answers the upgrade with 401 or 403 when the token is missing, wrong or lacks the ingest scope', async () => {
    const reader = (await owner.post('/api/v1/tokens', { name: 'reader', roomId, scopes: ['read'] })).json().token;
    expect(await refusal(`${base}/api/v1/ingest/ws`)).toBe(401);
    expect(await refusal(`${base}/api/v1/ingest/ws?token=sr_nope`)).toBe(401);
    expect(await refusal(`${base}/api/v1/ingest/ws`, { authorization: `Bearer ${reader}` })).toBe(403);
    // a signed-in user's socket must come from the console's own origin
    expect(await refusal(`${base}/api/v1/ingest/ws`, { cookie: `sr_session=${owner.cookie}`, origin: 'https://evil.example' })).toBe(403);
  });

  it('never reads ?token= on plain HTTP requests', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/sessions/${sessionId}/summary?token=${token}` });
    expect(res.statusCode).toBe(401);
  });
});
