import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NormalizedEvent, type IngestPlatform } from '../../../../contracts/ingest';
import bilibiliSamples from './fixtures/bilibili.json';
import douyinSamples from './fixtures/douyin.json';
import { ctx } from './fixtures/expected';
import normalizedSamples from './fixtures/normalized.json';
import tiktokSamples from './fixtures/tiktok.json';
import { adapters, parseBatch, parseDouyinPush, UNREADABLE_ITEM, verifyDouyinSignature, type AdaptResult } from './index';

// Property: whatever a bridge sends, every adapter answers (events or an error) and never throws; every event it
// answers with is a valid NormalizedEvent; the catch-all "could not be read" error is never needed.

const RUNS = 300;

function checkResult(result: AdaptResult): void {
  if ('error' in result) {
    expect(typeof result.error).toBe('string');
    expect(result.error.length).toBeGreaterThan(0);
    expect(result.error).not.toBe(UNREADABLE_ITEM);
    return;
  }
  for (const event of result.events) {
    const parsed = NormalizedEvent.safeParse(event);
    if (!parsed.success) throw new Error(`invalid event ${JSON.stringify(event)}: ${parsed.error.message}`);
  }
}

const douyinItems = Object.values(douyinSamples.pushes).flatMap((push) =>
  (JSON.parse(push.body) as unknown[]).map((payload) => ({ msgType: push.headers['x-msg-type'], payload })),
);

const samplesOf: Record<IngestPlatform, unknown[]> = {
  tiktok: Object.values(tiktokSamples),
  bilibili: Object.values(bilibiliSamples),
  douyin: douyinItems,
  custom: Object.values(normalizedSamples),
};

/** Paths to every value inside a sample (objects and arrays), at most `depth` deep. */
function pathsIn(value: unknown, depth = 6, prefix: (string | number)[] = []): (string | number)[][] {
  const here = [prefix];
  if (depth === 0 || value === null || typeof value !== 'object') return here;
  const children = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return here.concat(children.flatMap(([key, inner]) => pathsIn(inner, depth - 1, [...prefix, key])));
}

function replaceAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? replaceAt(v, rest, replacement) : v));
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    copy[String(head)] = replaceAt(copy[String(head)], rest, replacement);
    return copy;
  }
  return value;
}

/** A recorded sample with one value somewhere inside it replaced by any JSON value (or removed). */
function mutatedSample(platform: IngestPlatform) {
  return fc
    .constantFrom(...samplesOf[platform])
    .chain((sample) => fc.tuple(fc.constant(sample), fc.constantFrom(...pathsIn(sample)), fc.option(fc.jsonValue(), { nil: undefined })))
    .map(([sample, path, replacement]) => replaceAt(sample, path, replacement));
}

/** Items shaped like the platform's envelope, with anything inside. */
const shaped: Record<IngestPlatform, fc.Arbitrary<unknown>> = {
  tiktok: fc.record({
    event: fc.constantFrom('chat', 'gift', 'like', 'member', 'roomUser', 'social', 'follow', 'share', 'controlMessage', 'streamEnd', 'emote', ''),
    data: fc.oneof(fc.jsonValue(), fc.record({ common: fc.jsonValue(), user: fc.jsonValue(), gift: fc.jsonValue(), repeatEnd: fc.jsonValue(), count: fc.jsonValue(), total: fc.jsonValue(), action: fc.jsonValue() }, { requiredKeys: [] })),
  }),
  bilibili: fc.record(
    {
      cmd: fc.oneof(
        fc.constantFrom(...new Set(Object.values(bilibiliSamples).map((s) => s.cmd))),
        fc.string(),
        fc.constant('INTERACT_WORD_V2'),
      ),
      data: fc.oneof(fc.jsonValue(), fc.record({ pb: fc.oneof(fc.base64String(), fc.uint8Array().map((b) => Buffer.from(b).toString('base64'))) })),
      info: fc.jsonValue(),
      msg_id: fc.jsonValue(),
      send_time: fc.jsonValue(),
    },
    { requiredKeys: ['cmd'] },
  ),
  douyin: fc.record({ msgType: fc.constantFrom('live_comment', 'live_gift', 'live_like', 'live_fansclub', 'live_other', ''), payload: fc.jsonValue() }),
  custom: fc.record(
    {
      kind: fc.oneof(fc.constantFrom('comment', 'gift', 'order', 'viewer_count', 'stream_status', 'transcript', 'unknown', 'new_kind'), fc.jsonValue()),
      at: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.jsonValue()),
      id: fc.jsonValue(),
      text: fc.jsonValue(),
      valueFen: fc.oneof(fc.integer(), fc.double(), fc.jsonValue()),
      unit: fc.jsonValue(),
      unitAmount: fc.oneof(fc.double({ min: 0, noNaN: true }), fc.jsonValue()),
      fenPerUnit: fc.oneof(fc.double({ min: 0, noNaN: true }), fc.jsonValue()),
      count: fc.jsonValue(),
      status: fc.jsonValue(),
      user: fc.jsonValue(),
    },
    { requiredKeys: [] },
  ),
};

describe('every adapter, any input', () => {
  for (const platform of ['tiktok', 'bilibili', 'douyin', 'custom'] as const) {
    const adapt = adapters[platform];

    it(`${platform}: any JSON value gives a result, never an exception`, () => {
      fc.assert(fc.property(fc.jsonValue(), (item) => checkResult(adapt(item, ctx))), { numRuns: RUNS });
    });

    it(`${platform}: the platform's envelope with anything inside gives a result`, () => {
      fc.assert(fc.property(shaped[platform], (item) => checkResult(adapt(item, ctx))), { numRuns: RUNS });
    });

    it(`${platform}: a recorded sample with any one value changed gives a result, the same each time`, () => {
      fc.assert(
        fc.property(mutatedSample(platform), (item) => {
          const result = adapt(item, ctx);
          checkResult(result);
          expect(adapt(item, ctx)).toEqual(result);
        }),
        { numRuns: RUNS },
      );
    });

    it(`${platform}: every recorded sample is adapted without error`, () => {
      for (const sample of samplesOf[platform]) {
        const result = adapt(sample, ctx);
        expect(result).not.toHaveProperty('error');
        checkResult(result);
      }
    });
  }
});

describe('batch readers, any input', () => {
  it('parseBatch answers for any text, bytes or JSON value', () => {
    const body = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.uint8Array(), fc.jsonValue(), fc.array(fc.jsonValue()).map((a) => a.map((v) => JSON.stringify(v)).join('\n')));
    const contentType = fc.option(fc.constantFrom('application/json', 'application/x-ndjson', 'text/plain; charset=utf-8', ''), { nil: undefined });
    fc.assert(
      fc.property(body, contentType, (b, type) => {
        const parsed = parseBatch(b, type);
        if ('error' in parsed) expect(typeof parsed.error).toBe('string');
        else expect(parsed.entries.length + parsed.errors.length).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: RUNS },
    );
  });

  it('verifyDouyinSignature and parseDouyinPush answer for any headers and body', () => {
    const headers = fc.dictionary(fc.constantFrom('x-msg-type', 'x-nonce-str', 'x-roomid', 'x-timestamp', 'x-signature', 'X-Signature', 'other'), fc.oneof(fc.string(), fc.array(fc.string())));
    const body = fc.oneof(fc.string(), fc.uint8Array());
    fc.assert(
      fc.property(headers, body, fc.string(), (h, b, secret) => {
        expect(typeof verifyDouyinSignature(h, b, secret)).toBe('boolean');
        const parsed = parseDouyinPush(h, b);
        if (!('error' in parsed)) for (const { item } of parsed.entries) checkResult(adapters.douyin(item, ctx));
      }),
      { numRuns: RUNS },
    );
  });
});
