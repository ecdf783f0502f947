import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionReview } from '../../../contracts/analytics';
import { PRODUCTS } from '../../../scripts/show';
import { Client, createTestContext, inviteAndJoin, setupOwner, type TestContext } from '../../test/harness';
import { buildRoomWithSession, buildSession, playShow, postEvents } from './analytics.builders';
import { commentThemes } from './review.rules';
import { THEME_SAMPLE_PER_MINUTE, themeSamplePerMinute } from './review.service';
import { sessionMetrics } from './session-metrics';

let ctx: TestContext;
let owner: Client;
let outsider: Client;
let teamId: string;
let show: { roomId: string; token: string; sessionId: string };
let review: SessionReview;

const serum = PRODUCTS[0]!;
const box = PRODUCTS[1]!;
const START = '2026-12-10T11:00:00.000Z';
const fenSum = (xs: (number | null)[]) => xs.reduce<number>((a, b) => a + (b ?? 0), 0);

beforeAll(async () => {
  ctx = await createTestContext();
  owner = await setupOwner(ctx.app);
  teamId = (await owner.post('/api/v1/teams', { name: '美妆组' })).json().id;
  const otherTeamId = (await owner.post('/api/v1/teams', { name: '食品组' })).json().id;
  outsider = await inviteAndJoin(owner, 'food@example.com', 'manager', [otherTeamId]);
  show = await buildRoomWithSession(owner, {
    teamId,
    platform: 'douyin',
    accountId: 'review-1',
    title: '周四美妆专场',
    start: '2026-12-10T19:00:00+08:00',
    end: '2026-12-10T21:00:00+08:00',
    goals: { gmvFen: 1_000_000, viewers: 50_000, orders: 100 },
  });
  const ids: string[] = [];
  for (const p of [serum, box]) {
    const res = await owner.post('/api/v1/products', { sku: p.sku, name: p.name, category: 'beauty', listPriceFen: p.priceFen + 1000, livePriceFen: p.priceFen, stock: 500 });
    expect(res.statusCode).toBe(201);
    ids.push(res.json().id);
  }
  const slots = await owner.put(`/api/v1/sessions/${show.sessionId}/slots`, {
    slots: [
      { productId: ids[0], plannedMinutes: 5, slotType: 'hero' },
      { productId: ids[1], plannedMinutes: 6, slotType: 'welfare' },
    ],
  });
  expect(slots.statusCode).toBe(200);

  // Earlier sessions of the room, their GMV imported; a later and a cancelled one must not count.
  const now = new Date().toISOString();
  for (const [day, gmv, status] of [
    ['2026-12-01', 100_000, 'ended'],
    ['2026-12-03', 200_000, 'reviewed'],
    ['2026-12-05', 300_000, 'ended'],
    ['2026-12-07', 9_000_000, 'cancelled'],
    ['2026-12-12', 9_000_000, 'ended'],
  ] as const) {
    const id = await buildSession(owner, { roomId: show.roomId, start: `${day}T19:00:00+08:00`, end: `${day}T21:00:00+08:00`, title: `旧场 ${day}` });
    await ctx.deps.db.updateTable('live_sessions').set({ status }).where('id', '=', id).execute();
    await ctx.deps.db
      .insertInto('metric_values')
      .values({ session_id: id, metric: 'gmv_fen', source: 'import', value: gmv, basis: null, platform: 'douyin', time_window: 'live', import_id: 'imp', updated_at: now })
      .execute();
  }

  // Eight minutes of show: the serum for four, then the box for four; orders name the product sold.
  await playShow(ctx, show, { seed: 71, startAt: START, seconds: 480, tick: 2, perTick: 5, lineup: [{ product: serum, minutes: 4 }, { product: box, minutes: 4 }] });
  await ctx.deps.db
    .insertInto('alerts')
    .values({ id: 'al-test', team_id: teamId, room_id: show.roomId, session_id: show.sessionId, kind: 'viewer_drop', severity: 'warn', group_key: 'test', title_zh: '在线人数下降', title_en: 'Viewers dropped', detail: '{}', count: 1, first_at: '2026-12-10T11:03:10.000Z', last_at: '2026-12-10T11:03:10.000Z', status: 'open' })
    .execute();
  const incident = await owner.post('/api/v1/incidents', { title: '直播卡顿', severity: 'SEV3', teamId, roomId: show.roomId, sessionId: show.sessionId });
  expect(incident.statusCode).toBe(201);

  const res = await owner.get(`/api/v1/sessions/${show.sessionId}/review`);
  expect(res.statusCode).toBe(200);
  review = res.json();
});
afterAll(() => ctx.close());

describe('GET /api/v1/sessions/:id/review', () => {
  it('carries the session, its metrics, and goals against what happened', async () => {
    expect(review.session).toMatchObject({ id: show.sessionId, title: '周四美妆专场', roomName: '直播间 review-1', platform: 'douyin', firstEventAt: START });
    expect(review.metrics).toEqual((await sessionMetrics(ctx.deps.db, show.sessionId)).metrics);
    const gmv = review.metrics.find((m) => m.metric === 'gmv_fen')!.value!;
    const orders = review.metrics.find((m) => m.metric === 'orders')!.value!;
    expect(gmv).toBeGreaterThan(0);
    expect(review.goals).toEqual([
      { metric: 'gmv_fen', goal: 1_000_000, actual: gmv, source: 'events', attainment: gmv / 1_000_000 },
      // 场观 (cumulative viewers) never came: no data, not 0 % of the goal
      { metric: 'viewers', goal: 50_000, actual: null, source: null, attainment: null },
      { metric: 'orders', goal: 100, actual: orders, source: 'events', attainment: orders / 100 },
    ]);
  });

  it('has a timeline per minute that adds up to the session totals', async () => {
    const minutes = await ctx.deps.db.selectFrom('live_minutes').selectAll().where('session_id', '=', show.sessionId).orderBy('minute').execute();
    expect(review.timeline.map((m) => m.minute)).toEqual(minutes.map((m) => m.minute));
    expect(review.timeline).toHaveLength(8);
    const metric = (k: string) => review.metrics.find((m) => m.metric === k)!.value;
    expect(fenSum(review.timeline.map((m) => m.gmvFen))).toBe(metric('gmv_fen'));
    expect(fenSum(review.timeline.map((m) => m.orders))).toBe(metric('orders'));
    expect(fenSum(review.timeline.map((m) => m.comments))).toBe(metric('comments'));
    expect(Math.max(...review.timeline.map((m) => m.viewersMax ?? 0))).toBe(metric('peak_viewers'));
    const first = minutes[0]!;
    expect(review.timeline[0]!.viewersAvg).toBeCloseTo(Number(first.viewers_sum) / Number(first.viewers_samples), 9);
    // comments were scored by the sentiment analyser, so each minute carries its split
    for (const m of review.timeline) expect(m.sentiment!.positive + m.sentiment!.neutral + m.sentiment!.negative).toBe(m.comments);
  });

  it('times the slots by the products the orders name, with GMV, orders and GMV per minute each', () => {
    expect(review.slotTiming).toBe('events');
    const [a, b] = review.slots;
    expect(a).toMatchObject({ position: 1, productSku: serum.sku, plannedMinutes: 5, start: START, clicks: null });
    // the box went on sale at 4:00 into the show; its first order came within that minute or the next
    expect(Date.parse(b!.start!) - Date.parse(START)).toBeGreaterThanOrEqual(240_000);
    expect(Date.parse(b!.start!) - Date.parse(START)).toBeLessThan(360_000);
    expect(a!.end).toBe(b!.start);
    expect(b!.end).toBe(review.session.lastEventAt);
    // minutes to one decimal each
    expect(Math.abs(a!.actualMinutes! + b!.actualMinutes! - (Date.parse(review.session.lastEventAt!) - Date.parse(START)) / 60_000)).toBeLessThanOrEqual(0.1);
    // the two slots cover the show: their GMV and orders add up to the session's
    expect(a!.gmvFen! + b!.gmvFen!).toBe(review.metrics.find((m) => m.metric === 'gmv_fen')!.value);
    expect(a!.orders! + b!.orders!).toBe(review.metrics.find((m) => m.metric === 'orders')!.value);
    expect(a!.gmvPerMinuteFen).toBeCloseTo(a!.gmvFen! / a!.actualMinutes!, 9);
  });

  it('pins alerts by when they first fired and incidents by when they were opened', async () => {
    // The alert rules run after each ingest commit and on a clock, so more alerts may come after the review was read:
    // every pinned one is stored with that first_at, in time order.
    const alerts = await ctx.deps.db.selectFrom('alerts').select(['id', 'first_at']).where('session_id', '=', show.sessionId).execute();
    const firstAt = new Map(alerts.map((a) => [a.id, a.first_at]));
    for (const a of review.alerts) expect(a.at, a.id).toBe(firstAt.get(a.id));
    expect(review.alerts.map((a) => a.at)).toEqual(review.alerts.map((a) => a.at).sort());
    expect(review.alerts.find((a) => a.id === 'al-test')).toEqual({ id: 'al-test', kind: 'viewer_drop', severity: 'warn', at: '2026-12-10T11:03:10.000Z', titleZh: '在线人数下降', titleEn: 'Viewers dropped' });
    expect(review.incidents).toEqual([expect.objectContaining({ title: '直播卡顿', severity: 'SEV3' })]);
  });

  it('finds comment themes in a sample of at most 20 comments a minute, the same sample the database gives', async () => {
    const comments = review.metrics.find((m) => m.metric === 'comments')!.value!;
    expect(review.themes.comments).toBe(comments);
    // five moments every two seconds: far more than 20 comments a minute, so the sample is bounded
    expect(comments).toBeGreaterThan(8 * THEME_SAMPLE_PER_MINUTE);
    expect(review.themes.sampled).toBe(8 * THEME_SAMPLE_PER_MINUTE);
    expect(review.themes.perMinute).toBe(THEME_SAMPLE_PER_MINUTE);
    // a six-hour show reads fewer a minute, about 4,000 in all; never fewer than 5 a minute
    expect([themeSamplePerMinute(360), themeSamplePerMinute(200), themeSamplePerMinute(1000)]).toEqual([11, 20, 5]);
    const texts: string[] = [];
    for (const m of review.timeline) {
      const end = new Date(Date.parse(m.minute) + 60_000).toISOString();
      const rows = await ctx.deps.db
        .selectFrom('live_events')
        .select('text')
        .where('session_id', '=', show.sessionId)
        .where('kind', '=', 'comment')
        .where('at', '>=', m.minute)
        .where('at', '<', end)
        .orderBy('at')
        .orderBy('id')
        .limit(THEME_SAMPLE_PER_MINUTE)
        .execute();
      texts.push(...rows.map((r) => r.text!));
    }
    expect({ words: review.themes.words, questions: review.themes.questions }).toEqual(commentThemes(texts));
    expect(review.themes.words.length).toBeGreaterThan(5);
    expect(review.themes.words.map((w) => w.word)).not.toContain('的');
    expect(review.themes.words.every((w) => !/^[\p{P}\s]+$/u.test(w.word))).toBe(true);
    // the simulated audience asks the price and the link number more than anything
    expect(review.themes.questions.length).toBeGreaterThan(3);
    expect(review.themes.questions.every((q) => q.count >= 1)).toBe(true);
    expect(review.themes.questions.map((q) => q.text)).toContain('多少钱？');
  });

  it('lists the compliance findings of the session, counted by rule and severity', async () => {
    const rows = await ctx.deps.db.selectFrom('compliance_findings').select(['rule', 'severity']).where('session_id', '=', show.sessionId).execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(review.findings.total).toBe(rows.length);
    expect(fenSum(review.findings.byRule.map((r) => r.count))).toBe(rows.length);
    expect(fenSum(review.findings.bySeverity.map((r) => r.count))).toBe(rows.length);
    for (const r of review.findings.byRule) expect(r.count).toBe(rows.filter((x) => x.rule === r.rule && x.severity === r.severity).length);
    expect(review.findings.lines).toHaveLength(Math.min(200, rows.length));
    expect(review.findings.lines.every((l) => typeof l.text === 'string' && l.text.length > 0)).toBe(true);
  });

  it('sets the session against the room’s earlier sessions that ran, with p10/p50/p90 bands', () => {
    expect(review.comparison.sessionIds).toHaveLength(3);
    const gmv = review.comparison.bands.find((b) => b.metric === 'gmv_fen')!;
    expect(gmv).toMatchObject({ samples: 3, p10: 120_000, p50: 200_000, p90: 280_000, unit: 'fen' });
    const value = gmv.value!;
    expect(gmv.position).toBe(value < 120_000 ? 'below' : value > 280_000 ? 'above' : 'within');
    expect(gmv.rank).toBe([100_000, 200_000, 300_000].filter((x) => x <= value).length / 3);
    // nothing measured the earlier sessions' comments: no band, no position
    expect(review.comparison.bands.find((b) => b.metric === 'comments')).toMatchObject({ samples: 0, p50: null, position: null, rank: null });
  });

  it('lays the planned slot lengths from the first event when no event names a product, and says so', async () => {
    const plain = await buildRoomWithSession(owner, { teamId, accountId: 'review-2', start: '2026-12-11T19:00:00+08:00', end: '2026-12-11T21:00:00+08:00' });
    const product = (await owner.post('/api/v1/products', { sku: 'TEA-1', name: '红茶', category: 'food', listPriceFen: 5000, livePriceFen: 3900, stock: 10 })).json().id;
    await owner.put(`/api/v1/sessions/${plain.sessionId}/slots`, { slots: [{ productId: product, plannedMinutes: 10, slotType: 'hero' }, { productId: product, plannedMinutes: 20, slotType: 'hero' }] });
    let res = (await owner.get(`/api/v1/sessions/${plain.sessionId}/review`)).json() as SessionReview;
    expect(res.slotTiming).toBe('none');
    expect(res.timeline).toEqual([]);
    expect(res.themes).toEqual({ comments: 0, sampled: 0, perMinute: 20, words: [], questions: [] });
    expect(res.metrics.every((m) => m.value === null)).toBe(true);

    await postEvents(ctx, plain.roomId, plain.token, [
      { kind: 'comment', id: 'p1', at: '2026-12-11T11:00:20.000Z', user: { name: '甲' }, text: '红茶好喝吗' },
      { kind: 'comment', id: 'p2', at: '2026-12-11T11:02:00.000Z', user: { name: '乙' }, text: '红茶好喝吗？' },
    ]);
    res = (await owner.get(`/api/v1/sessions/${plain.sessionId}/review`)).json() as SessionReview;
    expect(res.slotTiming).toBe('planned');
    expect(res.slots.map((s) => [s.start, s.end, s.actualMinutes, s.gmvFen])).toEqual([
      ['2026-12-11T11:00:20.000Z', '2026-12-11T11:10:20.000Z', 10, null],
      ['2026-12-11T11:10:20.000Z', '2026-12-11T11:30:20.000Z', 20, null],
    ]);
    expect(res.timeline.map((m) => [m.gmvFen, m.orders])).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(res.themes.questions).toEqual([{ text: '红茶好喝吗', count: 2 }]);
  });

  it('answers 404 for another team’s session and 401 when not signed in', async () => {
    const hidden = await outsider.get(`/api/v1/sessions/${show.sessionId}/review`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe('analytics/session-not-found');
    expect((await new Client(ctx.app).get(`/api/v1/sessions/${show.sessionId}/review`)).statusCode).toBe(401);
  });
});

