import type { LiveComment, LiveHeadline, LiveMinute } from '../../../contracts/live';
import type { Executor } from '../../platform/db';
import { minuteOf } from './ingest.rules';

const MINUTE = 60_000;

type MinuteRow = { minute: string; viewers_max: unknown; comments: unknown; commenters: unknown; likes: unknown; gifts: unknown; gift_fen: unknown; orders: unknown; gmv_fen: unknown };

function toMinute(r: MinuteRow): LiveMinute {
  return {
    minute: r.minute,
    viewers: r.viewers_max === null || r.viewers_max === undefined ? null : Number(r.viewers_max),
    comments: Number(r.comments),
    commenters: Number(r.commenters),
    likes: Number(r.likes),
    gifts: Number(r.gifts),
    giftValueFen: Number(r.gift_fen),
    orders: Number(r.orders),
    gmvFen: Number(r.gmv_fen),
  };
}

const minuteColumns = ['minute', 'viewers_max', 'comments', 'commenters', 'likes', 'gifts', 'gift_fen', 'orders', 'gmv_fen'] as const;

/** The session's latest `count` minutes that have rollups, oldest first. */
export async function latestMinutes(db: Executor, sessionId: string, count: number): Promise<LiveMinute[]> {
  const rows = await db.selectFrom('live_minutes').select(minuteColumns).where('session_id', '=', sessionId).orderBy('minute', 'desc').limit(count).execute();
  return rows.reverse().map(toMinute);
}

export async function minutesAt(db: Executor, sessionId: string, minutes: string[]): Promise<LiveMinute[]> {
  if (!minutes.length) return [];
  const rows = await db.selectFrom('live_minutes').select(minuteColumns).where('session_id', '=', sessionId).where('minute', 'in', minutes).orderBy('minute').execute();
  return rows.map(toMinute);
}

/** The highest stored event id of the session (0 when none): the cursor deltas continue from. */
export async function lastEventId(db: Executor, sessionId: string): Promise<number> {
  const row = await db.selectFrom('live_events').select((eb) => eb.fn.max('id').as('id')).where('session_id', '=', sessionId).executeTakeFirst();
  return Number(row?.id ?? 0);
}

/** The last `count` comments up to and including event `upTo`, oldest first. */
export async function latestComments(db: Executor, sessionId: string, upTo: number, count: number): Promise<LiveComment[]> {
  const rows = await db
    .selectFrom('live_events')
    .select(['id', 'at', 'user_name', 'text'])
    .where('session_id', '=', sessionId)
    .where('id', '<=', upTo)
    .where('kind', '=', 'comment')
    .orderBy('id', 'desc')
    .limit(count)
    .execute();
  return rows.reverse().map((r) => ({ id: String(r.id), at: r.at, userName: r.user_name, text: r.text ?? '' }));
}

/** Events stored after `after` (at most `limit`): their ids and times, with the text of comments. */
export async function eventsAfter(db: Executor, sessionId: string, after: number, limit: number) {
  const rows = await db
    .selectFrom('live_events')
    .select(['id', 'kind', 'at', 'user_name', 'text'])
    .where('session_id', '=', sessionId)
    .where('id', '>', after)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: Number(r.id), kind: r.kind, at: r.at, userName: r.user_name, text: r.text }));
}

/** Every live session's headline numbers, all teams (callers filter by scope). */
export async function liveHeadlines(db: Executor, now: number): Promise<LiveHeadline[]> {
  const sessions = await db
    .selectFrom('live_sessions as s')
    .innerJoin('rooms as r', 'r.id', 's.room_id')
    .select(['s.id', 's.title', 'r.display_name', 'r.team_id'])
    .where('s.status', '=', 'live')
    .orderBy('s.planned_start')
    .orderBy('s.id')
    .execute();
  if (!sessions.length) return [];
  const ids = sessions.map((s) => s.id);
  const totals = await db
    .selectFrom('live_minutes')
    .select((eb) => ['session_id', eb.fn.sum<number>('gmv_fen').as('gmv'), eb.fn.sum<number>('gift_fen').as('gift')])
    .where('session_id', 'in', ids)
    .groupBy('session_id')
    .execute();
  const recent = await db
    .selectFrom('live_minutes')
    .select(['session_id', 'minute', 'viewers_max', 'comments'])
    .where('session_id', 'in', ids)
    .where('minute', '>=', minuteOf(now - 10 * MINUTE))
    .orderBy('minute')
    .execute();
  const stats = await db.selectFrom('live_session_stats').select(['session_id', 'last_event_at']).where('session_id', 'in', ids).execute();
  const lastFull = minuteOf(now - MINUTE);
  return sessions.map((s) => {
    const t = totals.find((x) => x.session_id === s.id);
    const mine = recent.filter((x) => x.session_id === s.id);
    const withViewers = mine.filter((x) => x.viewers_max !== null);
    return {
      sessionId: s.id,
      title: s.title,
      roomName: s.display_name,
      teamId: s.team_id,
      viewers: withViewers.length ? Number(withViewers[withViewers.length - 1]!.viewers_max) : null,
      commentsLastMinute: Number(mine.find((x) => x.minute === lastFull)?.comments ?? 0),
      gmvFen: Number(t?.gmv ?? 0),
      giftValueFen: Number(t?.gift ?? 0),
      lastEventAt: stats.find((x) => x.session_id === s.id)?.last_event_at ?? null,
    };
  });
}
