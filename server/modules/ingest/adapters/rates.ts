/**
 * Gift conversion rates: fen (1/100 CNY) per one platform unit. A gift's value is what the viewer paid, on the same
 * basis for every platform (Bilibili 金瓜子 and Douyin gift_value are prices paid; the streamer's share is lower).
 * Rates are configuration: a deployment passes its own GiftRates to the adapters, and every gift event keeps the
 * unit, the amount and the rate it was converted with, so a wrong rate can be corrected later.
 */
export interface GiftRates {
  /** Fen per TikTok diamond (gift.diamondCount, the gift's price in coins). Used by the TikTok adapter. */
  tiktokDiamondFen: number;
  /** Fen per Bilibili 金瓜子 (coin_type "gold", GUARD_BUY and open-platform prices). Used by the Bilibili adapter. */
  bilibiliGoldFen: number;
  /** Fen per Bilibili 银瓜子 (coin_type "silver", free gifts). Used by the Bilibili adapter. */
  bilibiliSilverFen: number;
  /** Fen per Bilibili 电池 (battery). For bridges that report batteries; no Bilibili message the adapter reads uses it. */
  bilibiliBatteryFen: number;
  /** Fen per Douyin 抖币. For bridges that report coins: the open platform push already gives live_gift.gift_value in fen. */
  douyinCoinFen: number;
  /** Fen per Douyin 钻 (the unit gift prices are shown in). For bridges; the open platform push does not use it. */
  douyinDiamondFen: number;
}

/**
 * 1 TikTok diamond ≈ 10 fen. A GUESS, configurable: platform-formats.md gives no rate. A gift's diamondCount is its
 * price in coins, and viewers pay roughly US$0.013 per coin (≈ ¥0.09-0.10, varying by coin pack and store);
 * creators receive about half of that.
 */
export const TIKTOK_DIAMOND_FEN = 10;

/** 1000 金瓜子 = ¥1, so 0.1 fen each. Documented: platform-formats.md §2.3 (SEND_GIFT coin_type "gold") and §2.4. */
export const BILIBILI_GOLD_FEN = 0.1;

/** 银瓜子 have no cash value. Documented: platform-formats.md §2.3 (coin_type "silver"). */
export const BILIBILI_SILVER_FEN = 0;

/** 1000 金瓜子 = ¥1 = 10 电池, so 1 电池 = 10 fen. Documented: platform-formats.md §2.4 (LIVE_OPEN_PLATFORM_SEND_GIFT price). */
export const BILIBILI_BATTERY_FEN = 10;

/** ¥1 buys 10 抖币, so 10 fen each. A GUESS, configurable: platform-formats.md gives no rate (the push is in fen). */
export const DOUYIN_COIN_FEN = 10;

/** Douyin gift prices in 钻 match 抖币 one to one. A GUESS, configurable: platform-formats.md gives no rate. */
export const DOUYIN_DIAMOND_FEN = 10;

export const DEFAULT_GIFT_RATES: Readonly<GiftRates> = Object.freeze({
  tiktokDiamondFen: TIKTOK_DIAMOND_FEN,
  bilibiliGoldFen: BILIBILI_GOLD_FEN,
  bilibiliSilverFen: BILIBILI_SILVER_FEN,
  bilibiliBatteryFen: BILIBILI_BATTERY_FEN,
  douyinCoinFen: DOUYIN_COIN_FEN,
  douyinDiamondFen: DOUYIN_DIAMOND_FEN,
});
