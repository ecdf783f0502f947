// The demo company's past shows written to the database: the histories history.build.ts generates, table by table,
// and the compliance findings of what was said in them (comments and host lines scanned with the stored rule packs, the
// shipped ones at setup), as live scanning would have stored them.
import { insertMany } from '../../platform/bulk';
import type { Executor } from '../../platform/db';
import { compileStored } from '../compliance/compliance.registry';
import { findingRow, type ScannableEvent } from '../compliance/live-scan';
import type { Scanner } from '../compliance/scanner';
import { buildSessionHistory, type SessionHistory } from './history.build';

const DAY = 86_400_000;

/**
 * Writes generated histories, table by table; buffers are flushed every `flushEvery` sessions to bound memory, and
 * `onFlush` runs after each flush with the sessions it wrote.
 */
export class HistoryWriter {
  private buffered: SessionHistory[] = [];
  constructor(
    private readonly db: Executor,
    private readonly flushEvery = 100,
    private readonly onFlush?: (sessionIds: string[]) => Promise<void>,
  ) {}

  async add(h: SessionHistory) {
    this.buffered.push(h);
    if (this.buffered.length >= this.flushEvery) await this.flush();
  }

  async flush() {
    const batch = this.buffered;
    this.buffered = [];
    await insertMany(this.db, 'live_minutes', batch.flatMap((h) => h.minutes));
    await insertMany(this.db, 'live_session_stats', batch.map((h) => h.stats));
    await insertMany(this.db, 'live_commenters', batch.flatMap((h) => h.commenters));
    await insertMany(this.db, 'live_events', batch.flatMap((h) => h.orders));
    await insertMany(this.db, 'live_events', batch.flatMap((h) => h.comments));
    await insertMany(this.db, 'live_events', batch.flatMap((h) => h.speech));
    await insertMany(this.db, 'metric_values', batch.flatMap((h) => h.metrics));
    if (batch.length && this.onFlush) await this.onFlush(batch.map((h) => h.stats.session_id));
  }
}

/** Scans the stored comments and host lines of `sessionIds` and stores their findings, as live scanning does. */
async function storeFindings(db: Executor, scanner: Scanner, sessionIds: readonly string[], hosts: ReadonlyMap<string, string>) {
  const lines = await db
    .selectFrom('live_events as e')
    .innerJoin('rooms as r', 'r.id', 'e.room_id')
    .select(['e.id', 'e.session_id', 'e.room_id', 'r.team_id', 'e.kind', 'e.text', 'e.at', 'e.user_name'])
    .where('e.session_id', 'in', sessionIds)
    .where('e.kind', 'in', ['comment', 'transcript'])
    .orderBy('e.id')
    .execute();
  const rows = lines.flatMap((l) => {
    if (!l.text || !l.session_id) return [];
    const event: ScannableEvent = { id: Number(l.id), sessionId: l.session_id, kind: l.kind === 'transcript' ? 'transcript' : 'comment', text: l.text, at: l.at, userName: l.user_name };
    const place = { roomId: l.room_id, teamId: l.team_id, hostId: hosts.get(l.session_id) ?? null };
    return scanner.scan({ text: l.text, context: event.kind }).map((f) => findingRow(event, place, f));
  });
  await insertMany(db, 'compliance_findings', rows);
}

/**
 * Generates and writes the show data of every past session (ended or reviewed) in the database: the demo company's 90
 * days, and the compliance findings of their comments and host lines. Runs inside the demo loader's transaction, after
 * the planning seed. Returns what it wrote.
 */
export async function seedDemoHistory(db: Executor, anchor: Date): Promise<{ sessions: number; minutes: number; events: number }> {
  const now = anchor.getTime();
  const sessions = await db
    .selectFrom('live_sessions as s')
    .innerJoin('rooms as r', 'r.id', 's.room_id')
    .select(['s.id', 's.room_id', 'r.platform', 's.planned_start', 's.planned_end', 's.goal_gmv_fen', 's.goal_viewers', 's.goal_orders'])
    .where('s.status', 'in', ['ended', 'reviewed'])
    .where('s.planned_end', '<=', anchor.toISOString())
    .orderBy('s.planned_start')
    .orderBy('s.id')
    .execute();
  if (!sessions.length) return { sessions: 0, minutes: 0, events: 0 };
  const ids = sessions.map((s) => s.id);
  const slots: { session_id: string; position: number; sku: string; name: string; category: string; live_price_fen: number; planned_minutes: number; slot_type: string }[] = [];
  const hosts = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    slots.push(
      ...(await db
        .selectFrom('session_slots as sl')
        .innerJoin('products as p', 'p.id', 'sl.product_id')
        .select(['sl.session_id', 'sl.position', 'p.sku', 'p.name', 'p.category', 'p.live_price_fen', 'sl.planned_minutes', 'sl.slot_type'])
        .where('sl.session_id', 'in', part)
        .execute()),
    );
    const crew = await db.selectFrom('session_crew').select(['session_id', 'person_id']).where('session_id', 'in', part).where('role', '=', 'host').orderBy('person_id').execute();
    for (const c of crew) if (!hosts.has(c.session_id)) hosts.set(c.session_id, c.person_id);
  }
  const slotsBySession = new Map<string, typeof slots>();
  for (const sl of slots) slotsBySession.set(sl.session_id, [...(slotsBySession.get(sl.session_id) ?? []), sl]);

  // What was said is scanned with the rules stored by then (the shipped packs at setup), as live scanning would have.
  const scanner = await compileStored(db);
  const writer = new HistoryWriter(db, 60, (written) => storeFindings(db, scanner, written, hosts));
  let minutes = 0;
  let events = 0;
  for (const s of sessions) {
    const own = slotsBySession.get(s.id) ?? [];
    const categories = own.map((x) => x.category);
    const category = ['apparel', 'food', 'beauty'].find((c) => categories.includes(c)) ?? categories[0] ?? 'other';
    const history = buildSessionHistory(
      {
        id: s.id,
        roomId: s.room_id,
        platform: s.platform,
        plannedStart: Date.parse(s.planned_start),
        plannedEnd: Date.parse(s.planned_end),
        goals: { gmvFen: s.goal_gmv_fen === null ? null : Number(s.goal_gmv_fen), viewers: s.goal_viewers === null ? null : Number(s.goal_viewers), orders: s.goal_orders === null ? null : Number(s.goal_orders) },
        slots: own.map((x) => ({ position: Number(x.position), productRef: x.sku, productName: x.name, priceFen: Number(x.live_price_fen), plannedMinutes: Number(x.planned_minutes), slotType: x.slot_type })),
        hostId: hosts.get(s.id) ?? null,
        category,
        daysAgo: Math.floor((now - Date.parse(s.planned_end)) / DAY),
      },
      { rawEvents: true, imports: true },
    );
    minutes += history.minutes.length;
    events += history.orders.length + history.comments.length + history.speech.length;
    await writer.add(history);
  }
  await writer.flush();
  return { sessions: sessions.length, minutes, events };
}
