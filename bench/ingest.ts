/**
 * Benchmark: live-event ingestion. Sustained events per second to durable storage through
 * POST /api/v1/ingest/events/:roomId (real HTTP on loopback, API token) with batches of 1, 100 and 1000 normalized
 * comment/gift/like/viewer_count events, from several concurrent clients; the figure is what the database holds at the
 * end (live_events counted), not what the responses said. Also storeEvents alone (no HTTP, no adapter) with batches of
 * 1000, and the latency from a POST to the live monitor's WebSocket delta that includes it, at 1,000 and 5,000 events/s.
 *
 * Runs on a fresh SQLite file, or on a fresh PostgreSQL schema when DATABASE_URL=postgres://… is set.
 * `npm run bench` runs it after the other benchmarks; alone: `node --import tsx bench/ingest.ts [seconds per case]`.
 * Figures go in the README.
 */
import { freshDatabase } from './fresh-database';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import WebSocket from 'ws';
import type { NormalizedEvent } from '../contracts/ingest';
import { RoomInput } from '../contracts/team';
import { systemActor, type Deps } from '../server/platform/context';
import { type Db } from '../server/platform/db';
import { buildApp } from '../server/platform/http';
import { createApiToken, createSession, insertUserAccount } from '../server/modules/accounts/accounts.service';
import { storeEvents } from '../server/modules/ingest/ingest.service';
import { createSession as createLiveSession } from '../server/modules/planning/planning.service';
import { createRoom, createTeam } from '../server/modules/team/team.service';

const SECONDS = Number(process.argv[2] ?? 6);
const USERS = 5000;
const CASES = [
  { batch: 1, clients: 16 },
  { batch: 100, clients: 8 },
  { batch: 1000, clients: 4 },
] as const;

let seq = 0;
const run = randomBytes(3).toString('hex');

/** One normalized event with a unique id: 70 % comments, 10 % gifts, 15 % likes, 5 % viewer counts. */
function makeEvent(at: string): Record<string, unknown> {
  const n = seq++;
  const id = `${run}-${n}`;
  const user = { id: `u${n % USERS}`, name: `观众${n % USERS}` };
  const r = n % 20;
  if (r < 14) return { kind: 'comment', id, at, user, text: `这个多少钱？想要 ${n % 97} 号链接` };
  if (r < 16) return { kind: 'gift', id, at, user, text: '小心心', count: 1, unit: 'diamond', unitAmount: 5, fenPerUnit: 10 };
  if (r < 19) return { kind: 'like', id, at, user, count: 1 + (n % 15) };
  return { kind: 'viewer_count', id, at, count: 1000 + (n % 5000) };
}

function pct(sorted: number[], p: number) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

async function countEvents(db: Db): Promise<number> {
  const row = await db.selectFrom('live_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}


/**
 * The load generator, run in a worker thread so that building and sending bodies does not share the server's event
 * loop: `clients` concurrent loops, each POSTing a fresh batch as soon as the previous one is answered.
 */
const CLIENT_WORKER = `
const { parentPort, workerData: w } = require('node:worker_threads');
let n = 0;
function makeEvent(at) {
  const i = n++;
  const id = w.prefix + i;
  const user = { id: 'u' + (i % ${USERS}), name: '观众' + (i % ${USERS}) };
  const r = i % 20;
  if (r < 14) return { kind: 'comment', id, at, user, text: '这个多少钱？想要 ' + (i % 97) + ' 号链接' };
  if (r < 16) return { kind: 'gift', id, at, user, text: '小心心', count: 1, unit: 'diamond', unitAmount: 5, fenPerUnit: 10 };
  if (r < 19) return { kind: 'like', id, at, user, count: 1 + (i % 15) };
  return { kind: 'viewer_count', id, at, count: 1000 + (i % 5000) };
}
const latencies = [];
let errors = 0, acknowledged = 0;
const end = performance.now() + w.seconds * 1000;
async function client() {
  while (performance.now() < end) {
    const at = new Date().toISOString();
    const body = JSON.stringify(Array.from({ length: w.batch }, () => makeEvent(at)));
    const t = performance.now();
    const res = await fetch(w.url, { method: 'POST', body, headers: { 'content-type': 'application/json', authorization: 'Bearer ' + w.token } });
    const json = await res.json();
    latencies.push(performance.now() - t);
    if (res.ok) acknowledged += json.accepted || 0; else errors++;
  }
}
const started = performance.now();
Promise.all(Array.from({ length: w.clients }, client)).then(() => parentPort.postMessage({ latencies, errors, acknowledged, seconds: (performance.now() - started) / 1000 }));
`;

let caseNo = 0;
async function httpCase(db: Db, url: string, token: string, batch: number, clients: number, seconds = SECONDS) {
  const before = await countEvents(db);
  const cpuBefore = process.cpuUsage();
  const worker = new Worker(CLIENT_WORKER, { eval: true, workerData: { url, token, batch, clients, seconds, prefix: `${run}-h${caseNo++}-` } });
  const r = await new Promise<{ latencies: number[]; errors: number; acknowledged: number; seconds: number }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  const stored = (await countEvents(db)) - before;
  const cpu = process.cpuUsage(cpuBefore);
  const latencies = r.latencies.sort((a, b) => a - b);
  return {
    stored,
    acknowledged: r.acknowledged,
    eps: Math.round(stored / r.seconds),
    rps: Math.round(latencies.length / r.seconds),
    p50: pct(latencies, 50),
    p99: pct(latencies, 99),
    errors: r.errors,
    /** CPU time of the whole process (server + worker) per 1000 events stored. */
    cpuPer1k: stored ? (cpu.user + cpu.system) / 1000 / (stored / 1000) : NaN,
  };
}

/** storeEvents alone: already-normalized events, one batch after another (the database's share of the work). */
async function directCase(deps: Deps, room: { id: string; timeZone: string }, batch: number) {
  const before = await countEvents(deps.db);
  const latencies: number[] = [];
  const end = performance.now() + SECONDS * 1000;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  while (performance.now() < end) {
    const at = new Date().toISOString();
    const events: NormalizedEvent[] = Array.from({ length: batch }, () => {
      const e = makeEvent(at) as { kind: NormalizedEvent['kind']; id: string; user?: { id: string; name: string }; text?: string; count?: number; unit?: string; unitAmount?: number; fenPerUnit?: number };
      const computed = e.unitAmount !== undefined && e.fenPerUnit !== undefined ? Math.round(e.unitAmount * e.fenPerUnit) : null;
      return {
        kind: e.kind,
        platform: 'custom',
        platformMsgId: e.id,
        sourceType: e.kind,
        at,
        user: e.user ? { id: e.user.id, name: e.user.name } : null,
        text: e.text ?? null,
        count: e.count ?? null,
        valueFen: computed,
        unit: e.unit ?? null,
        unitAmount: e.unitAmount ?? null,
        fenPerUnit: e.fenPerUnit ?? null,
        orderId: null,
        productRef: null,
        buyerRef: null,
        status: null,
      };
    });
    const t = performance.now();
    await storeEvents(deps, room, events);
    latencies.push(performance.now() - t);
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const stored = (await countEvents(deps.db)) - before;
  latencies.sort((a, b) => a - b);
  return { stored, eps: Math.round(stored / seconds), p50: pct(latencies, 50), p99: pct(latencies, 99), cpuPer1k: (cpu.user + cpu.system) / 1000 / (stored / 1000) };
}

function hasLiveSocket(): boolean {
  const dir = path.resolve('server/modules/ingest');
  return fs.readdirSync(dir).some((f) => f.endsWith('.ts') && /sessions\/:id\/live/.test(fs.readFileSync(path.join(dir, f), 'utf8')));
}

/**
 * Ingestion → monitor latency: events are POSTed at a steady `rate` (50 batches a second) while a monitor watches the
 * session's live WebSocket. A batch's latency runs from its POST to the first delta whose summary counts it (the
 * session's event total reaches the batch's running total).
 */
async function liveCase(address: string, roomUrl: string, token: string, cookie: string, sessionId: string, rate: number, seconds: number) {
  const socket = new WebSocket(`${address.replace(/^http/, 'ws')}/api/v1/sessions/${sessionId}/live`, { headers: { cookie } });
  let base = -1;
  const pendingBatches: { total: number; sentAt: number }[] = [];
  const latencies: number[] = [];
  let deltas = 0;
  socket.on('message', (data) => {
    const now = performance.now();
    const message = JSON.parse(String(data)) as { type: string; summary: { events: number } };
    if (message.type === 'snapshot') base = message.summary.events;
    if (message.type !== 'delta') return;
    deltas++;
    const seen = message.summary.events - base;
    while (pendingBatches.length && pendingBatches[0]!.total <= seen) latencies.push(now - pendingBatches.shift()!.sentAt);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    const wait = setInterval(() => {
      if (base >= 0) {
        clearInterval(wait);
        resolve();
      }
    }, 10);
  });
  const perSecond = 50;
  const batch = Math.round(rate / perSecond);
  let total = 0;
  let errors = 0;
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  for (let i = 0; i < seconds * perSecond; i++) {
    const due = started + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const at = new Date().toISOString();
    const body = JSON.stringify(Array.from({ length: batch }, () => makeEvent(at)));
    total += batch;
    pendingBatches.push({ total, sentAt: performance.now() });
    inFlight.push(
      fetch(roomUrl, { method: 'POST', body, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } }).then(async (res) => {
        await res.arrayBuffer();
        if (!res.ok) errors++;
      }),
    );
  }
  await Promise.all(inFlight);
  const deadline = performance.now() + 5000;
  while (pendingBatches.length && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  socket.close();
  latencies.sort((a, b) => a - b);
  return { rate: Math.round(total / seconds), batch, p50: pct(latencies, 50), p99: pct(latencies, 99), max: latencies[latencies.length - 1] ?? NaN, deltas, missed: pendingBatches.length, errors };
}

async function main() {
  const { config, handle, deps, dispose } = await freshDatabase('ingest');
  const team = await createTeam(deps, systemActor, { name: '压测组', description: '' });
  const room = await createRoom(deps, systemActor, RoomInput.parse({ teamId: team.id, platform: 'other', accountId: 'bench-bridge', displayName: '压测直播间' }));
  const now = Date.now();
  const session = await createLiveSession(
    deps,
    systemActor,
    { roomId: room.id, title: '压测场', plannedStart: new Date(now - 3_600_000).toISOString(), plannedEnd: new Date(now + 6 * 3_600_000).toISOString(), goals: { gmvFen: null, viewers: null, orders: null }, notes: '' },
    'zh-CN',
  );
  const { token } = await createApiToken(deps, systemActor, { name: 'bench', roomId: room.id, scopes: ['ingest'] });
  const app = await buildApp(deps);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `${address}/api/v1/ingest/events/${room.id}`;

  console.log(`Showrunner ingestion benchmark — ${config.database.kind}, ${SECONDS}s per case, one server process, load from a worker thread`);
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`);
  // Warm-up: JIT, prepared statement caches, the session's first rollup rows.
  await httpCase(handle.db, url, token, 100, 2, 2);
  for (const { batch, clients } of CASES) {
    const r = await httpCase(handle.db, url, token, batch, clients);
    const flag = r.errors || r.stored !== r.acknowledged ? `   errors ${r.errors}, acknowledged ${r.acknowledged}` : '';
    console.log(
      `HTTP batch ${String(batch).padStart(4)} × ${String(clients).padStart(2)} clients   ${String(r.eps).padStart(7)} events/s stored   ${String(r.rps).padStart(6)} req/s   p50 ${r.p50.toFixed(1)} ms   p99 ${r.p99.toFixed(1)} ms   CPU ${r.cpuPer1k.toFixed(1)} ms/1000 events${flag}`,
    );
  }
  const d = await directCase(deps, { id: room.id, timeZone: room.timeZone }, 1000);
  console.log(`storeEvents batch 1000 (no HTTP)       ${String(d.eps).padStart(7)} events/s stored   p50 ${d.p50.toFixed(1)} ms   p99 ${d.p99.toFixed(1)} ms per batch   CPU ${d.cpuPer1k.toFixed(1)} ms/1000 events`);
  console.log(`total live_events: ${await countEvents(handle.db)}`);
  if (!hasLiveSocket()) console.log('ingestion → monitor WebSocket latency: skipped (GET /api/v1/sessions/:id/live does not exist yet)');
  else {
    // The monitor is a signed-in user (the live socket takes the console's session cookie).
    const user = await insertUserAccount(handle.db, { email: `bench-${run}@example.com`, displayName: 'bench', password: randomBytes(12).toString('hex'), role: 'owner' });
    const cookie = `sr_session=${(await createSession(handle.db, user.id)).token}`;
    for (const rate of [1000, 5000]) {
      const l = await liveCase(address, url, token, cookie, session.id, rate, SECONDS);
      console.log(
        `POST → live WebSocket delta at ${String(l.rate).padStart(5)} events/s (batches of ${l.batch}, 50/s)   p50 ${l.p50.toFixed(0)} ms   p99 ${l.p99.toFixed(0)} ms   max ${l.max.toFixed(0)} ms   ${l.deltas} deltas${l.missed || l.errors ? `   not seen ${l.missed}, errors ${l.errors}` : ''}`,
      );
    }
  }

  await app.close();
  await dispose();
}

void main();
