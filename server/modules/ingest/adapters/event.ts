import { createHash } from 'node:crypto';
import {
  MAX_EVENT_COUNT,
  MAX_EVENT_FEN,
  MAX_EVENT_ID,
  MAX_EVENT_NAME,
  MAX_EVENT_TEXT,
  MAX_FEN_PER_UNIT,
  MAX_UNIT_AMOUNT,
  type EventUser,
  type IngestPlatform,
  type NormalizedEvent,
} from '../../../../contracts/ingest';
import type { GiftRates } from './rates';

/**
 * What every adapter shares: reading loosely typed platform values without trusting them, and building events.
 * Platform messages come from bridges we do not control, so every reader accepts `unknown` and answers null
 * rather than throwing.
 */

export interface AdaptContext {
  /** When the batch reached Showrunner: the event time for messages that carry none. */
  receivedAt: Date;
  rates: GiftRates;
}

/** The events one item yields (zero for e.g. a gift in the middle of a streak, several for some), or why it was rejected. */
export type AdaptResult = { events: NormalizedEvent[] } | { error: string };

export type Adapt = (item: unknown, ctx: AdaptContext) => AdaptResult;

/** The answer when an adapter fails unexpectedly. Tests assert it never happens; it exists so ingestion cannot crash. */
export const UNREADABLE_ITEM = 'the item could not be read / 无法读取该条目';

/** Wrap an adapter so no input can make it throw. */
export function neverThrows(adapt: Adapt): Adapt {
  return (item, ctx) => {
    try {
      return adapt(item, ctx);
    } catch {
      return { error: UNREADABLE_ITEM };
    }
  };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A property of an object, or undefined for anything else (never walks the prototype chain). */
export function field(value: unknown, key: string): unknown {
  return isRecord(value) && Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined;
}

/** An element of an array, or undefined for anything else. */
export function element(value: unknown, index: number): unknown {
  return Array.isArray(value) ? (value[index] as unknown) : undefined;
}

export function record(value: unknown, key: string): Record<string, unknown> | undefined {
  const inner = field(value, key);
  return isRecord(inner) ? inner : undefined;
}

function clip(text: string, max: number): string {
  // PostgreSQL cannot store NUL; cut by code points so a surrogate pair is never split.
  const clean = text.includes('\u0000') ? text.replaceAll('\u0000', '') : text;
  if (clean.length <= max) return clean;
  let cut = '';
  for (const char of clean) {
    if (cut.length + char.length > max) break;
    cut += char;
  }
  return cut;
}

/** A string value, trimmed, NUL removed and cut to `max` characters; null for non-strings. */
export function text(value: unknown, max = MAX_EVENT_TEXT): string | null {
  return typeof value === 'string' ? clip(value.trim(), max) : null;
}

/** A non-empty name, or null. */
export function name(value: unknown): string | null {
  const result = text(value, MAX_EVENT_NAME);
  return result ? result : null;
}

/**
 * An identifier: a non-empty string or a positive safe integer, as a string. "0" and 0 are the protobuf and JSON
 * defaults for "not set" (and Bilibili's masked users), so they are no id.
 */
export function idOf(value: unknown): string | null {
  let id: string | null = null;
  if (typeof value === 'string') id = value.trim();
  else if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) id = String(value);
  else if (typeof value === 'bigint' && value > 0n) id = value.toString();
  if (!id || id === '0' || id.length > MAX_EVENT_ID) return null;
  return clip(id, MAX_EVENT_ID) || null;
}

/** A whole non-negative number from a number, a digit string (protobuf int64 arrives as a string) or a bigint. */
export function wholeNumber(value: unknown, max = MAX_EVENT_COUNT): number | null {
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && /^\s*\d{1,20}\s*$/.test(value)) n = Number(value);
  else if (typeof value === 'bigint') n = value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : Infinity;
  else return null;
  if (!Number.isInteger(n) || n < 0 || n > max) return null;
  return n;
}

/** A non-negative finite number (integers or not), within max. */
export function amountOf(value: unknown, max = MAX_UNIT_AMOUNT): number | null {
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && /^\s*\d{1,20}(\.\d{1,10})?\s*$/.test(value)) n = Number(value);
  else return null;
  return Number.isFinite(n) && n >= 0 && n <= max ? n : null;
}

// Event times outside this window are treated as missing (a default 0, a unit mix-up) and replaced by receivedAt.
const EARLIEST_MS = Date.UTC(2000, 0, 1);
const LATEST_MS = Date.UTC(2200, 0, 1);

/** An epoch timestamp in the given unit (number, digit string or bigint) as an ISO string, or null when absent or absurd. */
export function epochToIso(value: unknown, unit: 's' | 'ms' | 'ns'): string | null {
  let ms: number;
  if (unit === 'ns') {
    let ns: bigint;
    if (typeof value === 'bigint') ns = value;
    else if (typeof value === 'string' && /^\d{1,25}$/.test(value)) ns = BigInt(value);
    else if (typeof value === 'number' && Number.isFinite(value) && value >= 0) {
      // JSON numbers lose the last digits of a nanosecond time (Bilibili trigger_time), which milliseconds do not need.
      ns = BigInt(Math.floor(value / 1_000_000)) * 1_000_000n;
    } else return null;
    ms = Number(ns / 1_000_000n);
  } else {
    const n = wholeNumber(value, Number.MAX_SAFE_INTEGER);
    if (n === null) return null;
    ms = unit === 's' ? n * 1000 : n;
  }
  if (!(ms >= EARLIEST_MS && ms < LATEST_MS)) return null;
  return new Date(ms).toISOString();
}

/** The time an event without its own timestamp is given. */
export function receivedIso(ctx: AdaptContext): string {
  return ctx.receivedAt.toISOString();
}

/** The first of several candidate times that is usable, else receivedAt. */
export function firstTime(ctx: AdaptContext, ...candidates: (string | null)[]): string {
  for (const candidate of candidates) if (candidate) return candidate;
  return receivedIso(ctx);
}

export function userOf(id: unknown, displayName: unknown): EventUser | null {
  const user = { id: idOf(id), name: name(displayName) };
  return user.id === null && user.name === null ? null : user;
}

/** JSON with object keys sorted at every level: equal messages hash equally whatever order a bridge wrote the keys in. */
function canonicalJson(value: unknown): string {
  return (
    JSON.stringify(value, (_key, inner: unknown) => {
      if (!isRecord(inner)) return inner;
      const sorted: Record<string, unknown> = {};
      for (const key of Object.keys(inner).sort()) Object.defineProperty(sorted, key, { value: inner[key], enumerable: true });
      return sorted;
    }) ?? 'undefined'
  );
}

/** A stable id for a message that carries none: the same message delivered twice gets the same id. */
export function contentHashId(value: unknown): string {
  return `hash:${createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, 32)}`;
}

export interface Valuation {
  valueFen: number;
  unit: string;
  unitAmount: number;
  fenPerUnit: number;
}

/** Convert an amount in a platform unit to fen (rounded half up), keeping the unit and the rate; null when out of range. */
export function valueIn(unit: string, unitAmount: number, fenPerUnit: number): Valuation | null {
  if (!(Number.isFinite(unitAmount) && unitAmount >= 0 && unitAmount <= MAX_UNIT_AMOUNT)) return null;
  if (!(Number.isFinite(fenPerUnit) && fenPerUnit >= 0 && fenPerUnit <= MAX_FEN_PER_UNIT)) return null;
  const valueFen = Math.round(unitAmount * fenPerUnit);
  if (!(valueFen <= MAX_EVENT_FEN)) return null;
  return { valueFen, unit, unitAmount, fenPerUnit };
}

export const VALUE_OUT_OF_RANGE = 'the gift value is out of range, or the conversion rate is not a valid number / 礼物金额超出范围，或换算比例不是有效数字';

type RequiredKeys = 'kind' | 'platform' | 'sourceType' | 'at';
export type EventFields = Pick<NormalizedEvent, RequiredKeys> & Partial<Omit<NormalizedEvent, RequiredKeys>>;

/** A complete event: every field the caller leaves out is null; raw is only set when given. */
export function buildEvent(fields: EventFields): NormalizedEvent {
  const event: NormalizedEvent = {
    kind: fields.kind,
    platform: fields.platform,
    platformMsgId: fields.platformMsgId ?? null,
    sourceType: clip(fields.sourceType, MAX_EVENT_NAME),
    at: fields.at,
    user: fields.user ?? null,
    text: fields.text ?? null,
    count: fields.count ?? null,
    valueFen: fields.valueFen ?? null,
    unit: fields.unit ?? null,
    unitAmount: fields.unitAmount ?? null,
    fenPerUnit: fields.fenPerUnit ?? null,
    orderId: fields.orderId ?? null,
    productRef: fields.productRef ?? null,
    buyerRef: fields.buyerRef ?? null,
    status: fields.status ?? null,
  };
  if (fields.raw !== undefined) event.raw = fields.raw;
  return event;
}

/** A message no adapter understands yet: counted, and kept whole so a later adapter can read it. */
export function unknownEvent(platform: IngestPlatform, sourceType: string, item: unknown, at: string, platformMsgId: string | null): NormalizedEvent {
  return buildEvent({ kind: 'unknown', platform, sourceType, at, platformMsgId, raw: item });
}

export function events(...list: NormalizedEvent[]): AdaptResult {
  return { events: list };
}
