import type { IngestItemError, IngestPlatform, NormalizedEvent } from '../../../../contracts/ingest';
import type { ParsedBatch } from './batch';
import { adapt as adaptBilibili } from './bilibili';
import { adapt as adaptDouyin } from './douyin';
import type { Adapt, AdaptContext } from './event';
import { adapt as adaptNormalized } from './normalized';
import { adapt as adaptTikTok } from './tiktok';

/**
 * Platform adapters for live-event ingestion: pure functions from each platform's own message shapes to
 * NormalizedEvent. The routes read the body (parseBatch, or parseDouyinPush after verifyDouyinSignature), run the
 * items through the room's adapter (adaptBatch) and decide what to store.
 */

export { MAX_BATCH_ITEMS, parseBatch, isNdjson, type BatchEntry, type BatchParse, type ParsedBatch } from './batch';
export { UNREADABLE_ITEM, type Adapt, type AdaptContext, type AdaptResult } from './event';
export {
  douyinSignature,
  parseDouyinPush,
  readDouyinHeaders,
  verifyDouyinSignature,
  type DouyinPushHeaders,
  type DouyinPushItem,
  type PushHeaders,
} from './douyin';
export {
  BILIBILI_BATTERY_FEN,
  BILIBILI_GOLD_FEN,
  BILIBILI_SILVER_FEN,
  DEFAULT_GIFT_RATES,
  DOUYIN_COIN_FEN,
  DOUYIN_DIAMOND_FEN,
  TIKTOK_DIAMOND_FEN,
  type GiftRates,
} from './rates';

/** The adapter for each source format; 'custom' is Showrunner's normalized format. */
export const adapters: Readonly<Record<IngestPlatform, Adapt>> = Object.freeze({
  tiktok: adaptTikTok,
  bilibili: adaptBilibili,
  douyin: adaptDouyin,
  custom: adaptNormalized,
});

export interface AdaptedBatch {
  /** Every event, with the index of the item it came from (an item can yield none or several). */
  events: { index: number; event: NormalizedEvent }[];
  /** Items that are not JSON or that the adapter rejected, by index. */
  errors: IngestItemError[];
}

/** Run every item of a parsed batch through the platform's adapter. Whether errors reject the batch is the caller's call. */
export function adaptBatch(platform: IngestPlatform, batch: ParsedBatch, ctx: AdaptContext): AdaptedBatch {
  const adapt = adapters[platform];
  const result: AdaptedBatch = { events: [], errors: [...batch.errors] };
  for (const { index, item } of batch.entries) {
    const adapted = adapt(item, ctx);
    if ('error' in adapted) result.errors.push({ index, message: adapted.error });
    else for (const event of adapted.events) result.events.push({ index, event });
  }
  result.errors.sort((a, b) => a.index - b.index);
  return result;
}
