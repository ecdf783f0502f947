import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { FindingsPage, FindingsReport, NotificationList } from '../../../contracts/findings';
import type { LiveComment, LiveDelta, LiveSnapshot } from '../../../contracts/live';
import { Client, createTestContext, inviteAndJoin, setupOwner, type TestContext } from '../../test/harness';

let ctx: TestContext;
let owner: Client;
let fieldControl: Client;
let manager: Client;
let otherManager: Client;
let member: Client;
let roomId: string;
let token: string;
let sessionId: string;
let hostId: string;
let base: string;

const at = (s: number) => new Date(Date.parse('2026-12-01T11:05:00.000Z') + s * 1000).toISOString();
const post = (items: unknown[]) =>
  ctx.app.inject({ method: 'POST', url: `/api/v1/ingest/events/${roomId}`, payload: JSON.stringify(items), headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } });
const comment = (id: string, s: number, text: string, user = '小雨') => ({ kind: 'comment', id, at: at(s), text, user: { id: `u-${user}`, name: user } });
const speech = (id: string, s: number, text: string) => ({ kind: 'transcript', id, at: at(s), text });

beforeAll(async () => {
  ctx = await createTestContext();
  owner = await setupOwner(ctx.app);
  const teamId = (await owner.post('/api/v1/teams', { name: '美妆组' })).json().id;
  const otherTeamId = (await owner.post('/api/v1/teams', { name: '食品组' })).json().id;
  fieldControl = await inviteAndJoin(owner, 'field@example.com', 'member', [teamId]);
  manager = await inviteAndJoin(owner, 'ops@example.com', 'manager', [teamId]);
  otherManager = await inviteAndJoin(owner, 'food-ops@example.com', 'manager', [otherTeamId]);
  member = await inviteAndJoin(owner, 'cs@example.com', 'member', [teamId]);
  roomId = (await owner.post('/api/v1/rooms', { teamId, platform: 'other', accountId: 'scan-live', displayName: '美妆一号间' })).json().id;
  token = (await owner.post('/api/v1/tokens', { name: 'bridge', roomId, scopes: ['ingest'] })).json().token;
  hostId = (await owner.post('/api/v1/people', { displayName: '主播小林', teamIds: [teamId] })).json().id;
  const fieldPerson = (await owner.post('/api/v1/people', { displayName: '场控阿杰', teamIds: [teamId], userId: fieldControl.me!.user.id })).json().id;
  sessionId = (await owner.post('/api/v1/sessions', { roomId, title: '周二晚场', plannedStart: '2026-12-01T19:00:00+08:00', plannedEnd: '2026-12-01T23:00:00+08:00' })).json().id;
  const crew = await owner.put(`/api/v1/sessions/${sessionId}/crew`, { crew: [{ personId: hostId, role: 'host' }, { personId: fieldPerson, role: 'field_control' }] });
  expect(crew.statusCode).toBe(200);
  base = (await ctx.app.listen({ port: 0, host: '127.0.0.1' })).replace(/^http/, 'ws');
});
afterAll(() => ctx.close());

async function storedFindings() {
  return ctx.deps.db.selectFrom('compliance_findings').selectAll().where('session_id', '=', sessionId).orderBy('event_id').orderBy('span_start').execute();
}

describe('live scanning of comments and host speech', () => {
  it('stores each finding with its event, offsets into the original text, and the session host', async () => {
    const res = await post([
      comment('c1', 1, '主播好，加我薇 信 abc12345 私聊'),
      comment('c2', 2, '这个最好看了！'), // a viewer's opinion: the Advertising Law binds the seller
      speech('t1', 3, '姐妹们这是全网最低价'),
      comment('c3', 4, '多少钱'),
    ]);
    expect(res.statusCode).toBe(200);
    const rows = await storedFindings();
    const events = await ctx.deps.db.selectFrom('live_events').select(['id', 'platform_msg_id', 'text']).where('session_id', '=', sessionId).execute();
    const byMsg = new Map(events.map((e) => [e.platform_msg_id, e]));
    const c1 = rows.filter((r) => Number(r.event_id) === Number(byMsg.get('c1')!.id));
    expect(c1.map((r) => r.rule)).toContain('live.diversion.keyword');
    const kw = c1.find((r) => r.rule === 'live.diversion.keyword')!;
    expect(byMsg.get('c1')!.text!.slice(kw.span_start, kw.span_end)).toBe('加我薇 信');
    expect(kw).toMatchObject({ source: 'comment', term: '加我微信', severity: 'block', host_person_id: hostId, room_id: roomId });
    expect(JSON.parse(kw.evasion)).toEqual(expect.arrayContaining(['noise', 'lookalike']));
    expect(rows.some((r) => Number(r.event_id) === Number(byMsg.get('c2')!.id))).toBe(false);
    expect(rows.some((r) => Number(r.event_id) === Number(byMsg.get('c3')!.id))).toBe(false);
    const t1 = rows.filter((r) => Number(r.event_id) === Number(byMsg.get('t1')!.id));
    expect(t1.map((r) => [r.source, r.rule, r.term])).toEqual(expect.arrayContaining([['transcript', 'ad-law.9.absolute', '全网最低']]));
  });

  it('a re-delivered message is not scanned twice', async () => {
    const before = (await storedFindings()).length;
    expect((await post([comment('c1', 1, '主播好，加我薇 信 abc12345 私聊')])).json()).toMatchObject({ accepted: 0, duplicates: 1 });
    expect((await storedFindings()).length).toBe(before);
  });

  it("a block finding in the host's speech notifies the session's field control and the team's managers, nobody else", async () => {
    const field = (await fieldControl.get('/api/v1/notifications')).json() as NotificationList;
    expect(field.unread).toBe(1);
    expect(field.items[0]).toMatchObject({ kind: 'compliance.block_speech', severity: 'block', body: '姐妹们这是全网最低价', link: `/sessions/${sessionId}/live`, read: false });
    expect(field.items[0]!.title).toContain('全网最低');
    expect(((await manager.get('/api/v1/notifications')).json() as NotificationList).unread).toBe(1);
    expect(((await owner.get('/api/v1/notifications')).json() as NotificationList).unread).toBe(1);
    expect(((await otherManager.get('/api/v1/notifications')).json() as NotificationList).unread).toBe(0);
    expect(((await member.get('/api/v1/notifications')).json() as NotificationList).unread).toBe(0);
    // a viewer's diversion comment is a finding, not an interruption
    await post([comment('c4', 5, '加V：abc99999')]);
    expect(((await fieldControl.get('/api/v1/notifications')).json() as NotificationList).unread).toBe(1);
    // Chinese titles for a Chinese reader
    const zh = await fieldControl.request('GET', '/api/v1/notifications', undefined, { 'accept-language': 'zh-CN' });
    expect(zh.json().items[0].title).toBe('主播口播违规：全网最低');
  });

  it('notifications are read one by one or all at once, only by their owner', async () => {
    const id = ((await fieldControl.get('/api/v1/notifications')).json() as NotificationList).items[0]!.id;
    expect((await member.post(`/api/v1/notifications/${id}/read`, {})).statusCode).toBe(404);
    expect((await fieldControl.post(`/api/v1/notifications/${id}/read`, {})).statusCode).toBe(204);
    expect(((await fieldControl.get('/api/v1/notifications')).json() as NotificationList).unread).toBe(0);
    expect((await manager.post('/api/v1/notifications/read-all', {})).statusCode).toBe(204);
    expect(((await manager.get('/api/v1/notifications')).json() as NotificationList).unread).toBe(0);
    expect(((await owner.get('/api/v1/notifications')).json() as NotificationList).unread).toBe(1);
  });

  it('the live monitor gets each line with its findings, and the flagged lines apart', async () => {
    const socket = new WebSocket(`${base}/api/v1/sessions/${sessionId}/live`, { headers: { cookie: `sr_session=${owner.cookie}` } });
    const messages: (LiveSnapshot | LiveDelta)[] = [];
    socket.on('message', (data) => messages.push(JSON.parse(String(data))));
    const waitFor = async <T,>(pred: (m: LiveSnapshot | LiveDelta) => boolean): Promise<T> => {
      for (let i = 0; i < 100; i++) {
        const hit = messages.find(pred);
        if (hit) return hit as T;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('no such message');
    };
    const snapshot = await waitFor<LiveSnapshot>((m) => m.type === 'snapshot');
    expect(snapshot.comments.map((c) => c.kind)).toEqual(expect.arrayContaining(['comment', 'transcript']));
    const line = snapshot.comments.find((c) => c.text.startsWith('主播好'))!;
    expect(line.findings.find((f) => f.rule === 'live.diversion.keyword')).toMatchObject({ term: '加我微信', severity: 'block', start: 4, end: 9 });
    expect(snapshot.flagged.map((c) => c.text)).toEqual(['主播好，加我薇 信 abc12345 私聊', '姐妹们这是全网最低价', '加V：abc99999']);

    await post([speech('t2', 10, '这款面霜能治疗痘痘，保证有效'), comment('c5', 11, '已拍')]);
    const delta = await waitFor<LiveDelta>((m) => m.type === 'delta' && m.comments.some((c) => c.text.includes('面霜')));
    const hot = delta.comments.find((c) => c.text.includes('面霜')) as LiveComment;
    expect(hot.kind).toBe('transcript');
    expect(hot.findings.length).toBeGreaterThan(0);
    expect(delta.flagged.map((c) => c.id)).toEqual([hot.id]);
    expect(delta.comments.find((c) => c.text === '已拍')?.findings).toEqual([]);
    socket.close();
  });
});

describe('rule changes reach live scanning without a restart', () => {
  it('a term added to a rule is found in the next batch; disabling the rule stops it', async () => {
    const packs = (await owner.get('/api/v1/compliance/packs')).json().items as { id: string; key: string }[];
    const conduct = (await owner.get(`/api/v1/compliance/packs/${packs.find((p) => p.key === 'host.conduct')!.id}`)).json() as { rules: { id: string; key: string }[] };
    const abuse = conduct.rules.find((r) => r.key === 'host.24.abuse')!;
    const text = '这个主播是个大冤种';
    await post([comment('h1', 20, text)]);
    const eventsOf = async (msg: string) => (await ctx.deps.db.selectFrom('live_events').select('id').where('platform_msg_id', '=', msg).executeTakeFirstOrThrow()).id;
    const findingsOf = async (msg: string) => {
      const id = Number(await eventsOf(msg));
      return (await storedFindings()).filter((r) => Number(r.event_id) === id);
    };
    expect(await findingsOf('h1')).toEqual([]);

    expect((await owner.post(`/api/v1/compliance/rules/${abuse.id}/terms`, { items: ['冤种'] })).json()).toMatchObject({ added: 1 });
    await post([comment('h2', 21, text)]);
    expect((await findingsOf('h2')).map((r) => [r.rule, r.term, r.span_start, r.span_end])).toEqual([['host.24.abuse', '冤种', 7, 9]]);

    expect((await owner.patch(`/api/v1/compliance/rules/${abuse.id}`, { enabled: false })).statusCode).toBe(200);
    await post([comment('h3', 22, text)]);
    expect(await findingsOf('h3')).toEqual([]);
    expect((await owner.patch(`/api/v1/compliance/rules/${abuse.id}`, { enabled: true })).statusCode).toBe(200);
  });
});

describe('the findings report', () => {
  const period = 'from=2026-11-30T00:00:00.000Z&to=2026-12-03T00:00:00.000Z';
  it('groups findings by host, rule, category and session with severity and source tallies', async () => {
    const all = await storedFindings();
    const byHost = (await owner.get(`/api/v1/compliance/findings/report?${period}&groupBy=host&timeZone=Asia/Shanghai`)).json() as FindingsReport;
    expect(byHost.totals.total).toBe(all.length);
    expect(byHost.rows).toHaveLength(1);
    expect(byHost.rows[0]).toMatchObject({ key: hostId, label: '主播小林', total: all.length, transcript: all.filter((r) => r.source === 'transcript').length });
    expect(byHost.totals.block).toBe(all.filter((r) => r.severity === 'block').length);
    expect(byHost.days.find((d) => d.day === '2026-12-01')!.block).toBe(byHost.totals.block);
    expect(byHost.days.map((d) => d.day)).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03']);

    const byRule = (await owner.get(`/api/v1/compliance/findings/report?${period}&groupBy=rule`)).json() as FindingsReport;
    for (const row of byRule.rows) expect(row.total).toBe(all.filter((r) => r.rule === row.key).length);
    expect(byRule.rows.find((r) => r.key === 'live.diversion.keyword')!.topTerms[0]!.term).toBe('加我微信');
    const byCategory = (await owner.get(`/api/v1/compliance/findings/report?${period}&groupBy=category&source=comment`)).json() as FindingsReport;
    expect(byCategory.totals.total).toBe(all.filter((r) => r.source === 'comment').length);
    const bySession = (await owner.get(`/api/v1/compliance/findings/report?${period}&groupBy=session&severity=block`)).json() as FindingsReport;
    expect(bySession.rows).toEqual([expect.objectContaining({ key: sessionId, label: '周二晚场', total: all.filter((r) => r.severity === 'block').length })]);
  });

  it('lists the findings with their lines, newest first, in pages', async () => {
    const all = await storedFindings();
    const first = (await owner.get(`/api/v1/compliance/findings?${period}&limit=2`)).json() as FindingsPage;
    expect(first.items).toHaveLength(2);
    expect(first.items[0]!.text.slice(first.items[0]!.start, first.items[0]!.end)).toBeTruthy();
    const rest = (await owner.get(`/api/v1/compliance/findings?${period}&limit=200&before=${first.next}`)).json() as FindingsPage;
    expect(first.items.length + rest.items.length).toBe(all.length);
    expect(rest.next).toBeNull();
    const host = (await owner.get(`/api/v1/compliance/findings?${period}&hostPersonId=${hostId}&source=transcript`)).json() as FindingsPage;
    expect(host.items.every((f) => f.source === 'transcript' && f.hostName === '主播小林' && f.sessionTitle === '周二晚场')).toBe(true);
  });

  it("other teams' managers see none of it; a bad period is a 400 with a field message", async () => {
    const report = (await otherManager.get(`/api/v1/compliance/findings/report?${period}`)).json() as FindingsReport;
    expect(report.totals.total).toBe(0);
    expect(((await otherManager.get(`/api/v1/compliance/findings?${period}`)).json() as FindingsPage).items).toEqual([]);
    const bad = await owner.get('/api/v1/compliance/findings/report?from=2026-12-03T00:00:00.000Z&to=2026-12-01T00:00:00.000Z');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('from');
    const badZh = await owner.request('GET', '/api/v1/compliance/findings/report?groupBy=nobody', undefined, { 'accept-language': 'zh-CN' });
    expect(badZh.statusCode).toBe(400);
    expect(badZh.json().error.fields[0].path).toBe('querystring.groupBy');
  });
});
