import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestContext, type TestContext } from '../../test/harness';
import { compileScanner, DEFAULT_PACKS } from '../compliance/scanner';
import { analyse } from '../sentiment/analyser';
import { buildSessionHistory, type HistorySession } from './history.build';
import { seedDemoHistory } from './history.seed';

const n = (v: unknown) => Number(v ?? 0);

let ctx: TestContext;
let loadedAt: Date;

beforeAll(async () => {
  ctx = await createTestContext();
  loadedAt = new Date();
  const res = await new Client(ctx.app).post('/api/v1/setup/demo');
  expect(res.statusCode).toBe(201);
}, 120_000);
afterAll(() => ctx.close());

/** Per session: the rollups' totals, the raw order events' totals, stats and imports. */
async function totals() {
  const db = ctx.deps.db;
  const minutes = await db
    .selectFrom('live_minutes')
    .groupBy('session_id')
    .select((eb) => [
      'session_id',
      eb.fn.countAll<number>().as('minutes'),
      eb.fn.sum<number>('orders').as('orders'),
      eb.fn.sum<number>('gmv_fen').as('gmv'),
      eb.fn.sum<number>('comments').as('comments'),
      eb.fn.sum<number>('likes').as('likes'),
      eb.fn.sum<number>('sentiment_neg').as('neg'),
      eb.fn.sum<number>('transcripts').as('transcripts'),
      eb.fn.max<number>('viewers_max').as('peak'),
    ])
    .orderBy('session_id')
    .execute();
  const orders = await db
    .selectFrom('live_events')
    .where('kind', '=', 'order')
    .groupBy('session_id')
    .select((eb) => ['session_id', eb.fn.countAll<number>().as('orders'), eb.fn.sum<number>('value_fen').as('gmv'), eb.fn.count<number>('buyer_ref').distinct().as('buyers')])
    .orderBy('session_id')
    .execute();
  const comments = await db.selectFrom('live_events').where('kind', '=', 'comment').groupBy('session_id').select((eb) => ['session_id', eb.fn.countAll<number>().as('n')]).orderBy('session_id').execute();
  const commenters = await db.selectFrom('live_commenters').groupBy('session_id').select((eb) => ['session_id', eb.fn.countAll<number>().as('n')]).orderBy('session_id').execute();
  const stats = await db.selectFrom('live_session_stats').selectAll().orderBy('session_id').execute();
  const findings = await db
    .selectFrom('compliance_findings')
    .groupBy(['session_id', 'source', 'rule'])
    .select((eb) => ['session_id', 'source', 'rule', eb.fn.countAll<number>().as('n')])
    .orderBy('session_id')
    .orderBy('source')
    .orderBy('rule')
    .execute();
  const imports = await db.selectFrom('metric_values').select(['session_id', 'metric', 'source', 'value', 'platform']).orderBy('session_id').orderBy('metric').execute();
  const norm = <T extends Record<string, unknown>>(rows: T[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v])));
  return { minutes: norm(minutes), orders: norm(orders), comments: norm(comments), commenters: norm(commenters), stats: norm(stats), imports: norm(imports), findings: norm(findings) };
}

describe('the demo company’s show history', () => {
  it('gives every past session rollups, stats and commenters, and no other session any', async () => {
    const db = ctx.deps.db;
    const sessions = await db.selectFrom('live_sessions').select(['id', 'status', 'planned_end']).execute();
    const past = sessions.filter((s) => (s.status === 'ended' || s.status === 'reviewed') && s.planned_end <= loadedAt.toISOString());
    expect(past.length).toBeGreaterThan(400);
    const t = await totals();
    const withMinutes = new Set(t.minutes.map((m) => m.session_id));
    expect([...withMinutes].sort()).toEqual(past.map((s) => s.id).sort());
    expect(t.stats.map((s) => s.session_id).sort()).toEqual(past.map((s) => s.id).sort());
    for (const m of t.minutes) {
      // a show of about four hours, every minute with viewer samples
      expect(n(m.minutes)).toBeGreaterThan(200);
      expect(n(m.peak)).toBeGreaterThan(0);
      expect(n(m.comments)).toBeGreaterThan(0);
    }
    const commenters = new Map(t.commenters.map((c) => [c.session_id, n(c.n)]));
    for (const s of t.stats) {
      expect(n(s.commenters)).toBe(commenters.get(s.session_id));
      expect(n(s.viewers_cumulative)).toBeGreaterThan(n(t.minutes.find((m) => m.session_id === s.session_id)!.peak));
      expect(String(s.first_event_at) < String(s.last_event_at)).toBe(true);
    }
    // minute keys are ingestion's: whole UTC minutes in ISO form
    const sample = await db.selectFrom('live_minutes').select('minute').limit(50).execute();
    for (const { minute } of sample) expect(minute).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\.000Z$/);
  });

  it('stores every order as a raw event, so orders, GMV and buyers add up to the rollups', async () => {
    const t = await totals();
    const raw = new Map(t.orders.map((o) => [o.session_id, o]));
    for (const m of t.minutes) {
      const o = raw.get(m.session_id);
      expect(n(o?.orders), String(m.session_id)).toBe(n(m.orders));
      expect(n(o?.gmv), String(m.session_id)).toBe(n(m.gmv));
      expect(n(o?.buyers)).toBeGreaterThan(0);
      expect(n(o?.buyers)).toBeLessThanOrEqual(n(m.orders));
    }
    // minute by minute too, and each order sells a product of the session's run of show
    const db = ctx.deps.db;
    const some = t.minutes.slice(0, 5).map((m) => String(m.session_id));
    for (const id of some) {
      const events = await db.selectFrom('live_events').select(['at', 'value_fen', 'product_ref', 'buyer_ref', 'count']).where('session_id', '=', id).where('kind', '=', 'order').execute();
      const byMinute = new Map<string, { orders: number; gmv: number }>();
      for (const e of events) {
        const key = new Date(Math.floor(Date.parse(e.at) / 60_000) * 60_000).toISOString();
        const x = byMinute.get(key) ?? { orders: 0, gmv: 0 };
        byMinute.set(key, { orders: x.orders + 1, gmv: x.gmv + n(e.value_fen) });
      }
      const rollups = await db.selectFrom('live_minutes').select(['minute', 'orders', 'gmv_fen']).where('session_id', '=', id).where('orders', '>', 0).execute();
      expect(new Map(rollups.map((r) => [r.minute, { orders: n(r.orders), gmv: n(r.gmv_fen) }]))).toEqual(byMinute);
      const skus = await db.selectFrom('session_slots as s').innerJoin('products as p', 'p.id', 's.product_id').select('p.sku').where('s.session_id', '=', id).execute();
      const own = new Set(skus.map((s) => s.sku));
      for (const e of events) {
        expect(own.has(e.product_ref!)).toBe(true);
        expect(e.buyer_ref).toBeTruthy();
        expect(n(e.count)).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('keeps a sample of comments with the analyser’s sentiment, from viewers counted as commenters', async () => {
    const db = ctx.deps.db;
    const t = await totals();
    const rollupComments = new Map(t.minutes.map((m) => [m.session_id, n(m.comments)]));
    for (const c of t.comments) {
      expect(n(c.n)).toBeGreaterThan(20);
      expect(n(c.n)).toBeLessThanOrEqual(rollupComments.get(c.session_id)!);
    }
    expect(t.comments.length).toBe(t.minutes.length);
    const id = String(t.minutes[0]!.session_id);
    const rows = await db.selectFrom('live_events').select(['text', 'sentiment', 'sentiment_score', 'user_ext_id']).where('session_id', '=', id).where('kind', '=', 'comment').execute();
    const keys = new Set((await db.selectFrom('live_commenters').select('user_key').where('session_id', '=', id).execute()).map((r) => r.user_key));
    for (const r of rows) {
      const s = analyse(r.text!);
      expect(r.sentiment).toBe(s.label);
      expect(n(r.sentiment_score)).toBeCloseTo(s.score, 6);
      expect(keys.has(`id:${r.user_ext_id}`)).toBe(true);
    }
    // viewers ask which link and what it costs, and some complain
    const texts = (await db.selectFrom('live_events').select('text').where('kind', '=', 'comment').execute()).map((r) => r.text!);
    expect(texts.some((x) => x.includes('号链接'))).toBe(true);
    expect(texts.some((x) => x.includes('多少钱'))).toBe(true);
    expect(texts.filter((x) => analyse(x).label === 'negative').length).toBeGreaterThan(100);
  });

  it('stores every line the host spoke, counted in the rollups', async () => {
    const db = ctx.deps.db;
    const t = await totals();
    const lines = await db.selectFrom('live_events').where('kind', '=', 'transcript').groupBy('session_id').select((eb) => ['session_id', eb.fn.countAll<number>().as('n')]).execute();
    const byMinuteRollup = new Map(t.minutes.map((m) => [m.session_id, n(m.transcripts)]));
    expect(lines.length).toBe(t.minutes.length);
    for (const l of lines) {
      expect(n(l.n)).toBeGreaterThan(10);
      expect(n(l.n)).toBe(byMinuteRollup.get(l.session_id));
    }
    const sample = await db.selectFrom('live_events').select(['text', 'platform', 'user_name']).where('kind', '=', 'transcript').limit(200).execute();
    for (const r of sample) {
      expect(r.text).toBeTruthy();
      expect(r.platform).toBe('custom');
      expect(r.user_name).toBeNull();
    }
  });

  it('stores the findings live scanning would have: every comment and host line scanned with the shipped packs', async () => {
    const db = ctx.deps.db;
    const scanner = compileScanner([...DEFAULT_PACKS]);
    const lines = await db
      .selectFrom('live_events as e')
      .innerJoin('rooms as r', 'r.id', 'e.room_id')
      .select(['e.id', 'e.session_id', 'e.kind', 'e.text', 'e.at', 'r.team_id', 'e.room_id'])
      .where('e.kind', 'in', ['comment', 'transcript'])
      .execute();
    const hosts = new Map<string, string>();
    for (const c of await db.selectFrom('session_crew').select(['session_id', 'person_id']).where('role', '=', 'host').orderBy('person_id').execute()) if (!hosts.has(c.session_id)) hosts.set(c.session_id, c.person_id);
    const key = (x: { event: unknown; source: string; rule: string; term: string; start: unknown; end: unknown; at: string; session: unknown; room: string; team: string; host: string | null }) =>
      [x.event, x.source, x.rule, x.term, x.start, x.end, x.at, x.session, x.room, x.team, x.host].join('|');
    const expected = lines.flatMap((l) =>
      scanner.scan({ text: l.text!, context: l.kind as 'comment' | 'transcript' }).map((f) => key({ event: n(l.id), source: l.kind, rule: f.rule, term: f.term, start: f.start, end: f.end, at: l.at, session: l.session_id, room: l.room_id, team: l.team_id, host: hosts.get(l.session_id!) ?? null })),
    );
    const stored = (await db.selectFrom('compliance_findings').selectAll().execute()).map((f) =>
      key({ event: n(f.event_id), source: f.source, rule: f.rule, term: f.term, start: n(f.span_start), end: n(f.span_end), at: f.at, session: f.session_id, room: f.room_id, team: f.team_id, host: f.host_person_id }),
    );
    expect(stored.sort()).toEqual(expected.sort());
    // viewers' diversion and abuse, and the host's slips (the past shows' share, not the live demo's)
    const bySource = (source: string) => stored.filter((k) => k.split('|')[1] === source).length;
    expect(bySource('comment')).toBeGreaterThan(100);
    expect(bySource('transcript')).toBeGreaterThan(100);
  });

  it('tells hosts apart: some slip far more often than others, and not all into the same rules', async () => {
    const db = ctx.deps.db;
    const spoken = await db
      .selectFrom('live_events as e')
      .innerJoin('session_crew as c', (j) => j.onRef('c.session_id', '=', 'e.session_id').on('c.role', '=', 'host'))
      .where('e.kind', '=', 'transcript')
      .groupBy('c.person_id')
      .select((eb) => ['c.person_id', eb.fn.countAll<number>().as('lines')])
      .execute();
    const slips = await db
      .selectFrom('compliance_findings')
      .where('source', '=', 'transcript')
      .groupBy(['host_person_id', 'rule'])
      .select((eb) => ['host_person_id', 'rule', eb.fn.count<number>('event_id').distinct().as('lines')])
      .execute();
    const rate = new Map<string, number>();
    const top = new Map<string, { rule: string; lines: number }>();
    for (const s of slips) {
      const lines = n(spoken.find((x) => x.person_id === s.host_person_id)?.lines);
      rate.set(s.host_person_id!, Math.max(rate.get(s.host_person_id!) ?? 0, n(s.lines) / lines));
      if (n(s.lines) > (top.get(s.host_person_id!)?.lines ?? 0)) top.set(s.host_person_id!, { rule: s.rule, lines: n(s.lines) });
    }
    const rates = spoken.filter((x) => n(x.lines) > 200).map((x) => rate.get(x.person_id) ?? 0).sort((a, b) => a - b);
    expect(rates.length).toBeGreaterThanOrEqual(4);
    expect(rates[rates.length - 1]!).toBeGreaterThan(3 * rates[0]!);
    expect(new Set([...top.values()].map((x) => x.rule)).size).toBeGreaterThan(1);
  });

  it('imports platform figures for most sessions, in the room’s platform, with a funnel that narrows', async () => {
    const db = ctx.deps.db;
    const t = await totals();
    const rooms = await db.selectFrom('live_sessions as s').innerJoin('rooms as r', 'r.id', 's.room_id').select(['s.id', 'r.platform']).execute();
    const platformOf = new Map(rooms.map((r) => [r.id, r.platform]));
    const bySession = new Map<string, Map<string, number>>();
    for (const r of t.imports) {
      expect(r.source).toBe('import');
      expect(r.platform).toBe(platformOf.get(String(r.session_id)));
      const m = bySession.get(String(r.session_id)) ?? new Map<string, number>();
      m.set(String(r.metric), n(r.value));
      bySession.set(String(r.session_id), m);
    }
    expect(bySession.size).toBeGreaterThan(t.minutes.length * 0.7);
    expect(bySession.size).toBeLessThan(t.minutes.length);
    const viewers = new Map(t.stats.map((s) => [s.session_id, n(s.viewers_cumulative)]));
    const buyers = new Map(t.orders.map((o) => [o.session_id, n(o.buyers)]));
    const gmv = new Map(t.minutes.map((m) => [m.session_id, n(m.gmv)]));
    for (const [id, m] of bySession) {
      expect([...m.keys()].sort()).toEqual(['ad_cost_fen', 'exposure_viewers', 'over_1min_viewers', 'product_click_viewers', 'product_exposure_viewers', 'refund_fen', 'views', 'watch_seconds_total']);
      const uv = viewers.get(id)!;
      expect(buyers.get(id)!).toBeLessThanOrEqual(m.get('product_click_viewers')!);
      expect(m.get('product_click_viewers')!).toBeLessThanOrEqual(m.get('product_exposure_viewers')!);
      expect(m.get('product_exposure_viewers')!).toBeLessThanOrEqual(uv);
      expect(uv).toBeLessThanOrEqual(m.get('exposure_viewers')!);
      expect(m.get('views')!).toBeGreaterThanOrEqual(uv);
      expect(m.get('over_1min_viewers')!).toBeLessThan(uv);
      expect(m.get('refund_fen')!).toBeLessThan(gmv.get(id)!);
      expect(m.get('ad_cost_fen')!).toBeGreaterThan(0);
      expect(m.get('watch_seconds_total')!).toBeGreaterThan(uv * 30);
    }
  });

  it('varies between shows: some beat their goal, some miss it badly', async () => {
    const db = ctx.deps.db;
    const t = await totals();
    const goals = new Map((await db.selectFrom('live_sessions').select(['id', 'goal_gmv_fen']).execute()).map((s) => [s.id, n(s.goal_gmv_fen)]));
    const ratios = t.minutes.map((m) => n(m.gmv) / goals.get(String(m.session_id))!).sort((a, b) => a - b);
    const median = ratios[Math.floor(ratios.length / 2)]!;
    expect(median).toBeGreaterThan(0.8);
    expect(median).toBeLessThan(1.25);
    expect(ratios[0]!).toBeLessThan(0.6);
    expect(ratios[ratios.length - 1]!).toBeGreaterThan(1.3);
  });

  it('writes the same data again for the same anchor', async () => {
    const before = await totals();
    await ctx.deps.db.transaction().execute(async (trx) => {
      for (const table of ['compliance_findings', 'live_minutes', 'live_events', 'live_commenters', 'live_session_stats', 'metric_values'] as const) await trx.deleteFrom(table).execute();
      await seedDemoHistory(trx, loadedAt);
    });
    const after = await totals();
    expect(after).toEqual(before);
  }, 120_000);
});

describe('one session’s history', () => {
  const session: HistorySession = {
    id: 'session-1',
    roomId: 'room-1',
    platform: 'taobao',
    plannedStart: Date.parse('2026-11-20T11:00:00.000Z'),
    plannedEnd: Date.parse('2026-11-20T14:00:00.000Z'),
    goals: { gmvFen: 3_000_000, viewers: 9000, orders: 200 },
    slots: [
      { position: 1, productRef: 'SKU-1', productName: '五常大米', priceFen: 2990, plannedMinutes: 30, slotType: 'welfare' },
      { position: 2, productRef: 'SKU-2', productName: '精华液', priceFen: 19900, plannedMinutes: 90, slotType: 'hero' },
      { position: 3, productRef: 'SKU-3', productName: '羊毛大衣', priceFen: 12900, plannedMinutes: 50, slotType: 'profit' },
    ],
    hostId: 'host-1',
    category: 'beauty',
    daysAgo: 7,
  };

  it('is the same for the same inputs, and rollups only when asked', () => {
    const a = buildSessionHistory(session, { rawEvents: true, imports: true });
    expect(buildSessionHistory(session, { rawEvents: true, imports: true })).toEqual(a);
    const lean = buildSessionHistory(session, { rawEvents: false, imports: false });
    expect(lean.minutes).toEqual(a.minutes);
    expect(lean.orders).toEqual([]);
    expect(lean.comments).toEqual([]);
    expect(lean.speech).toEqual([]);
    // the host speaks while a slot is on, every line stored and counted
    expect(a.speech.length).toBe(a.minutes.reduce((s, m) => s + m.transcripts, 0));
    expect(a.speech.length).toBeGreaterThan(30);
    expect(a.speech.some((l) => ['五常大米', '精华液', '羊毛大衣'].some((name) => l.text!.includes(name)))).toBe(true);
    expect(lean.metrics).toEqual([]);
    // a Taobao room sends no fans-club joins and no gifts
    expect(a.minutes.every((m) => m.fans_club === 0 && m.gifts === 0)).toBe(true);
    expect(a.orders.length).toBe(a.minutes.reduce((s, m) => s + m.orders, 0));
  });
});
