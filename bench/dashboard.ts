/**
 * Benchmark: the company dashboard over one year.
 *
 * 4 teams × 5 rooms (Douyin, Taobao, Kuaishou, WeChat Channels), each with 2 shows a day (13:00 and 19:30, 180
 * minutes) for 365 days: 14,600 sessions with a host each and a 5-product run of show. Their data is generated directly
 * with the demo's generator (server/modules/setup/history.build.ts, buildSessionHistory without raw events): per-minute
 * rollups (~2.7 million live_minutes rows), session stats, commenters, and imported platform figures for most sessions
 * (metric_values). No raw live_events: the dashboard reads summaries built from the rollups and imports.
 *
 * Then GET /api/v1/dashboards?scope=company&period=custom&from=…&to=… for that year through app.inject: the first call
 * (cold: it builds the per-session summaries lazily) and 20 warm calls (p50/p95); target under 300 ms. Fresh SQLite
 * file, or a fresh PostgreSQL schema with DATABASE_URL=postgres://…. Alone: `node --import tsx bench/dashboard.ts [days]`.
 * Figures go in the README.
 */
import { freshDatabase } from './fresh-database';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { DateTime } from 'luxon';
import { PersonInput } from '../contracts/people';
import type { ProductView } from '../contracts/planning';
import { RoomInput, type Platform } from '../contracts/team';
import { createSession, insertUserAccount } from '../server/modules/accounts/accounts.service';
import { createPerson } from '../server/modules/people/people.service';
import { createProduct } from '../server/modules/products/products.service';
import { insertMany } from '../server/platform/bulk';
import { buildSessionHistory, type HistorySlot } from '../server/modules/setup/history.build';
import { HistoryWriter } from '../server/modules/setup/history.seed';
import { seedCompanyDefaults } from '../server/modules/setup/company.defaults';
import { createRoom, createTeam } from '../server/modules/team/team.service';
import { systemActor } from '../server/platform/context';
import { stableId } from '../server/platform/ids';
import { buildApp } from '../server/platform/http';
import { rngFor } from '../server/platform/random';
import type { Database } from '../server/platform/schema';

const DAYS = Number(process.argv[2] ?? 365);
const TEAMS = 4;
const ROOMS_PER_TEAM = 5;
const HOSTS_PER_TEAM = 10;
const SHOWS = [
  { key: 'afternoon', local: '13:00' },
  { key: 'evening', local: '19:30' },
] as const;
const SHOW_MINUTES = 180;
const RUNS = 20;
const ZONE = 'Asia/Shanghai';
const PLATFORMS: Platform[] = ['douyin', 'taobao', 'kuaishou', 'wechat_channels', 'douyin'];
const SLOT_TYPES = ['welfare', 'traffic', 'hero', 'profit', 'hero'] as const;
const CATEGORIES = ['beauty', 'food', 'apparel', 'beauty'] as const;

function pct(sorted: number[], p: number) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

async function main() {
  const { config, handle, deps, dispose } = await freshDatabase('dashboard');
  const db = handle.db;
  await seedCompanyDefaults(db);
  const run = randomBytes(3).toString('hex');
  console.log(`Showrunner company dashboard benchmark — ${config.database.kind}, ${TEAMS * ROOMS_PER_TEAM} rooms × ${SHOWS.length} shows a day × ${DAYS} days, one server process`);
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);

  interface RoomFacts {
    id: string;
    platform: Platform;
    category: string;
    hosts: string[];
    slots: HistorySlot[][];
    productIds: string[];
  }
  const rooms: RoomFacts[] = [];
  for (let t = 0; t < TEAMS; t++) {
    const team = await createTeam(deps, systemActor, { name: `压测${t + 1}组`, description: '' });
    const category = CATEGORIES[t]!;
    const products: ProductView[] = [];
    for (let i = 0; i < 12; i++) {
      const price = [2990, 9900, 19900, 12900, 25900, 5990, 15900, 3990, 29900, 8900, 6990, 17900][i]!;
      products.push(await createProduct(deps, systemActor, { sku: `T${t + 1}-${i + 1}`, name: `压测商品 ${t + 1}-${i + 1}`, category, listPriceFen: price * 2, livePriceFen: price, stock: 100_000, sellingPoints: [], imageUrls: [] }));
    }
    const hosts = [];
    for (let h = 0; h < HOSTS_PER_TEAM; h++) hosts.push((await createPerson(deps, systemActor, PersonInput.parse({ displayName: `主播${t + 1}-${h + 1}`, teamIds: [team.id] }))).id);
    for (let r = 0; r < ROOMS_PER_TEAM; r++) {
      const platform = PLATFORMS[r]!;
      const room = await createRoom(deps, systemActor, RoomInput.parse({ teamId: team.id, platform, accountId: `bench-${t}-${r}`, displayName: `压测直播间 ${t + 1}-${r + 1}`, timeZone: ZONE }));
      // A few runs of show per room, rotated by day.
      const slots = [0, 1, 2].map((k) =>
        SLOT_TYPES.map((slotType, i) => {
          const p = products[(r * 2 + k * 3 + i) % products.length]!;
          return { position: i + 1, productRef: p.sku, productName: p.name, priceFen: p.livePriceFen, plannedMinutes: SHOW_MINUTES / SLOT_TYPES.length, slotType };
        }),
      );
      const productIds = slots.flat().map((s) => products.find((p) => p.sku === s.productRef)!.id);
      rooms.push({ id: room.id, platform, category, hosts, slots, productIds });
    }
  }

  // Sessions, runs of show and hosts, straight into their tables; then each show's data.
  const today = DateTime.now().setZone(ZONE).startOf('day');
  const from = today.minus({ days: DAYS }).toISODate()!;
  const to = today.minus({ days: 1 }).toISODate()!;
  const now = new Date().toISOString();
  const loadStarted = performance.now();
  const writer = new HistoryWriter(db, 200);
  let sessions = 0;
  let minutes = 0;
  for (let d = DAYS; d >= 1; d--) {
    const day = today.minus({ days: d });
    const sessionRows = [];
    const slotRows: Database['session_slots'][] = [];
    const crewRows = [];
    const histories = [];
    for (const [ri, room] of rooms.entries()) {
      for (const show of SHOWS) {
        const key = `bench:${ri}:${day.toISODate()}:${show.key}`;
        const id = stableId('session', key);
        const start = DateTime.fromISO(`${day.toISODate()}T${show.local}`, { zone: ZONE }).toMillis();
        const end = start + SHOW_MINUTES * 60_000;
        const rng = rngFor(`bench-goals:${key}`);
        const scale = (show.key === 'evening' ? 1 : 0.45) * (ri % ROOMS_PER_TEAM === 0 ? 1.6 : 1);
        const goals = { gmvFen: Math.round(1_500_000 * scale * (0.8 + rng() * 0.4)), viewers: Math.round(5000 * scale * (0.8 + rng() * 0.4)), orders: Math.round(120 * scale * (0.8 + rng() * 0.4)) };
        const host = room.hosts[(d * 2 + ri + (show.key === 'evening' ? 1 : 0)) % room.hosts.length]!;
        const slots = room.slots[d % room.slots.length]!;
        sessionRows.push({
          id,
          room_id: room.id,
          title: `压测场次 ${day.toISODate()} ${show.local}`,
          planned_start: new Date(start).toISOString(),
          planned_end: new Date(end).toISOString(),
          goal_gmv_fen: goals.gmvFen,
          goal_viewers: goals.viewers,
          goal_orders: goals.orders,
          notes: '',
          status: 'reviewed',
          cancel_reason: null,
          series_id: null,
          is_unplanned: 0,
          created_by: null,
          created_at: now,
          updated_at: now,
        });
        slots.forEach((s, i) =>
          slotRows.push({ id: stableId('session-slot', `${key}:${i + 1}`), session_id: id, position: s.position, product_id: room.productIds[(d % room.slots.length) * SLOT_TYPES.length + i]!, planned_minutes: s.plannedMinutes, slot_type: s.slotType, talking_points: '', mechanics: '[]' }),
        );
        crewRows.push({ session_id: id, person_id: host, role: 'host' });
        histories.push(buildSessionHistory({ id, roomId: room.id, platform: room.platform, plannedStart: start, plannedEnd: end, goals, slots, hostId: host, category: room.category, daysAgo: d }, { rawEvents: false, imports: true, importedAt: now }));
      }
    }
    await insertMany(db, 'live_sessions', sessionRows);
    await insertMany(db, 'session_slots', slotRows);
    await insertMany(db, 'session_crew', crewRows);
    for (const h of histories) {
      minutes += h.minutes.length;
      await writer.add(h);
    }
    sessions += sessionRows.length;
    if (d % 60 === 0) console.log(`  … ${sessions.toLocaleString('en')} sessions, ${minutes.toLocaleString('en')} minute rollups`);
  }
  await writer.flush();
  const count = async (table: 'live_minutes' | 'live_commenters' | 'metric_values') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  console.log(
    `stored ${sessions.toLocaleString('en')} sessions: ${(await count('live_minutes')).toLocaleString('en')} minute rollups, ${(await count('live_commenters')).toLocaleString('en')} commenters, ${(await count('metric_values')).toLocaleString('en')} imported values in ${((performance.now() - loadStarted) / 1000).toFixed(0)} s`,
  );

  const user = await insertUserAccount(db, { email: `bench-${run}@example.com`, displayName: 'bench', password: randomBytes(12).toString('hex'), role: 'owner' });
  const cookie = `sr_session=${(await createSession(db, user.id)).token}`;
  const app = await buildApp(deps);
  const url = `/api/v1/dashboards?scope=company&period=custom&from=${from}&to=${to}`;
  const once = async () => {
    const t = performance.now();
    const res = await app.inject({ method: 'GET', url, headers: { cookie } });
    const ms = performance.now() - t;
    if (res.statusCode !== 200) throw new Error(`dashboard answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
    return { ms, bytes: res.body.length, body: res.json() as { kpis?: Array<{ key: string; value: number | null }>; trend?: unknown[] } };
  };
  const cold = await once();
  const warm: number[] = [];
  for (let i = 0; i < RUNS; i++) warm.push((await once()).ms);
  warm.sort((a, b) => a - b);
  const sessionsKpi = cold.body.kpis?.find((k) => k.key === 'sessions');
  console.log(`dashboard body: ${(cold.bytes / 1024).toFixed(0)} KiB, ${cold.body.trend?.length ?? '?'} trend days, sessions KPI ${JSON.stringify(sessionsKpi ?? null)}`);
  console.log(`GET /api/v1/dashboards (company, custom ${from} … ${to}) — first (cold, builds the summaries) ${cold.ms.toFixed(0)} ms; ${RUNS} warm runs p50 ${pct(warm, 50).toFixed(1)} ms, p95 ${pct(warm, 95).toFixed(1)} ms, max ${warm[warm.length - 1]!.toFixed(1)} ms (target < 300 ms)`);
  await app.close();
  // BENCH_KEEP=1 keeps the database (the SQLite file's folder is printed) for looking at the queries afterwards.
  if (process.env.BENCH_KEEP) console.log(`kept: ${config.database.kind === 'sqlite' ? config.database.file : 'the PostgreSQL schema (search_path of this run)'}`);
  else await dispose();
}

await main();
