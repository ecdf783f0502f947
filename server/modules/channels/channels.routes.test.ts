import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelView, DeliveryPage, RouteView, TestSendResult } from '../../../contracts/channels';
import type { AuditPage } from '../../../contracts/audit';
import type { RoomView, TeamView } from '../../../contracts/team';
import { createTestContext, inviteAndJoin, setupOwner, type Client, type TestContext } from '../../test/harness';
import { deliverDue, recoverInFlight, routeOutbox, runDeliveryCycle, nudgeOutbox, startDeliveryWorker } from './channels.delivery';

/** A local receiver standing in for the robots: records every request and answers as each path is told to. */
interface Received {
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  raw: string;
  body: Record<string, any>;
}
let server: http.Server;
let base: string;
let received: Received[] = [];
const answers = new Map<string, Array<[number, unknown]>>();

function answerNext(path: string, ...seq: Array<[number, unknown]>) {
  answers.set(path, seq);
}

let ctx: TestContext;
let owner: Client;
let team: TeamView;
let otherTeam: TeamView;
let room: RoomView;
// Zero delays: a failed attempt is due again at once, so tests never wait.
const now = () => new Date();
const fast = { delays: [0, 0, 0], now };

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url!, 'http://x');
      const raw = Buffer.concat(chunks).toString('utf8');
      received.push({ path: url.pathname, query: url.searchParams, headers: req.headers, raw, body: raw ? JSON.parse(raw) : {} });
      const seq = answers.get(url.pathname);
      const [status, body] = seq && seq.length > 1 ? seq.shift()! : seq?.[0] ?? [200, { errcode: 0, errmsg: 'ok', code: 0, msg: 'success' }];
      res.writeHead(status, { 'content-type': 'application/json' }).end(typeof body === 'string' ? body : JSON.stringify(body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  ctx = await createTestContext();
  owner = await setupOwner(ctx.app);
  team = (await owner.post('/api/v1/teams', { name: '美妆组' })).json() as TeamView;
  otherTeam = (await owner.post('/api/v1/teams', { name: '食品组' })).json() as TeamView;
  room = (await owner.post('/api/v1/rooms', { teamId: team.id, platform: 'douyin', accountId: 'dy_beauty', displayName: '抖音美妆旗舰' })).json() as RoomView;
});
afterAll(async () => {
  await ctx.close();
  await new Promise((r) => server.close(r));
});
beforeEach(async () => {
  received = [];
  answers.clear();
  // Each test starts with no channels, rules or pending messages of earlier tests.
  await ctx.deps.db.deleteFrom('channel_routes').execute();
  await ctx.deps.db.deleteFrom('channels').execute();
  await ctx.deps.db.updateTable('outbox').set({ routed_at: new Date().toISOString() }).where('routed_at', 'is', null).execute();
  await ctx.deps.db.updateTable('channel_deliveries').set({ status: 'failed' }).where('status', 'in', ['pending', 'sending']).execute();
});

async function createChannel(body: Record<string, unknown>): Promise<ChannelView> {
  const res = await owner.post('/api/v1/channels', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as ChannelView;
}

async function createRoute(body: Record<string, unknown>): Promise<RouteView> {
  const res = await owner.post('/api/v1/channels/routes', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as RouteView;
}

let seq = 0;
async function insertOutbox(over: Record<string, unknown> = {}): Promise<number> {
  seq += 1;
  const row = await ctx.deps.db
    .insertInto('outbox')
    .values({
      kind: 'alert',
      team_id: team.id,
      room_id: room.id,
      severity: 'critical',
      title_zh: `负面评论激增 ${seq}`,
      title_en: `Negative surge ${seq}`,
      body_zh: '近 5 分钟负面占比 42%',
      body_en: 'Negative share 42% over 5 minutes',
      link: 'https://ops.example.com/alerts/1',
      ref_id: `alert-${seq}`,
      created_at: new Date().toISOString(),
      routed_at: null,
      ...over,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

async function deliveries(query = ''): Promise<DeliveryPage> {
  const res = await owner.get(`/api/v1/channels/deliveries${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as DeliveryPage;
}

describe('channels API', () => {
  it('creates a channel with an encrypted secret and URL, never returning either; updates, lists and deletes it, audited', async () => {
    const ch = await createChannel({ name: '  运营群  ', kind: 'wecom', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=KEY-123', secret: 'shh' });
    expect(ch).toMatchObject({ name: '运营群', kind: 'wecom', urlMasked: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…', hasSecret: true, locale: 'zh-CN', enabled: true, routeCount: 0 });
    expect(JSON.stringify(ch)).not.toContain('KEY-123');
    expect(JSON.stringify(ch)).not.toContain('shh');
    const row = await ctx.deps.db.selectFrom('channels').selectAll().where('id', '=', ch.id).executeTakeFirstOrThrow();
    expect(row.url_enc).not.toContain('KEY-123');
    expect(row.secret_enc).not.toContain('shh');
    expect(ctx.deps.cipher.decrypt(row.secret_enc!)).toBe('shh');

    const patched = await owner.patch(`/api/v1/channels/${ch.id}`, { enabled: false, secret: null, locale: 'en-US' });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ enabled: false, hasSecret: false, locale: 'en-US', name: '运营群' });
    expect(((await owner.get('/api/v1/channels')).json() as { items: ChannelView[] }).items.map((c) => c.id)).toEqual([ch.id]);
    expect((await owner.get(`/api/v1/channels/${ch.id}`)).json()).toMatchObject({ id: ch.id, enabled: false });

    expect((await owner.delete(`/api/v1/channels/${ch.id}`)).statusCode).toBe(204);
    expect((await owner.get(`/api/v1/channels/${ch.id}`)).statusCode).toBe(404);
    expect((await owner.get(`/api/v1/channels/${ch.id}`)).json().error.code).toBe('channel/not-found');

    const audit = ((await owner.get(`/api/v1/audit?entityType=channel&entityId=${ch.id}`)).json() as AuditPage).items;
    expect(audit.map((a) => a.action)).toEqual(['delete', 'update', 'create']);
    expect(audit[1]).toMatchObject({ before: { enabled: true, hasSecret: true }, after: { enabled: false, hasSecret: false } });
    expect(JSON.stringify(audit)).not.toContain('KEY-123');
  });

  it('rejects bad input with field messages in the request language', async () => {
    const bad = await owner.post('/api/v1/channels', { name: '', kind: 'slack', url: 'ftp://x.example.com/' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation');
    expect(bad.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['kind', 'name', 'url']);
    const zh = await owner.request('POST', '/api/v1/channels', { name: 'x', kind: 'wecom', url: 'not a url' }, { 'accept-language': 'zh-CN' });
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error.message).toBe('输入有误，请检查标出的字段');
    expect(zh.json().error.fields[0]).toMatchObject({ path: 'url' });
    expect(zh.json().error.fields[0].message).toContain('http');

    const ch = await createChannel({ name: 'x', kind: 'webhook', url: `${base}/hook` });
    const wrongRoom = await owner.post('/api/v1/channels/routes', { channelId: ch.id, teamId: otherTeam.id, roomId: room.id });
    expect(wrongRoom.statusCode).toBe(400);
    expect(wrongRoom.json().error.code).toBe('channel/room-not-in-team');
    const noChannel = await owner.post('/api/v1/channels/routes', { channelId: 'nope' });
    expect(noChannel.statusCode).toBe(404);
    expect(noChannel.json().error).toMatchObject({ code: 'channel/not-found', fields: [{ path: 'channelId' }] });
    expect((await owner.post('/api/v1/channels/routes', { channelId: ch.id, minSeverity: 'huge' })).statusCode).toBe(400);
  });

  it('needs channel:manage: managers may, members may not', async () => {
    const manager = await inviteAndJoin(owner, 'manager@example.com', 'manager');
    expect((await manager.get('/api/v1/channels')).statusCode).toBe(200);
    const member = await inviteAndJoin(owner, 'member@example.com', 'member');
    expect((await member.get('/api/v1/channels')).statusCode).toBe(403);
    expect((await member.post('/api/v1/channels', { name: 'x', kind: 'wecom', url: 'https://a.example.com' })).statusCode).toBe(403);
    expect((await member.get('/api/v1/channels/deliveries')).statusCode).toBe(403);
  });

  it('routing rules CRUD with names, audited', async () => {
    const ch = await createChannel({ name: '钉钉群', kind: 'dingtalk', url: `${base}/ding?access_token=t` });
    const r = await createRoute({ channelId: ch.id, kind: 'alert', minSeverity: 'warn', teamId: team.id, roomId: room.id });
    expect(r).toMatchObject({ channelName: '钉钉群', kind: 'alert', minSeverity: 'warn', teamName: '美妆组', roomName: '抖音美妆旗舰' });
    const upd = await owner.patch(`/api/v1/channels/routes/${r.id}`, { roomId: null, minSeverity: null });
    expect(upd.statusCode).toBe(200);
    expect(upd.json()).toMatchObject({ roomId: null, minSeverity: null, teamId: team.id });
    expect(((await owner.get('/api/v1/channels/routes')).json() as { items: RouteView[] }).items).toHaveLength(1);
    expect((await owner.get(`/api/v1/channels/${ch.id}`)).json().routeCount).toBe(1);
    expect((await owner.delete(`/api/v1/channels/routes/${r.id}`)).statusCode).toBe(204);
    expect((await owner.delete(`/api/v1/channels/routes/${r.id}`)).json().error.code).toBe('channel/route-not-found');
    const audit = ((await owner.get(`/api/v1/audit?entityType=channel-route&entityId=${r.id}`)).json() as AuditPage).items;
    expect(audit.map((a) => a.action)).toEqual(['delete', 'update', 'create']);
  });
});

describe('formats at a local receiver', () => {
  it('WeCom: markdown JSON to the key URL', async () => {
    const ch = await createChannel({ name: '企微', kind: 'wecom', url: `${base}/wecom?key=K1` });
    await createRoute({ channelId: ch.id });
    const id = await insertOutbox();
    expect(await runDeliveryCycle(ctx.deps, fast)).toEqual({ routed: 1, tried: 1 });
    expect(received).toHaveLength(1);
    const r = received[0]!;
    expect(r.path).toBe('/wecom');
    expect(r.query.get('key')).toBe('K1');
    expect(r.headers['content-type']).toContain('application/json');
    expect(r.body.msgtype).toBe('markdown');
    expect(r.body.markdown.content).toContain('【严重】告警：负面评论激增');
    expect(r.body.markdown.content).toContain('直播间：抖音美妆旗舰');
    const page = await deliveries(`?outboxId=${id}`);
    expect(page.items[0]).toMatchObject({ status: 'sent', attempts: 1, responseStatus: 200, channelName: '企微', channelKind: 'wecom', lastError: null });
  });

  it('DingTalk: timestamp and sign in the query, verified with the secret', async () => {
    const secret = 'SECdingding123';
    const ch = await createChannel({ name: '钉钉', kind: 'dingtalk', url: `${base}/ding?access_token=T1`, secret, locale: 'en-US' });
    await createRoute({ channelId: ch.id });
    await insertOutbox();
    await runDeliveryCycle(ctx.deps, fast);
    const r = received[0]!;
    expect(r.query.get('access_token')).toBe('T1');
    const timestamp = r.query.get('timestamp')!;
    expect(Math.abs(Number(timestamp) - Date.now())).toBeLessThan(3_600_000);
    // URLSearchParams has already URL-decoded the sign: compare with the plain base64 HMAC.
    expect(r.query.get('sign')).toBe(createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64'));
    expect(r.body).toMatchObject({ msgtype: 'markdown', markdown: { title: expect.stringContaining('[Critical] Alert: Negative surge') } });
  });

  it('Feishu: timestamp and sign in the body, verified with the secret', async () => {
    const secret = 'feishu-secret';
    const ch = await createChannel({ name: '飞书', kind: 'feishu', url: `${base}/feishu/hook/abc`, secret });
    await createRoute({ channelId: ch.id });
    await insertOutbox();
    await runDeliveryCycle(ctx.deps, fast);
    const r = received[0]!;
    expect(r.body.timestamp).toMatch(/^\d{10}$/);
    expect(r.body.sign).toBe(createHmac('sha256', `${r.body.timestamp}\n${secret}`).update('').digest('base64'));
    expect(r.body.msg_type).toBe('interactive');
    expect(r.body.card.header.title.content).toContain('负面评论激增');
  });

  it('generic webhook: documented JSON and an HMAC header over timestamp.body', async () => {
    const secret = 'whsec_local';
    const ch = await createChannel({ name: 'Ops webhook', kind: 'webhook', url: `${base}/hook`, secret, locale: 'en-US' });
    await createRoute({ channelId: ch.id });
    const id = await insertOutbox();
    await runDeliveryCycle(ctx.deps, fast);
    const r = received[0]!;
    const ts = r.headers['x-showrunner-timestamp'] as string;
    expect(r.headers['x-showrunner-signature']).toBe('sha256=' + createHmac('sha256', secret).update(`${ts}.${r.raw}`).digest('hex'));
    expect(r.body).toMatchObject({ event: 'showrunner.notification', version: 1, notice: { outboxId: id, kind: 'alert', severity: 'critical', title: expect.stringMatching(/^Negative surge/), teamId: team.id, teamName: '美妆组', roomId: room.id, locale: 'en-US' } });
    expect(String(r.body.deliveryId)).toBe(r.headers['x-showrunner-delivery']);
  });
});

describe('delivery worker', () => {
  it('retries a 500 and records both attempts', async () => {
    const ch = await createChannel({ name: 'flaky', kind: 'webhook', url: `${base}/flaky` });
    await createRoute({ channelId: ch.id });
    answerNext('/flaky', [500, 'upstream down'], [200, { ok: true }]);
    const id = await insertOutbox();
    await runDeliveryCycle(ctx.deps, fast);
    let d = (await deliveries(`?outboxId=${id}`)).items[0]!;
    expect(d).toMatchObject({ status: 'pending', attempts: 1, responseStatus: 500, lastError: 'HTTP 500: upstream down' });
    await runDeliveryCycle(ctx.deps, fast);
    d = (await deliveries(`?outboxId=${id}`)).items[0]!;
    expect(d).toMatchObject({ status: 'sent', attempts: 2, responseStatus: 200, lastError: null });
    expect(d.attemptLog.map((a) => [a.attempt, a.ok, a.responseStatus])).toEqual([[1, false, 500], [2, true, 200]]);
    expect(received.map((r) => r.path)).toEqual(['/flaky', '/flaky']);
  });

  it('treats the robots\' own error codes as failures and gives up after the last retry', async () => {
    const ch = await createChannel({ name: 'bad key', kind: 'wecom', url: `${base}/wecom-bad?key=x` });
    await createRoute({ channelId: ch.id });
    answerNext('/wecom-bad', [200, { errcode: 93000, errmsg: 'invalid webhook url' }]);
    const id = await insertOutbox();
    for (let i = 0; i < 6; i++) await runDeliveryCycle(ctx.deps, fast);
    const d = (await deliveries(`?outboxId=${id}`)).items[0]!;
    // Three zero delays: four attempts, then failed for good.
    expect(d).toMatchObject({ status: 'failed', attempts: 4, lastError: 'errcode 93000: invalid webhook url' });
    expect(d.attemptLog).toHaveLength(4);
    expect(received).toHaveLength(4);
  });

  it('waits for the backoff delay before retrying (injected clock)', async () => {
    const ch = await createChannel({ name: 'slow', kind: 'webhook', url: `${base}/slow` });
    await createRoute({ channelId: ch.id });
    answerNext('/slow', [503, ''], [200, {}]);
    const id = await insertOutbox();
    let t = Date.now();
    const clock = { delays: [60_000], now: () => new Date(t) };
    await runDeliveryCycle(ctx.deps, clock);
    await runDeliveryCycle(ctx.deps, clock);
    expect(received).toHaveLength(1);
    expect((await deliveries(`?outboxId=${id}`)).items[0]!.nextAttemptAt).toBe(new Date(t + 60_000).toISOString());
    t += 60_000;
    await runDeliveryCycle(ctx.deps, clock);
    expect(received).toHaveLength(2);
    expect((await deliveries(`?outboxId=${id}`)).items[0]!.status).toBe('sent');
  });

  it('routes only matching messages: by kind, minimum severity, team and room; no rule sends nothing', async () => {
    const a = await createChannel({ name: 'A', kind: 'webhook', url: `${base}/a` });
    const b = await createChannel({ name: 'B', kind: 'webhook', url: `${base}/b` });
    const c = await createChannel({ name: 'C (no rules)', kind: 'webhook', url: `${base}/c` });
    const off = await createChannel({ name: 'D (off)', kind: 'webhook', url: `${base}/d`, enabled: false });
    await createRoute({ channelId: a.id, kind: 'alert', minSeverity: 'critical' });
    await createRoute({ channelId: a.id, teamId: team.id }); // overlaps: still one delivery per message
    await createRoute({ channelId: b.id, kind: 'incident', roomId: room.id });
    await createRoute({ channelId: off.id });
    const critical = await insertOutbox();
    const warnOther = await insertOutbox({ severity: 'warn', team_id: otherTeam.id, room_id: null });
    const incident = await insertOutbox({ kind: 'incident', severity: 'info' });
    const incidentOther = await insertOutbox({ kind: 'incident', team_id: otherTeam.id, room_id: null });
    await runDeliveryCycle(ctx.deps, fast);
    const sentTo = async (id: number) => (await deliveries(`?outboxId=${id}`)).items.map((d) => d.channelName).sort();
    expect(await sentTo(critical)).toEqual(['A']);
    expect(await sentTo(warnOther)).toEqual([]);
    expect(await sentTo(incident)).toEqual(['A', 'B']);
    expect(await sentTo(incidentOther)).toEqual([]);
    expect(received.map((r) => r.path).sort()).toEqual(['/a', '/a', '/b']);
    expect((await deliveries(`?channelId=${c.id}`)).items).toEqual([]);
    // Every message is routed once, matched or not.
    const unrouted = await ctx.deps.db.selectFrom('outbox').select('id').where('routed_at', 'is', null).execute();
    expect(unrouted).toEqual([]);
    expect(await routeOutbox(ctx.deps, fast)).toBe(0);
  });

  it('retries a delivery that was in flight when the process died', async () => {
    const ch = await createChannel({ name: 'crash', kind: 'webhook', url: `${base}/crash` });
    await createRoute({ channelId: ch.id });
    const id = await insertOutbox();
    await routeOutbox(ctx.deps, fast);
    // A sender claimed it (attempt 1 started) and the process stopped before the answer was recorded.
    const far = new Date(Date.now() + 3_600_000).toISOString();
    await ctx.deps.db.updateTable('channel_deliveries').set({ status: 'sending', attempts: 1, next_attempt_at: far }).where('outbox_id', '=', id).execute();
    expect(await deliverDue(ctx.deps, fast)).toBe(0); // the claim has not lapsed
    expect(await recoverInFlight(ctx.deps)).toBe(1); // what the app does on start
    expect(await deliverDue(ctx.deps, fast)).toBe(1);
    const d = (await deliveries(`?outboxId=${id}`)).items[0]!;
    expect(d).toMatchObject({ status: 'sent', attempts: 2 });
    expect(received).toHaveLength(1);
  });

  it('the started worker delivers after a nudge', async () => {
    const ch = await createChannel({ name: 'nudged', kind: 'webhook', url: `${base}/nudged` });
    await createRoute({ channelId: ch.id });
    const worker = startDeliveryWorker(ctx.deps, { ...fast, intervalMs: 3_600_000 });
    try {
      const id = await insertOutbox();
      nudgeOutbox(ctx.deps);
      await expect.poll(async () => (await deliveries(`?outboxId=${id}`)).items[0]?.status, { timeout: 10_000 }).toBe('sent');
    } finally {
      await worker.stop();
    }
    nudgeOutbox(ctx.deps); // no worker: nothing happens
  });

  it('an incident opened by hand reaches the channel at once, not at the next tick of the timer', async () => {
    const ch = await createChannel({ name: 'incidents now', kind: 'webhook', url: `${base}/incidents-now` });
    await createRoute({ channelId: ch.id, kind: 'incident' });
    const worker = startDeliveryWorker(ctx.deps, { ...fast, intervalMs: 3_600_000 });
    try {
      const res = await owner.post('/api/v1/incidents', { title: '推流中断', severity: 'SEV2', teamId: team.id });
      expect(res.statusCode, res.body).toBe(201);
      const incidentId = (res.json() as { id: string }).id;
      await expect.poll(() => received.filter((r) => r.path === '/incidents-now').length, { timeout: 10_000 }).toBe(1);
      const row = await ctx.deps.db.selectFrom('outbox').select('id').where('ref_id', '=', incidentId).executeTakeFirstOrThrow();
      expect((await deliveries(`?outboxId=${row.id}`)).items[0]).toMatchObject({ status: 'sent' });
    } finally {
      await worker.stop();
    }
  });

  it('test send: one attempt, result returned and logged; keyset paging of the log', async () => {
    const ok = await createChannel({ name: 'test ok', kind: 'feishu', url: `${base}/feishu-test`, secret: 's' });
    const res = await owner.post(`/api/v1/channels/${ok.id}/test`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, responseStatus: 200, error: null });
    expect(received[0]!.body.card.header.title.content).toContain('测试消息');

    const bad = await createChannel({ name: 'test bad', kind: 'feishu', url: `${base}/feishu-bad` });
    answerNext('/feishu-bad', [200, { code: 19021, msg: 'sign match fail' }]);
    const failed = (await owner.post(`/api/v1/channels/${bad.id}/test`)).json() as TestSendResult;
    expect(failed).toMatchObject({ ok: false, responseStatus: 200, error: 'code 19021: sign match fail' });
    const logged = (await deliveries(`?channelId=${bad.id}`)).items[0]!;
    expect(logged).toMatchObject({ id: failed.deliveryId, outboxId: null, status: 'failed', attempts: 1 });

    const first = await deliveries('?limit=1');
    expect(first.items).toHaveLength(1);
    expect(first.nextBefore).toBe(first.items[0]!.id);
    const second = await deliveries(`?limit=1&before=${first.nextBefore}`);
    expect(second.items[0]!.id).toBeLessThan(first.items[0]!.id);
    expect((await deliveries('?status=failed')).items.every((d) => d.status === 'failed')).toBe(true);
    expect((await owner.get('/api/v1/channels/deliveries?status=lost')).statusCode).toBe(400);
  });
});
