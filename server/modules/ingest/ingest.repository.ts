import { CompiledQuery, PostgresAdapter, sql, type ExpressionBuilder } from 'kysely';
import type { NormalizedEvent, SessionSummary } from '../../../contracts/ingest';
import type { Executor } from '../../platform/db';
import type { Database } from '../../platform/schema';
import type { MinuteDelta, SessionDelta } from './ingest.rules';

// Both databases' multi-row inserts cap bound parameters; ~23 columns × 400 rows stays well inside either.
const CHUNK = 400;
/**
 * The hot inserts (events, commenters) bind up to this many parameters per statement: SQLite (≥ 3.32) allows 32,766
 * and PostgreSQL 65,535, so a batch of 1000 events is one statement.
 */
const MAX_PARAMS = 30_000;

export type Dialect = 'sqlite' | 'postgres';

/** A comment's sentiment as stored with it (issue 6): label, score in [-1, 1], aspect tags. */
export interface EventSentiment {
  label: string;
  score: number;
  aspects: readonly string[];
}

const EVENT_COLUMNS = [
  'room_id',
  'session_id',
  'platform',
  'platform_msg_id',
  'kind',
  'source_type',
  'at',
  'received_at',
  'user_ext_id',
  'user_name',
  'text',
  'count',
  'value_fen',
  'unit',
  'unit_amount',
  'fen_per_unit',
  'order_id',
  'product_ref',
  'buyer_ref',
  'status',
  'raw',
  'sentiment',
  'sentiment_score',
  'aspects',
] as const;

function dialectOf(db: Executor): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

const valuesCache = new Map<string, string>();
/** "(?, ?), (?, ?)" or "($1, $2), ($3, $4)" for `rows` rows of `columns` values; the same few shapes recur, so kept. */
function valuesList(dialect: Dialect, rows: number, columns: number): string {
  const key = `${dialect}:${rows}:${columns}`;
  let text = valuesCache.get(key);
  if (text === undefined) {
    const parts: string[] = [];
    for (let r = 0, p = 1; r < rows; r++) {
      const row: string[] = [];
      for (let c = 0; c < columns; c++, p++) row.push(dialect === 'postgres' ? `$${p}` : '?');
      parts.push(`(${row.join(', ')})`);
    }
    text = parts.join(', ');
    if (valuesCache.size > 256) valuesCache.clear();
    valuesCache.set(key, text);
  }
  return text;
}

/**
 * Runs `insert into <table> (<columns>) values … <tail>` with the values bound as parameters: the same statement the
 * query builder writes, without building and compiling a node per value (a thousand-row batch is ~21,000 of them).
 */
async function insertRows<R>(db: Executor, dialect: Dialect, table: string, columns: readonly string[], params: unknown[], rows: number, tail: string): Promise<R[]> {
  const text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${valuesList(dialect, rows, columns.length)} ${tail}`;
  const result = await db.executeQuery<R>(CompiledQuery.raw(text, params));
  return [...result.rows];
}

/**
 * Inserts events, skipping platform message ids already stored for the room. Returns the new ones: their index into
 * `rows` and their stored id, in `rows` order.
 */
export async function insertEvents(db: Executor, roomId: string, rows: { sessionId: string; event: NormalizedEvent; sentiment?: EventSentiment | null }[], receivedAt: string): Promise<{ index: number; id: number }[]> {
  const dialect = dialectOf(db);
  const perStatement = Math.floor(MAX_PARAMS / EVENT_COLUMNS.length);
  const inserted: { index: number; id: number }[] = [];
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const params: unknown[] = [];
    for (const { sessionId, event: e, sentiment } of chunk) {
      params.push(
        roomId,
        sessionId,
        e.platform,
        e.platformMsgId,
        e.kind,
        e.sourceType,
        e.at,
        receivedAt,
        e.user?.id ?? null,
        e.user?.name ?? null,
        e.text,
        e.count,
        e.valueFen,
        e.unit,
        e.unitAmount,
        e.fenPerUnit,
        e.orderId,
        e.productRef,
        e.buyerRef,
        e.status,
        e.raw === undefined ? null : JSON.stringify(e.raw),
        sentiment?.label ?? null,
        sentiment?.score ?? null,
        sentiment ? JSON.stringify(sentiment.aspects) : null,
      );
    }
    const result = await insertRows<{ id: number | string; platform_msg_id: string | null; platform: string }>(
      db,
      dialect,
      'live_events',
      EVENT_COLUMNS,
      params,
      chunk.length,
      'on conflict ("room_id", "platform", "platform_msg_id") where "platform_msg_id" is not null do nothing returning "id", "platform_msg_id", "platform"',
    );
    // Rows without a message id are always new; rows with one are new when returned (ids are unique within the call).
    // RETURNING promises no order, but ids are drawn in VALUES order: the id-less rows' ids, ascending, are theirs in turn.
    const returned = new Map(result.filter((r) => r.platform_msg_id !== null).map((r) => [`${r.platform}|${r.platform_msg_id}`, Number(r.id)]));
    const anonymous = result.filter((r) => r.platform_msg_id === null).map((r) => Number(r.id)).sort((a, b) => a - b);
    let next = 0;
    chunk.forEach(({ event: e }, j) => {
      const id = e.platformMsgId === null ? anonymous[next++] : returned.get(`${e.platform}|${e.platformMsgId}`);
      if (id !== undefined) inserted.push({ index: i + j, id });
    });
  }
  return inserted;
}

function greatest<T = number>(dialect: Dialect, a: string, b: string) {
  // SQLite's two-argument max() returns NULL when either side is NULL; PostgreSQL's GREATEST ignores NULLs.
  return dialect === 'postgres' ? sql.raw<T>(`greatest(${a}, ${b})`) : sql.raw<T>(`max(coalesce(${a}, ${b}), coalesce(${b}, ${a}))`);
}

export async function addMinutes(db: Executor, dialect: Dialect, deltas: MinuteDelta[]) {
  for (let i = 0; i < deltas.length; i += CHUNK) {
    const rows = deltas.slice(i, i + CHUNK).map((d) => ({
      session_id: d.sessionId,
      minute: d.minute,
      comments: d.comments,
      commenters: 0,
      gifts: d.gifts,
      gift_fen: d.giftFen,
      likes: d.likes,
      follows: d.follows,
      shares: d.shares,
      joins: d.joins,
      fans_club: d.fansClub,
      super_chats: d.superChats,
      super_chat_fen: d.superChatFen,
      memberships: d.memberships,
      membership_fen: d.membershipFen,
      orders: d.orders,
      gmv_fen: d.gmvFen,
      transcripts: d.transcripts,
      unknown: d.unknown,
      viewers_max: d.viewersMax,
      viewers_sum: d.viewersSum,
      viewers_samples: d.viewersSamples,
      sentiment_pos: d.sentimentPositive,
      sentiment_neu: d.sentimentNeutral,
      sentiment_neg: d.sentimentNegative,
    }));
    const add = (c: string) => sql.raw<number>(`live_minutes.${c} + excluded.${c}`);
    await db
      .insertInto('live_minutes')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['session_id', 'minute']).doUpdateSet({
          comments: add('comments'),
          gifts: add('gifts'),
          gift_fen: add('gift_fen'),
          likes: add('likes'),
          follows: add('follows'),
          shares: add('shares'),
          joins: add('joins'),
          fans_club: add('fans_club'),
          super_chats: add('super_chats'),
          super_chat_fen: add('super_chat_fen'),
          memberships: add('memberships'),
          membership_fen: add('membership_fen'),
          orders: add('orders'),
          gmv_fen: add('gmv_fen'),
          transcripts: add('transcripts'),
          unknown: add('unknown'),
          viewers_max: greatest(dialect, 'live_minutes.viewers_max', 'excluded.viewers_max'),
          viewers_sum: add('viewers_sum'),
          viewers_samples: add('viewers_samples'),
          sentiment_pos: add('sentiment_pos'),
          sentiment_neu: add('sentiment_neu'),
          sentiment_neg: add('sentiment_neg'),
        }),
      )
      .execute();
  }
}

/** Records commenters; returns, per session and per minute (minute '' = the whole session), how many were new. */
export async function addCommenters(db: Executor, rows: { sessionId: string; minute: string; userKey: string }[]) {
  const fresh = new Map<string, number>();
  const dialect = dialectOf(db);
  const perStatement = Math.floor(MAX_PARAMS / 3);
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const params: string[] = [];
    for (const r of chunk) params.push(r.sessionId, r.minute, r.userKey);
    const result = await insertRows<{ session_id: string; minute: string }>(
      db,
      dialect,
      'live_commenters',
      ['session_id', 'minute', 'user_key'],
      params,
      chunk.length,
      'on conflict ("session_id", "minute", "user_key") do nothing returning "session_id", "minute"',
    );
    for (const r of result) fresh.set(`${r.session_id}|${r.minute}`, (fresh.get(`${r.session_id}|${r.minute}`) ?? 0) + 1);
  }
  for (const [key, n] of fresh) {
    const [sessionId, minute] = key.split('|') as [string, string];
    if (minute === '') continue;
    await db
      .updateTable('live_minutes')
      .set((eb) => ({ commenters: eb('commenters', '+', n) }))
      .where('session_id', '=', sessionId)
      .where('minute', '=', minute)
      .execute();
  }
  return fresh;
}

export async function addSessionStats(db: Executor, dialect: Dialect, deltas: SessionDelta[], newCommenters: Map<string, number>) {
  for (const d of deltas) {
    const least = dialect === 'postgres' ? 'least' : 'min';
    await db
      .insertInto('live_session_stats')
      .values({
        session_id: d.sessionId,
        first_event_at: d.firstAt,
        last_event_at: d.lastAt,
        events: d.events,
        commenters: newCommenters.get(`${d.sessionId}|`) ?? 0,
        viewers_cumulative: d.viewersCumulative,
        likes_total: d.likesTotal,
      })
      .onConflict((oc) =>
        oc.column('session_id').doUpdateSet({
          first_event_at: sql.raw<string>(`${least}(live_session_stats.first_event_at, excluded.first_event_at)`),
          last_event_at: greatest<string>(dialect, 'live_session_stats.last_event_at', 'excluded.last_event_at'),
          events: sql.raw<number>('live_session_stats.events + excluded.events'),
          commenters: sql.raw<number>('live_session_stats.commenters + excluded.commenters'),
          viewers_cumulative: greatest(dialect, 'live_session_stats.viewers_cumulative', 'excluded.viewers_cumulative'),
          likes_total: greatest(dialect, 'live_session_stats.likes_total', 'excluded.likes_total'),
        }),
      )
      .execute();
  }
}

/** The live_minutes counters a session's totals add up. */
const SUMMED = ['comments', 'gifts', 'gift_fen', 'likes', 'follows', 'shares', 'joins', 'fans_club', 'super_chats', 'super_chat_fen', 'memberships', 'membership_fen', 'orders', 'gmv_fen', 'transcripts', 'unknown', 'viewers_sum', 'viewers_samples'] as const;

/**
 * The selections that total minute rollups: every counter summed under its own name, and the peak of the viewer
 * counts as viewers_peak. Group by session for several (the analytics' session metrics).
 */
export function minuteTotals(eb: ExpressionBuilder<Database, 'live_minutes'>) {
  return [...SUMMED.map((c) => eb.fn.sum<number>(c).as(c)), eb.fn.max<number | null>('viewers_max').as('viewers_peak')];
}

/** The session's numbers from its rollups (never from raw events). Null fields mean no data of that kind arrived. */
export async function sessionSummary(db: Executor, sessionId: string): Promise<SessionSummary> {
  const n = (v: unknown) => Number(v ?? 0);
  const totals = await db
    .selectFrom('live_minutes')
    .where('session_id', '=', sessionId)
    .select((eb) => [...minuteTotals(eb), eb.fn.countAll<number>().as('minutes')])
    .executeTakeFirstOrThrow();
  const stats = await db.selectFrom('live_session_stats').selectAll().where('session_id', '=', sessionId).executeTakeFirst();
  const samples = n(totals.viewers_samples);
  return {
    sessionId,
    counts: {
      comment: n(totals.comments),
      gift: n(totals.gifts),
      like: n(totals.likes),
      follow: n(totals.follows),
      share: n(totals.shares),
      join: n(totals.joins),
      fans_club: n(totals.fans_club),
      super_chat: n(totals.super_chats),
      membership: n(totals.memberships),
      order: n(totals.orders),
      transcript: n(totals.transcripts),
      unknown: n(totals.unknown),
    },
    uniqueCommenters: n(stats?.commenters),
    giftValueFen: n(totals.gift_fen),
    superChatValueFen: n(totals.super_chat_fen),
    membershipValueFen: n(totals.membership_fen),
    peakViewers: totals.viewers_peak === null || totals.viewers_peak === undefined ? null : n(totals.viewers_peak),
    averageViewers: samples ? Math.round(n(totals.viewers_sum) / samples) : null,
    cumulativeViewers: stats?.viewers_cumulative == null ? null : n(stats.viewers_cumulative),
    likes: n(totals.likes),
    likesReportedTotal: stats?.likes_total == null ? null : n(stats.likes_total),
    follows: n(totals.follows),
    orders: n(totals.orders),
    gmvFen: n(totals.gmv_fen),
    events: n(stats?.events),
    firstEventAt: stats?.first_event_at ?? null,
    lastEventAt: stats?.last_event_at ?? null,
    unknownMessages: n(totals.unknown),
    minutesWithEvents: n(totals.minutes),
  };
}
