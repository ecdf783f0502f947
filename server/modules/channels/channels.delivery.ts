import type { ChannelKind } from '../../../contracts/channels';
import type { Locale } from '../../../contracts/common';
import type { Deps } from '../../platform/context';
import type { Db } from '../../platform/db';
import { activeRoutes, findChannelRow, type ChannelRow, type DeliveryRow, type OutboxRow } from './channels.repository';
import { channelsFor, DEFAULT_RETRY_DELAYS_MS, nextAttemptAt } from './channels.rules';
import { answerError, buildRequest, type Notice, type OutgoingRequest } from './formats';

/**
 * The delivery worker: routes new outbox rows to channels (one delivery per channel), sends due deliveries in each
 * channel's format, retries with backoff and records every attempt. A delivery being sent is claimed with a lease
 * (status 'sending', next_attempt_at = lease end), so one whose process died is picked up again when the lease ends,
 * and at once when the app starts (recoverInFlight).
 */
export interface DeliveryOptions {
  /** Waits before each retry (ms); tests pass zeros. */
  delays?: readonly number[];
  now?: () => Date;
  /** How long one HTTP attempt may take. */
  timeoutMs?: number;
  /** How long a claimed delivery stays claimed before another run may retry it. */
  leaseMs?: number;
  batch?: number;
}

interface Resolved {
  delays: readonly number[];
  now: () => Date;
  timeoutMs: number;
  leaseMs: number;
  batch: number;
}

function resolve(o: DeliveryOptions = {}): Resolved {
  return {
    delays: o.delays ?? DEFAULT_RETRY_DELAYS_MS,
    now: o.now ?? (() => new Date()),
    timeoutMs: o.timeoutMs ?? 10_000,
    leaseMs: o.leaseMs ?? 60_000,
    batch: o.batch ?? 50,
  };
}

export interface SendOutcome {
  ok: boolean;
  responseStatus: number | null;
  error: string | null;
  responseBody: string | null;
}

/** One HTTP attempt; never throws. */
export async function sendRequest(req: OutgoingRequest, timeoutMs: number, kind: ChannelKind): Promise<SendOutcome> {
  try {
    const res = await fetch(req.url, { method: 'POST', headers: req.headers, body: req.body, signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
    const text = (await res.text()).slice(0, 2000);
    const error = answerError(kind, res.status, text);
    return { ok: error === null, responseStatus: res.status, error, responseBody: text };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    const cause = e.cause?.code ?? e.cause?.message;
    return { ok: false, responseStatus: null, error: `${e.name === 'TimeoutError' ? 'timeout' : e.message}${cause ? ` (${cause})` : ''}`.slice(0, 500), responseBody: null };
  }
}

export interface Target {
  kind: ChannelKind;
  url: string;
  secret: string | null;
  locale: Locale;
}

export function channelTarget(deps: Deps, row: ChannelRow): Target {
  return { kind: row.kind as ChannelKind, url: deps.cipher.decrypt(row.url_enc), secret: deps.cipher.decryptNullable(row.secret_enc), locale: row.locale as Locale };
}

export async function noticeFromOutbox(db: Db, row: OutboxRow, locale: Locale): Promise<Notice> {
  const team = row.team_id ? await db.selectFrom('teams').select('name').where('id', '=', row.team_id).executeTakeFirst() : undefined;
  const room = row.room_id ? await db.selectFrom('rooms').select('display_name').where('id', '=', row.room_id).executeTakeFirst() : undefined;
  const zh = locale === 'zh-CN';
  return {
    outboxId: Number(row.id),
    kind: row.kind,
    severity: row.severity,
    title: zh ? row.title_zh : row.title_en,
    body: zh ? row.body_zh : row.body_en,
    link: row.link,
    refId: row.ref_id,
    teamId: row.team_id,
    teamName: team?.name ?? null,
    roomId: row.room_id,
    roomName: room?.display_name ?? null,
    createdAt: row.created_at,
    locale,
  };
}

/** Records one attempt and the delivery's new state: sent, failed for good, or pending until the next retry. */
async function recordAttempt(db: Db, d: Pick<DeliveryRow, 'id' | 'attempts'>, started: Date, outcome: SendOutcome, next: Date | null, finished: Date) {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('channel_attempts')
      .values({
        delivery_id: Number(d.id),
        attempt: d.attempts,
        started_at: started.toISOString(),
        finished_at: finished.toISOString(),
        ok: outcome.ok ? 1 : 0,
        response_status: outcome.responseStatus,
        error: outcome.error,
        response_body: outcome.responseBody,
      })
      .execute();
    const at = finished.toISOString();
    const status = outcome.ok ? 'sent' : next ? 'pending' : 'failed';
    await trx
      .updateTable('channel_deliveries')
      .set({
        status,
        last_error: outcome.error,
        response_status: outcome.responseStatus,
        next_attempt_at: status === 'pending' ? next!.toISOString() : at,
        updated_at: at,
        ...(outcome.ok ? { sent_at: at } : {}),
      })
      .where('id', '=', Number(d.id))
      .execute();
  });
}

/** Marks a delivery failed without sending (its channel or message is gone). */
async function giveUp(db: Db, id: number, error: string, now: Date) {
  const at = now.toISOString();
  await db.updateTable('channel_deliveries').set({ status: 'failed', last_error: error, next_attempt_at: at, updated_at: at }).where('id', '=', id).execute();
}

/** Creates the deliveries for outbox rows not routed yet. Returns how many deliveries were created. */
export async function routeOutbox(deps: Deps, options: DeliveryOptions = {}): Promise<number> {
  const o = resolve(options);
  const rows = await deps.db.selectFrom('outbox').selectAll().where('routed_at', 'is', null).orderBy('id').limit(o.batch).execute();
  if (rows.length === 0) return 0;
  const routes = await activeRoutes(deps.db);
  let created = 0;
  for (const row of rows) {
    const at = o.now().toISOString();
    await deps.db.transaction().execute(async (trx) => {
      // Claim the row first: a second router (another process) that read it too updates nothing and moves on.
      const claimed = await trx.updateTable('outbox').set({ routed_at: at }).where('id', '=', Number(row.id)).where('routed_at', 'is', null).executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return;
      const channelIds = channelsFor(routes, { kind: row.kind, severity: row.severity, teamId: row.team_id, roomId: row.room_id });
      for (const channelId of channelIds) {
        const channel = await trx.selectFrom('channels').select('locale').where('id', '=', channelId).executeTakeFirst();
        await trx
          .insertInto('channel_deliveries')
          .values({
            outbox_id: Number(row.id),
            channel_id: channelId,
            severity: row.severity,
            title: channel?.locale === 'en-US' ? row.title_en : row.title_zh,
            status: 'pending',
            attempts: 0,
            next_attempt_at: at,
            created_at: at,
            updated_at: at,
          })
          .execute();
        created += 1;
      }
    });
  }
  return created;
}

/** Sends the deliveries that are due (pending and due, or claimed by a run whose lease ended). Returns how many were tried. */
export async function deliverDue(deps: Deps, options: DeliveryOptions = {}): Promise<number> {
  const o = resolve(options);
  const nowIso = o.now().toISOString();
  const due = await deps.db
    .selectFrom('channel_deliveries')
    .selectAll()
    .where('status', 'in', ['pending', 'sending'])
    .where('next_attempt_at', '<=', nowIso)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(o.batch)
    .execute();
  let tried = 0;
  for (const d of due) {
    const started = o.now();
    const claim = await deps.db
      .updateTable('channel_deliveries')
      .set({ status: 'sending', attempts: d.attempts + 1, next_attempt_at: new Date(started.getTime() + o.leaseMs).toISOString(), updated_at: started.toISOString() })
      .where('id', '=', Number(d.id))
      .where('status', '=', d.status)
      .where('attempts', '=', d.attempts)
      .executeTakeFirst();
    if (Number(claim.numUpdatedRows) !== 1) continue;
    const channel = await findChannelRow(deps.db, d.channel_id);
    if (!channel) {
      await giveUp(deps.db, Number(d.id), 'channel deleted / 渠道已删除', o.now());
      continue;
    }
    if (channel.enabled !== 1) {
      await giveUp(deps.db, Number(d.id), 'channel disabled / 渠道已停用', o.now());
      continue;
    }
    const outbox = d.outbox_id === null ? undefined : await deps.db.selectFrom('outbox').selectAll().where('id', '=', Number(d.outbox_id)).executeTakeFirst();
    if (!outbox) {
      await giveUp(deps.db, Number(d.id), 'message gone / 消息已不存在', o.now());
      continue;
    }
    const target = channelTarget(deps, channel);
    const notice = await noticeFromOutbox(deps.db, outbox, target.locale);
    const outcome = await sendRequest(buildRequest(target, notice, started, Number(d.id)), o.timeoutMs, target.kind);
    const finished = o.now();
    const attempts = d.attempts + 1;
    await recordAttempt(deps.db, { id: d.id, attempts }, started, outcome, outcome.ok ? null : nextAttemptAt(attempts, finished, o.delays), finished);
    tried += 1;
  }
  return tried;
}

/** Deliveries claimed by a process that is gone go back to pending, due now. Call once when the app starts. */
export async function recoverInFlight(deps: Deps, options: DeliveryOptions = {}): Promise<number> {
  const at = resolve(options).now().toISOString();
  const res = await deps.db.updateTable('channel_deliveries').set({ status: 'pending', next_attempt_at: at, updated_at: at }).where('status', '=', 'sending').executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Routes new outbox rows and sends what is due, once. */
export async function runDeliveryCycle(deps: Deps, options: DeliveryOptions = {}): Promise<{ routed: number; tried: number }> {
  const routed = await routeOutbox(deps, options);
  const tried = await deliverDue(deps, options);
  return { routed, tried };
}

export interface DeliveryWorker {
  /** Runs a cycle soon (coalesced with one already running). */
  nudge(): void;
  /** Stops the timer and waits for a running cycle to end. */
  stop(): Promise<void>;
}

const workers = new WeakMap<Db, DeliveryWorker>();

/**
 * Wakes the delivery worker of this database right away, e.g. just after a transaction that inserted outbox rows has
 * committed. Cheap and safe to call when no worker runs (tests, CLI commands): it does nothing then.
 */
export function nudgeOutbox(deps: Pick<Deps, 'db'>): void {
  workers.get(deps.db)?.nudge();
}

/** Starts the worker on an unref'd timer (it never keeps the process alive); in-flight deliveries are recovered first. */
export function startDeliveryWorker(
  deps: Deps,
  options: DeliveryOptions & { intervalMs?: number; onError?: (err: unknown) => void } = {},
): DeliveryWorker {
  const intervalMs = options.intervalMs ?? 2_000;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const cycle = async () => {
    do {
      again = false;
      try {
        await runDeliveryCycle(deps, options);
      } catch (err) {
        options.onError?.(err);
      }
    } while (again && !stopped);
  };
  const kick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = cycle().finally(() => {
      running = null;
    });
  };
  const recovered = recoverInFlight(deps, options).catch((err) => options.onError?.(err));
  const timer = setInterval(kick, intervalMs);
  timer.unref();
  void recovered.then(kick);
  const worker: DeliveryWorker = {
    nudge: () => setImmediate(kick),
    async stop() {
      stopped = true;
      clearInterval(timer);
      workers.delete(deps.db);
      await recovered;
      await running;
    },
  };
  workers.set(deps.db, worker);
  return worker;
}
