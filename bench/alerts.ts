/**
 * Benchmark: what the sentiment and alert path adds to the way from ingestion to an alert on the live monitor.
 *
 * A monitor watches a session's live WebSocket while events are POSTed at 5,000 a second (50 batches of 100: comments,
 * which the sentiment analyser and the scanner read, likes and viewer counts). Every half second one batch also carries
 * a line of host speech with a block-severity claim. For each such line it records when the delta carrying the line
 * reached the monitor (ingestion → monitor, the path every event takes) and when the `alerts` message with the opened
 * alert reached it; the difference is what the alert path adds. Between triggers the open alert is resolved, so each
 * trigger opens a new one.
 *
 * Fresh SQLite file (or a fresh PostgreSQL schema with DATABASE_URL=postgres://…). Alone:
 * `node --import tsx bench/alerts.ts [seconds]`. Figures go in the README.
 */
import { freshDatabase } from './fresh-database';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import type { LiveSessionMessage } from '../contracts/live';
import { RoomInput } from '../contracts/team';
import { createApiToken, createSession, insertUserAccount } from '../server/modules/accounts/accounts.service';
import { resolveAlert } from '../server/modules/alerts/alerts.service';
import { createSession as createLiveSession } from '../server/modules/planning/planning.service';
import { createRoom, createTeam } from '../server/modules/team/team.service';
import { systemActor, type Actor } from '../server/platform/context';
import { buildApp } from '../server/platform/http';
import { analyse } from '../server/modules/sentiment/analyser';

const SECONDS = Number(process.argv[2] ?? 20);
const RATE = 5000;
const BATCHES_PER_SECOND = 50;
const TRIGGER_EVERY = 25; // batches: two triggers a second

const run = randomBytes(3).toString('hex');
let seq = 0;
const COMMENTS = ['多少钱', '几号链接', '质量太差了，退款', '好看！已拍', '发货太慢了吧', '闭眼入，回购第三次', '主播讲得好清楚', '假货吧这是', '划算', '有点小贵'];

function event(at: string): Record<string, unknown> {
  const n = seq++;
  const id = `${run}-${n}`;
  const user = { id: `u${n % 3000}`, name: `观众${n % 3000}` };
  const r = n % 20;
  if (r < 14) return { kind: 'comment', id, at, user, text: COMMENTS[n % COMMENTS.length] };
  if (r < 19) return { kind: 'like', id, at, user, count: 1 + (n % 9) };
  return { kind: 'viewer_count', id, at, count: 3000 + (n % 500) };
}

function pct(sorted: number[], p: number) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}


async function main() {
  const { config, handle, deps, dispose } = await freshDatabase('alerts');
  const team = await createTeam(deps, systemActor, { name: '压测组', description: '' });
  const room = await createRoom(deps, systemActor, RoomInput.parse({ teamId: team.id, platform: 'other', accountId: 'bench-alerts', displayName: '压测直播间', requireApprovedContent: false }));
  const now = Date.now();
  const session = await createLiveSession(
    deps,
    systemActor,
    { roomId: room.id, title: '告警压测场', plannedStart: new Date(now - 3_600_000).toISOString(), plannedEnd: new Date(now + 6 * 3_600_000).toISOString(), goals: { gmvFen: null, viewers: null, orders: null }, notes: '' },
    'zh-CN',
  );
  const { token } = await createApiToken(deps, systemActor, { name: 'bench', roomId: room.id, scopes: ['ingest'] });
  const user = await insertUserAccount(handle.db, { email: `bench-${run}@example.com`, displayName: 'bench', password: randomBytes(12).toString('hex'), role: 'owner' });
  const cookie = `sr_session=${(await createSession(handle.db, user.id)).token}`;
  const actor: Actor = { ...systemActor, userId: user.id, label: 'bench' };
  const app = await buildApp(deps);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `${address}/api/v1/ingest/events/${room.id}`;

  console.log(`Showrunner ingestion → alert benchmark — ${config.database.kind}, ${RATE} events/s for ${SECONDS}s, one server process`);
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);

  // Each trigger line is unique; the monitor notes when its delta and its alert arrive.
  const sentAt = new Map<string, number>();
  const deltaAt = new Map<string, number>();
  const alertAt = new Map<string, number>();
  const seenAlerts = new Set<string>();
  const ackAt = new Map<string, number>();
  let pendingTrigger: string | undefined;
  /** The previous trigger's alert is resolved: the next trigger opens a new one. */
  let resolved = true;
  let ready = false;
  const socket = new WebSocket(`${address.replace(/^http/, 'ws')}/api/v1/sessions/${session.id}/live`, { headers: { cookie } });
  socket.on('message', (data) => {
    const t = performance.now();
    const message = JSON.parse(String(data)) as LiveSessionMessage;
    if (message.type === 'snapshot') ready = true;
    if (message.type === 'delta') {
      for (const line of message.comments) if (line.kind === 'transcript' && sentAt.has(line.text) && !deltaAt.has(line.text)) deltaAt.set(line.text, t);
    }
    if (message.type === 'alerts') {
      for (const alert of message.alerts) {
        if (alert.status !== 'open' || seenAlerts.has(alert.id) || alert.rule !== 'block_speech') continue;
        seenAlerts.add(alert.id);
        if (pendingTrigger && !alertAt.has(pendingTrigger)) alertAt.set(pendingTrigger, t);
        // Resolve it, so the next trigger opens a new alert (in-process: no extra HTTP on the measured path).
        resolved = false;
        void resolveAlert(deps, actor, alert.id, 'bench').finally(() => {
          resolved = true;
        });
      }
    }
  });
  while (!ready) await new Promise((r) => setTimeout(r, 10));

  const batch = RATE / BATCHES_PER_SECOND;
  const inFlight: Promise<void>[] = [];
  let errors = 0;
  const started = performance.now();
  for (let i = 0; i < SECONDS * BATCHES_PER_SECOND; i++) {
    const due = started + (i * 1000) / BATCHES_PER_SECOND;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const at = new Date().toISOString();
    const items = Array.from({ length: batch }, () => event(at));
    let trigger: string | undefined;
    if (i % TRIGGER_EVERY === TRIGGER_EVERY - 1 && resolved && (!pendingTrigger || alertAt.has(pendingTrigger))) {
      const text = `家人们这款是全网最低价，第 ${i} 批`;
      items[0] = { kind: 'transcript', id: `${run}-t${i}`, at, text };
      pendingTrigger = text;
      trigger = text;
      sentAt.set(text, performance.now());
    }
    const body = JSON.stringify(items);
    inFlight.push(
      fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } }).then(async (res) => {
        await res.arrayBuffer();
        if (trigger) ackAt.set(trigger, performance.now());
        if (!res.ok) errors++;
      }),
    );
  }
  await Promise.all(inFlight);
  const deadline = performance.now() + 5000;
  while (pendingTrigger && !alertAt.has(pendingTrigger) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  socket.close();

  const toDelta: number[] = [];
  const toAlert: number[] = [];
  const toAck: number[] = [];
  const afterAck: number[] = [];
  const added: number[] = [];
  for (const [text, sent] of sentAt) {
    const d = deltaAt.get(text);
    const a = alertAt.get(text);
    const k = ackAt.get(text);
    if (d === undefined || a === undefined || k === undefined) continue;
    toAck.push(k - sent);
    toDelta.push(d - sent);
    toAlert.push(a - sent);
    afterAck.push(Math.max(0, a - k));
    added.push(Math.max(0, a - d));
  }
  for (const list of [toAck, toDelta, toAlert, afterAck, added]) list.sort((x, y) => x - y);
  const f = (list: number[]) => `p50 ${pct(list, 50).toFixed(1)} ms   p99 ${pct(list, 99).toFixed(1)} ms   max ${(list[list.length - 1] ?? NaN).toFixed(1)} ms`;
  console.log(`triggers: ${sentAt.size} sent, ${toAlert.length} alerted${errors ? `, ${errors} failed requests` : ''}`);
  console.log(`POST → acknowledged (committed)             ${f(toAck)}`);
  console.log(`POST → monitor delta with the host line      ${f(toDelta)}`);
  console.log(`POST → monitor alerts message (alert opened) ${f(toAlert)}`);
  console.log(`commit acknowledged → alert on the monitor   ${f(afterAck)}`);
  console.log(`added by the alert path (alert − delta)      ${f(added)}   target p99 < 10 ms: ${pct(added, 99) < 10 ? 'PASS' : 'MISS'}`);

  // The sentiment analyser's share of each stored comment, measured alone on the same comments.
  const texts = Array.from({ length: 200_000 }, (_, i) => COMMENTS[i % COMMENTS.length]!);
  const t0 = performance.now();
  let sink = 0;
  for (const text of texts) sink += analyse(text).score;
  const perComment = ((performance.now() - t0) * 1e6) / texts.length;
  console.log(`sentiment per comment on the ingest path: ${perComment.toFixed(0)} ns (${((perComment * RATE * 0.7) / 1e6).toFixed(2)} ms of CPU per second at ${RATE} events/s)${sink === Infinity ? '' : ''}`);

  await app.close();
  await dispose();
}

void main();
