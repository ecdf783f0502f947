// The demo company's show data (issues 5 and 7): for every past session, what ingestion would have stored had the show been
// streamed — per-minute rollups (live_minutes), session stats, the session's commenters — and, for most sessions, the
// platform's own figures as if imported from its export (metric_values, source 'import').
//
// Raw live_events are kept modest: every order is stored (buyers and per-slot GMV come from order events, so their sums
// equal the rollups' orders and GMV), plus a sample of about RAW_COMMENTS comments per session with their text and the
// shipped analyser's sentiment (for comment themes); the rollups carry the rest of the volume (likes, viewer counts, the
// other comments). Every host line is stored raw too (transcripts, in the host's habits: history.texts.ts), and about
// one comment in a hundred breaks the rules (a contact off the platform, abuse), so the compliance findings report has
// weeks to show (the seed scans what it stores: history.seed.ts). live_commenters holds the session-wide rows (minute ''), the ones the commenter count reads; the
// per-minute rows ingestion also writes are left out (live_minutes.commenters carries the per-minute figure).
//
// Pure and deterministic: everything about a session comes from a PRNG seeded by its id (rngFor(`history:<id>`)), the
// room (its trend), the host (their form) and the days between the show and the anchor, so the same anchor gives the
// same data. The shape of a show: a warm-up, viewers rising on welfare (福利) slots and sagging on profit slots,
// sometimes one slot that loses a third of the room, sometimes a quiet stretch with few comments; a few bad shows
// (stream trouble, a sour audience, weak closing) among them; each room trends up or down over the weeks and each host
// has their own form.

import { fnv1a, rngFor, type Rng } from '../../platform/random';
import type { Database } from '../../platform/schema';
import { hostHabit, linkQuestion, nickname, poolFor, problematicComment, type Mood, type PoolText } from './history.texts';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Comments stored raw per session (with text and sentiment); the rollups count them all. */
export const RAW_COMMENTS = 60;
/** Viewer-count samples per minute (one every 10 s). */
const SAMPLES_PER_MINUTE = 6;

export interface HistorySlot {
  position: number;
  /** What order events carry as product_ref: the product's SKU. */
  productRef: string;
  /** What the host calls it. */
  productName: string;
  priceFen: number;
  plannedMinutes: number;
  slotType: string;
}

/** One past session, as the generator needs it. */
export interface HistorySession {
  id: string;
  roomId: string;
  /** The room's platform (douyin, taobao, kuaishou, wechat_channels, …). */
  platform: string;
  plannedStart: number;
  plannedEnd: number;
  goals: { gmvFen: number | null; viewers: number | null; orders: number | null };
  slots: HistorySlot[];
  hostId: string | null;
  /** The product category the room mostly sells (beauty, food, health_food, apparel): picks the viewers' questions. */
  category: string;
  /** Whole days between the show and the anchor (0 = today): drives the room's trend and the import lag. */
  daysAgo: number;
}

export interface HistoryOptions {
  /** Store every order and a sample of comments as raw live_events (the demo); false: rollups only (the dashboard bench). */
  rawEvents: boolean;
  /** Write imported platform figures for most sessions. */
  imports: boolean;
  /** updated_at of the imported values. */
  importedAt?: string;
}

type Event = Database['live_events'];
/** An order as ingestion stores it from Showrunner's own format (the columns it leaves null are left out). */
export type OrderEventRow = Pick<Event, 'room_id' | 'session_id' | 'platform' | 'kind' | 'source_type' | 'at' | 'received_at' | 'count' | 'value_fen' | 'order_id' | 'product_ref' | 'buyer_ref' | 'status'>;
/** A viewer's comment with its sentiment. */
export type CommentEventRow = Pick<Event, 'room_id' | 'session_id' | 'platform' | 'kind' | 'source_type' | 'at' | 'received_at' | 'user_ext_id' | 'user_name' | 'text' | 'sentiment' | 'sentiment_score' | 'aspects'>;
/** A line of the host's speech, as the studio's speech-to-text sends it in Showrunner's own format. */
export type TranscriptEventRow = Pick<Event, 'room_id' | 'session_id' | 'platform' | 'kind' | 'source_type' | 'at' | 'received_at' | 'text'>;
/** A minute's rollup; the counters no demo platform sends (super chats, memberships, unknown) keep their default 0. */
export type MinuteRow = Omit<Database['live_minutes'], 'sentiment_pos' | 'sentiment_neu' | 'sentiment_neg' | 'transcripts' | 'super_chats' | 'super_chat_fen' | 'memberships' | 'membership_fen' | 'unknown'> & {
  sentiment_pos: number;
  sentiment_neu: number;
  sentiment_neg: number;
  transcripts: number;
};
type MetricRow = Database['metric_values'];

export interface SessionHistory {
  minutes: MinuteRow[];
  stats: Database['live_session_stats'];
  commenters: Database['live_commenters'][];
  orders: OrderEventRow[];
  comments: CommentEventRow[];
  /** Every line the host spoke. */
  speech: TranscriptEventRow[];
  metrics: MetricRow[];
}

// ---------------------------------------------------------------------------------------------
// Platform habits: how long viewers stay (seconds), whether the platform has fans clubs and gifts.

const PLATFORM: Record<string, { watchSeconds: number; fansClub: boolean; gifts: boolean }> = {
  douyin: { watchSeconds: 75, fansClub: true, gifts: true },
  kuaishou: { watchSeconds: 95, fansClub: true, gifts: true },
  taobao: { watchSeconds: 150, fansClub: false, gifts: false },
  wechat_channels: { watchSeconds: 110, fansClub: false, gifts: true },
};
const DEFAULT_PLATFORM = { watchSeconds: 90, fansClub: false, gifts: true };

/** Host lines per minute on average (one every three minutes or so), and the share of comments that break the rules. */
const HOST_LINES_PER_MINUTE = 1 / 3;
const PROBLEMATIC_SHARE = 0.01;

/** Concurrent viewers relative to the session's level, by slot type; orders likewise (welfare items sell in volume). */
const VIEW_FACTOR: Record<string, number> = { welfare: 1.3, traffic: 1.1, hero: 1.05, profit: 0.85 };
const ORDER_FACTOR: Record<string, number> = { welfare: 1.8, traffic: 1, hero: 1.4, profit: 0.7 };
const COMMENT_FACTOR: Record<string, number> = { welfare: 1.6, traffic: 1, hero: 1.2, profit: 0.8 };
const REFUND_SHARE: Record<string, [number, number]> = { beauty: [0.05, 0.1], food: [0.02, 0.06], health_food: [0.02, 0.05], apparel: [0.14, 0.26] };

const between = (rng: Rng, min: number, max: number) => min + rng() * (max - min);
/** A non-negative integer around `mean`: its floor, plus one with the probability of its fraction, with ±15 % noise. */
const around = (rng: Rng, mean: number) => Math.max(0, Math.floor(mean * between(rng, 0.85, 1.15) + rng()));

type BadKind = 'stream' | 'sour' | 'closing';

/** The session's character: how well it went and what went wrong, if anything. */
function characterOf(s: HistorySession, rng: Rng) {
  const trendRng = rngFor(`history-trend:${s.roomId}`);
  const slope = between(trendRng, -0.25, 0.35);
  const trend = 1 + slope * ((90 - Math.min(90, s.daysAgo)) / 90 - 0.5);
  const host = s.hostId ? between(rngFor(`history-host:${s.hostId}`), 0.82, 1.18) : 1;
  const bad: BadKind | null = rng() < 0.07 ? (['stream', 'sour', 'closing'] as const)[Math.floor(rng() * 3)]! : null;
  const badFactor = bad === 'stream' ? 0.7 : bad === 'sour' ? 0.8 : bad === 'closing' ? 0.85 : 1;
  const perf = trend * host * between(rng, 0.86, 1.14) * badFactor;
  return {
    perf,
    bad,
    /** Orders per viewer relative to plan: weak closing lines sell less to the same room. */
    conversion: between(rng, 0.85, 1.15) * (bad === 'closing' ? 0.6 : 1) * Math.sqrt(host),
    /** Comments per view (PV). */
    commentRate: between(rng, 0.025, 0.07) * (bad === 'sour' ? 1.3 : 1),
    negativeShare: bad === 'sour' ? 0.3 : between(rng, 0.05, 0.12),
  };
}

/** Which slot runs in each minute: slots in order from the actual start, each for its planned minutes; the last one runs on. */
function slotByMinute(slots: readonly HistorySlot[], count: number): (HistorySlot | null)[] {
  const out: (HistorySlot | null)[] = [];
  const ordered = [...slots].sort((a, b) => a.position - b.position);
  for (const slot of ordered) for (let i = 0; i < slot.plannedMinutes && out.length < count; i++) out.push(slot);
  while (out.length < count) out.push(ordered[ordered.length - 1] ?? null);
  return out;
}

/** A cumulative-weight table and a draw from it. */
function sampler(weights: readonly number[], rng: Rng) {
  const cum: number[] = [];
  let total = 0;
  for (const w of weights) cum.push((total += w));
  return () => {
    const x = rng() * total;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/** Everything one past session leaves behind. Pure: the same session and options give deep-equal rows. */
export function buildSessionHistory(s: HistorySession, options: HistoryOptions): SessionHistory {
  const rng = rngFor(`history:${s.id}`);
  const ch = characterOf(s, rng);
  const habits = PLATFORM[s.platform] ?? DEFAULT_PLATFORM;
  const start = Math.floor((s.plannedStart + Math.round(between(rng, -3, 6)) * MINUTE) / MINUTE) * MINUTE;
  const end = Math.floor((s.plannedEnd + Math.round(between(rng, -10, 20)) * MINUTE) / MINUTE) * MINUTE;
  const count = Math.max(30, Math.round((end - start) / MINUTE));
  const slotAt = slotByMinute(s.slots, count);
  // What is said (host lines, comments that break the rules) draws from a generator of its own, so the numbers above
  // and below are the same with or without it.
  const speechRng = rngFor(`speech:${s.id}`);
  const habit = hostHabit(s.hostId);
  const speech: TranscriptEventRow[] = [];
  const linesInMinute = new Array<number>(count).fill(0);
  for (let m = 0; m < count; m++) {
    const slot = slotAt[m];
    if (!slot || speechRng() >= HOST_LINES_PER_MINUTE) continue;
    const when = start + m * MINUTE + Math.floor(speechRng() * 60) * 1000;
    const text = habit.line(speechRng, { name: slot.productName, priceFen: slot.priceFen }, s.daysAgo);
    linesInMinute[m]!++;
    if (options.rawEvents) speech.push({ room_id: s.roomId, session_id: s.id, platform: 'custom', kind: 'transcript', source_type: 'transcript', at: new Date(when).toISOString(), received_at: new Date(when + 1500).toISOString(), text });
  }

  // Viewers: total (UV) from the goal and the show's form; concurrency from how long viewers stay.
  const uv = Math.max(300, Math.round((s.goals.viewers ?? 8000) * ch.perf * between(rng, 0.9, 1.1)));
  const watchSeconds = habits.watchSeconds * between(rng, 0.8, 1.25) * (ch.bad === 'stream' ? 0.7 : 1);
  const avgConcurrent = (uv * watchSeconds) / (count * 60);

  // One slot (not the first two, not a welfare slot) may lose a third of the room; one stretch may go quiet.
  const candidates = s.slots.filter((x) => x.position >= 3 && x.slotType !== 'welfare');
  const dropSlot = candidates.length && rng() < 0.3 ? candidates[Math.floor(rng() * candidates.length)]!.position : null;
  const dropDepth = between(rng, 0.3, 0.45);
  const quietFrom = rng() < 0.25 ? Math.floor(between(rng, 60, Math.max(61, count - 40))) : -1;
  const stallFrom = ch.bad === 'stream' ? Math.floor(between(rng, 40, Math.max(41, count - 30))) : -1;

  const shape: number[] = [];
  let level = 1;
  let wobble = 1;
  const slotStart = new Map<number, number>();
  slotAt.forEach((slot, m) => {
    if (slot && !slotStart.has(slot.position)) slotStart.set(slot.position, m);
  });
  for (let m = 0; m < count; m++) {
    const slot = slotAt[m];
    let target = VIEW_FACTOR[slot?.slotType ?? ''] ?? 1;
    if (slot && slot.position === dropSlot) {
      const into = (m - slotStart.get(slot.position)!) / Math.max(1, slot.plannedMinutes);
      target *= 1 - dropDepth * Math.min(1, into * 1.6);
    }
    level += (target - level) * 0.35;
    wobble = Math.max(0.85, Math.min(1.15, wobble + between(rng, -0.03, 0.03)));
    const warm = Math.min(1, 0.2 + (0.8 * m) / 12);
    const tail = m > count - 15 ? 1 - (0.35 * (m - (count - 15))) / 15 : 1;
    const stall = stallFrom >= 0 && m >= stallFrom && m < stallFrom + 7 ? 0.25 : 1;
    shape.push(level * wobble * warm * tail * stall);
  }
  const shapeMean = shape.reduce((a, b) => a + b, 0) / count;
  const viewers = shape.map((x) => Math.max(1, Math.round((x / shapeMean) * avgConcurrent)));
  const views = Math.round(uv * between(rng, 1.25, 1.6));

  // Comments, each with a viewer and a text of a mood; a sample stored raw.
  const pool = poolFor(s.category);
  const totalComments = Math.max(count, Math.round(views * ch.commentRate));
  const commentWeight = viewers.map((v, m) => v * (COMMENT_FACTOR[slotAt[m]?.slotType ?? ''] ?? 1) * (quietFrom >= 0 && m >= quietFrom && m < quietFrom + 20 ? 0.25 : 1));
  const cwSum = commentWeight.reduce((a, b) => a + b, 0);
  const commenterPool = Math.max(20, Math.round(totalComments * between(rng, 0.3, 0.42)));
  const roomTag = (fnv1a(s.roomId) % 9000) + 1000;
  const rawShare = Math.min(1, RAW_COMMENTS / totalComments);
  // Who commented: in the session (a flag per viewer) and in the current minute (stamped with the minute).
  const commentedInSession = new Uint8Array(commenterPool);
  const commentedInMinute = new Int32Array(commenterPool).fill(-1);
  const comments: CommentEventRow[] = [];
  const orders: OrderEventRow[] = [];
  const isDouyin = s.platform === 'douyin';
  const eventPlatform = isDouyin ? 'douyin' : 'custom';

  // Orders: as many as the plan and the show's form say, placed by viewers × what the slot sells.
  // Cheaper items sell more often (weight ∝ 1/√price); the count follows mostly the GMV goal, partly the orders goal.
  const apparel = s.category === 'apparel';
  const meanQty = apparel ? 1.1 : 1.27;
  const orderWeight = viewers.map((v, m) => {
    const slot = slotAt[m];
    return slot ? ((m < 4 ? 0.2 : 1) * v * (ORDER_FACTOR[slot.slotType] ?? 1)) / Math.sqrt(Math.max(100, slot.priceFen)) : 0;
  });
  const owSum = orderWeight.reduce((a, b) => a + b, 0);
  const meanValue = owSum > 0 ? (orderWeight.reduce((a, w, m) => a + w * (slotAt[m]?.priceFen ?? 0), 0) / owSum) * meanQty : 0;
  const byGoalOrders = (s.goals.orders ?? 0) * ch.perf * ch.conversion;
  const byGoalGmv = meanValue > 0 ? ((s.goals.gmvFen ?? 0) * ch.perf * ch.conversion) / meanValue : 0;
  const totalOrders = owSum > 0 ? Math.max(0, Math.round(Math.pow(Math.max(1, byGoalGmv), 0.75) * Math.pow(Math.max(1, byGoalOrders), 0.25) * between(rng, 0.92, 1.08))) : 0;
  const drawMinute = sampler(orderWeight, rng);
  const orderMinutes = new Array<number>(count).fill(0);
  const orderValue = new Array<number>(count).fill(0);
  const buyerPool = Math.max(2000, totalOrders * 25);
  const orderAts: { at: number; slot: HistorySlot; qty: number; buyer: number }[] = [];
  for (let i = 0; i < totalOrders; i++) {
    const m = drawMinute();
    const slot = slotAt[m];
    if (!slot) continue;
    const r = rng();
    const qty = apparel ? (r < 0.9 ? 1 : 2) : r < 0.78 ? 1 : r < 0.95 ? 2 : 3;
    // Loyal buyers come back: low indices are drawn more often, across the room's sessions.
    const u = rng();
    const buyer = Math.floor(u * Math.sqrt(u) * buyerPool);
    orderAts.push({ at: start + m * MINUTE + Math.floor(rng() * 60) * 1000, slot, qty, buyer });
    orderMinutes[m]!++;
    orderValue[m]! += slot.priceFen * qty;
  }

  const giftsOn = habits.gifts;
  const fansOn = habits.fansClub;
  const likesPerViewerMinute = between(rng, 2, 6);
  const followRate = between(rng, 0.008, 0.025) * (ch.bad ? 0.7 : 1);
  const vmSum = viewers.reduce((a, b) => a + b, 0);
  const welfareBoost = (m: number) => (slotAt[m]?.slotType === 'welfare' ? 2 : 1);
  const wbSum = viewers.reduce((a, v, m) => a + v * welfareBoost(m), 0);

  const minutes: MinuteRow[] = [];
  let totalEvents = 0;
  let likesTotal = 0;
  let orderSeq = 0;
  for (let m = 0; m < count; m++) {
    const at = start + m * MINUTE;
    const minute = new Date(at).toISOString();
    const v = viewers[m]!;
    const minuteComments = around(rng, (commentWeight[m]! / cwSum) * totalComments);
    let pos = 0;
    let neu = 0;
    let neg = 0;
    let who = 0;
    const slot = slotAt[m];
    const negShare = ch.negativeShare * (slot && slot.position === dropSlot ? 1.6 : 1) * (stallFrom >= 0 && m >= stallFrom && m < stallFrom + 10 ? 3 : 1);
    for (let c = 0; c < minuteComments; c++) {
      const r = rng();
      const mood: Mood = r < negShare ? 'negative' : r < negShare + 0.3 ? 'question' : r < negShare + 0.58 ? 'positive' : 'neutral';
      let text: PoolText;
      if (mood === 'question' && slot && rng() < 0.2) {
        const t = rng() < 0.5 ? `${slot.position}号链接多少钱` : `${slot.position}号链接还有吗`;
        text = linkQuestion(t);
      } else {
        const list = pool[mood];
        text = list[Math.floor(rng() * list.length)]!;
      }
      if (speechRng() < PROBLEMATIC_SHARE) text = problematicComment(speechRng);
      if (text.label === 'positive') pos++;
      else if (text.label === 'negative') neg++;
      else neu++;
      // A few regulars write much of the chat.
      const u = rng();
      const user = Math.floor(u * u * u * commenterPool);
      if (commentedInMinute[user] !== m) {
        commentedInMinute[user] = m;
        who++;
      }
      commentedInSession[user] = 1;
      // Drawn whether or not raw events are kept, so the rollups are the same either way.
      if (rng() < rawShare) {
        const when = at + Math.floor(rng() * 60_000);
        if (options.rawEvents) comments.push({
          room_id: s.roomId,
          session_id: s.id,
          platform: eventPlatform,
          kind: 'comment',
          source_type: isDouyin ? 'WebcastChatMessage' : 'comment',
          at: new Date(when).toISOString(),
          received_at: new Date(when + 800).toISOString(),
          user_ext_id: `u${roomTag}${user}`,
          user_name: nickname(user + roomTag),
          text: text.text,
          sentiment: text.label,
          sentiment_score: text.score,
          aspects: text.aspects,
        });
      }
    }
    const likes = around(rng, v * likesPerViewerMinute);
    likesTotal += likes;
    const follows = around(rng, ((v * welfareBoost(m)) / wbSum) * uv * followRate);
    const shares = around(rng, (v / vmSum) * uv * 0.004);
    const joins = around(rng, (v / vmSum) * views * 0.5);
    const fans = fansOn ? around(rng, ((v * welfareBoost(m)) / wbSum) * uv * 0.003) : 0;
    const gifts = giftsOn ? around(rng, v * 0.004) : 0;
    const giftFen = gifts ? gifts * Math.round(between(rng, 10, 300)) * 10 : 0;
    const samples = stallFrom >= 0 && m >= stallFrom && m < stallFrom + 3 ? 2 : SAMPLES_PER_MINUTE;
    let vSum = 0;
    let vMax = 0;
    for (let k = 0; k < samples; k++) {
      const x = Math.max(0, Math.round(v * between(rng, 0.97, 1.03)));
      vSum += x;
      vMax = Math.max(vMax, x);
    }
    minutes.push({
      session_id: s.id,
      minute,
      comments: minuteComments,
      commenters: who,
      gifts,
      gift_fen: giftFen,
      likes,
      follows,
      shares,
      joins,
      fans_club: fans,
      orders: orderMinutes[m]!,
      gmv_fen: orderValue[m]!,
      viewers_max: vMax,
      viewers_sum: vSum,
      viewers_samples: samples,
      sentiment_pos: pos,
      sentiment_neu: neu,
      sentiment_neg: neg,
      transcripts: linesInMinute[m]!,
    });
    totalEvents += linesInMinute[m]! + minuteComments + Math.ceil(likes / 8) + follows + shares + joins + fans + (gifts ? Math.ceil(gifts / 2) : 0) + orderMinutes[m]! + samples;
  }

  if (options.rawEvents) {
    orderAts.sort((a, b) => a.at - b.at);
    const day = new Date(start).toISOString().slice(2, 10).replaceAll('-', '');
    for (const o of orderAts) {
      orders.push({
        room_id: s.roomId,
        session_id: s.id,
        platform: 'custom',
        kind: 'order',
        source_type: 'order',
        at: new Date(o.at).toISOString(),
        received_at: new Date(o.at + 800).toISOString(),
        count: o.qty,
        value_fen: o.slot.priceFen * o.qty,
        order_id: `${day}${roomTag}${String(++orderSeq).padStart(5, '0')}`,
        product_ref: o.slot.productRef,
        buyer_ref: `b${roomTag}${o.buyer}`,
        status: 'paid',
      });
    }
  }

  const gmv = orderValue.reduce((a, b) => a + b, 0);
  const buyers = new Set(orderAts.map((o) => o.buyer)).size;
  const metrics: MetricRow[] = [];
  // Platform exports arrive the day after (T+1): the last two days are not imported yet, and a few shows never were.
  if (options.imports && s.daysAgo >= 2 && rng() < 0.88) {
    // The funnel narrows: buyers ≤ product clicks ≤ product exposure ≤ viewers ≤ exposure.
    const exposure = Math.max(uv, Math.round(uv / between(rng, 0.08, 0.25)));
    const productExposure = Math.max(buyers, Math.min(uv, Math.round(uv * between(rng, 0.45, 0.75))));
    const clicks = Math.max(buyers, Math.min(productExposure, Math.max(Math.ceil(buyers * between(rng, 1.4, 2.6)), Math.round(uv * between(rng, 0.06, 0.16)))));
    // Watch time is what the concurrency curve adds up to: the average online × the show's seconds.
    const watchTotal = vmSum * 60;
    const at = options.importedAt ?? new Date(end + DAY).toISOString();
    const put = (metric: string, value: number) => metrics.push({ session_id: s.id, metric, source: 'import', value, basis: null, platform: s.platform, time_window: 'live', import_id: null, updated_at: at });
    put('views', views);
    put('exposure_viewers', exposure);
    put('product_exposure_viewers', productExposure);
    put('product_click_viewers', clicks);
    put('over_1min_viewers', Math.round(uv * between(rng, 0.22, 0.42)));
    put('watch_seconds_total', watchTotal);
    const [lo, hi] = REFUND_SHARE[s.category] ?? [0.04, 0.1];
    put('refund_fen', Math.round(gmv * between(rng, lo, hi)));
    put('ad_cost_fen', Math.round(gmv / between(rng, 2.2, 6.5)));
  }

  const commenters: Database['live_commenters'][] = [];
  commentedInSession.forEach((flag, u) => {
    if (flag) commenters.push({ session_id: s.id, minute: '', user_key: `id:u${roomTag}${u}` });
  });
  return {
    minutes,
    stats: {
      session_id: s.id,
      first_event_at: new Date(start + 2000).toISOString(),
      last_event_at: new Date(start + (count - 1) * MINUTE + 58_000).toISOString(),
      events: totalEvents,
      commenters: commenters.length,
      viewers_cumulative: uv,
      likes_total: isDouyin ? likesTotal : null,
    },
    commenters,
    orders,
    comments,
    speech,
    metrics,
  };
}
