// A believable live-commerce show, as a stream of normalized moments: the simulator turns each into a platform's own
// message shapes. Deterministic for a seed, so a test run is repeatable.
import { mulberry32 } from '../server/platform/random';
import { HOST_LINES, HOST_SLIPS, PROBLEMATIC } from '../server/modules/setup/show.texts';

export type Moment =
  | { kind: 'comment'; user: Viewer; text: string }
  | { kind: 'gift'; user: Viewer; gift: Gift; count: number }
  | { kind: 'like'; user: Viewer; count: number }
  | { kind: 'join' | 'follow' | 'share'; user: Viewer }
  | { kind: 'viewer_count'; count: number }
  | { kind: 'order'; orderId: string; product: Product; quantity: number; buyerRef: string }
  | { kind: 'transcript'; text: string };

export interface Viewer {
  id: string;
  name: string;
}
export interface Gift {
  name: string;
  /** Price in fen (Douyin gives fen; the other formats are converted at their platform rates). */
  fen: number;
  /** TikTok diamonds, Bilibili gold (1000 = ¥1). */
  diamonds: number;
  gold: number;
}
export interface Product {
  sku: string;
  name: string;
  priceFen: number;
}

export const PRODUCTS: Product[] = [
  { sku: 'LQ-SERUM-30', name: '玻尿酸精华 30ml', priceFen: 19900 },
  { sku: 'HOME-BOX-3', name: '折叠收纳盒三件套', priceFen: 5990 },
  { sku: 'FOOD-NUTS-750', name: '每日坚果 750g', priceFen: 8990 },
  { sku: 'APP-DOWN-01', name: '轻薄羽绒服', priceFen: 39900 },
];

const GIFTS: Gift[] = [
  { name: '小心心', fen: 10, diamonds: 1, gold: 100 },
  { name: '玫瑰', fen: 10, diamonds: 1, gold: 100 },
  { name: '人气票', fen: 100, diamonds: 10, gold: 1000 },
  { name: '棒棒糖', fen: 990, diamonds: 99, gold: 9900 },
  { name: '嘉年华', fen: 300000, diamonds: 30000, gold: 3000000 },
];

const QUESTIONS = ['多少钱？', '几号链接？', '有优惠吗', '主播身高多少，穿什么码', '敏感肌能用吗', '今天发货吗', '有赠品吗', '保质期多久', '和上次的有什么区别', '还有库存吗', '能不能再讲一下成分', 'link几号啊'];
const PRAISE = ['好看！', '主播好美', '这个颜色绝了', '已经回购三次了', '质量很好', '讲得好清楚', '支持支持', '666', '来了来了', '冲冲冲'];
const PURCHASE = ['已拍', '拍了两单', '已下单', '拍了', '抢到了！', '刚付款', '给我妈也拍了一单'];
/** A wave of complaints (quality, fakes, refunds, slow shipping): what an opinion surge looks like on screen. */
export const COMPLAINTS = [
  '质量太差了，退款！',
  '假货吧这是',
  '骗子主播，申请退款',
  '发货慢死了，等了十天还没到',
  '踩雷了，千万别买',
  '智商税，后悔死了',
  '收到就坏了，质量差',
  '和直播间说的完全不一样，骗子',
  '客服不理人，退款退不了',
  '用了过敏，要求退款',
  '翻车了，质量太差',
  '假货，已投诉',
];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '小', '阿'];
const GIVEN = ['小美', '大壮', '晴天', '橙子', '花花', '不吃香菜', '爱逛街', '慢慢', '一一', '猫猫', '喵喵', '阿杰'];

/** A small deterministic PRNG (mulberry32). */
export const random = mulberry32;

export class Show {
  private rand: () => number;
  private viewers: Viewer[] = [];
  private orderNo = 0;
  private lastViewerCount = -Infinity;
  private lastTranscript = -Infinity;
  /** Seconds into the show at the last call. */
  elapsed = 0;
  /** Moments produced so far (every kind). */
  produced = 0;
  /** From this many moments on, comments turn into a wave of complaints; Infinity (the default) never. */
  surgeAfter = Infinity;

  constructor(
    seed: number,
    /** The show's planned length in seconds (the viewer curve falls over its last fifth); Infinity for an open-ended one. */
    private readonly length = Infinity,
    /** What the host sells, in run-of-show order, and for how many minutes each. */
    private readonly lineup: { product: Product; minutes: number }[] = PRODUCTS.map((product) => ({ product, minutes: 10 })),
  ) {
    this.rand = random(seed);
    for (let i = 0; i < 400; i++) {
      const name = `${this.pick(SURNAMES)}${this.pick(GIVEN)}${this.rand() < 0.3 ? Math.floor(this.rand() * 100) : ''}`;
      this.viewers.push({ id: String(1_000_000 + Math.floor(this.rand() * 8_999_999)), name });
    }
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rand() * list.length)]!;
  }

  /** Concurrent viewers at `t` seconds: a rise over the first minutes, a wavy plateau, a fall at the end. */
  viewersAt(t: number): number {
    const rise = Math.min(1, t / 300);
    const plateau = 6000 + 1500 * Math.sin(t / 240) + 600 * Math.sin(t / 47);
    const fall = Number.isFinite(this.length) && t > this.length * 0.8 ? Math.max(0.05, 1 - (t - this.length * 0.8) / (this.length * 0.2)) : 1;
    return Math.max(0, Math.round((200 + plateau * rise) * fall * (0.97 + this.rand() * 0.06)));
  }

  /** The product on sale at `t` seconds: the lineup in order, round and round. */
  productAt(t: number): Product {
    const cycle = this.lineup.reduce((sum, x) => sum + x.minutes * 60, 0);
    let offset = cycle > 0 ? t % cycle : 0;
    for (const x of this.lineup) {
      if (offset < x.minutes * 60) return x.product;
      offset -= x.minutes * 60;
    }
    return this.lineup[0]?.product ?? PRODUCTS[0]!;
  }

  /** The next `n` moments at `t` seconds into the show; viewer counts and host lines come on their own clock. */
  next(t: number, n: number): Moment[] {
    this.elapsed = t;
    const out: Moment[] = [];
    if (t - this.lastViewerCount >= 2) {
      this.lastViewerCount = t;
      out.push({ kind: 'viewer_count', count: this.viewersAt(t) });
    }
    if (t - this.lastTranscript >= 6) {
      this.lastTranscript = t;
      const line = this.rand() < 0.15 ? this.pick(HOST_SLIPS) : this.pick(HOST_LINES);
      out.push({ kind: 'transcript', text: line(this.productAt(t)) });
    }
    for (let i = out.length; i < n; i++) out.push(this.produced + i >= this.surgeAfter ? this.surgeMoment() : this.moment(t));
    this.produced += out.length;
    return out;
  }

  /** During a surge: mostly comments, mostly complaints, so each minute has the volume and the share a surge rule needs. */
  private surgeMoment(): Moment {
    const user = this.pick(this.viewers);
    const r = this.rand();
    if (r < 0.8) return { kind: 'comment', user, text: this.rand() < 0.9 ? this.pick(COMPLAINTS) : this.pick(QUESTIONS) };
    if (r < 0.9) return { kind: 'like', user, count: 1 + Math.floor(this.rand() * 5) };
    return { kind: 'join', user };
  }

  private moment(t: number): Moment {
    const user = this.pick(this.viewers);
    const r = this.rand();
    if (r < 0.45) {
      const c = this.rand();
      const text = c < 0.35 ? this.pick(QUESTIONS) : c < 0.65 ? this.pick(PRAISE) : c < 0.94 ? this.pick(PURCHASE) : this.pick(PROBLEMATIC);
      return { kind: 'comment', user, text };
    }
    if (r < 0.7) return { kind: 'like', user, count: 1 + Math.floor(this.rand() * 15) };
    if (r < 0.78) return { kind: 'join', user };
    if (r < 0.86) {
      const g = this.rand();
      const gift = g < 0.5 ? GIFTS[0]! : g < 0.8 ? GIFTS[1]! : g < 0.95 ? GIFTS[2]! : g < 0.995 ? GIFTS[3]! : GIFTS[4]!;
      return { kind: 'gift', user, gift, count: 1 + Math.floor(this.rand() * (gift.fen > 1000 ? 1 : 10)) };
    }
    if (r < 0.89) return { kind: 'follow', user };
    if (r < 0.91) return { kind: 'share', user };
    this.orderNo++;
    return { kind: 'order', orderId: `SIM${Date.now().toString(36).toUpperCase()}${this.orderNo}`, product: this.productAt(t), quantity: this.rand() < 0.8 ? 1 : 2, buyerRef: `${user.name.slice(0, 1)}**${user.id.slice(-2)}` };
  }
}

/** One moment in Showrunner's normalized ingest format (every kind), stamped with `at` (epoch ms) and a message id. */
export function toCustomEvent(m: Moment, at: number, id: string): Record<string, unknown> {
  const base = { id, at: new Date(at).toISOString() };
  switch (m.kind) {
    case 'comment':
      return { ...base, kind: 'comment', user: m.user, text: m.text };
    case 'gift':
      return { ...base, kind: 'gift', user: m.user, text: m.gift.name, count: m.count, valueFen: m.gift.fen * m.count };
    case 'like':
      return { ...base, kind: 'like', user: m.user, count: m.count };
    case 'join':
    case 'follow':
    case 'share':
      return { ...base, kind: m.kind, user: m.user };
    case 'viewer_count':
      return { ...base, kind: 'viewer_count', count: m.count };
    case 'order':
      return { ...base, kind: 'order', orderId: m.orderId, productRef: m.product.sku, buyerRef: m.buyerRef, count: m.quantity, valueFen: m.product.priceFen * m.quantity };
    case 'transcript':
      return { ...base, kind: 'transcript', text: m.text };
  }
}
