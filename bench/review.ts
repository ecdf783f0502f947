/**
 * Benchmark: the session review (复盘) of a 6-hour show with 1,000,000 events.
 *
 * The show is stored straight through the ingestion repository — the functions storeEvents calls in its transaction:
 * insertEvents (raw live_events with the analyser's sentiment), accumulate → addMinutes (live_minutes),
 * addCommenters (live_commenters), addSessionStats — in transactions of 5,000 events, without the HTTP, adapter,
 * session attachment, compliance scan and alert steps (bench/ingest.ts measures those). The mix per minute of a
 * 360-minute show: comments 45 % (a pool of real live-commerce comments), likes 28 %, joins 12 %, gifts 5 %, orders
 * 3.5 % (10 products, sold slot by slot), follows 3 %, shares 1 %, fans-club joins 0.5 %, viewer counts every 10 s.
 * The room also has its 10 previous shows (setup/history.build.ts generator), which the review compares against.
 *
 * Then GET /api/v1/sessions/:id/review through app.inject (the whole server path: auth, the review, serialisation),
 * once cold and 20 times warm; target p50/p95 under 300 ms. Fresh SQLite file, or a fresh PostgreSQL schema with
 * DATABASE_URL=postgres://…. Alone: `node --import tsx bench/review.ts [events]`. Figures go in the README.
 */
import { freshDatabase } from './fresh-database';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { NormalizedEvent } from '../contracts/ingest';
import type { ProductView } from '../contracts/planning';
import { RoomInput } from '../contracts/team';
import { createSession, insertUserAccount } from '../server/modules/accounts/accounts.service';
import * as repo from '../server/modules/ingest/ingest.repository';
import { accumulate, commenterKey, minuteOf } from '../server/modules/ingest/ingest.rules';
import { createSession as createLiveSession, setSlots } from '../server/modules/planning/planning.service';
import { createProduct } from '../server/modules/products/products.service';
import { analyse } from '../server/modules/sentiment/analyser';
import { buildSessionHistory } from '../server/modules/setup/history.build';
import { HistoryWriter } from '../server/modules/setup/history.seed';
import { createRoom, createTeam } from '../server/modules/team/team.service';
import { systemActor } from '../server/platform/context';
import { withTransaction } from '../server/platform/db';
import { buildApp } from '../server/platform/http';
import { mulberry32 } from '../server/platform/random';

const EVENTS = Number(process.argv[2] ?? 1_000_000);
const MINUTES = 360;
const BATCH = 5000;
const RUNS = 20;
const USERS = 80_000;
const PRODUCTS = 10;
const SLOT_TYPES = ['welfare', 'traffic', 'hero', 'profit', 'hero', 'traffic', 'profit', 'welfare', 'hero', 'profit'] as const;

const COMMENTS = [
  '几号链接？', '多少钱啊', '3号链接多少钱', '有优惠券吗', '还有货吗', '包邮吗', '敏感肌能用吗', '什么时候发货', '已下单', '买了买了', '主播讲得好清楚',
  '回购第三次了，好用', '质量很好，推荐', '来了来了', '扣1', '想要', '求讲解', '福袋', '发货太慢了', '上次买的质量一般', '客服一直不回消息', '退款还没到账',
  '怎么又涨价了', '抢不到，库存太少', '卡了', '和图片不一样，有色差', '性价比太高了', '主播好美', '这个色号绝美', '用了过敏了',
];

function pct(sorted: number[], p: number) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

async function main() {
  const { config, handle, deps, dispose } = await freshDatabase('review');
  const db = handle.db;
  const dialect = config.database.kind;
  const team = await createTeam(deps, systemActor, { name: '复盘压测组', description: '' });
  const room = await createRoom(deps, systemActor, RoomInput.parse({ teamId: team.id, platform: 'douyin', accountId: 'bench-review', displayName: '复盘压测直播间' }));
  const products: ProductView[] = [];
  for (let i = 0; i < PRODUCTS; i++) {
    const price = [2990, 9900, 19900, 12900, 25900, 5990, 15900, 3990, 29900, 8900][i]!;
    products.push(await createProduct(deps, systemActor, { sku: `BENCH-${i + 1}`, name: `压测商品 ${i + 1}`, category: 'beauty', listPriceFen: price * 2, livePriceFen: price, stock: 100_000, sellingPoints: [], imageUrls: [] }));
  }
  const slotMinutes = MINUTES / PRODUCTS;
  const hour = 3_600_000;
  const start = Math.floor((Date.now() - 8 * hour) / 60_000) * 60_000;
  const end = start + MINUTES * 60_000;

  // The room's 10 previous shows, a day apart, with the demo generator (every order raw, a sample of comments).
  const writer = new HistoryWriter(db, 10);
  for (let d = 10; d >= 1; d--) {
    const s = await createLiveSession(deps, systemActor, { roomId: room.id, title: `往期场次 ${d}`, plannedStart: new Date(start - d * 24 * hour).toISOString(), plannedEnd: new Date(end - d * 24 * hour).toISOString(), goals: { gmvFen: 6_000_000, viewers: 20_000, orders: 400 }, notes: '' }, 'zh-CN');
    await setSlots(deps, systemActor, s.id, { slots: products.map((p, i) => ({ productId: p.id, plannedMinutes: slotMinutes, slotType: SLOT_TYPES[i]!, talkingPoints: '', mechanics: [] })) }, 'zh-CN');
    await db.updateTable('live_sessions').set({ status: 'reviewed' }).where('id', '=', s.id).execute();
    await writer.add(
      buildSessionHistory(
        {
          id: s.id,
          roomId: room.id,
          platform: 'douyin',
          plannedStart: Date.parse(s.plannedStart),
          plannedEnd: Date.parse(s.plannedEnd),
          goals: { gmvFen: 6_000_000, viewers: 20_000, orders: 400 },
          slots: products.map((p, i) => ({ position: i + 1, productRef: p.sku, productName: p.name, priceFen: p.livePriceFen, plannedMinutes: slotMinutes, slotType: SLOT_TYPES[i]! })),
          hostId: null,
          category: 'beauty',
          daysAgo: d,
        },
        { rawEvents: true, imports: true },
      ),
    );
  }
  await writer.flush();

  const session = await createLiveSession(deps, systemActor, { roomId: room.id, title: '复盘压测场（6 小时）', plannedStart: new Date(start).toISOString(), plannedEnd: new Date(end).toISOString(), goals: { gmvFen: 50_000_000, viewers: 200_000, orders: 30_000 }, notes: '' }, 'zh-CN');
  await setSlots(deps, systemActor, session.id, { slots: products.map((p, i) => ({ productId: p.id, plannedMinutes: slotMinutes, slotType: SLOT_TYPES[i]!, talkingPoints: '', mechanics: [] })) }, 'zh-CN');
  await db.updateTable('live_sessions').set({ status: 'ended' }).where('id', '=', session.id).execute();

  console.log(`Showrunner session review benchmark — ${dialect}, one ${MINUTES}-minute show with ${EVENTS.toLocaleString('en')} events, one server process`);
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);

  // The show's events, in time order, generated batch by batch.
  const rng = mulberry32(7);
  const sentiments = new Map(COMMENTS.map((t) => [t, analyse(t)]));
  const perMinute = EVENTS / MINUTES;
  let seq = 0;
  let cumulative = 0;
  const run = randomBytes(3).toString('hex');
  const makeEvent = (i: number): NormalizedEvent => {
    const t = start + Math.floor((i / EVENTS) * MINUTES * 60_000);
    const at = new Date(t).toISOString();
    const minute = Math.floor((t - start) / 60_000);
    const base = { platform: 'custom' as const, platformMsgId: `${run}-${seq++}`, at, text: null, count: null, valueFen: null, unit: null, unitAmount: null, fenPerUnit: null, orderId: null, productRef: null, buyerRef: null, status: null };
    const u = Math.floor(rng() * rng() * USERS);
    const user = { id: `u${u}`, name: `观众${u}` };
    // A viewer count every 10 s of show time.
    if (i % Math.max(1, Math.round(perMinute / 6)) === 0) {
      const online = Math.round(3000 + 1500 * Math.sin(minute / 40) + rng() * 200);
      cumulative = Math.max(cumulative, Math.round(minute * 550 + online));
      return { ...base, kind: 'viewer_count', sourceType: 'viewer_count', user: null, count: online, unit: 'concurrent' };
    }
    const r = rng();
    if (r < 0.45) {
      const text = COMMENTS[Math.floor(rng() * COMMENTS.length)]!;
      return { ...base, kind: 'comment', sourceType: 'comment', user, text };
    }
    if (r < 0.73) return { ...base, kind: 'like', sourceType: 'like', user, count: 1 + Math.floor(rng() * 15) };
    if (r < 0.85) return { ...base, kind: 'join', sourceType: 'join', user };
    if (r < 0.9) return { ...base, kind: 'gift', sourceType: 'gift', user, text: '小心心', count: 1, valueFen: 10 * (1 + Math.floor(rng() * 50)) };
    if (r < 0.935) {
      const product = products[Math.min(PRODUCTS - 1, Math.floor(minute / slotMinutes))]!;
      const qty = rng() < 0.8 ? 1 : 2;
      return { ...base, kind: 'order', sourceType: 'order', user: null, orderId: `O${seq}`, productRef: product.sku, buyerRef: `b${Math.floor(rng() * 40_000)}`, count: qty, valueFen: product.livePriceFen * qty };
    }
    if (r < 0.965) return { ...base, kind: 'follow', sourceType: 'follow', user };
    if (r < 0.975) return { ...base, kind: 'share', sourceType: 'share', user };
    return { ...base, kind: 'fans_club', sourceType: 'fans_club', user };
  };

  const loadStarted = performance.now();
  for (let i = 0; i < EVENTS; i += BATCH) {
    const batch: { sessionId: string; event: NormalizedEvent; sentiment: ReturnType<typeof analyse> | null }[] = [];
    for (let j = i; j < Math.min(EVENTS, i + BATCH); j++) {
      const event = makeEvent(j);
      batch.push({ sessionId: session.id, event, sentiment: event.kind === 'comment' ? sentiments.get(event.text!)! : null });
    }
    await withTransaction(db, async (trx) => {
      const inserted = await repo.insertEvents(trx, room.id, batch, new Date().toISOString());
      const fresh = inserted.map(({ index }) => batch[index]!);
      const { minutes, sessions } = accumulate(fresh);
      await repo.addMinutes(trx, dialect, minutes);
      const commenters: { sessionId: string; minute: string; userKey: string }[] = [];
      for (const { sessionId, event } of fresh) {
        const key = commenterKey(event);
        if (key) commenters.push({ sessionId, minute: '', userKey: key }, { sessionId, minute: minuteOf(event.at), userKey: key });
      }
      const newCommenters = await repo.addCommenters(trx, commenters);
      await repo.addSessionStats(trx, dialect, sessions.map((s) => ({ ...s, viewersCumulative: cumulative })), newCommenters);
    });
    if ((i / BATCH) % 40 === 39) console.log(`  … ${(i + BATCH).toLocaleString('en')} events stored`);
  }
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const stored = Number((await db.selectFrom('live_events').where('session_id', '=', session.id).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const minuteRows = Number((await db.selectFrom('live_minutes').where('session_id', '=', session.id).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  console.log(`stored ${stored.toLocaleString('en')} events and ${minuteRows} minute rollups in ${loadSeconds.toFixed(1)} s (${Math.round(stored / loadSeconds).toLocaleString('en')} events/s)`);

  const user = await insertUserAccount(db, { email: `bench-${run}@example.com`, displayName: 'bench', password: randomBytes(12).toString('hex'), role: 'owner' });
  const cookie = `sr_session=${(await createSession(db, user.id)).token}`;
  const app = await buildApp(deps);
  const url = `/api/v1/sessions/${session.id}/review`;
  const once = async () => {
    const t = performance.now();
    const res = await app.inject({ method: 'GET', url, headers: { cookie } });
    const ms = performance.now() - t;
    if (res.statusCode !== 200) throw new Error(`review answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
    return { ms, bytes: res.body.length, body: res.json() as { timeline?: unknown[]; slots?: unknown[] } };
  };
  const cold = await once();
  const warm: number[] = [];
  for (let i = 0; i < RUNS; i++) warm.push((await once()).ms);
  warm.sort((a, b) => a - b);
  console.log(`review body: ${(cold.bytes / 1024).toFixed(0)} KiB, ${cold.body.timeline?.length ?? '?'} timeline minutes, ${cold.body.slots?.length ?? '?'} slots`);
  console.log(`GET /api/v1/sessions/:id/review — first (cold) ${cold.ms.toFixed(1)} ms; ${RUNS} warm runs p50 ${pct(warm, 50).toFixed(1)} ms, p95 ${pct(warm, 95).toFixed(1)} ms, max ${warm[warm.length - 1]!.toFixed(1)} ms (target < 300 ms)`);
  await app.close();
  // BENCH_KEEP=1 keeps the database (the SQLite file's folder is printed) for looking at the queries afterwards.
  if (process.env.BENCH_KEEP) console.log(`kept: ${config.database.kind === 'sqlite' ? config.database.file : 'the PostgreSQL schema (search_path of this run)'}`);
  else await dispose();
}

await main();
