// Builders for the suggestions' tests: a finished show as ingestion and an import would leave it.
import type { Executor } from '../../platform/db';
import { stableId } from '../../platform/ids';

const iso = (ms: number) => new Date(ms).toISOString();

export interface SessionSpec {
  id: string;
  room: string;
  start: number;
  minutes: number;
  viewers: (i: number) => number;
  comments?: (i: number) => number;
  gmvFen?: (i: number) => number;
  follows?: (i: number) => number;
  viewersCumulative: number;
  goalGmvFen?: number | null;
  /** Planned minutes per slot; slot n sells product stableId('product', `p${n}`). */
  slots: number[];
  imported?: Record<string, number>;
  status?: string;
}

/** A finished show as ingestion and an import would leave it: the session, its slots, minute rollups, stats and imported values. */
export async function seedSession(db: Executor, s: SessionSpec) {
  const now = new Date().toISOString();
  await db
    .insertInto('live_sessions')
    .values({ id: s.id, room_id: s.room, title: `场次 ${s.id}`, planned_start: iso(s.start), planned_end: iso(s.start + s.minutes * 60_000), goal_gmv_fen: s.goalGmvFen ?? null, goal_viewers: null, goal_orders: null, notes: '', status: s.status ?? 'ended', cancel_reason: null, series_id: null, is_unplanned: 0, created_by: null, created_at: now, updated_at: now })
    .execute();
  await db
    .insertInto('session_slots')
    .values(s.slots.map((m, i) => ({ id: `${s.id}-slot-${i + 1}`, session_id: s.id, position: i + 1, product_id: stableId('product', `p${i + 1}`), planned_minutes: m, slot_type: 'main', talking_points: '', mechanics: '[]' })))
    .execute();
  await db
    .insertInto('live_minutes')
    .values(
      Array.from({ length: s.minutes }, (_, i) => ({
        session_id: s.id,
        minute: iso(s.start + i * 60_000),
        comments: s.comments?.(i) ?? 60,
        commenters: Math.min(s.comments?.(i) ?? 60, 30),
        orders: 2,
        gmv_fen: s.gmvFen?.(i) ?? 20_000,
        follows: s.follows?.(i) ?? 5,
        viewers_max: Math.round(s.viewers(i)),
        viewers_sum: Math.round(s.viewers(i)) * 2,
        viewers_samples: 2,
      })) as never,
    )
    .execute();
  await db
    .insertInto('live_session_stats')
    .values({ session_id: s.id, first_event_at: iso(s.start), last_event_at: iso(s.start + (s.minutes - 1) * 60_000 + 30_000), events: 1000, commenters: 100, viewers_cumulative: s.viewersCumulative, likes_total: null })
    .execute();
  const imported = Object.entries(s.imported ?? {});
  if (imported.length)
    await db
      .insertInto('metric_values')
      .values(imported.map(([metric, value]) => ({ session_id: s.id, metric, source: 'import', value, basis: null, platform: 'douyin', time_window: 'live', import_id: null, updated_at: now })))
      .execute();
}
