// npm run demo: the console with the demo company, and a simulated show playing into one of its rooms, so a newcomer
// sees the live monitor move. Same settings as `showrunner start` (PORT, HOST, DATA_DIR, DATABASE_URL); DEMO_RATE sets
// the simulator's events per second (default 50).
import { Permission } from '../contracts/accounts';
import { loadConfig } from '../server/platform/config';
import { systemActor } from '../server/platform/context';
import { startBackground } from '../server/platform/background';
import { buildApp } from '../server/platform/http';
import { openRuntime } from '../server/platform/runtime';
import { countUsers } from '../server/modules/accounts/accounts.repository';
import { createApiToken } from '../server/modules/accounts/accounts.service';
import type { SessionRole } from '../contracts/planning';
import { createSession, setCrew, setSlots } from '../server/modules/planning/planning.service';
import { setupDemo } from '../server/modules/setup/setup.service';
import { simulate } from './simulate';

const DEMO_TITLE = '演示直播 Demo show';

const config = loadConfig();
const rt = await openRuntime(config);
if ((await countUsers(rt.deps.db)) === 0) await setupDemo(rt.deps);
const app = await buildApp(rt.deps);
await app.listen({ port: config.port, host: config.host });
const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
const url = `http://${host}:${config.port}`;

const actor = { ...systemActor, label: 'demo', permissions: new Set(Permission.options) };
const { roomId, sessionId } = await demoShow();
// The simulated host sells the session's own run of show, so orders and the transcript match the current slot.
const lineup = (
  await rt.deps.db
    .selectFrom('session_slots as s')
    .innerJoin('products as p', 'p.id', 's.product_id')
    .select(['p.sku', 'p.name', 'p.live_price_fen', 's.planned_minutes'])
    .where('s.session_id', '=', sessionId)
    .orderBy('s.position')
    .execute()
).map((r) => ({ product: { sku: r.sku, name: r.name, priceFen: Number(r.live_price_fen) }, minutes: Number(r.planned_minutes) }));
const { token } = await createApiToken(rt.deps, actor, { roomId, scopes: ['ingest'], name: `demo simulator ${new Date().toISOString().slice(0, 16)}` });

/**
 * The session the simulated show plays into: one planned from a few minutes ago for two hours, in a room that has
 * no other show then (events attach to the session running at their time, and turn it live), with a short run of show so the current slot moves.
 * A second run on the same data reuses it.
 */
async function demoShow(): Promise<{ roomId: string; sessionId: string }> {
  const { db } = rt.deps;
  const now = Date.now();
  const existing = await db
    .selectFrom('live_sessions')
    .select(['id', 'room_id'])
    .where('title', '=', DEMO_TITLE)
    .where('status', 'in', ['draft', 'scheduled', 'live'])
    .where('planned_start', '<=', new Date(now).toISOString())
    .where('planned_end', '>', new Date(now + 10 * 60_000).toISOString())
    .executeTakeFirst();
  if (existing) return { roomId: existing.room_id, sessionId: existing.id };
  const start = Math.floor(now / 60_000) * 60_000 - 2 * 60_000;
  const end = start + 2 * 3_600_000;
  const busy = db
    .selectFrom('live_sessions')
    .select('room_id')
    .where('status', '!=', 'cancelled')
    .where('planned_start', '<', new Date(end).toISOString())
    .where('planned_end', '>', new Date(start).toISOString());
  const room = await db.selectFrom('rooms').select('id').where('id', 'not in', busy).orderBy('display_name').executeTakeFirst();
  if (!room) throw new Error('every room has a show around now: start the demo with an empty DATA_DIR');
  const session = await createSession(rt.deps, actor, { roomId: room.id, title: DEMO_TITLE, plannedStart: new Date(start).toISOString(), plannedEnd: new Date(end).toISOString(), goals: { gmvFen: 50_000_000, viewers: 8000, orders: 3000 }, notes: '' }, 'zh-CN');
  const products = await db.selectFrom('products').select('id').orderBy('sku').limit(6).execute();
  const types = ['traffic', 'hero', 'profit', 'welfare'] as const;
  if (products.length) {
    await setSlots(rt.deps, actor, session.id, { slots: products.map((p, i) => ({ productId: p.id, plannedMinutes: 5, slotType: types[i % types.length]!, talkingPoints: '', mechanics: [] })) }, 'zh-CN');
  }
  // The room's usual crew runs the show, so findings name the host and a violation on air reaches field control.
  const usual = await db
    .selectFrom('session_crew as c')
    .innerJoin('live_sessions as s', 's.id', 'c.session_id')
    .select(['c.person_id', 'c.role', 's.planned_start'])
    .where('s.room_id', '=', room.id)
    .where('s.planned_start', '<', new Date(start).toISOString())
    .orderBy('s.planned_start', 'desc')
    .limit(12)
    .execute();
  const latest = usual[0]?.planned_start;
  const crew = usual.filter((c) => c.planned_start === latest).map((c) => ({ personId: c.person_id, role: c.role as SessionRole }));
  if (crew.length) await setCrew(rt.deps, actor, session.id, { crew, override: { reason: 'demo show / 演示直播' } }, 'zh-CN');
  return { roomId: room.id, sessionId: session.id };
}

// Notifications, the weekly report and the suggestions of ended shows, as `showrunner start` runs them.
const background = startBackground(rt.deps, app.log);
const controller = new AbortController();
const stop = async (signal: string) => {
  app.log.info({ signal }, 'shutting down');
  controller.abort();
  await background.stop();
  await app.close();
  await rt.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop('SIGINT'));
process.once('SIGTERM', () => void stop('SIGTERM'));

const rate = Number(process.env.DEMO_RATE ?? 50) || 50;
void simulate({ lineup, room: roomId, rate, format: 'custom', url, token, batch: Math.max(1, Math.ceil(rate / 4)), signal: controller.signal, log: (line) => app.log.info(`simulator: ${line}`) });
process.stdout.write(
  `\nShowrunner demo at ${url} — sign in as owner@demo.showrunner.dev / showrunner-demo.\nA simulated show is playing: watch it at ${url}/sessions/${sessionId}/live (every live room: ${url}/live).\n\n`,
);
