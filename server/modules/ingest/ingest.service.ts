import { DateTime } from 'luxon';
import type { IngestItemError, IngestPlatform, IngestResult, NormalizedEvent } from '../../../contracts/ingest';
import type { Deps } from '../../platform/context';
import { withTransaction, type Executor } from '../../platform/db';
import { DomainError } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { evaluateCommitted } from '../alerts/alerts.engine';
import { scanLiveEvents, type ScannableEvent } from '../compliance/live-scan';
import { currentAnalyser } from '../sentiment/sentiment.registry';
import { sentimentOf } from '../sentiment/sentiment.rules';
import { adaptBatch, DEFAULT_GIFT_RATES, type BatchParse } from './adapters';
import * as repo from './ingest.repository';
import { publishCommitted } from './live.hub';
import { accumulate, commenterKey, minuteOf, pickSession, UNPLANNED_GAP_MS, type CandidateSession } from './ingest.rules';

const DAY = 86_400_000;

interface RoomRef {
  id: string;
  timeZone: string;
}

/** Loads the room's sessions around the events' time span, as attachment candidates. */
async function candidates(db: Executor, roomId: string, from: number, to: number): Promise<CandidateSession[]> {
  const rows = await db
    .selectFrom('live_sessions')
    .select(['id', 'planned_start', 'planned_end', 'status', 'is_unplanned'])
    .where('room_id', '=', roomId)
    .where('status', '!=', 'cancelled')
    .where('planned_start', '<', new Date(to + DAY).toISOString())
    .where('planned_end', '>', new Date(from - DAY).toISOString())
    .where('planned_start', '>', new Date(from - 2 * DAY).toISOString())
    .execute();
  return rows.map((r) => ({ id: r.id, start: Date.parse(r.planned_start), end: Date.parse(r.planned_end), status: r.status, isUnplanned: Number(r.is_unplanned) === 1 }));
}

/**
 * Stores normalized events for a room in one transaction: each is attached to its session (an unplanned one is opened,
 * and flagged, when none is planned), re-delivered platform messages are skipped, and the per-minute rollups and
 * session stats are brought up to date. When this returns, the batch is committed.
 */
export async function storeEvents(deps: Deps, room: RoomRef, events: NormalizedEvent[], receivedAt = new Date()): Promise<Omit<IngestResult, 'rejected' | 'errors'>> {
  if (!events.length) return { accepted: 0, duplicates: 0, sessionIds: [] };
  const dialect: repo.Dialect = deps.config.database.kind;
  const stored = await withTransaction(deps.db, async (trx) => {
    const times = events.map((e) => Date.parse(e.at));
    const pool = await candidates(trx, room.id, Math.min(...times), Math.max(...times));
    const { analyser } = await currentAnalyser(deps.db, trx);
    const extended = new Map<string, number>();
    const opened: CandidateSession[] = [];
    const attached = events.map((event, i) => {
      const t = times[i]!;
      let sessionId = pickSession(pool, t);
      if (!sessionId) {
        const start = Math.floor(t / 60_000) * 60_000;
        const s: CandidateSession = { id: newId(), start, end: start + UNPLANNED_GAP_MS, status: 'live', isUnplanned: true };
        pool.push(s);
        opened.push(s);
        sessionId = s.id;
      }
      const s = pool.find((x) => x.id === sessionId)!;
      if (s.isUnplanned && t + 60_000 > s.end) {
        s.end = t + 60_000;
        extended.set(s.id, s.end);
      }
      if (s.isUnplanned && t < s.start) {
        s.start = Math.floor(t / 60_000) * 60_000;
        extended.set(s.id, s.end);
      }
      // A comment's sentiment is stored with it, in the same insert, and counted in its minute's rollup.
      return { sessionId, event, sentiment: sentimentOf(event, analyser) };
    });

    const at = nowIso();
    for (const s of opened) {
      const local = DateTime.fromMillis(s.start, { zone: room.timeZone }).toFormat('yyyy-MM-dd HH:mm');
      await trx
        .insertInto('live_sessions')
        .values({
          id: s.id,
          room_id: room.id,
          title: `未排期直播 Unplanned ${local}`,
          planned_start: new Date(s.start).toISOString(),
          planned_end: new Date(s.end).toISOString(),
          goal_gmv_fen: null,
          goal_viewers: null,
          goal_orders: null,
          notes: '',
          status: 'live',
          cancel_reason: null,
          series_id: null,
          is_unplanned: 1,
          created_by: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
    for (const [id, end] of extended) {
      const s = pool.find((x) => x.id === id)!;
      await trx.updateTable('live_sessions').set({ planned_start: new Date(s.start).toISOString(), planned_end: new Date(end).toISOString(), updated_at: at }).where('id', '=', id).execute();
    }

    // The same message twice in one batch is one message.
    const seen = new Set<string>();
    const unique = attached.filter(({ event }) => {
      if (!event.platformMsgId) return true;
      const key = `${event.platform}|${event.platformMsgId}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const inserted = await repo.insertEvents(trx, room.id, unique, receivedAt.toISOString());
    const fresh = inserted.map(({ index }) => unique[index]!);
    // Comments and host speech are scanned as they arrive; the findings commit with the events.
    const scannable: ScannableEvent[] = [];
    inserted.forEach(({ index, id }) => {
      const { sessionId, event } = unique[index]!;
      if ((event.kind === 'comment' || event.kind === 'transcript') && event.text) {
        scannable.push({ id, sessionId, kind: event.kind, text: event.text, at: event.at, userName: event.user?.name ?? null });
      }
    });
    await scanLiveEvents(deps, trx, room.id, scannable);
    const { minutes, sessions } = accumulate(fresh);
    await repo.addMinutes(trx, dialect, minutes);
    const commenters: { sessionId: string; minute: string; userKey: string }[] = [];
    for (const { sessionId, event } of fresh) {
      const key = commenterKey(event);
      if (key) commenters.push({ sessionId, minute: '', userKey: key }, { sessionId, minute: minuteOf(event.at), userKey: key });
    }
    const newCommenters = await repo.addCommenters(trx, commenters);
    await repo.addSessionStats(trx, dialect, sessions, newCommenters);

    // Events mean the show is on: a planned session that receives them is live; a stream end ends it.
    const touched = [...new Set(attached.map((a) => a.sessionId))];
    await trx.updateTable('live_sessions').set({ status: 'live', updated_at: at }).where('id', 'in', touched).where('status', 'in', ['draft', 'scheduled']).execute();
    const ended = [...new Set(fresh.filter((f) => f.event.kind === 'stream_status' && f.event.status === 'ended').map((f) => f.sessionId))];
    if (ended.length) await trx.updateTable('live_sessions').set({ status: 'ended', updated_at: at }).where('id', 'in', ended).where('status', '=', 'live').execute();

    return { accepted: fresh.length, duplicates: events.length - fresh.length, sessionIds: touched };
  });
  // Committed: the live monitor may read it now.
  publishCommitted(deps, stored.sessionIds);
  // Alerts are judged on committed data, outside the transaction and after the response; a failure is logged, never the batch's.
  evaluateCommitted(deps, stored.sessionIds);
  return stored;
}

/**
 * A request's body through the platform's adapter into storage. By default any bad item rejects the whole batch (400,
 * nothing stored); with `partial` the good items are stored and each rejected one is listed.
 */
export async function ingest(deps: Deps, room: RoomRef, platform: IngestPlatform, parsed: BatchParse, partial: boolean): Promise<IngestResult> {
  if ('error' in parsed) throw new DomainError('ingest/invalid-batch', [{ path: '', message: parsed.error }]);
  const receivedAt = new Date();
  const adapted = adaptBatch(platform, parsed, { receivedAt, rates: DEFAULT_GIFT_RATES });
  const errors: IngestItemError[] = adapted.errors;
  if (errors.length && !partial) throw new DomainError('ingest/invalid-batch', undefined, { errors });
  const rejectedIdx = new Set(errors.map((e) => e.index));
  const stored = await storeEvents(
    deps,
    room,
    adapted.events.filter((e) => !rejectedIdx.has(e.index)).map((e) => e.event),
    receivedAt,
  );
  return { ...stored, rejected: rejectedIdx.size, errors };
}
