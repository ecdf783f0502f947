import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestContext, setupOwner, type TestContext } from '../../test/harness';
import { stableId } from '../../platform/ids';
import { seedSession } from './suggestions.builders';
import { suggestEndedSessions } from './suggestions.service';

// The suggestions clock: a show that ended gets its suggestions without anyone opening its review, once; again only
// when its data changes (a platform export imported the day after); never for a show still on air or long past.

let ctx: TestContext;
let owner: Client;
let roomId: string;

const DAY = 86_400_000;
const T = Date.UTC(2026, 10, 10, 12, 0); // 2026-11-10 20:00 Asia/Shanghai
const AFTER = new Date(T + 2 * 3_600_000); // an hour after the show's planned end
const steady = (i: number) => 1000 * (1 - 0.05 * ((i % 20) / 19));

beforeAll(async () => {
  ctx = await createTestContext();
  owner = await setupOwner(ctx.app, 'en-US');
  const teamId = (await owner.post('/api/v1/teams', { name: '美妆组' })).json().id;
  roomId = (await owner.post('/api/v1/rooms', { teamId, platform: 'douyin', accountId: 'dy1', displayName: '美妆一号间', requireApprovedContent: false })).json().id;
  const now = new Date().toISOString();
  await ctx.deps.db
    .insertInto('products')
    .values([1, 2, 3].map((n) => ({ id: stableId('product', `p${n}`), sku: `SKU-${n}`, name: `精华液 ${n} 号`, category: 'beauty', list_price_fen: 19_900, live_price_fen: 9_900, stock: 100, selling_points: '[]', image_urls: '[]', created_at: now, updated_at: now })))
    .execute();
  // Five earlier shows, the last two within the clock's three days; a show a week ago; one still on air.
  for (let n = 1; n <= 5; n++) await seedSession(ctx.deps.db, { id: `prev-${n}`, room: roomId, start: T - n * DAY, minutes: 60, viewers: steady, viewersCumulative: 10_000, slots: [20, 20, 20], imported: { buyers: 100 + n, product_click_viewers: 1000 } });
  await seedSession(ctx.deps.db, { id: 'old', room: roomId, start: T - 7 * DAY, minutes: 60, viewers: steady, viewersCumulative: 10_000, slots: [20, 20, 20] });
  // This show: slot 2 loses 40 % of its viewers and GMV misses its goal.
  await seedSession(ctx.deps.db, { id: 'this', room: roomId, start: T, minutes: 60, viewers: (i) => (i >= 20 && i < 40 ? 1000 * (1 - 0.4 * ((i - 20) / 19)) : 1000), viewersCumulative: 10_000, goalGmvFen: 2_000_000, slots: [20, 20, 20] });
  await seedSession(ctx.deps.db, { id: 'on-air', room: roomId, start: T + 30 * 60_000, minutes: 30, viewers: steady, viewersCumulative: 5_000, slots: [20, 20, 20], status: 'live' });
}, 60_000);
afterAll(() => ctx.close());

const rulesOf = async (sessionId: string) =>
  (await ctx.deps.db.selectFrom('suggestions').select('rule').where('session_id', '=', sessionId).orderBy('rule').execute()).map((r) => r.rule);

describe('the suggestions clock', () => {
  it('computes the shows that ended in the last three days, without a review being opened', async () => {
    const computed = await suggestEndedSessions(ctx.deps, AFTER);
    expect(computed).toEqual(['this', 'prev-1', 'prev-2']);
    expect(await rulesOf('this')).toEqual(expect.arrayContaining(['gmv_below_goal', 'viewer_drop_slot']));
    expect(await rulesOf('on-air')).toEqual([]);
    expect(await rulesOf('old')).toEqual([]);
    // listed on /suggestions like any other
    const listed = (await owner.get('/api/v1/suggestions')).json().items as { sessionId: string; rule: string }[];
    expect(listed.filter((s) => s.sessionId === 'this').map((s) => s.rule).sort()).toEqual(await rulesOf('this'));
  });

  it('computes a show once, and again when its data changes', async () => {
    expect(await suggestEndedSessions(ctx.deps, AFTER)).toEqual([]);
    // The platform export arrives the next day: click-to-pay far under the room's usual.
    await ctx.deps.db
      .insertInto('metric_values')
      .values([
        { session_id: 'this', metric: 'buyers', source: 'import', value: 20, basis: null, platform: 'douyin', time_window: 'live', import_id: null, updated_at: new Date(T + DAY).toISOString() },
        { session_id: 'this', metric: 'product_click_viewers', source: 'import', value: 1000, basis: null, platform: 'douyin', time_window: 'live', import_id: null, updated_at: new Date(T + DAY).toISOString() },
      ])
      .execute();
    expect(await suggestEndedSessions(ctx.deps, new Date(T + DAY + 60_000))).toEqual(['this']);
    expect(await rulesOf('this')).toContain('click_to_pay_low');
    expect(await suggestEndedSessions(ctx.deps, new Date(T + DAY + 120_000))).toEqual([]);
  });

  it('counts a review opened by hand as computed', async () => {
    await ctx.deps.db.deleteFrom('suggestion_runs').where('session_id', '=', 'prev-1').execute();
    expect((await owner.get('/api/v1/sessions/prev-1/suggestions')).statusCode).toBe(200);
    expect(await suggestEndedSessions(ctx.deps, AFTER)).toEqual([]);
  });
});
