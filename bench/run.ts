/**
 * Benchmarks: requests per second and latency of the console's busiest reads, on the demo company, over real HTTP on
 * loopback. Run with `npm run bench` (SQLite) or `DATABASE_URL=postgres://… npm run bench`. Figures go in the README.
 */
import { freshDatabase } from './fresh-database';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../server/platform/http';
import { setupDemo } from '../server/modules/setup/setup.service';

const DURATION_MS = Number(process.argv[2] ?? 5000);
const CONCURRENCY = 16;

async function measure(url: string, headers: Record<string, string>) {
  const latencies: number[] = [];
  const end = performance.now() + DURATION_MS;
  let errors = 0;
  async function worker() {
    while (performance.now() < end) {
      const t = performance.now();
      const res = await fetch(url, { headers });
      await res.arrayBuffer();
      if (!res.ok) errors++;
      latencies.push(performance.now() - t);
    }
  }
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1);
  return { rps: Math.round(latencies.length / seconds), p50: pct(50), p99: pct(99), errors };
}


async function main() {
  const { config, handle, deps, dispose } = await freshDatabase('http');
  const { session } = await setupDemo(deps);
  const app = await buildApp(deps);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const headers = { cookie: `sr_session=${session.token}`, 'accept-language': 'zh-CN' };

  console.log(`Showrunner benchmarks — ${config.database.kind}, ${CONCURRENCY} concurrent clients, ${DURATION_MS / 1000}s each`);
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  for (const [name, url] of [
    ['GET /api/health', '/api/health'],
    ['GET /api/v1/people (31 people, decrypt+mask)', '/api/v1/people'],
    ['GET /api/v1/matrix', '/api/v1/matrix'],
    ['GET /api/v1/audit?limit=100', '/api/v1/audit?limit=100'],
  ] as const) {
    const r = await measure(address + url, headers);
    console.log(`${name.padEnd(48)} ${String(r.rps).padStart(6)} req/s   p50 ${r.p50} ms   p99 ${r.p99} ms${r.errors ? `   errors ${r.errors}` : ''}`);
  }
  await app.close();
  await dispose();
}

void main();
