import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestContext, setupOwner, type TestContext } from '../../test/harness';

const fixtures = path.join(__dirname, 'adapters', 'fixtures');
const douyin = JSON.parse(fs.readFileSync(path.join(fixtures, 'douyin.json'), 'utf8'));
const tiktok = JSON.parse(fs.readFileSync(path.join(fixtures, 'tiktok.json'), 'utf8'));

let ctx: TestContext;
let owner: Client;
let roomId: string;
let douyinRoomId: string;
let token: string;
let sessionId: string;

const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
const post = (url: string, payload: string, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/json', ...headers } });

const ev = (over: Record<string, unknown>) => ({ kind: 'comment', at: '2026-12-01T11:05:10.000Z', user: { id: 'u1', name: '小王' }, text: '多少钱', ...over });

beforeAll(async () => {
  ctx = await createTestContext();
  owner = await setupOwner(ctx.app);
  const teamId = (await owner.post('/api/v1/teams', { name: '美妆组' })).json().id;
  roomId = (await owner.post('/api/v1/rooms', { teamId, platform: 'other', accountId: 'bridge-1', displayName: '自建桥接间' })).json().id;
  douyinRoomId = (await owner.post('/api/v1/rooms', { teamId, platform: 'douyin', accountId: 'dy-7442', displayName: '抖音间', secret: douyin.secret })).json().id;
  token = (await owner.post('/api/v1/tokens', { name: 'bridge', roomId, scopes: ['ingest', 'read'] })).json().token;
  sessionId = (await owner.post('/api/v1/sessions', { roomId, title: '周二晚场', plannedStart: '2026-12-01T19:00:00+08:00', plannedEnd: '2026-12-01T23:00:00+08:00' })).json().id;
});
afterAll(() => ctx.close());

describe('custom normalized events', () => {
  it('stores a batch, attaches it to the planned session and names it in the response', async () => {
    const batch = [
      ev({ id: 'm1' }),
      ev({ id: 'm2', user: { id: 'u2', name: '阿花' }, text: '已拍' }),
      ev({ id: 'm3', user: { id: 'u1', name: '小王' }, at: '2026-12-01T11:06:00.000Z', text: '好看' }),
      { kind: 'gift', id: 'g1', at: '2026-12-01T11:05:20.000Z', user: { id: 'u3' }, unit: 'coin', unitAmount: 5, fenPerUnit: 10, text: '小心心' },
      { kind: 'viewer_count', id: 'v1', at: '2026-12-01T11:05:00.000Z', count: 1200 },
      { kind: 'viewer_count', id: 'v2', at: '2026-12-01T11:06:00.000Z', count: 1800 },
      { kind: 'order', id: 'o1', at: '2026-12-01T11:06:30.000Z', orderId: 'DD001', valueFen: 19900, productRef: 'LQ-001', buyerRef: 'b1' },
      { kind: 'like', id: 'l1', at: '2026-12-01T11:06:31.000Z', count: 25 },
      { kind: 'transcript', id: 't1', at: '2026-12-01T11:06:40.000Z', text: '家人们，这款精华今天直播间专享价' },
    ];
    const res = await post(`/api/v1/ingest/events/${roomId}`, JSON.stringify(batch), bearer(token));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ accepted: 9, duplicates: 0, rejected: 0, sessionIds: [sessionId], errors: [] });
    const summary = (await ctx.app.inject({ method: 'GET', url: `/api/v1/sessions/${sessionId}/summary`, headers: bearer(token) })).json();
    expect(summary).toMatchObject({
      counts: { comment: 3, gift: 1, order: 1, like: 25, transcript: 1, unknown: 0 },
      uniqueCommenters: 2,
      giftValueFen: 50,
      peakViewers: 1800,
      averageViewers: 1500,
      orders: 1,
      gmvFen: 19900,
      firstEventAt: '2026-12-01T11:05:00.000Z',
      lastEventAt: '2026-12-01T11:06:40.000Z',
      minutesWithEvents: 2,
    });
    // events make the planned show live
    expect((await owner.get(`/api/v1/sessions/${sessionId}`)).json().status).toBe('live');
  });

  it('stores a re-delivered message once', async () => {
    const res = await post(`/api/v1/ingest/events/${roomId}`, JSON.stringify([ev({ id: 'm1' }), ev({ id: 'm1' }), ev({ id: 'm9' })]), bearer(token));
    expect(res.json()).toMatchObject({ accepted: 1, duplicates: 2 });
    const summary = (await owner.get(`/api/v1/sessions/${sessionId}/summary`)).json();
    expect(summary.counts.comment).toBe(4);
  });

  it('accepts NDJSON', async () => {
    const body = [ev({ id: 'n1' }), ev({ id: 'n2' })].map((e) => JSON.stringify(e)).join('\n');
    const res = await post(`/api/v1/ingest/events/${roomId}`, body, { ...bearer(token), 'content-type': 'application/x-ndjson' });
    expect(res.statusCode).toBe(200);
    expect(res.json().accepted).toBe(2);
  });

  it('rejects the whole batch for one bad item, or stores the good ones with ?partial=true', async () => {
    const batch = [ev({ id: 'p1' }), { kind: 'comment', at: 'yesterday' }, ev({ id: 'p2' })];
    const before = (await owner.get(`/api/v1/sessions/${sessionId}/summary`)).json().counts.comment;
    const whole = await post(`/api/v1/ingest/events/${roomId}`, JSON.stringify(batch), bearer(token));
    expect(whole.statusCode).toBe(400);
    expect(whole.json().error.code).toBe('ingest/invalid-batch');
    expect(whole.json().error.details.errors.map((e: { index: number }) => e.index)).toEqual([1]);
    expect((await owner.get(`/api/v1/sessions/${sessionId}/summary`)).json().counts.comment).toBe(before);
    const partial = await post(`/api/v1/ingest/events/${roomId}?partial=true`, JSON.stringify(batch), bearer(token));
    expect(partial.json()).toMatchObject({ accepted: 2, rejected: 1, errors: [{ index: 1 }] });
  });

  it('opens an unplanned session, flagged, when none is planned', async () => {
    const res = await post(`/api/v1/ingest/events/${roomId}`, JSON.stringify([ev({ id: 'x1', at: '2026-12-03T02:00:00.000Z' }), ev({ id: 'x2', at: '2026-12-03T02:40:00.000Z' })]), bearer(token));
    const [unplanned] = res.json().sessionIds;
    expect(unplanned).not.toBe(sessionId);
    const s = (await owner.get(`/api/v1/sessions/${unplanned}`)).json();
    expect(s).toMatchObject({ isUnplanned: true, status: 'live', plannedStart: '2026-12-03T02:00:00.000Z' });
    expect(Date.parse(s.plannedEnd)).toBeGreaterThan(Date.parse('2026-12-03T02:40:00.000Z'));
  });

  it('keeps tokens to their room and scope', async () => {
    const other = (await owner.post('/api/v1/tokens', { name: 'reader', roomId, scopes: ['read'] })).json().token;
    expect((await post(`/api/v1/ingest/events/${roomId}`, JSON.stringify([ev({ id: 'z1' })]), bearer(other))).statusCode).toBe(403);
    expect((await post(`/api/v1/ingest/events/${douyinRoomId}`, JSON.stringify([ev({ id: 'z2' })]), bearer(token))).statusCode).toBe(404);
    expect((await post(`/api/v1/ingest/events/${roomId}`, JSON.stringify([ev({ id: 'z3' })]), bearer('sr_nope'))).statusCode).toBe(401);
  });
});

describe('platform formats', () => {
  it('takes tiktok-live-connector events and counts a gift streak once', async () => {
    const items = ['chat', 'giftStreakStart', 'giftStreakMiddle', 'giftStreakEnd'].map((k) => tiktok[k].input ?? tiktok[k]);
    const res = await post(`/api/v1/ingest/tiktok/${roomId}`, JSON.stringify(items), bearer(token));
    expect(res.statusCode).toBe(200);
    expect(res.json().accepted).toBeGreaterThanOrEqual(2);
    expect(res.json().rejected).toBe(0);
  });

  it('verifies the Douyin push signature with the room secret and stores re-deliveries once', async () => {
    const push = douyin.pushes.live_comment;
    const url = `/api/v1/ingest/douyin/${douyinRoomId}`;
    const bad = await post(url, push.body, { ...push.headers, 'x-signature': 'AAAAAAAAAAAAAAAAAAAAAA==' });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.code).toBe('ingest/bad-signature');
    const { 'x-signature': _drop, ...unsigned } = push.headers;
    expect((await post(url, push.body, unsigned)).statusCode).toBe(401);
    const count = async () => Number((await ctx.deps.db.selectFrom('live_events').select((eb) => eb.fn.countAll().as('n')).where('room_id', '=', douyinRoomId).executeTakeFirstOrThrow()).n);
    expect(await count()).toBe(0);
    const ok = await post(url, push.body, push.headers);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ accepted: 2, duplicates: 0 });
    const again = await post(url, push.body, push.headers);
    expect(again.json()).toMatchObject({ accepted: 0, duplicates: 2 });
    expect(await count()).toBe(2);
  });
});
