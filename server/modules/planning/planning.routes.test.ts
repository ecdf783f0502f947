import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestContext, inviteAndJoin, setupOwner, type TestContext } from '../../test/harness';

let ctx: TestContext;
let owner: Client;
let teamId: string;
let roomId: string;
let room2Id: string;
const people: Record<string, string> = {};
let productId: string;

async function person(name: string, positionCode: string) {
  const positions = (await owner.get('/api/v1/positions')).json().items as { id: string; code: string }[];
  const res = await owner.post('/api/v1/people', { displayName: name, positionId: positions.find((p) => p.code === positionCode)!.id, teamIds: [teamId] });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

// These tests are about planning rules; content review's scheduling gate is covered in content.routes.test.ts.
beforeAll(async () => {
  ctx = await createTestContext();
  owner = await setupOwner(ctx.app, 'en-US');
  teamId = (await owner.post('/api/v1/teams', { name: '美妆组' })).json().id;
  roomId = (await owner.post('/api/v1/rooms', { teamId, platform: 'douyin', accountId: 'dy1', displayName: '美妆一号间', requireApprovedContent: false })).json().id;
  room2Id = (await owner.post('/api/v1/rooms', { teamId, platform: 'taobao', accountId: 'tb1', displayName: '淘宝间', requiredRoles: ['host'], requireApprovedContent: false })).json().id;
  people.amy = await person('李佳', 'host');
  people.bo = await person('王博', 'field_control');
  people.cy = await person('陈瑶', 'console');
  productId = (await owner.post('/api/v1/products', { sku: 'LQ-001', name: '澜栖精华液', category: 'beauty', listPriceFen: 29900, livePriceFen: 19900, stock: 500 })).json().id;
});
afterAll(() => ctx.close());

const crew = () => [
  { personId: people.amy, role: 'host' },
  { personId: people.bo, role: 'field_control' },
  { personId: people.cy, role: 'console' },
];

describe('sessions', () => {
  let id: string;

  it('creates a draft, refuses end before start and zero length', async () => {
    const bad = await owner.post('/api/v1/sessions', { roomId, title: 'x', plannedStart: '2026-12-01T19:00:00+08:00', plannedEnd: '2026-12-01T19:00:00+08:00' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('session/invalid-times');
    const res = await owner.post('/api/v1/sessions', { roomId, title: '周二晚场', plannedStart: '2026-12-01T19:00:00+08:00', plannedEnd: '2026-12-01T23:00:00+08:00', goals: { gmvFen: 50_000_00 } });
    expect(res.statusCode).toBe(201);
    id = res.json().id;
    expect(res.json()).toMatchObject({ status: 'draft', plannedStart: '2026-12-01T11:00:00.000Z', plannedEnd: '2026-12-01T15:00:00.000Z', timeZone: 'Asia/Shanghai', goals: { gmvFen: 5_000_000, viewers: null } });
  });

  it('refuses to schedule while required roles are empty, naming them', async () => {
    const res = await owner.post(`/api/v1/sessions/${id}/status`, { status: 'scheduled' });
    expect(res.statusCode).toBe(409);
    const v = res.json().error.details.violations;
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ code: 'missing-roles', roles: ['host', 'field_control', 'console'] });
    expect(v[0].message).toBe('Roles this room requires are not yet filled: host, field control, console.');
  });

  it('assigns a crew and schedules', async () => {
    expect((await owner.put(`/api/v1/sessions/${id}/crew`, { crew: crew() })).statusCode).toBe(200);
    const res = await owner.post(`/api/v1/sessions/${id}/status`, { status: 'scheduled' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('scheduled');
  });

  it('explains a person in two overlapping sessions, and lets a manager override with a reason', async () => {
    const other = (await owner.post('/api/v1/sessions', { roomId: room2Id, title: '淘宝加场', plannedStart: '2026-12-01T22:00:00+08:00', plannedEnd: '2026-12-02T00:30:00+08:00' })).json().id;
    const clash = await new Client(ctx.app, 'zh-CN');
    clash.cookie = owner.cookie;
    clash.csrf = owner.csrf;
    const res = await clash.put(`/api/v1/sessions/${other}/crew`, { crew: [{ personId: people.amy, role: 'host' }] });
    expect(res.statusCode).toBe(409);
    const msgs = res.json().error.details.violations.map((v: { code: string; message: string }) => v.code);
    expect(msgs).toContain('person-overlap');
    // the other session is named with its start in its room's time (19:00 Shanghai), not UTC
    expect(res.json().error.details.violations.find((v: { code: string }) => v.code === 'person-overlap').message).toBe('李佳 同时被排在「周二晚场」（2026-12-01 19:00），时间重叠。');
    const member = await inviteAndJoin(owner, 'viewer1@example.com', 'member', [teamId]);
    expect((await member.put(`/api/v1/sessions/${other}/crew`, { crew: [{ personId: people.amy, role: 'host' }], override: { reason: 'need her' } })).statusCode).toBe(403);
    const ok = await owner.put(`/api/v1/sessions/${other}/crew`, { crew: [{ personId: people.amy, role: 'host' }], override: { reason: '临时替班，已和主播确认' } });
    expect(ok.statusCode).toBe(200);
    const audit = (await owner.get('/api/v1/audit?action=override')).json().items;
    expect(audit[0].summary).toContain('临时替班');
    // move the other show away again so later tests start clean
    expect((await owner.patch(`/api/v1/sessions/${other}`, { plannedStart: '2026-12-03T10:00:00+08:00', plannedEnd: '2026-12-03T12:00:00+08:00' })).statusCode).toBe(200);
  });

  it('blocks a room double-booking when moving a session', async () => {
    const s = (await owner.post('/api/v1/sessions', { roomId, title: '早场', plannedStart: '2026-12-01T09:00:00+08:00', plannedEnd: '2026-12-01T11:00:00+08:00' })).json();
    const moved = await owner.patch(`/api/v1/sessions/${s.id}`, { plannedStart: '2026-12-01T20:00:00+08:00', plannedEnd: '2026-12-01T21:00:00+08:00' });
    expect(moved.statusCode).toBe(409);
    expect(moved.json().error.details.violations[0].code).toBe('room-overlap');
    const after = (await owner.get(`/api/v1/sessions/${s.id}`)).json();
    expect(after.plannedStart).toBe('2026-12-01T01:00:00.000Z');
  });

  it('enforces the host on-air limits from the position defaults', async () => {
    // Host limits: 4 h continuous, 1 h rest. 23:00–01:00 right after the 19:00–23:00 show: 6 h in a row.
    const late = (await owner.post('/api/v1/sessions', { roomId: room2Id, title: '深夜场', plannedStart: '2026-12-01T23:00:00+08:00', plannedEnd: '2026-12-02T01:00:00+08:00' })).json();
    const res = await owner.put(`/api/v1/sessions/${late.id}/crew`, { crew: [{ personId: people.amy, role: 'host' }] });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.violations.map((v: { code: string }) => v.code)).toContain('continuous-on-air');
    // as console (off air) she may work then
    expect((await owner.put(`/api/v1/sessions/${late.id}/crew`, { crew: [{ personId: people.amy, role: 'console' }, { personId: people.bo, role: 'host' }] })).statusCode).toBe(200);
  });

  it('checks the run of show against the session length and keeps its order', async () => {
    const tooLong = await owner.put(`/api/v1/sessions/${id}/slots`, { slots: [{ productId, plannedMinutes: 250, slotType: 'hero' }] });
    expect(tooLong.statusCode).toBe(409);
    expect(tooLong.json().error.details.violations[0].code).toBe('run-of-show-over');
    const ok = await owner.put(`/api/v1/sessions/${id}/slots`, {
      slots: [
        { productId, plannedMinutes: 30, slotType: 'traffic', talkingPoints: '开场福利', mechanics: [{ kind: 'lucky_bag', description: '福袋 3 个' }] },
        { productId, plannedMinutes: 60, slotType: 'hero' },
      ],
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().slots.map((s: { slotType: string; position: number }) => [s.position, s.slotType])).toEqual([[1, 'traffic'], [2, 'hero']]);
    expect(ok.json().plannedSlotMinutes).toBe(90);
    const overridden = await owner.put(`/api/v1/sessions/${id}/slots`, { slots: [{ productId, plannedMinutes: 250, slotType: 'hero' }], override: { reason: '返场加时，已确认' } });
    expect(overridden.statusCode).toBe(200);
    expect(overridden.json().violations.map((v: { code: string }) => v.code)).toEqual(['run-of-show-over']);
    const unknown = await owner.put(`/api/v1/sessions/${id}/slots`, { slots: [{ productId: 'nope', plannedMinutes: 5, slotType: 'hero' }] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('session/unknown-product');
  });

  it('instantiates a checklist and ticks items by a named person', async () => {
    const templates = (await owner.get('/api/v1/checklist-templates')).json().items;
    expect(templates[0].items.length).toBeGreaterThanOrEqual(6);
    const applied = await owner.post(`/api/v1/sessions/${id}/checklists`, { templateId: templates[0].id });
    expect(applied.statusCode).toBe(201);
    const items = applied.json().items;
    const compliance = items.find((i: { category: string }) => i.category === 'compliance');
    expect(compliance.dueAt).toBe('2026-11-30T11:00:00.000Z'); // a day before 19:00 Shanghai
    const ticked = await owner.post(`/api/v1/checklist-items/${compliance.id}/tick`, { personId: people.bo });
    expect(ticked.json()).toMatchObject({ doneByPersonId: people.bo, doneByName: '王博', isOverdue: false });
    expect(ticked.json().doneAt).toEqual(expect.any(String));
  });

  it('cancels only with a reason and follows the status flow', async () => {
    expect((await owner.post(`/api/v1/sessions/${id}/status`, { status: 'reviewed' })).json().error.code).toBe('session/bad-transition');
    expect((await owner.post(`/api/v1/sessions/${id}/status`, { status: 'cancelled' })).json().error.code).toBe('session/cancel-reason');
    const c = await owner.post(`/api/v1/sessions/${id}/status`, { status: 'cancelled', reason: '主播生病' });
    expect(c.json()).toMatchObject({ status: 'cancelled', cancelReason: '主播生病' });
    expect((await owner.patch(`/api/v1/sessions/${id}`, { plannedStart: '2026-12-05T19:00:00+08:00' })).json().error.code).toBe('session/locked');
  });
});

describe('recurring sessions', () => {
  it('generates weekday evening shows across midnight in the room time zone', async () => {
    const res = await owner.post('/api/v1/sessions/recurring', { roomId, title: '工作日晚场', fromDate: '2026-12-07', toDate: '2026-12-13', weekdays: [1, 2, 3, 4, 5], startTime: '22:00', endTime: '01:00' });
    expect(res.statusCode).toBe(201);
    const items = res.json().items;
    expect(items).toHaveLength(5);
    expect(items[0]).toMatchObject({ plannedStart: '2026-12-07T14:00:00.000Z', plannedEnd: '2026-12-07T17:00:00.000Z', status: 'draft' });
    expect(new Set(items.map((s: { seriesId: string }) => s.seriesId)).size).toBe(1);
    // each occurrence is its own session
    const one = await owner.patch(`/api/v1/sessions/${items[2].id}`, { title: '周三特别场' });
    expect(one.json().title).toBe('周三特别场');
    expect((await owner.get(`/api/v1/sessions/${items[3].id}`)).json().title).toBe('工作日晚场');
  });

  it('creates nothing when one occurrence clashes', async () => {
    const before = (await owner.get(`/api/v1/sessions?roomId=${roomId}`)).json().items.length;
    const res = await owner.post('/api/v1/sessions/recurring', { roomId, title: '冲突', fromDate: '2026-12-07', toDate: '2026-12-09', weekdays: [1, 2, 3], startTime: '23:00', endTime: '23:30' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.violations[0]).toMatchObject({ code: 'room-overlap', period: '2026-12-07' });
    expect((await owner.get(`/api/v1/sessions?roomId=${roomId}`)).json().items.length).toBe(before);
  });
});

describe('people views', () => {
  it('computes weekly workload against capacity', async () => {
    const res = await owner.get('/api/v1/workload?weekStart=2026-11-30');
    expect(res.statusCode).toBe(200);
    const amy = res.json().rows.find((r: { personId: string }) => r.personId === people.amy);
    // 李佳: console 23:00–01:00 (2 h) and host of 淘宝加场 on 3 December (2 h); the cancelled show does not count
    expect(amy).toMatchObject({ plannedHours: 4, onAirHours: 2, sessions: 2, capacityHours: 40, isOverloaded: false });
  });

  it('previews a plan at the scheduled stage on request', async () => {
    const draft = { roomId, plannedStart: '2026-12-20T19:00:00+08:00', plannedEnd: '2026-12-20T21:00:00+08:00' };
    const asDraft = (await owner.post('/api/v1/sessions/validate', draft)).json().violations;
    expect(asDraft.map((v: { code: string; severity: string }) => `${v.code}:${v.severity}`)).toEqual(['missing-roles:warn']);
    const asScheduled = (await owner.post('/api/v1/sessions/validate', { ...draft, stage: 'scheduled' })).json().violations;
    expect(asScheduled.map((v: { code: string; severity: string }) => `${v.code}:${v.severity}`)).toEqual(['missing-roles:block']);
  });

  it('lets a member make their own calendar feed link but not anyone else\'s', async () => {
    const member = await inviteAndJoin(owner, 'host-self@example.com', 'member', [teamId]);
    await owner.patch(`/api/v1/people/${people.cy}`, { userId: member.me!.user.id });
    expect((await member.post(`/api/v1/people/${people.cy}/calendar-feed`)).statusCode).toBe(201);
    expect((await member.post(`/api/v1/people/${people.bo}/calendar-feed`)).statusCode).toBe(403);
  });

  it('serves an iCal feed behind a secret link', async () => {
    const feed = await owner.post(`/api/v1/people/${people.amy}/calendar-feed`);
    expect(feed.statusCode).toBe(201);
    const ics = await new Client(ctx.app).get(feed.json().path);
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('BEGIN:VCALENDAR');
    expect(ics.body).toMatch(/DTSTART:20261201T150000Z/);
    const rotated = await owner.post(`/api/v1/people/${people.amy}/calendar-feed`);
    expect((await new Client(ctx.app).get(feed.json().path)).statusCode).toBe(404);
    expect((await new Client(ctx.app).get(rotated.json().path)).statusCode).toBe(200);
  });
});
