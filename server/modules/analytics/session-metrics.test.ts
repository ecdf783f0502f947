import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricKey, MetricValue } from '../../../contracts/analytics';
import { Client, createTestContext, inviteAndJoin, setupOwner, type TestContext } from '../../test/harness';
import { buildRoomWithSession, playShow, postEvents } from './analytics.builders';
import { METRIC_KEYS, sessionMetrics, sessionsMetrics } from './session-metrics';

let ctx: TestContext;
let owner: Client;
let outsider: Client;
let teamId: string;
let show: { roomId: string; token: string; sessionId: string };
let sent = 0;

const START = '2026-12-01T11:00:30.000Z';

beforeAll(async () => {
  ctx = await createTestContext();
  owner = await setupOwner(ctx.app);
  teamId = (await owner.post('/api/v1/teams', { name: '美妆组' })).json().id;
  const otherTeamId = (await owner.post('/api/v1/teams', { name: '食品组' })).json().id;
  outsider = await inviteAndJoin(owner, 'food@example.com', 'manager', [otherTeamId]);
  show = await buildRoomWithSession(owner, { teamId, accountId: 'metrics-1', start: '2026-12-01T19:00:00+08:00', end: '2026-12-01T21:00:00+08:00' });
  // A 25-minute show, about 2,000 events, random but the same on every run.
  sent = await playShow(ctx, show, { seed: 20261201, startAt: START, seconds: 1500, tick: 3, perTick: 4 });
});
afterAll(() => ctx.close());

const valueOf = (metrics: MetricValue[], key: MetricKey) => metrics.find((m) => m.metric === key)!;

/** Every aggregate again, the slow way: straight from the stored raw events, nothing from the rollups. */
async function bruteForce(sessionId: string) {
  const rows = await ctx.deps.db
    .selectFrom('live_events')
    .select(['kind', 'at', 'count', 'value_fen', 'unit', 'buyer_ref', 'user_ext_id', 'user_name'])
    .where('session_id', '=', sessionId)
    .execute();
  const of = (kind: string) => rows.filter((r) => r.kind === kind);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const viewerCounts = of('viewer_count').filter((r) => r.unit !== 'cumulative').map((r) => Number(r.count));
  const cumulative = of('viewer_count').filter((r) => r.unit === 'cumulative').map((r) => Number(r.count));
  const times = rows.map((r) => Date.parse(r.at));
  const nullIfNone = (n: number, present: boolean) => (present ? n : null);
  const orders = of('order');
  const comments = of('comment');
  const giftish = rows.filter((r) => r.kind === 'gift' || r.kind === 'super_chat' || r.kind === 'membership');
  return {
    events: rows.length,
    gmv_fen: nullIfNone(sum(orders.map((r) => Number(r.value_fen ?? 0))), orders.length > 0),
    orders: nullIfNone(orders.length, orders.length > 0),
    buyers: nullIfNone(new Set(orders.map((r) => r.buyer_ref).filter(Boolean)).size, orders.length > 0),
    viewers: cumulative.length ? Math.max(...cumulative) : null,
    peak_viewers: viewerCounts.length ? Math.max(...viewerCounts) : null,
    avg_viewers: viewerCounts.length ? sum(viewerCounts) / viewerCounts.length : null,
    comments: nullIfNone(comments.length, comments.length > 0),
    commenters: nullIfNone(new Set(comments.map((r) => (r.user_ext_id ? `id:${r.user_ext_id}` : `name:${r.user_name}`))).size, comments.length > 0),
    likes: nullIfNone(sum(of('like').filter((r) => r.unit !== 'total').map((r) => Number(r.count ?? 1))), of('like').length > 0),
    shares: nullIfNone(of('share').length, of('share').length > 0),
    follows: nullIfNone(of('follow').length, of('follow').length > 0),
    fans_club_joins: nullIfNone(of('fans_club').length, of('fans_club').length > 0),
    gift_fen: nullIfNone(sum(giftish.map((r) => Number(r.value_fen ?? 0))), giftish.length > 0),
    duration_seconds: times.length ? (Math.max(...times) - Math.min(...times)) / 1000 : null,
  };
}

describe('sessionMetrics: computed from ingested events', () => {
  it('agrees with a brute-force recomputation from the raw live_events rows on every aggregate', async () => {
    const truth = await bruteForce(show.sessionId);
    expect(truth.events).toBe(sent);
    // the show has what a commerce show has, so the comparison below compares real numbers
    for (const k of ['gmv_fen', 'orders', 'buyers', 'peak_viewers', 'avg_viewers', 'comments', 'commenters', 'likes', 'shares', 'follows', 'gift_fen', 'duration_seconds'] as const) {
      expect(truth[k], k).toBeGreaterThan(0);
    }
    const { base, metrics } = await sessionMetrics(ctx.deps.db, show.sessionId);
    for (const k of ['gmv_fen', 'orders', 'buyers', 'viewers', 'peak_viewers', 'comments', 'commenters', 'likes', 'shares', 'follows', 'fans_club_joins', 'gift_fen', 'duration_seconds'] as const) {
      expect(base[k], k).toBe(truth[k]);
      const v = valueOf(metrics, k);
      expect(v.value, k).toBe(truth[k]);
      expect(v.source, k).toBe(truth[k] === null ? null : 'events');
    }
    expect(base.avg_viewers).toBeCloseTo(truth.avg_viewers!, 9);
    expect(valueOf(metrics, 'gmv_fen')).toEqual({ metric: 'gmv_fen', value: truth.gmv_fen, unit: 'fen', source: 'events', basis: null, platform: 'other', window: 'live' });
    expect(valueOf(metrics, 'duration_seconds').unit).toBe('seconds');
    expect(valueOf(metrics, 'pay_rate').unit).toBe('ratio');
    // derived from the brute-force numbers with the formulas of domain.md §1.2
    expect(valueOf(metrics, 'aov_fen').value).toBeCloseTo(truth.gmv_fen! / truth.buyers!, 9);
    // No cumulative viewer count came (the show sends concurrent counts only): everything over 场观 is no data, not 0.
    for (const k of ['viewers', 'uv_value_fen', 'gpm_fen', 'interaction_rate', 'follow_rate', 'pay_rate', 'views', 'exposure_viewers', 'refund_rate', 'roi'] as const) {
      expect(valueOf(metrics, k), k).toMatchObject({ value: null, source: null });
    }
    expect(valueOf(metrics, 'gpm_fen').basis).toBe('uv');
    expect(valueOf(metrics, 'interaction_rate').basis).toBe('commenters/viewers');
    expect(metrics.map((m) => m.metric)).toEqual(METRIC_KEYS);
  });

  it('serves every metric over GET /api/v1/sessions/:id/metrics, and only to the session’s team', async () => {
    const res = await owner.get(`/api/v1/sessions/${show.sessionId}/metrics`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.sessionId).toBe(show.sessionId);
    expect(body.metrics).toEqual((await sessionMetrics(ctx.deps.db, show.sessionId)).metrics);
    expect(body.metrics).toHaveLength(METRIC_KEYS.length);

    const hidden = await outsider.get(`/api/v1/sessions/${show.sessionId}/metrics`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe('analytics/session-not-found');
    expect((await owner.get('/api/v1/sessions/nope/metrics')).statusCode).toBe(404);
    expect((await new Client(ctx.app).get(`/api/v1/sessions/${show.sessionId}/metrics`)).statusCode).toBe(401);
  });
});

describe('sessionMetrics: imports and hand-entered values', () => {
  it('an imported value wins over the computed one with its source and basis, a manual value over both; rates follow', async () => {
    const { sessionId } = await buildRoomWithSession(owner, { teamId, platform: 'douyin', accountId: 'metrics-2', start: '2026-12-02T19:00:00+08:00', end: '2026-12-02T21:00:00+08:00' });
    const room = (await ctx.deps.db.selectFrom('live_sessions').select('room_id').where('id', '=', sessionId).executeTakeFirstOrThrow()).room_id;
    const token = (await owner.post('/api/v1/tokens', { name: 'second', roomId: room, scopes: ['ingest'] })).json().token;
    const at = (s: number) => new Date(Date.parse('2026-12-02T11:01:00.000Z') + s * 1000).toISOString();
    await postEvents(ctx, room, token, [
      { kind: 'comment', id: 'c1', at: at(1), user: { id: 'u1', name: '小王' }, text: '多少钱' },
      { kind: 'comment', id: 'c2', at: at(2), user: { id: 'u2', name: '阿花' }, text: '几号链接' },
      { kind: 'comment', id: 'c3', at: at(3), user: { id: 'u1', name: '小王' }, text: '已拍' },
      { kind: 'order', id: 'o1', at: at(4), orderId: 'D1', buyerRef: 'b1', valueFen: 10000 },
      { kind: 'order', id: 'o2', at: at(64), orderId: 'D2', buyerRef: 'b2', valueFen: 30000 },
      { kind: 'viewer_count', id: 'v1', at: at(5), count: 800 },
      { kind: 'viewer_count', id: 'v2', at: at(65), count: 1200 },
    ]);
    let m = (await sessionMetrics(ctx.deps.db, sessionId)).metrics;
    expect(valueOf(m, 'gmv_fen')).toMatchObject({ value: 40000, source: 'events', platform: 'douyin' });
    expect(valueOf(m, 'avg_viewers').value).toBe(1000);
    expect(valueOf(m, 'peak_viewers').value).toBe(1200);
    expect(valueOf(m, 'commenters').value).toBe(2);
    expect(valueOf(m, 'aov_fen')).toMatchObject({ value: 20000, source: 'events' });

    const now = new Date().toISOString();
    const row = (metric: string, source: string, value: number, extra: { basis?: string; time_window?: string } = {}) => ({
      session_id: sessionId,
      metric,
      source,
      value,
      basis: extra.basis ?? null,
      platform: 'douyin',
      time_window: extra.time_window ?? 'live',
      import_id: source === 'import' ? 'imp-1' : null,
      updated_at: now,
    });
    await ctx.deps.db
      .insertInto('metric_values')
      .values([
        row('views', 'import', 50000),
        row('viewers', 'import', 20000),
        row('gmv_fen', 'import', 55000, { time_window: 't+1' }),
        row('gmv_fen', 'manual', 60000),
        row('product_click_viewers', 'import', 400),
        row('avg_watch_seconds', 'import', 75.5, { basis: 'device' }),
        row('refund_orders', 'import', 1),
      ])
      .execute();
    m = (await sessionMetrics(ctx.deps.db, sessionId)).metrics;
    expect(valueOf(m, 'views')).toEqual({ metric: 'views', value: 50000, unit: 'count', source: 'import', basis: null, platform: 'douyin', window: 'live' });
    expect(valueOf(m, 'avg_watch_seconds')).toMatchObject({ value: 75.5, unit: 'seconds', source: 'import', basis: 'device' });
    expect(valueOf(m, 'gmv_fen')).toMatchObject({ value: 60000, source: 'manual', window: 'live' });
    expect(valueOf(m, 'orders')).toMatchObject({ value: 2, source: 'events' });
    // GPM per thousand views now that views exist; the interaction rate per view likewise
    expect(valueOf(m, 'gpm_fen')).toMatchObject({ value: (60000 * 1000) / 50000, basis: 'pv', source: 'manual' });
    expect(valueOf(m, 'interaction_rate')).toMatchObject({ value: 3 / 50000, basis: 'comments/views', source: 'import' });
    expect(valueOf(m, 'uv_value_fen').value).toBe(3);
    expect(valueOf(m, 'click_to_pay_rate')).toMatchObject({ value: 2 / 400, source: 'import' });
    expect(valueOf(m, 'refund_rate')).toMatchObject({ value: 1 / 2, basis: 'orders', source: 'import' });
    expect(valueOf(m, 'exposure_viewers').value).toBeNull();

    // the import alone, once the manual figure is gone: its own window comes with it
    await ctx.deps.db.deleteFrom('metric_values').where('session_id', '=', sessionId).where('source', '=', 'manual').execute();
    m = (await sessionMetrics(ctx.deps.db, sessionId)).metrics;
    expect(valueOf(m, 'gmv_fen')).toMatchObject({ value: 55000, source: 'import', window: 't+1' });
    expect(valueOf(m, 'aov_fen')).toMatchObject({ value: 27500, source: 'import', window: 't+1' });
  });
});

describe('sessionMetrics: no data', () => {
  it('is null for a session without events, and for kinds a room never sent (a Bilibili room sends no orders)', async () => {
    const quiet = await buildRoomWithSession(owner, { teamId, accountId: 'metrics-3', start: '2026-12-03T19:00:00+08:00', end: '2026-12-03T21:00:00+08:00' });
    const none = await sessionMetrics(ctx.deps.db, quiet.sessionId);
    expect(none.metrics.filter((m) => m.value !== null)).toEqual([]);
    expect(none.metrics.every((m) => m.source === null && m.platform === null)).toBe(true);

    const at = (s: number) => new Date(Date.parse('2026-12-03T11:02:00.000Z') + s * 1000).toISOString();
    await postEvents(ctx, quiet.roomId, quiet.token, [
      { kind: 'comment', id: 'b1', at: at(0), user: { name: '路人' }, text: '来了' },
      { kind: 'gift', id: 'b2', at: at(30), user: { name: '路人' }, text: '辣条', count: 3, valueFen: 30 },
    ]);
    const some = await sessionMetrics(ctx.deps.db, quiet.sessionId);
    expect(some.base).toMatchObject({ comments: 1, commenters: 1, gift_fen: 30, duration_seconds: 30, gmv_fen: null, orders: null, buyers: null, likes: null, peak_viewers: null, avg_viewers: null });
    expect(valueOf(some.metrics, 'aov_fen').value).toBeNull();
  });

  it('sessionsMetrics answers many sessions at once, the same as one by one, and leaves unknown ids out', async () => {
    const ids = (await ctx.deps.db.selectFrom('live_sessions').select('id').execute()).map((r) => r.id);
    const many = await sessionsMetrics(ctx.deps.db, [...ids, 'unknown-session']);
    expect([...many.keys()].sort()).toEqual([...ids].sort());
    for (const id of ids) expect(many.get(id)).toEqual(await sessionMetrics(ctx.deps.db, id));
    await expect(sessionMetrics(ctx.deps.db, 'unknown-session')).rejects.toThrow('analytics/session-not-found');
  });
});
