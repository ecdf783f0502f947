// npm run simulate -- --room <id> [--rate 50] [--format custom|tiktok|bilibili|douyin] [--url http://127.0.0.1:3000]
//   [--token <ingest token>] [--secret <douyin room secret>] [--duration <s>] [--events <n>] [--batch <n>] [--surge-after <n>]
// Plays a live show into a room through the real ingestion API, in one of the four formats. Platform formats carry what
// the platform sends (comments, gifts, likes, joins, viewer counts); orders and the host's transcript are not platform
// messages, so they always go in Showrunner's own format (POST /api/v1/ingest/events), which needs --token.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { douyinSignature } from '../server/modules/ingest/adapters/douyin';
import { Show, toCustomEvent, type Moment, type Product } from './show';

export type SimFormat = 'custom' | 'tiktok' | 'bilibili' | 'douyin';

export interface SimulateOptions {
  room: string;
  /** Events per second. */
  rate: number;
  format: SimFormat;
  url: string;
  token?: string;
  secret?: string;
  /** Seconds; undefined runs until the signal aborts (or `events` are sent). */
  duration?: number;
  /** Stop once this many events are sent, however long that takes (tests use this: a count, not a clock). */
  events?: number;
  /** Most events per request. */
  batch: number;
  seed?: number;
  /** From `afterEvents` events on, the audience turns: mostly complaints (quality, fakes, refunds, shipping), enough to
   *  trip the opinion-surge rule. Counted in events, never by the clock; off by default. */
  surge?: { afterEvents: number };
  /** The run of show to sell (products and minutes each); a built-in lineup by default. */
  lineup?: { product: Product; minutes: number }[];
  signal?: AbortSignal;
  log?: (line: string) => void;
}

export interface SimulateStats {
  sent: number;
  accepted: number;
  requests: number;
  failures: number;
}

const TICK_MS = 250;

interface Request {
  path: string;
  body: string;
  headers: Record<string, string>;
  count: number;
}

let sequence = 0;
const msgId = () => `${Date.now()}${String(++sequence).padStart(6, '0')}`;

/** tiktok-live-connector ≥ 2.3 events ({event, data}); see the adapter fixtures for full messages. */
function toTikTok(m: Moment, at: number): Record<string, unknown> | null {
  const common = (method: string, extra: Record<string, unknown> = {}) => ({ method, msgId: msgId(), roomId: '7442100000000000001', createTime: String(at), ...extra });
  const user = 'user' in m ? { id: m.user.id, nickname: m.user.name, displayId: `user${m.user.id}` } : undefined;
  switch (m.kind) {
    case 'comment':
      return { event: 'chat', data: { common: common('WebcastChatMessage'), user, content: m.text } };
    case 'gift':
      // A streakable gift (type 1) is counted when its streak ends: the simulator sends the end.
      return { event: 'gift', data: { common: common('WebcastGiftMessage'), user, giftId: 5655, repeatCount: m.count, repeatEnd: 1, gift: { name: m.gift.name, diamondCount: m.gift.diamonds, type: 1 } } };
    case 'like':
      return { event: 'like', data: { common: common('WebcastLikeMessage'), user, count: m.count } };
    case 'join':
      return { event: 'member', data: { common: common('WebcastMemberMessage', { displayText: { key: 'live_room_enter_toast' } }), user, action: 1 } };
    case 'follow':
    case 'share':
      return { event: m.kind, data: { common: common('WebcastSocialMessage'), user } };
    case 'viewer_count':
      return { event: 'roomUser', data: { common: common('WebcastRoomUserSeqMessage'), total: m.count } };
    default:
      return null;
  }
}

/** Bilibili web cmd messages, with the msg_id/send_time wrapper newer broadcasts carry. */
function toBilibili(m: Moment, at: number): Record<string, unknown> | null {
  const wrap = (cmd: string, rest: Record<string, unknown>) => ({ cmd, msg_id: `${msgId()}:1000:1000`, send_time: at, ...rest });
  switch (m.kind) {
    case 'comment': {
      const attrs: unknown[] = [0, 1, 25, 16777215, at, Math.floor(at / 1000), 0, 'sim', 0, 0, 0, '', 0, '{}', '{}', { extra: JSON.stringify({ id_str: `sim${msgId()}`, content: m.text }) }];
      return wrap('DANMU_MSG', { info: [attrs, m.text, [Number(m.user.id), m.user.name, 0, 0, 0, 10000, 1, ''], [], [0, 0, 9868950, '>50000', 0], ['', ''], 0, 0, null, { ts: Math.floor(at / 1000), ct: 'SIM' }] });
    }
    case 'gift':
      return wrap('SEND_GIFT', { data: { num: m.count, coin_type: 'gold', price: m.gift.gold, total_coin: m.gift.gold * m.count, giftName: m.gift.name, giftId: 31036, timestamp: Math.floor(at / 1000), tid: `sim${msgId()}`, uid: Number(m.user.id), uname: m.user.name } });
    case 'like':
      return wrap('LIKE_INFO_V3_CLICK', { data: { uid: Number(m.user.id), uname: m.user.name, like_text: '为主播点赞了' } });
    case 'join':
    case 'follow':
    case 'share':
      return wrap('INTERACT_WORD', { data: { uid: Number(m.user.id), uname: m.user.name, msg_type: m.kind === 'join' ? 1 : m.kind === 'follow' ? 2 : 3, timestamp: Math.floor(at / 1000), trigger_time: at * 1_000_000 } });
    case 'viewer_count':
      return wrap('ONLINE_RANK_COUNT', { data: { count: Math.round(m.count / 10), online_count: m.count } });
    default:
      return null;
  }
}

/** Douyin pushes: one x-msg-type per push. Douyin pushes no viewer counts, joins, follows or shares. */
function asDouyinPush(m: Moment, at: number): { type: string; item: Record<string, unknown> } | null {
  const user = 'user' in m ? { sec_openid: `_000sim${m.user.id}`, nickname: m.user.name, avatar_url: '' } : {};
  const base = { msg_id: msgId(), timestamp: at, ...user };
  switch (m.kind) {
    case 'comment':
      return { type: 'live_comment', item: { ...base, content: m.text } };
    case 'gift':
      return { type: 'live_gift', item: { ...base, sec_gift_id: `sim-${m.gift.name}`, gift_num: m.count, gift_value: m.gift.fen * m.count, audience_sec_open_id: '', test: false } };
    case 'like':
      return { type: 'live_like', item: { ...base, like_num: m.count } };
    default:
      return null;
  }
}

/** The requests that carry `moments` in `format`; what the platform does not send goes in the custom format. */
export function encode(format: SimFormat, moments: Moment[], at: number, options: Pick<SimulateOptions, 'room' | 'token' | 'secret' | 'batch'>): Request[] {
  const custom: Record<string, unknown>[] = [];
  const platform: Record<string, unknown>[] = [];
  const douyin = new Map<string, Record<string, unknown>[]>();
  for (const m of moments) {
    if (format === 'douyin') {
      const pushed = asDouyinPush(m, at);
      if (pushed) douyin.set(pushed.type, [...(douyin.get(pushed.type) ?? []), pushed.item]);
      else custom.push(toCustomEvent(m, at, `sim-${msgId()}`));
      continue;
    }
    const native = format === 'tiktok' ? toTikTok(m, at) : format === 'bilibili' ? toBilibili(m, at) : null;
    if (native) platform.push(native);
    else custom.push(toCustomEvent(m, at, `sim-${msgId()}`));
  }

  const requests: Request[] = [];
  const auth: Record<string, string> = options.token ? { authorization: `Bearer ${options.token}` } : {};
  const chunks = <T>(items: T[]) => {
    const out: T[][] = [];
    for (let i = 0; i < items.length; i += options.batch) out.push(items.slice(i, i + options.batch));
    return out;
  };
  const room = encodeURIComponent(options.room);
  if (format === 'tiktok' || format === 'bilibili') {
    for (const chunk of chunks(platform)) requests.push({ path: `/api/v1/ingest/${format}/${room}`, body: JSON.stringify(chunk), headers: { 'content-type': 'application/json', ...auth }, count: chunk.length });
  }
  for (const [type, items] of douyin) {
    for (const chunk of chunks(items)) {
      const body = JSON.stringify(chunk);
      const signed = { msgType: type, nonce: randomBytes(6).toString('hex'), roomId: options.room, timestamp: String(at) };
      requests.push({
        path: `/api/v1/ingest/douyin/${room}`,
        body,
        headers: { 'content-type': 'application/json', 'x-msg-type': type, 'x-nonce-str': signed.nonce, 'x-roomid': signed.roomId, 'x-timestamp': signed.timestamp, 'x-signature': douyinSignature(signed, body, options.secret ?? '') },
        count: chunk.length,
      });
    }
  }
  // Orders and transcripts need a token; without one (a Douyin-only run) they are left out.
  if (options.token) {
    for (const chunk of chunks(custom)) requests.push({ path: `/api/v1/ingest/events/${room}`, body: JSON.stringify(chunk), headers: { 'content-type': 'application/json', ...auth }, count: chunk.length });
  }
  return requests;
}

/** Waits `ms`, or until the signal aborts; leaves no listener behind (a long run sleeps four times a second). */
function sleep(ms: number, signal?: AbortSignal) {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Plays the show until `duration` passes or the signal aborts; returns what was sent and stored. */
export async function simulate(options: SimulateOptions): Promise<SimulateStats> {
  const show = new Show(options.seed ?? Date.now() & 0xffffffff, options.duration ?? Infinity, options.lineup?.length ? options.lineup : undefined);
  if (options.surge) show.surgeAfter = options.surge.afterEvents;
  const stats: SimulateStats = { sent: 0, accepted: 0, requests: 0, failures: 0 };
  const log = options.log ?? (() => {});
  const started = Date.now();
  let owed = 0;
  let lastReport = started;
  const base = options.url.replace(/\/$/, '');
  while (!options.signal?.aborted) {
    const tickStart = Date.now();
    const t = (tickStart - started) / 1000;
    if (options.duration !== undefined && t >= options.duration) break;
    if (options.events !== undefined && stats.sent >= options.events) break;
    owed += (options.rate * TICK_MS) / 1000;
    let n = Math.floor(owed);
    owed -= n;
    if (options.events !== undefined) n = Math.min(n, options.events - stats.sent);
    const moments = show.next(t, n);
    for (const request of encode(options.format, moments, tickStart, options)) {
      try {
        const res = await fetch(base + request.path, { method: 'POST', body: request.body, headers: request.headers, signal: options.signal });
        stats.requests++;
        stats.sent += request.count;
        if (res.ok) stats.accepted += ((await res.json()) as { accepted: number }).accepted;
        else {
          stats.failures++;
          log(`HTTP ${res.status} ${request.path}: ${(await res.text()).slice(0, 300)}`);
        }
      } catch (err) {
        if (options.signal?.aborted) break;
        stats.failures++;
        log(`request failed: ${(err as Error).message}`);
      }
    }
    if (Date.now() - lastReport >= 5000) {
      lastReport = Date.now();
      log(`${Math.round(t)}s · sent ${stats.sent} · stored ${stats.accepted} · viewers ${show.viewersAt(t)} · failures ${stats.failures}`);
    }
    const wait = TICK_MS - (Date.now() - tickStart);
    if (wait > 0) await sleep(wait, options.signal);
  }
  return stats;
}

const FORMATS: SimFormat[] = ['custom', 'tiktok', 'bilibili', 'douyin'];

function usage(message: string): never {
  process.stderr.write(`${message}\nUsage: npm run simulate -- --room <id> [--rate 50] [--format ${FORMATS.join('|')}] [--url http://127.0.0.1:3000] [--token <ingest token>] [--secret <douyin room secret>] [--duration <s>] [--events <n>] [--batch <n>] [--surge-after <n>]\n`);
  process.exit(2);
}

export function parseSimulateArgs(argv: string[]): SimulateOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      room: { type: 'string' },
      rate: { type: 'string', default: '50' },
      format: { type: 'string', default: 'custom' },
      url: { type: 'string', default: 'http://127.0.0.1:3000' },
      token: { type: 'string' },
      secret: { type: 'string' },
      duration: { type: 'string' },
      events: { type: 'string' },
      batch: { type: 'string' },
      'surge-after': { type: 'string' },
    },
  });
  if (!values.room) usage('--room is required');
  const format = values.format as SimFormat;
  if (!FORMATS.includes(format)) usage(`--format takes ${FORMATS.join(', ')}`);
  const rate = Number(values.rate);
  if (!(rate > 0 && rate <= 10_000)) usage('--rate: events per second, 1 to 10000');
  const duration = values.duration === undefined ? undefined : Number(values.duration);
  if (duration !== undefined && !(duration > 0)) usage('--duration: seconds, more than 0');
  const events = values.events === undefined ? undefined : Number(values.events);
  if (events !== undefined && !(Number.isInteger(events) && events > 0)) usage('--events: a whole number, more than 0');
  const batch = values.batch === undefined ? Math.max(1, Math.ceil(rate / 4)) : Number(values.batch);
  if (!(Number.isInteger(batch) && batch >= 1 && batch <= 5000)) usage('--batch: 1 to 5000 events per request');
  const surgeAfter = values['surge-after'] === undefined ? undefined : Number(values['surge-after']);
  if (surgeAfter !== undefined && !(Number.isInteger(surgeAfter) && surgeAfter >= 0)) usage('--surge-after: a whole number of events, 0 or more');
  if (format === 'douyin' ? !values.secret : !values.token) usage(format === 'douyin' ? '--secret (the room secret) is required for douyin' : '--token (an API token with the ingest scope) is required');
  return { room: values.room, rate, format, url: values.url!, token: values.token, secret: values.secret, duration, events, batch, ...(surgeAfter === undefined ? {} : { surge: { afterEvents: surgeAfter } }) };
}

async function main() {
  const options = parseSimulateArgs(process.argv.slice(2));
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  process.once('SIGTERM', () => controller.abort());
  const log = (line: string) => process.stdout.write(`${line}\n`);
  log(`Simulating a ${options.format} show into room ${options.room} at ${options.rate} events/s → ${options.url} (Ctrl-C stops)`);
  const stats = await simulate({ ...options, signal: controller.signal, log });
  log(`Done: ${stats.sent} events sent in ${stats.requests} requests, ${stats.accepted} stored, ${stats.failures} failed requests.`);
  process.exit(stats.failures && !stats.accepted ? 1 : 0);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) void main();
