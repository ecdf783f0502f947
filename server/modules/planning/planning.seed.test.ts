import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductView, SessionDetailView, SessionRole, SessionView, Violation } from '../../../contracts/planning';
import type { PersonView } from '../../../contracts/people';
import type { RoomView } from '../../../contracts/team';
import { stableId } from '../../platform/ids';
import { Client, createTestContext, type TestContext } from '../../test/harness';
import { generateDemoCompany } from '../setup/demo.data';
import { defaultChecklistTemplates, defaultWorkRules } from './planning.defaults';
import { checkPlan, type Commitment } from './planning.rules';
import { buildDemoPlanning, DEMO_SHOW_PATTERNS, seedDemoPlanning } from './planning.seed';

const DAY = 86_400_000;
const company = generateDemoCompany();

let ctx: TestContext;
let owner: Client;
let loadedAt: number;
let rooms: RoomView[];
let people: PersonView[];
let sessions: SessionView[];

beforeAll(async () => {
  ctx = await createTestContext();
  owner = new Client(ctx.app);
  loadedAt = Date.now();
  const res = await owner.post('/api/v1/setup/demo');
  expect(res.statusCode).toBe(201);
  rooms = (await owner.get('/api/v1/rooms')).json().items;
  people = (await owner.get('/api/v1/people')).json().items;
  sessions = (await owner.get('/api/v1/sessions?limit=2000')).json().items;
});
afterAll(() => ctx.close());

const minutesOf = (s: { plannedStart: string; plannedEnd: string }) => (Date.parse(s.plannedEnd) - Date.parse(s.plannedStart)) / 60_000;
const localDate = (s: SessionView) => DateTime.fromISO(s.plannedStart, { zone: s.timeZone }).toISODate()!;
const blocking = (v: Violation[]) => v.filter((x) => x.severity === 'block').map((x) => `${x.code}: ${x.message}`);

describe('demo planning', () => {
  it('gives every room sessions from 90 days back to 14 days ahead, on its own days', () => {
    expect(sessions.length).toBeGreaterThan(400);
    for (const room of company.rooms) {
      const pattern = DEMO_SHOW_PATTERNS[company.rooms.filter((r) => r.teamKey === room.teamKey).indexOf(room)]!;
      const today = DateTime.fromMillis(loadedAt, { zone: room.timeZone }).startOf('day');
      const days: string[] = [];
      for (let d = today.minus({ days: 90 }); d <= today.plus({ days: 14 }); d = d.plus({ days: 1 })) if (pattern.weekdays.includes(d.weekday)) days.push(d.toISODate()!);
      const mine = sessions.filter((s) => s.roomId === stableId('room', room.key));
      const live = mine.filter((s) => s.status !== 'cancelled');
      expect(mine.length, room.key).toBeLessThanOrEqual(days.length);
      expect(live.length, room.key).toBeGreaterThanOrEqual(Math.floor(days.length * 0.9));
      const dates = mine.map(localDate).sort();
      expect(dates[0], room.key).toBe(days[0]);
      expect(dates[dates.length - 1], room.key).toBe(days[days.length - 1]);
      expect(new Set(dates).size, 'one session a day per room').toBe(dates.length);
    }
  });

  it('gives each session a status that fits its time, and cancelled ones a reason', () => {
    for (const s of sessions) {
      const start = Date.parse(s.plannedStart);
      const end = Date.parse(s.plannedEnd);
      // Upcoming shows are scheduled through the room's local date a week ahead, drafts after it.
      const lastScheduledDate = DateTime.fromMillis(loadedAt, { zone: s.timeZone }).plus({ days: 7 }).toISODate()!;
      if (end <= loadedAt) expect(['reviewed', 'ended', 'cancelled'], s.title).toContain(s.status);
      else if (start > loadedAt + 60_000) expect(s.status, s.title).toBe(localDate(s) <= lastScheduledDate ? 'scheduled' : 'draft');
      if (s.status === 'reviewed') expect(end).toBeLessThan(loadedAt - 2 * DAY + 60_000);
      if (s.status === 'cancelled') expect(['主播临时请假', '设备故障', '平台活动调整']).toContain(s.cancelReason);
      else expect(s.cancelReason).toBeNull();
      expect(s.title).toMatch(/^(美妆|食品|服饰)(晚场|午场)·\d{1,2}月\d{1,2}日$/);
      expect(s.goals.gmvFen).toBeGreaterThan(10_000_00);
      expect(s.goals.viewers).toBeGreaterThan(1000);
      expect(s.goals.orders).toBeGreaterThan(50);
    }
    const cancelled = sessions.filter((s) => s.status === 'cancelled').length;
    expect(cancelled).toBeGreaterThan(0);
    expect(cancelled / sessions.length).toBeLessThan(0.07);
  });

  it("staffs every non-draft session's required roles from the team's own active people, one show a day per host", () => {
    const personById = new Map(people.map((p) => [p.id, p]));
    const hostDays = new Set<string>();
    for (const s of sessions) {
      const room = rooms.find((r) => r.id === s.roomId)!;
      for (const c of s.crew) {
        const person = personById.get(c.personId)!;
        expect(person.status, `${s.title} ${c.role}`).toBe('active');
        expect(person.teamIds).toEqual([s.teamId]);
      }
      if (s.status === 'draft' || s.status === 'cancelled') continue;
      const roles = new Set<SessionRole>(s.crew.map((c) => c.role));
      for (const r of room.requiredRoles) expect(roles.has(r), `${s.title} ${r}`).toBe(true);
      for (const c of s.crew.filter((x) => x.role === 'host')) {
        const key = `${c.personId}:${localDate(s)}`;
        expect(hostDays.has(key), `${c.displayName} hosts twice on ${localDate(s)}`).toBe(false);
        hostDays.add(key);
      }
    }
    // co-hosts join the main rooms at weekends
    expect(sessions.some((s) => s.crew.some((c) => c.role === 'co_host'))).toBe(true);
  });

  it('plans upcoming sessions that obey their own rules: no blocking violation, run of show within the session, checklists', async () => {
    const upcoming = sessions.filter((s) => s.status === 'scheduled' || s.status === 'draft');
    expect(upcoming.filter((s) => s.status === 'scheduled').length).toBeGreaterThanOrEqual(30);
    for (const s of upcoming) {
      const res = await owner.get(`/api/v1/sessions/${s.id}`);
      expect(res.statusCode).toBe(200);
      const d = res.json() as SessionDetailView;
      expect(blocking(d.violations), d.title).toEqual([]);
      if (d.status === 'scheduled') expect(d.missingRoles, d.title).toEqual([]);
      expect(d.slots.length).toBeGreaterThanOrEqual(6);
      expect(d.slots.length).toBeLessThanOrEqual(10);
      expect(d.plannedSlotMinutes).toBeLessThanOrEqual(minutesOf(d));
      expect(d.plannedSlotMinutes).toBeGreaterThan(minutesOf(d) * 0.8);
      expect(new Set(d.slots.map((x) => x.slotType)).size).toBeGreaterThanOrEqual(3);
      expect(d.slots.every((x) => x.talkingPoints.length > 0)).toBe(true);
      expect(d.checklist).toHaveLength(6);
      const fieldControl = d.crew.find((c) => c.role === 'field_control')!.personId;
      for (const item of d.checklist) {
        if (Date.parse(item.dueAt) > Date.now()) expect(item.doneAt, item.labelEn).toBeNull();
        if (item.doneAt) {
          expect(item.doneByPersonId).toBe(fieldControl);
          expect(item.doneAt < item.dueAt).toBe(true);
        }
      }
    }
  });

  it('plans past sessions the rules would have let through too, with ticked checklists in the last week', async () => {
    const past = sessions.filter((s) => s.status === 'ended' || s.status === 'reviewed');
    for (const s of past) {
      const res = await owner.post('/api/v1/sessions/validate', { sessionId: s.id, roomId: s.roomId, plannedStart: s.plannedStart, plannedEnd: s.plannedEnd });
      expect(res.statusCode).toBe(200);
      expect(blocking(res.json().violations), s.title).toEqual([]);
    }
    const recent = past.filter((s) => Date.parse(s.plannedStart) > loadedAt - 6 * DAY);
    expect(recent.length).toBeGreaterThan(10);
    for (const s of recent) {
      const d = (await owner.get(`/api/v1/sessions/${s.id}`)).json() as SessionDetailView;
      expect(d.checklist).toHaveLength(6);
      expect(d.checklist.every((i) => i.doneAt !== null && i.doneAt < i.dueAt && !i.isOverdue)).toBe(true);
      expect(d.plannedSlotMinutes).toBeLessThanOrEqual(minutesOf(d));
    }
  });

  it("stocks each team's products: live price below list price, two or three selling points", async () => {
    const products = (await owner.get('/api/v1/products')).json().items as ProductView[];
    expect(products.length).toBeGreaterThanOrEqual(36);
    const count = (prefix: string) => products.filter((p) => p.sku.startsWith(prefix)).length;
    expect([count('LQ-'), count('HG-'), count('SY-')]).toEqual([12, 12, 12]);
    for (const p of products) {
      expect(p.id).toBe(stableId('product', p.sku));
      expect(p.livePriceFen, p.sku).toBeLessThan(p.listPriceFen);
      expect(p.livePriceFen).toBeGreaterThan(0);
      expect(p.sellingPoints.length).toBeGreaterThanOrEqual(2);
      expect(p.sellingPoints.length).toBeLessThanOrEqual(3);
      expect(p.stock).toBeGreaterThan(0);
    }
    expect(new Set(products.map((p) => p.category))).toEqual(new Set(['beauty', 'food', 'health_food', 'apparel']));
    expect(products.filter((p) => p.sku.startsWith('LQ-')).every((p) => p.category === 'beauty')).toBe(true);
    expect(products.filter((p) => p.sku.startsWith('SY-')).every((p) => p.category === 'apparel')).toBe(true);
  });
});

describe('determinism', () => {
  const anchor = new Date('2026-12-03T04:00:00.000Z');

  /** Replaces the demo planning with the one for `anchor` and reads it back. */
  async function reseed(c: TestContext) {
    const db = c.deps.db;
    const counts = await db.transaction().execute(async (trx) => {
      for (const table of ['checklist_items', 'session_slots', 'session_crew', 'rule_overrides', 'live_sessions', 'products'] as const) await trx.deleteFrom(table).execute();
      return seedDemoPlanning(trx, company, anchor);
    });
    return {
      counts,
      sessions: await db.selectFrom('live_sessions').select(['id', 'room_id', 'title', 'planned_start', 'status', 'goal_gmv_fen', 'created_at']).orderBy('id').execute(),
      crew: await db.selectFrom('session_crew').selectAll().orderBy('session_id').orderBy('role').orderBy('person_id').execute(),
      slots: await db.selectFrom('session_slots').select(['id', 'product_id', 'planned_minutes']).orderBy('id').execute(),
      checklist: await db.selectFrom('checklist_items').select(['id', 'due_at', 'done_at']).orderBy('id').execute(),
    };
  }

  it('gives the same rows and ids for the same anchor in two fresh databases', async () => {
    const other = await createTestContext();
    try {
      expect((await new Client(other.app).post('/api/v1/setup/demo')).statusCode).toBe(201);
      const a = await reseed(ctx);
      const b = await reseed(other);
      expect(a.counts.sessions).toBe(a.sessions.length);
      expect(a.counts.products).toBe(36);
      expect(b).toEqual(a);
      const first = a.sessions.find((s) => s.id === stableId('session', 'beauty-douyin:2026-12-03:evening'));
      expect(first).toMatchObject({ title: '美妆晚场·12月3日', planned_start: '2026-12-03T11:00:00.000Z', status: 'scheduled' });
      expect(a.sessions.find((s) => s.id === stableId('session', 'beauty-douyin:2026-09-04:evening'))).toBeDefined();
      expect(a.sessions.find((s) => s.id === stableId('session', 'beauty-douyin:2026-12-17:evening'))?.status).toBe('draft');
    } finally {
      await other.close();
    }
  });
});

describe('a team short of hosts', () => {
  it('skips its second room rather than overworking its one host, and the plan still obeys every rule', () => {
    const short = generateDemoCompany();
    for (const p of short.people) if (p.teamKeys[0] === 'food' && p.positionCode === 'host' && p.key !== 'food-host-1') p.status = 'on_leave';
    const facts = short.rooms.map((r) => ({ key: r.key, teamKey: r.teamKey, timeZone: r.timeZone, requiredRoles: ['host', 'field_control', 'console'] as SessionRole[] }));
    const plan = buildDemoPlanning(short, facts, defaultChecklistTemplates[0]!.items, new Date('2026-12-03T04:00:00.000Z'));
    const inRoom = (key: string) => plan.sessions.filter((s) => s.room_id === stableId('room', key));
    expect(inRoom('food-douyin')).toHaveLength(105);
    expect(inRoom('food-kuaishou')).toHaveLength(0);
    expect(inRoom('beauty-taobao').length).toBeGreaterThan(70);

    // Every kept session against every other one, with the default on-air limits.
    const positionOf = new Map(short.people.map((p) => [stableId('person', p.key), p.positionCode]));
    const kept = plan.sessions.filter((s) => s.status !== 'cancelled');
    const crewOf = (id: string) => plan.crew.filter((c) => c.session_id === id).map((c) => ({ personId: c.person_id, role: c.role as SessionRole }));
    const commitments = new Map<string, Commitment[]>();
    for (const s of kept) {
      for (const c of crewOf(s.id)) commitments.set(c.personId, [...(commitments.get(c.personId) ?? []), { sessionId: s.id, start: Date.parse(s.planned_start), end: Date.parse(s.planned_end), roles: [c.role] }]);
    }
    const rules = new Map([...positionOf].flatMap(([id, code]) => (defaultWorkRules[code] ? [[id, defaultWorkRules[code]!] as const] : [])));
    for (const s of kept) {
      const slotMinutes = plan.slots.filter((x) => x.session_id === s.id).reduce((a, x) => a + x.planned_minutes, 0);
      const violations = checkPlan(
        { sessionId: s.id, roomId: s.room_id, start: Date.parse(s.planned_start), end: Date.parse(s.planned_end), timeZone: 'Asia/Shanghai', crew: crewOf(s.id), requiredRoles: ['host', 'field_control', 'console'], slotMinutes, stage: 'scheduled' },
        { roomSessions: [], commitments, rules, inactive: new Set() },
      );
      expect(violations, s.title).toEqual([]);
    }
  });
});
