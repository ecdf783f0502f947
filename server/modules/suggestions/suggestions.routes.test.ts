import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestContext, inviteAndJoin, setupOwner, type TestContext } from '../../test/harness';
import { stableId } from '../../platform/ids';
import { seedSession as seedSessionIn, type SessionSpec } from './suggestions.builders';
import { seedDemoSuggestions } from './suggestions.seed';

/** A finished show in the test's room unless another is named. */
const seedSession = (s: Omit<SessionSpec, 'room'> & { room?: string }) => seedSessionIn(ctx.deps.db, { ...s, room: s.room ?? roomId });

let ctx: TestContext;
let owner: Client;
let member: Client;
let otherManager: Client;
let teamId: string;
let otherTeamId: string;
let roomId: string;
let memberPersonId: string;
let outsiderPersonId: string;

const DAY = 86_400_000;
const T = Date.UTC(2026, 10, 10, 12, 0); // 2026-11-10 20:00 Asia/Shanghai
const iso = (ms: number) => new Date(ms).toISOString();

interface Suggestion {
  id: string;
  rule: string;
  key: string;
  status: string;
  severity: string;
  titleEn: string;
  evidence: { value: number; baseline: number; baselineKind: string; window: { label: string } | null; sampleSize: number | null; series: { values: number[] } | null; facts: { key: string; value: number }[] };
  taskId: string | null;
  taskOwnerName: string | null;
  taskDueDate: string | null;
  dismissReason: string | null;
}

const byRule = (items: Suggestion[], rule: string) => items.find((s) => s.rule === rule)!;

beforeAll(async () => {
  ctx = await createTestContext();
  owner = await setupOwner(ctx.app, 'en-US');
  teamId = (await owner.post('/api/v1/teams', { name: '美妆组' })).json().id;
  otherTeamId = (await owner.post('/api/v1/teams', { name: '服饰组' })).json().id;
  roomId = (await owner.post('/api/v1/rooms', { teamId, platform: 'douyin', accountId: 'dy1', displayName: '美妆一号间', requireApprovedContent: false })).json().id;
  member = await inviteAndJoin(owner, 'amy@example.com', 'member', [teamId]);
  otherManager = await inviteAndJoin(owner, 'zed@example.com', 'manager', [otherTeamId]);
  memberPersonId = (await owner.post('/api/v1/people', { displayName: '李佳', positionId: stableId('position', 'host'), teamIds: [teamId] })).json().id;
  outsiderPersonId = (await owner.post('/api/v1/people', { displayName: '外组', positionId: stableId('position', 'host'), teamIds: [otherTeamId] })).json().id;
  expect((await owner.patch(`/api/v1/people/${memberPersonId}`, { userId: member.me!.user.id })).statusCode).toBe(200);
  const now = new Date().toISOString();
  await ctx.deps.db
    .insertInto('products')
    .values([1, 2, 3].map((n) => ({ id: stableId('product', `p${n}`), sku: `SKU-${n}`, name: `精华液 ${n} 号`, category: 'beauty', list_price_fen: 19_900, live_price_fen: 9_900, stock: 100, selling_points: '[]', image_urls: '[]', created_at: now, updated_at: now })))
    .execute();

  // Five earlier shows: viewers drift down 5 % per 20-minute slot, 10 % click-to-pay, 3 % follow rate.
  for (let n = 1; n <= 5; n++) {
    await seedSession({ id: `prev-${n}`, start: T - n * DAY, minutes: 60, viewers: (i) => 1000 * (1 - 0.05 * ((i % 20) / 19)), viewersCumulative: 10_000, slots: [20, 20, 20], imported: { buyers: 100 + n, product_click_viewers: 1000 } });
  }
  // This show: slot 2 (20:20–20:40) loses 40 % of its viewers; 20:40–21:00 has 10 comments on 600 concurrent viewers
  // (1.7 % per 20 minutes); GMV ¥12,000 against a ¥20,000 goal; 50 follows on 10,000 viewers (0.5 %);
  // 2 % click-to-pay (imported).
  await seedSession({
    id: 'this',
    start: T,
    minutes: 60,
    viewers: (i) => (i < 20 ? 1000 : i < 40 ? 1000 - ((i - 20) * 400) / 19 : 600),
    comments: (i) => (i >= 40 ? i % 2 : 60),
    follows: (i) => (i < 50 ? 1 : 0),
    viewersCumulative: 10_000,
    goalGmvFen: 2_000_000,
    slots: [20, 20, 20],
    imported: { buyers: 20, product_click_viewers: 1000 },
  });
});
afterAll(() => ctx.close());

describe('GET /api/v1/sessions/:id/suggestions', () => {
  let first: Suggestion[];

  it('computes the rules over the session and the room history, with their evidence', async () => {
    const res = await member.get('/api/v1/sessions/this/suggestions');
    expect(res.statusCode).toBe(200);
    first = res.json().items;
    expect(first.map((s) => s.rule).sort()).toEqual(['click_to_pay_low', 'follow_rate_low', 'gmv_below_goal', 'interaction_low_window', 'viewer_drop_slot']);
    expect(res.json().followUps).toEqual([]);

    const drop = byRule(first, 'viewer_drop_slot');
    expect(drop).toMatchObject({ key: 'slot-2', status: 'open', titleEn: "Viewers fell 40% during slot 2 (精华液 2 号), 8.0× the room's usual drop" });
    expect(drop.evidence).toMatchObject({ value: 0.4, baseline: 0.05, baselineKind: 'room_median', sampleSize: 5, window: { label: '20:20–20:40' } });
    expect(drop.evidence.series!.values[0]).toBe(1000);

    const ctp = byRule(first, 'click_to_pay_low');
    expect(ctp.evidence).toMatchObject({ value: 0.02, baselineKind: 'room_p20', sampleSize: 5 });
    expect(ctp.evidence.baseline).toBeCloseTo(0.1018, 6);

    expect(byRule(first, 'interaction_low_window').evidence.window!.label).toBe('20:40–21:00');
    const goal = byRule(first, 'gmv_below_goal');
    expect(goal.evidence.facts).toContainEqual({ key: 'gap', value: 800_000, unit: 'fen' });
    expect(goal.titleEn).toBe('GMV ¥12,000 missed the goal of ¥20,000 by ¥8,000 (60% reached)');
    expect(byRule(first, 'follow_rate_low').evidence.value).toBeCloseTo(0.005, 6);
  });

  it('recomputing keeps the same rows (upsert by session, rule and key)', async () => {
    const again = (await member.get('/api/v1/sessions/this/suggestions')).json().items as Suggestion[];
    expect(again.map((s) => s.id).sort()).toEqual(first.map((s) => s.id).sort());
    const n = await ctx.deps.db.selectFrom('suggestions').select((eb) => eb.fn.countAll().as('n')).where('session_id', '=', 'this').executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(5);
  });

  it('is scoped to the caller\'s teams; an unknown session is 404', async () => {
    expect((await otherManager.get('/api/v1/sessions/this/suggestions')).json().error.code).toBe('suggestion/session-not-found');
    expect((await owner.get('/api/v1/sessions/nope/suggestions')).statusCode).toBe(404);
  });
});

describe('accept and dismiss', () => {
  let items: Suggestion[];
  beforeAll(async () => {
    items = (await owner.get('/api/v1/sessions/this/suggestions')).json().items;
  });

  it('refuses bad input with field messages and writes nothing', async () => {
    const id = byRule(items, 'follow_rate_low').id;
    const bad = await owner.post(`/api/v1/suggestions/${id}/accept`, { dueDate: '2026-13-40' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['dueDate', 'ownerPersonId']);
    const outsider = await owner.post(`/api/v1/suggestions/${id}/accept`, { ownerPersonId: outsiderPersonId, dueDate: '2026-12-01' });
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().error).toMatchObject({ code: 'suggestion/unknown-owner', fields: [{ path: 'ownerPersonId' }] });
    const leftId = (await owner.post('/api/v1/people', { displayName: '已离职', positionId: stableId('position', 'host'), teamIds: [teamId], status: 'left' })).json().id;
    expect((await owner.post(`/api/v1/suggestions/${id}/accept`, { ownerPersonId: leftId, dueDate: '2026-12-01' })).json().error.code).toBe('suggestion/unknown-owner');
    const noReason = await owner.post(`/api/v1/suggestions/${id}/dismiss`, { reason: '   ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields).toEqual([{ path: 'reason', message: expect.stringContaining('reason') }]);
    const row = await ctx.deps.db.selectFrom('suggestions').select('status').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.status).toBe('open');
    expect(await ctx.deps.db.selectFrom('tasks').select('id').where('source_kind', '=', 'suggestion').execute()).toEqual([]);
  });

  it('needs suggestion:decide', async () => {
    const id = byRule(items, 'follow_rate_low').id;
    expect((await member.post(`/api/v1/suggestions/${id}/accept`, { ownerPersonId: memberPersonId, dueDate: '2026-12-01' })).statusCode).toBe(403);
    expect((await member.post(`/api/v1/suggestions/${id}/dismiss`, { reason: 'no' })).statusCode).toBe(403);
    expect((await otherManager.post(`/api/v1/suggestions/${id}/dismiss`, { reason: 'no' })).statusCode).toBe(404);
  });

  it('accepting creates a task for the owner (in their My tasks), links it and audits both; a second decision is 409', async () => {
    const id = byRule(items, 'follow_rate_low').id;
    const res = await owner.post(`/api/v1/suggestions/${id}/accept`, { ownerPersonId: memberPersonId, dueDate: '2026-12-01', note: '下一场加关注口播' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'accepted', taskOwnerName: '李佳', taskDueDate: '2026-12-01', note: '下一场加关注口播', decidedBy: expect.any(String) });
    const taskId = res.json().taskId as string;
    const mine = (await member.get('/api/v1/tasks?mine=1')).json().items as { id: string; sourceKind: string; sourceId: string; title: string; dueDate: string }[];
    expect(mine).toContainEqual(expect.objectContaining({ id: taskId, sourceKind: 'suggestion', sourceId: id, dueDate: '2026-12-01', title: 'Suggestion: Follow rate 0.50%, under 2%' }));
    const audit = await ctx.deps.db.selectFrom('audit_log').select(['entity_type', 'entity_id']).where('entity_id', 'in', [id, taskId]).execute();
    expect(audit.map((a) => a.entity_type).sort()).toEqual(['suggestion', 'task']);

    const again = await owner.post(`/api/v1/suggestions/${id}/accept`, { ownerPersonId: memberPersonId, dueDate: '2026-12-02' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('suggestion/already-decided');
    expect((await owner.post(`/api/v1/suggestions/${id}/dismiss`, { reason: 'changed my mind' })).statusCode).toBe(409);
  });

  it('dismissing keeps the reason; audited; 409 the second time', async () => {
    const id = byRule(items, 'interaction_low_window').id;
    const res = await owner.post(`/api/v1/suggestions/${id}/dismiss`, { reason: '该时段是抽奖等待，评论少属正常' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'dismissed', dismissReason: '该时段是抽奖等待，评论少属正常', taskId: null });
    expect((await owner.post(`/api/v1/suggestions/${id}/dismiss`, { reason: 'again' })).statusCode).toBe(409);
    const audit = await ctx.deps.db.selectFrom('audit_log').select('summary').where('entity_type', '=', 'suggestion').where('entity_id', '=', id).execute();
    expect(audit).toHaveLength(1);
  });

  it('when the numbers change, decided suggestions stay and open ones whose evidence no longer holds go', async () => {
    // An import lifts GMV to the goal and fixes the follow count: the open goal suggestion goes, the accepted follow one stays.
    const now = new Date().toISOString();
    await ctx.deps.db.insertInto('metric_values').values([
      { session_id: 'this', metric: 'gmv_fen', source: 'manual', value: 2_500_000, basis: null, platform: 'douyin', time_window: 'live', import_id: null, updated_at: now },
      { session_id: 'this', metric: 'follows', source: 'manual', value: 500, basis: null, platform: 'douyin', time_window: 'live', import_id: null, updated_at: now },
    ]).execute();
    const after = (await owner.get('/api/v1/sessions/this/suggestions')).json().items as Suggestion[];
    expect(after.map((s) => [s.rule, s.status]).sort()).toEqual([
      ['click_to_pay_low', 'open'],
      ['follow_rate_low', 'accepted'],
      ['interaction_low_window', 'dismissed'],
      ['viewer_drop_slot', 'open'],
    ]);
    await ctx.deps.db.deleteFrom('metric_values').where('session_id', '=', 'this').where('source', '=', 'manual').execute();
  });
});

describe('follow-ups and the list', () => {
  it('the next show reviews the accepted suggestion with the same measure', async () => {
    await seedSession({ id: 'next', start: T + DAY, minutes: 60, viewers: () => 1000, follows: () => 3, viewersCumulative: 10_000, slots: [20, 20, 20], imported: { buyers: 110, product_click_viewers: 1000 } });
    const res = await owner.get('/api/v1/sessions/next/suggestions');
    expect(res.statusCode).toBe(200);
    const [f, ...rest] = res.json().followUps;
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ sessionId: 'this', rule: 'follow_rate_low', measure: 'follow_rate', before: 0.005, higherIsBetter: true, improved: true, taskOwnerName: '李佳', taskStatus: 'open' });
    expect(f.now).toBeCloseTo(0.018, 6);
    // Still under 2 %: the rule fires again for this show.
    expect(res.json().items.map((s: Suggestion) => s.rule)).toEqual(['follow_rate_low']);
  });

  it('GET /api/v1/suggestions filters by status and room, within the caller\'s teams', async () => {
    const all = (await owner.get(`/api/v1/suggestions?roomId=${roomId}`)).json().items as (Suggestion & { sessionId: string })[];
    expect(all.length).toBe(5);
    expect(all[0]!.sessionId).toBe('next');
    const accepted = (await owner.get('/api/v1/suggestions?status=accepted')).json().items as Suggestion[];
    expect(accepted.map((s) => s.rule)).toEqual(['follow_rate_low']);
    expect((await otherManager.get('/api/v1/suggestions')).json().items).toEqual([]);
    expect((await owner.get('/api/v1/suggestions?status=bogus')).statusCode).toBe(400);
  });
});

describe('thresholds', () => {
  it('are configurable defaults: a lower follow-rate floor silences the rule on the next computation', async () => {
    const view = (await member.get('/api/v1/suggestions/thresholds')).json();
    expect(view).toMatchObject({ overrides: {}, effective: { followRateMin: 0.02, interactionRateMin: 0.03, viewerDropFactor: 2, viewerDropMin: 0.2 } });
    expect((await member.put('/api/v1/suggestions/thresholds', { followRateMin: 0.01 })).statusCode).toBe(403);
    const bad = await owner.put('/api/v1/suggestions/thresholds', { followRateMin: 2, nonsense: 1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toContain('followRateMin');
    const ok = await owner.put('/api/v1/suggestions/thresholds', { followRateMin: 0.01 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ overrides: { followRateMin: 0.01 }, effective: { followRateMin: 0.01 }, defaults: { followRateMin: 0.02 } });
    expect((await owner.get('/api/v1/sessions/next/suggestions')).json().items).toEqual([]);
    const audit = await ctx.deps.db.selectFrom('audit_log').select('after_json').where('entity_type', '=', 'suggestion').where('entity_id', '=', 'thresholds').execute();
    expect(audit).toHaveLength(1);
  });
});

describe('slot timing from the events', () => {
  it('a slot the orders show running far past its plan, at a low GMV per minute, is flagged with planned vs actual minutes', async () => {
    const room2 = (await owner.post('/api/v1/rooms', { teamId, platform: 'douyin', accountId: 'dy2', displayName: '美妆二号间', requireApprovedContent: false })).json().id as string;
    // Planned 10/10/10; the orders name SKU-1 at minute 2, SKU-2 from minute 12 and SKU-3 from minute 50: slot 2 ran 38
    // minutes at ¥10 a minute against a session average of about ¥190.
    await seedSession({ id: 'overrun', room: room2, start: T + 2 * DAY, minutes: 60, viewers: () => 1000, gmvFen: (i) => (i >= 12 && i < 50 ? 1_000 : 50_000), viewersCumulative: 10_000, slots: [10, 10, 10] });
    const order = (minute: number, sku: string) => ({
      room_id: room2, session_id: 'overrun', platform: 'douyin', platform_msg_id: `o-${minute}`, kind: 'order', source_type: 'order', at: iso(T + 2 * DAY + minute * 60_000 + 10_000), received_at: iso(T + 2 * DAY + minute * 60_000 + 10_000),
      user_ext_id: null, user_name: null, text: null, count: 1, value_fen: 9_900, unit: null, unit_amount: null, fen_per_unit: null, order_id: `o-${minute}`, product_ref: sku, buyer_ref: `b-${minute}`, status: null, raw: null, sentiment: null, sentiment_score: null, aspects: null,
    });
    await ctx.deps.db.insertInto('live_events').values([order(2, 'SKU-1'), order(12, 'SKU-2'), order(30, 'SKU-2'), order(50, 'SKU-3')]).execute();
    const items = (await owner.get('/api/v1/sessions/overrun/suggestions')).json().items as Suggestion[];
    expect(items.map((x) => x.rule)).toEqual(['slot_overrun_low_gpm']);
    expect(items[0]).toMatchObject({ key: 'slot-2', titleEn: 'Slot 2 (精华液 2 号) ran 38 min against 10 planned, at only ¥10 GMV per minute' });
    expect(items[0]!.evidence).toMatchObject({ value: 3.8, baseline: 10, baselineKind: 'planned', window: { label: '20:12–20:50' } });
  });
});

describe('demo seed', () => {
  it("computes each room's latest sessions and decides in the earliest of them, leaving earlier decisions alone", async () => {
    const decisionsOf = (id: string) => ctx.deps.db.selectFrom('suggestions').select(['id', 'status', 'task_id']).where('session_id', '=', id).where('status', '!=', 'open').orderBy('id').execute();
    const decisionsBefore = await decisionsOf('this');
    expect(decisionsBefore.length).toBe(2);
    await seedDemoSuggestions(ctx.deps, new Date());
    await seedDemoSuggestions(ctx.deps, new Date());
    // Room 1's latest two are 'this' (already decided: left as it was) and 'next'; room 2 has only 'overrun'.
    expect(await decisionsOf('this')).toEqual(decisionsBefore);
    const decided = await ctx.deps.db
      .selectFrom('suggestions as g')
      .innerJoin('tasks as t', 't.id', 'g.task_id')
      .select(['g.session_id', 'g.rule', 'g.status', 't.owner_person_id', 't.due_date', 't.source_kind'])
      .where('g.session_id', '=', 'overrun')
      .execute();
    expect(decided).toEqual([{ session_id: 'overrun', rule: 'slot_overrun_low_gpm', status: 'accepted', owner_person_id: memberPersonId, due_date: '2026-11-19', source_kind: 'suggestion' }]);
    expect(await ctx.deps.db.selectFrom('suggestions').select('id').where('session_id', '=', 'prev-1').execute()).toEqual([]);
  });
});
