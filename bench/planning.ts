/**
 * Benchmark: server time of validating one planning change against a month of 20 rooms × 3 sessions a day with 200
 * people (target: p95 under 20 ms). Runs on a fresh SQLite file, and again on a fresh PostgreSQL schema when DATABASE_URL
 * is set. `npm run bench` runs it after bench/run.ts; alone: `node --import tsx bench/planning.ts [iterations]`.
 * Figures go in the README.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { DateTime } from 'luxon';
import pg from 'pg';
import type { CrewMember, SessionRole } from '../contracts/planning';
import { parseConfig, type Config } from '../server/platform/config';
import { Cipher } from '../server/platform/crypto';
import { migrateToLatest, openDatabase, type Db } from '../server/platform/db';
import type { Deps } from '../server/platform/context';
import { buildApp } from '../server/platform/http';
import { stableId } from '../server/platform/ids';
import type { Database } from '../server/platform/schema';
import { evaluatePlan } from '../server/modules/planning/planning.service';
import { setupDemo, setupOwner } from '../server/modules/setup/setup.service';

const ITERATIONS = Number(process.argv[2] ?? 200);
const WARMUP = 20;
const TEAMS = 10;
const ROOMS_PER_TEAM = 2;
const DAYS = 30;
const TIME_ZONE = 'Asia/Shanghai';
const FIRST_DAY = '2026-12-01';
const SHOWS = [
  ['08:00', '12:00'],
  ['13:00', '17:00'],
  ['19:00', '23:00'],
] as const;
/** Each room's own crew: 4 hosts, 2 co-hosts, 2 field controls, 2 consoles → 200 people over 20 rooms. */
const CREW_PER_ROOM: [string, number][] = [
  ['host', 4],
  ['co_host', 2],
  ['field_control', 2],
  ['console', 2],
];
const CHUNK = 300;

async function insertChunked<T extends keyof Database & string>(db: Db, table: T, rows: readonly Database[T][]) {
  for (let i = 0; i < rows.length; i += CHUNK) await db.insertInto(table).values(rows.slice(i, i + CHUNK) as never).execute();
}

/** Teams, rooms, people and a month of sessions with crews and runs of show, written in bulk. */
async function insertMonth(db: Db) {
  const at = new Date().toISOString();
  const teams: Database['teams'][] = [];
  const rooms: Database['rooms'][] = [];
  const people: Database['people'][] = [];
  const personTeams: Database['person_teams'][] = [];
  const sessions: Database['live_sessions'][] = [];
  const crew: Database['session_crew'][] = [];
  const slots: Database['session_slots'][] = [];
  const productIds = Array.from({ length: 20 }, (_, i) => stableId('bench-product', String(i)));
  const products: Database['products'][] = productIds.map((id, i) => ({
    id,
    sku: `BENCH-${i}`,
    name: `商品${i}`,
    category: 'other',
    list_price_fen: 19900,
    live_price_fen: 9900,
    stock: 1000,
    selling_points: '[]',
    image_urls: '[]',
    created_at: at,
    updated_at: at,
  }));

  for (let t = 0; t < TEAMS; t++) {
    const teamId = stableId('bench-team', String(t));
    teams.push({ id: teamId, name: `直播${t + 1}组`, description: '', created_at: at, updated_at: at });
    for (let r = 0; r < ROOMS_PER_TEAM; r++) {
      const roomKey = `${t}-${r}`;
      const roomId = stableId('bench-room', roomKey);
      rooms.push({
        id: roomId,
        team_id: teamId,
        platform: 'douyin',
        account_id: `bench${roomKey}`,
        display_name: `直播间 ${roomKey}`,
        time_zone: TIME_ZONE,
        secret_enc: null,
        required_roles: '["host","field_control","console"]',
        require_approved_content: 0,
        created_at: at,
        updated_at: at,
      });
      const byRole = new Map<string, string[]>();
      for (const [code, count] of CREW_PER_ROOM) {
        for (let i = 0; i < count; i++) {
          const id = stableId('bench-person', `${roomKey}:${code}:${i}`);
          byRole.set(code, [...(byRole.get(code) ?? []), id]);
          people.push({
            id,
            display_name: `${code}-${roomKey}-${i}`,
            position_id: stableId('position', code),
            level: null,
            hire_date: null,
            weekly_capacity_hours: 40,
            skills: '[]',
            status: 'active',
            user_id: null,
            phone_enc: null,
            wechat_enc: null,
            id_card_enc: null,
            address_enc: null,
            created_at: at,
            updated_at: at,
          });
          personTeams.push({ person_id: id, team_id: teamId });
        }
      }
      const first = DateTime.fromISO(FIRST_DAY, { zone: TIME_ZONE });
      for (let d = 0; d < DAYS; d++) {
        const date = first.plus({ days: d }).toISODate()!;
        SHOWS.forEach(([from, to], k) => {
          const id = stableId('bench-session', `${roomKey}:${date}:${k}`);
          const start = DateTime.fromISO(`${date}T${from}`, { zone: TIME_ZONE });
          const end = DateTime.fromISO(`${date}T${to}`, { zone: TIME_ZONE });
          sessions.push({
            id,
            room_id: roomId,
            title: `${date} 第${k + 1}场`,
            planned_start: start.toUTC().toISO()!,
            planned_end: end.toUTC().toISO()!,
            goal_gmv_fen: 10_000_000,
            goal_viewers: 20_000,
            goal_orders: 800,
            notes: '',
            status: 'scheduled',
            cancel_reason: null,
            series_id: null,
            is_unplanned: 0,
            created_by: null,
            created_at: at,
            updated_at: at,
          });
          // Three different hosts a day (4 rotate), so nobody exceeds the default daily or weekly on-air limits.
          const pickOf = (code: string, n: number) => byRole.get(code)![n % byRole.get(code)!.length]!;
          const members: [string, SessionRole][] = [
            [pickOf('host', d * 3 + k), 'host'],
            [pickOf('field_control', k), 'field_control'],
            [pickOf('console', k + 1), 'console'],
          ];
          if (k === 2) members.push([pickOf('co_host', d), 'co_host']);
          for (const [personId, role] of members) crew.push({ session_id: id, person_id: personId, role });
          for (let s = 0; s < 6; s++) {
            slots.push({ id: stableId('bench-slot', `${id}:${s}`), session_id: id, position: s + 1, product_id: productIds[(d + s) % productIds.length]!, planned_minutes: 35, slot_type: 'profit', talking_points: '', mechanics: '[]' });
          }
        });
      }
    }
  }
  await insertChunked(db, 'teams', teams);
  await insertChunked(db, 'rooms', rooms);
  await insertChunked(db, 'people', people);
  await insertChunked(db, 'person_teams', personTeams);
  await insertChunked(db, 'products', products);
  await insertChunked(db, 'live_sessions', sessions);
  await insertChunked(db, 'session_crew', crew);
  await insertChunked(db, 'session_slots', slots);
  return { rooms: rooms.length, people: people.length, sessions: sessions.length, crew: crew.length };
}

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  return { p50: at(50), p95: at(95), p99: at(99), mean };
}

const fmt = (r: ReturnType<typeof percentiles>) => `p50 ${r.p50.toFixed(2)} ms   p95 ${r.p95.toFixed(2)} ms   p99 ${r.p99.toFixed(2)} ms   mean ${r.mean.toFixed(2)} ms`;

async function timeIt(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

/** A fresh, migrated database: a temp SQLite file, or a new schema in DATABASE_URL's PostgreSQL. */
async function freshDatabase(kind: 'sqlite' | 'postgres') {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'showrunner-bench-planning-'));
  const url = process.env.DATABASE_URL!;
  let database: Config['database'] = { kind: 'sqlite', file: path.join(dataDir, 'showrunner.db') };
  let schema: string | undefined;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(statement);
    await client.end();
  };
  if (kind === 'postgres') {
    schema = `bench_${randomBytes(6).toString('hex')}`;
    await admin(`create schema ${schema}`);
    database = { kind: 'postgres', url };
  }
  const config: Config = { ...parseConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', WEB_DIST: path.join(dataDir, 'none') }), database };
  const handle = openDatabase(database, { searchPath: schema });
  await migrateToLatest(handle.db, schema);
  const deps: Deps = { db: handle.db, cipher: new Cipher(randomBytes(32)), config };
  return {
    deps,
    async close() {
      await handle.close();
      if (schema) await admin(`drop schema ${schema} cascade`);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function run(kind: 'sqlite' | 'postgres') {
  // The whole demo load (company, then its planning) in a database of its own, for the README's "within seconds".
  const demo = await freshDatabase(kind);
  const d0 = performance.now();
  await setupDemo(demo.deps);
  const demoSeconds = (performance.now() - d0) / 1000;
  await demo.close();

  const { deps, close } = await freshDatabase(kind);
  const db = deps.db;
  try {
    const { session } = await setupOwner(deps, { email: 'bench@example.com', password: 'bench password 123', displayName: 'Bench' });
    const t0 = performance.now();
    const counts = await insertMonth(db);
    const insertMs = performance.now() - t0;
    if (kind === 'postgres') await sql`analyze`.execute(db);
    console.log(`\n${kind}: ${counts.rooms} rooms, ${counts.people} people, ${counts.sessions} sessions, ${counts.crew} crew rows (bulk insert ${insertMs.toFixed(0)} ms); demo load ${demoSeconds.toFixed(2)} s`);

    // The change: the evening show of room 4-1 on the 15th (host, co-host, field control, console) moves 30 minutes later.
    const sessionId = stableId('bench-session', '4-1:2026-12-15:2');
    const row = await db.selectFrom('live_sessions').selectAll().where('id', '=', sessionId).executeTakeFirstOrThrow();
    const crew = (await db.selectFrom('session_crew').select(['person_id', 'role']).where('session_id', '=', sessionId).execute()).map(
      (c): CrewMember => ({ personId: c.person_id, role: c.role as SessionRole }),
    );
    const start = Date.parse(row.planned_start) + 30 * 60_000;
    const end = Date.parse(row.planned_end) + 30 * 60_000;
    const candidate = { sessionId, roomId: row.room_id, start, end, crew, slotMinutes: 210, stage: 'scheduled' as const };
    const found = await evaluatePlan(db, 'all', candidate);

    await timeIt(WARMUP, () => evaluatePlan(db, 'all', candidate));
    const service = percentiles(await timeIt(ITERATIONS, () => evaluatePlan(db, 'all', candidate)));
    console.log(`evaluatePlan (one move, ${crew.length} crew, ${found.length} violations) ×${ITERATIONS}`.padEnd(62) + fmt(service));

    const app = await buildApp(deps);
    const request = () =>
      app.inject({
        method: 'POST',
        url: '/api/v1/sessions/validate',
        headers: { cookie: `sr_session=${session.token}`, 'x-csrf-token': session.csrfToken, 'accept-language': 'zh-CN' },
        payload: { sessionId, roomId: row.room_id, plannedStart: new Date(start).toISOString(), plannedEnd: new Date(end).toISOString(), crew },
      });
    const probe = await request();
    if (probe.statusCode !== 200) throw new Error(`validate answered ${probe.statusCode}: ${probe.body}`);
    await timeIt(WARMUP, request);
    const http = percentiles(await timeIt(ITERATIONS, request));
    console.log(`POST /api/v1/sessions/validate (app.inject) ×${ITERATIONS}`.padEnd(62) + fmt(http));
    console.log(`target p95 < 20 ms: ${service.p95 < 20 ? 'met' : 'MISSED'} (evaluatePlan ${service.p95.toFixed(2)} ms, HTTP ${http.p95.toFixed(2)} ms)`);
    await app.close();
  } finally {
    await close();
  }
}

async function main() {
  console.log(`Showrunner planning benchmark — validating one change, ${ITERATIONS} runs after ${WARMUP} warm-up`);
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.arch()}`);
  await run('sqlite');
  if (process.env.DATABASE_URL && /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL)) await run('postgres');
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
