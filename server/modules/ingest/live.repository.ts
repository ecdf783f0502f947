import type { LiveComment, LiveFinding, LiveHeadline, LiveMinute } from '../../../contracts/live';
import type { Executor } from '../../platform/db';
import { minuteOf } from './ingest.rules';

const MINUTE = 60_000;

type MinuteRow = { minute: string; viewers_max: unknown; comments: unknown; commenters: unknown; likes: unknown; gifts: unknown; gift_fen: unknown; orders: unknown; gmv_fen: unknown; sentiment_pos: unknown; sentiment_neu: unknown; sentiment_neg: unknown };

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
    positive: Number(r.sentiment_pos),
    neutral: Number(r.sentiment_neu),
    negative: Number(r.sentiment_neg),
  };
}

const minuteColumns = ['minute', 'viewers_max', 'comments', 'commenters', 'likes', 'gifts', 'gift_fen', 'orders', 'gmv_fen', 'sentiment_pos', 'sentiment_neu', 'sentiment_neg'] as const;

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

const FEED_KINDS = ['comment', 'transcript'] as const;

type FeedRow = { id: number | string; kind: string; at: string; user_name?: string | null; userName?: string | null; text: string | null };

/** Feed lines with their stored findings attached (one query for all of them). */
export async function withFindings(db: Executor, sessionId: string, rows: readonly FeedRow[]): Promise<LiveComment[]> {
  const ids = rows.map((r) => Number(r.id));
  const found = ids.length
    ? await db
        .selectFrom('compliance_findings')
        .select(['event_id', 'rule', 'category', 'severity', 'term', 'span_start', 'span_end'])
        .where('session_id', '=', sessionId)
        .where('event_id', 'in', ids)
        .orderBy('event_id')
        .orderBy('span_start')
        .orderBy('id')
        .execute()
    : [];
  const byEvent = new Map<number, LiveFinding[]>();
  for (const f of found) {
    const list = byEvent.get(Number(f.event_id)) ?? [];
    list.push({ rule: f.rule, category: f.category, severity: f.severity as LiveFinding['severity'], term: f.term, start: f.span_start, end: f.span_end });
    byEvent.set(Number(f.event_id), list);
  }
  return rows.map((r) => ({
    id: String(r.id),
    kind: r.kind === 'transcript' ? 'transcript' : 'comment',
    at: r.at,
    userName: r.user_name ?? r.userName ?? null,
    text: r.text ?? '',
    findings: byEvent.get(Number(r.id)) ?? [],
  }));
}

/** The last `count` feed lines (comments and host speech) up to and including event `upTo`, oldest first. */
export async function latestComments(db: Executor, sessionId: string, upTo: number, count: number): Promise<LiveComment[]> {
  const rows = await db
    .selectFrom('live_events')
    .select(['id', 'kind', 'at', 'user_name', 'text'])
    .where('session_id', '=', sessionId)
    .where('id', '<=', upTo)
    .where('kind', 'in', FEED_KINDS)
    .orderBy('id', 'desc')
    .limit(count)
    .execute();
  return withFindings(db, sessionId, rows.reverse());
}

/** The session's last `count` lines with findings, in (after, upTo], oldest first. */
export async function flaggedLines(db: Executor, sessionId: string, after: number, upTo: number, count: number): Promise<LiveComment[]> {
  const ids = await db
    .selectFrom('compliance_findings')
    .select('event_id')
    .distinct()
    .where('session_id', '=', sessionId)
    .where('event_id', '>', after)
    .where('event_id', '<=', upTo)
    .orderBy('event_id', 'desc')
    .limit(count)
    .execute();
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('live_events')
    .select(['id', 'kind', 'at', 'user_name', 'text'])
    .where('id', 'in', ids.map((r) => Number(r.event_id)))
    .orderBy('id')
    .execute();
  return withFindings(db, sessionId, rows);
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
  const blocks = await db
    .selectFrom('compliance_findings')
    .select((eb) => ['session_id', eb.fn.countAll<number>().as('n')])
    .where('session_id', 'in', ids)
    .where('severity', '=', 'block')
    .groupBy('session_id')
    .execute();
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
      blockFindings: Number(blocks.find((x) => x.session_id === s.id)?.n ?? 0),
    };
  });
}
