/**
 * Crash test for ingestion durability: "a 2xx response means the batch is committed; killing the server at any moment
 * loses no acknowledged event, and a platform message id is stored once however often it arrives."
 *
 * Starts the real server (`node --import tsx server/cli/main.ts start`) on a fresh SQLite DATA_DIR (or, with
 * --postgres and DATABASE_URL=postgres://…, in a fresh PostgreSQL database that is dropped afterwards), creates a
 * team, room and ingest token with the CLI, then several clients POST batches of normalized events with unique ids at
 * full speed. Every id whose batch got a 2xx is recorded. At random moments the server is killed with SIGKILL and
 * restarted; clients re-send unacknowledged batches (and now and then an acknowledged one again). After N kills the
 * clients stop, the server is killed once more, and the database is read directly: every acknowledged id must be
 * present exactly once, no id twice, and the session rollups must agree with the stored events.
 *
 * npm run crash-test -- [--kills 5] [--seconds 60] [--clients 4] [--batch 200] [--postgres]
 * Exit code 0: no violation; 1: a violation (listed); 2: the test itself could not run. Loopback traffic only.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

export interface Options {
  kills: number;
  seconds: number;
  clients: number;
  batch: number;
  postgres: boolean;
}

export function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      kills: { type: 'string', default: '5' },
      seconds: { type: 'string', default: '60' },
      clients: { type: 'string', default: '4' },
      batch: { type: 'string', default: '200' },
      postgres: { type: 'boolean', default: false },
    },
  });
  const int = (name: string, v: string, min: number, max: number) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}`);
    return n;
  };
  return {
    kills: int('kills', values.kills!, 1, 1000),
    seconds: int('seconds', values.seconds!, 5, 3600),
    clients: int('clients', values.clients!, 1, 64),
    batch: int('batch', values.batch!, 1, 5000),
    postgres: values.postgres === true,
  };
}

/** The message id of a client's n-th event: unique across clients and runs. */
export function eventId(run: string, client: number, n: number): string {
  return `${run}-c${client}-${n}`;
}

/** One normalized event; the kind cycles through comment, gift, like and viewer_count. */
export function makeEvent(id: string, n: number, at: string): Record<string, unknown> {
  const user = { id: `u${n % 500}`, name: `观众${n % 500}` };
  switch (n % 4) {
    case 0:
      return { kind: 'comment', id, at, user, text: `第 ${n} 条评论` };
    case 1:
      return { kind: 'gift', id, at, user, text: '小心心', valueFen: 10 };
    case 2:
      return { kind: 'like', id, at, user, count: 3 };
    default:
      return { kind: 'viewer_count', id, at, count: 1000 + n };
  }
}

export interface Violations {
  /** Acknowledged ids not in the database. */
  lost: string[];
  /** Ids stored more than once, with their count. */
  duplicated: [string, number][];
}

/** Compares the acknowledged ids with how often each id is stored. */
export function findViolations(acknowledged: Iterable<string>, stored: ReadonlyMap<string, number>): Violations {
  const lost: string[] = [];
  for (const id of acknowledged) if (!stored.has(id)) lost.push(id);
  const duplicated = [...stored].filter(([, n]) => n !== 1);
  return { lost, duplicated };
}

/** A random delay in [min, max) milliseconds. */
export function between(min: number, max: number, random = Math.random): number {
  return Math.floor(min + random() * (max - min));
}

// ---------------------------------------------------------------------------------------------------------------------

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

function cli(env: NodeJS.ProcessEnv, args: string[]): Record<string, unknown> {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/showrunner.mjs'), ...args, '--json'], { cwd: ROOT, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`showrunner ${args[0]} failed (${r.status}): ${r.stdout}${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, unknown>;
}

class Server {
  child: ChildProcess | undefined;
  output = '';
  starts = 0;
  constructor(
    private readonly env: NodeJS.ProcessEnv,
    readonly url: string,
  ) {}

  async start() {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', 'start'], { cwd: ROOT, env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    this.starts++;
    child.stdout!.on('data', (d) => (this.output = (this.output + d).slice(-20_000)));
    child.stderr!.on('data', (d) => (this.output = (this.output + d).slice(-20_000)));
    for (let i = 0; i < 600; i++) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited on start:\n${this.output}`);
      try {
        if ((await fetch(`${this.url}/api/health`)).ok) return;
      } catch {
        /* not up yet */
      }
      await sleep(50);
    }
    throw new Error(`server did not start in 30 s:\n${this.output}`);
  }

  /** SIGKILL and wait until the process is gone (no orphan: the server is this node process itself, no wrapper). */
  async kill() {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await gone;
    // Belt and braces: the pid must not answer any more.
    try {
      process.kill(child.pid!, 0);
      throw new Error(`server pid ${child.pid} still exists after SIGKILL`);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
    }
  }
}

interface ClientStats {
  batchesAcked: number;
  resends: number;
  failures: number;
  ackedAgain: number;
}

async function main() {
  let options: Options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (err) {
    console.error(String((err as Error).message));
    process.exit(2);
  }
  const started = Date.now();
  const deadline = started + options.seconds * 1000;
  const run = randomBytes(4).toString('hex');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'showrunner-crash-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;

  let databaseUrl = '';
  let pgDatabase: string | undefined;
  const adminUrl = process.env.DATABASE_URL ?? '';
  if (options.postgres) {
    if (!/^postgres(ql)?:\/\//.test(adminUrl)) {
      console.error('--postgres needs DATABASE_URL=postgres://…');
      process.exit(2);
    }
    const { default: pg } = await import('pg');
    pgDatabase = `crash_${run}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${pgDatabase}`);
    await admin.end();
    const u = new URL(adminUrl);
    u.pathname = `/${pgDatabase}`;
    databaseUrl = u.toString();
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'warn',
    WEB_DIST: path.join(dataDir, 'no-web'),
  };

  const server = new Server(env, url);
  const cleanup = async () => {
    await server.kill().catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (pgDatabase) {
      const { default: pg } = await import('pg');
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${pgDatabase} with (force)`);
      await admin.end();
    }
  };
  process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));

  try {
    const team = cli(env, ['create-team', '--name', `崩溃测试 ${run}`]);
    const room = cli(env, ['create-room', '--team', String(team.id), '--platform', 'other', '--account', `crash-${run}`, '--name', '崩溃测试直播间']);
    const { token } = cli(env, ['create-token', '--room', String(room.id), '--scope', 'ingest', '--name', 'crash-test']) as { token: string };
    const endpoint = `${url}/api/v1/ingest/events/${String(room.id)}`;

    await server.start();
    console.log(`crash test — ${options.postgres ? 'postgres' : 'sqlite'}, ${options.clients} clients × batches of ${options.batch}, ${options.kills} kills, at most ${options.seconds}s`);

    const acknowledged = new Set<string>();
    const stats: ClientStats = { batchesAcked: 0, resends: 0, failures: 0, ackedAgain: 0 };
    let stop = false;
    let mismatched = 0;

    async function client(c: number) {
      let n = 0;
      const ackedBatches: string[] = [];
      while (!stop) {
        // Now and then an already acknowledged batch again: it must come back as duplicates and be stored once.
        const again = ackedBatches.length > 0 && Math.random() < 0.05;
        let body: string;
        let ids: string[];
        if (again) {
          body = ackedBatches[Math.floor(Math.random() * ackedBatches.length)]!;
          ids = [];
        } else {
          const at = new Date().toISOString();
          const events = Array.from({ length: options.batch }, () => {
            const id = eventId(run, c, n);
            return makeEvent(id, n++, at);
          });
          ids = events.map((e) => e.id as string);
          body = JSON.stringify(events);
        }
        // Until acknowledged (or the test stops): a batch with no 2xx may or may not be stored; re-sending is allowed.
        for (let attempt = 0; !stop || attempt === 0; attempt++) {
          if (attempt > 0) stats.resends++;
          try {
            const res = await fetch(endpoint, { method: 'POST', body, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(10_000) });
            const json = (await res.json()) as { accepted?: number; duplicates?: number };
            if (res.ok) {
              if ((json.accepted ?? 0) + (json.duplicates ?? 0) !== options.batch) mismatched++;
              if (again) stats.ackedAgain++;
              else {
                for (const id of ids) acknowledged.add(id);
                stats.batchesAcked++;
                if (ackedBatches.length < 50) ackedBatches.push(body);
              }
              break;
            }
            stats.failures++;
            if (res.status < 500) throw new Error(`unexpected ${res.status}: ${JSON.stringify(json)}`);
          } catch (err) {
            if ((err as Error).message.startsWith('unexpected')) throw err;
            stats.failures++;
          }
          await sleep(20);
          if (stop) break;
        }
      }
    }

    const clients = Array.from({ length: options.clients }, (_, c) => client(c));
    let kills = 0;
    while (kills < options.kills && Date.now() < deadline - 5000) {
      await sleep(Math.min(between(1000, 4000), Math.max(0, deadline - 5000 - Date.now())));
      await server.kill();
      kills++;
      process.stdout.write(`  kill ${kills}: ${acknowledged.size} ids acknowledged so far\n`);
      await server.start();
    }
    await sleep(1000);
    stop = true;
    await Promise.all(clients);
    // A last SIGKILL: the check reads what is on disk after a crash, not what a clean shutdown flushed.
    await server.kill();
    const elapsed = (Date.now() - started) / 1000;

    const { stored, rollupEvents, storedTotal } = await readStored(options.postgres ? databaseUrl : path.join(dataDir, 'showrunner.db'), options.postgres);
    const v = findViolations(acknowledged, stored);
    const rollupOk = rollupEvents === storedTotal;
    console.log(`kills: ${kills} (server starts ${server.starts}), ${elapsed.toFixed(1)} s`);
    console.log(`batches acknowledged: ${stats.batchesAcked}, acknowledged batches re-sent on purpose: ${stats.ackedAgain}, failed attempts: ${stats.failures}, re-sends: ${stats.resends}`);
    const extra = storedTotal - acknowledged.size;
    console.log(
      `acknowledged ids: ${acknowledged.size}; rows in live_events: ${storedTotal}${extra > 0 ? ` (${extra} more: batches committed whose response was lost to a kill, or unacknowledged at the end)` : ''}`,
    );
    console.log(`session rollups count ${rollupEvents} events for ${storedTotal} stored rows: ${rollupOk ? 'consistent' : 'INCONSISTENT'}`);
    if (mismatched) console.log(`responses whose accepted + duplicates did not equal the batch size: ${mismatched}`);
    console.log(`lost acknowledged ids: ${v.lost.length}${v.lost.length ? ` (e.g. ${v.lost.slice(0, 5).join(', ')})` : ''}`);
    console.log(`ids stored more than once: ${v.duplicated.length}${v.duplicated.length ? ` (e.g. ${v.duplicated.slice(0, 5).map(([id, n]) => `${id}×${n}`).join(', ')})` : ''}`);
    const ok = !v.lost.length && !v.duplicated.length && rollupOk && !mismatched && kills >= 1 && acknowledged.size > 0;
    console.log(ok ? 'PASS: every acknowledged event survived, each stored exactly once' : 'FAIL');
    await cleanup();
    process.exit(ok ? 0 : 1);
  } catch (err) {
    console.error(`crash test could not run: ${(err as Error).stack ?? String(err)}\n--- server output ---\n${server.output}`);
    await cleanup();
    process.exit(2);
  }
}

/** Reads, straight from the database, how often each message id is stored and what the session rollups add up to. */
async function readStored(where: string, postgres: boolean): Promise<{ stored: Map<string, number>; rollupEvents: number; storedTotal: number }> {
  const stored = new Map<string, number>();
  const byId = 'select platform_msg_id as id, count(*) as n from live_events group by platform, platform_msg_id';
  const rollup = 'select coalesce(sum(events), 0) as n from live_session_stats';
  const total = 'select count(*) as n from live_events';
  if (postgres) {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: where });
    await client.connect();
    for (const r of (await client.query(byId)).rows) stored.set(r.id, Number(r.n));
    const rollupEvents = Number((await client.query(rollup)).rows[0].n);
    const storedTotal = Number((await client.query(total)).rows[0].n);
    await client.end();
    return { stored, rollupEvents, storedTotal };
  }
  const { default: SQLite } = await import('better-sqlite3');
  const db = new SQLite(where);
  for (const r of db.prepare(byId).all() as { id: string; n: number }[]) stored.set(r.id, Number(r.n));
  const rollupEvents = Number((db.prepare(rollup).get() as { n: number }).n);
  const storedTotal = Number((db.prepare(total).get() as { n: number }).n);
  db.close();
  return { stored, rollupEvents, storedTotal };
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (invokedDirectly) void main();
