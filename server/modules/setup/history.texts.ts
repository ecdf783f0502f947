// What is said in the demo company's past shows (history.build.ts): viewers' comments by mood and product category,
// each with the shipped analyser's sentiment (server/modules/sentiment/analyser) computed once per text; viewers'
// nicknames; and the hosts' habits — how often a host slips into a line the compliance scanner flags, which slips they
// favour, and whether they have been getting better (the findings report's "which hosts trip which rules").
import { rngFor, type Rng } from '../../platform/random';
import { analyse, type SentimentLabel } from '../sentiment/analyser';
import { HOST_LINES, HOST_SLIPS, PROBLEMATIC, type SpokenProduct } from './show.texts';

export type Mood = 'question' | 'positive' | 'neutral' | 'negative';

const COMMON: Record<Mood, string[]> = {
  question: ['几号链接？', '多少钱啊', '现在下单什么时候发货', '有优惠券吗', '还有货吗', '包邮吗', '能不能再便宜点', '福袋什么时候开', '这个和上次的有什么区别', '主播再讲一下这个', '新人有没有优惠', '链接在哪里', '可以开发票吗', '怎么领券'],
  positive: ['已下单', '买了买了', '主播讲得好清楚', '回购第三次了，好用', '质量很好，推荐', '性价比太高了', '主播好美', '东西收到了，很满意', '支持主播', '这个价格太划算了', '抢到了开心', '上次买的很好用'],
  neutral: ['来了来了', '扣1', '想要', '111', '刚进来', '求讲解', '福袋', '晚上好', '主播好', '看看', '打卡', '在的'],
  negative: ['发货太慢了', '上次买的质量一般', '客服一直不回消息', '退款还没到账', '怎么又涨价了', '抢不到，库存太少', '链接没了', '卡了', '主播声音太小了', '和图片不一样，有色差', '说好的赠品没有收到', '感觉不值这个价'],
};

const BY_CATEGORY: Record<string, Partial<Record<Mood, string[]>>> = {
  beauty: {
    question: ['敏感肌能用吗', '油皮可以用吗', '孕妇能用吗', '保质期到什么时候', '会搓泥吗', '316是什么色号', '黄皮适合哪个色号', '一瓶能用多久'],
    positive: ['用了一个月皮肤变好了', '这个色号绝美', '上脸很舒服，不油'],
    negative: ['用了过敏了', '上次买的有点搓泥', '味道有点大'],
  },
  food: {
    question: ['保质期多久', '是新米吗', '辣不辣', '甜不甜', '一包有多少克', '小孩能吃吗', '什么时候发货，要放冰箱吗'],
    positive: ['好吃，已经回购了', '米很香', '家里人都说好吃'],
    negative: ['收到的时候包装破了', '有点太咸了', '上次的快递太慢'],
  },
  health_food: {
    question: ['一天吃几片', '孕妇可以吃吗', '老人能吃吗', '保质期多久'],
    positive: ['一直在吃，挺好的'],
    negative: ['上次的快递太慢'],
  },
  apparel: {
    question: ['160cm 100斤穿什么码', '会起球吗', '会掉色吗', '有没有色差', '偏大还是偏小', '能机洗吗', '主播身高体重多少', '腰围多少'],
    positive: ['上身效果好好看', '面料很舒服', '版型很好，显瘦'],
    negative: ['洗了一次就起球了', '尺码偏小，穿不上', '有色差，和直播间看到的不一样'],
  },
};

export interface PoolText {
  text: string;
  label: SentimentLabel;
  score: number;
  aspects: string;
}

const pools = new Map<string, Record<Mood, PoolText[]>>();

export function poolFor(category: string): Record<Mood, PoolText[]> {
  let pool = pools.get(category);
  if (!pool) {
    const extra = BY_CATEGORY[category] ?? {};
    const texts = (mood: Mood) =>
      [...COMMON[mood], ...(extra[mood] ?? [])].map((text) => {
        const s = analyse(text);
        return { text, label: s.label, score: s.score, aspects: JSON.stringify(s.aspects) };
      });
    pool = { question: texts('question'), positive: texts('positive'), neutral: texts('neutral'), negative: texts('negative') };
    pools.set(category, pool);
  }
  return pool;
}

const NICK_HEAD = ['快乐的', '爱吃', '元气', '小', '阿', '一只', '今天也要', '不吃香菜的', '甜甜', '大'];
const NICK_TAIL = ['橙子', '小鹿', '喵喵', '芒果', '奶茶', '星星', '木木', '可乐', '柚子', '小雨', '桃子', '阿May'];
export const nickname = (n: number) => `${NICK_HEAD[n % NICK_HEAD.length]}${NICK_TAIL[Math.floor(n / NICK_HEAD.length) % NICK_TAIL.length]}${(n % 997).toString().padStart(3, '0')}`;

const linkQuestions = new Map<string, PoolText>();

/** 3号链接多少钱: analysed once per text, kept apart from the mood pools so drawing from those never changes. */
export function linkQuestion(text: string): PoolText {
  let entry = linkQuestions.get(text);
  if (!entry) {
    const s = analyse(text);
    linkQuestions.set(text, (entry = { text, label: s.label, score: s.score, aspects: JSON.stringify(s.aspects) }));
  }
  return entry;
}

/** A viewer's comment that breaks the rules (diversion off the platform, abuse), analysed once per text. */
const problematic = PROBLEMATIC.map((text) => {
  const s = analyse(text);
  return { text, label: s.label, score: s.score, aspects: JSON.stringify(s.aspects) } satisfies PoolText;
});

/** One of the comments a compliance scanner should catch. */
export function problematicComment(rng: Rng): PoolText {
  return problematic[Math.floor(rng() * problematic.length)]!;
}

/** A host's habit of slipping: seeded by the host's id, the same in every run. */
export interface HostHabit {
  /** The share of the host's lines that slip, `daysAgo` days before the anchor. */
  slipRate(daysAgo: number): number;
  /** A host line: a slip (the host's favourite ones more often) or an ordinary line. */
  line(rng: Rng, product: SpokenProduct, daysAgo: number): string;
}

const habits = new Map<string, HostHabit>();

/**
 * Most hosts seldom slip, a few often; each favours one or two kinds of slip (the price claim, the efficacy promise,
 * the contact off the platform, the ranking claim); and each has a trend over the 90 days — getting better (slipped
 * more in the past), getting worse, or steady.
 */
export function hostHabit(hostId: string | null): HostHabit {
  const key = hostId ?? '';
  let habit = habits.get(key);
  if (habit) return habit;
  const rng = rngFor(`host-habit:${key}`);
  const base = 0.01 + 0.1 * rng() ** 2;
  const trend = -0.6 + 1.5 * rng();
  const weights = HOST_SLIPS.map(() => rng() ** 3);
  const total = weights.reduce((a, b) => a + b, 0);
  const slipRate = (daysAgo: number) => base * Math.min(2, Math.max(0.2, 1 + trend * (daysAgo / 45 - 1)));
  habit = {
    slipRate,
    line(lineRng, product, daysAgo) {
      if (lineRng() >= slipRate(daysAgo)) return HOST_LINES[Math.floor(lineRng() * HOST_LINES.length)]!(product);
      let r = lineRng() * total;
      const i = weights.findIndex((w) => (r -= w) < 0);
      return HOST_SLIPS[i < 0 ? HOST_SLIPS.length - 1 : i]!(product);
    },
  };
  habits.set(key, habit);
  return habit;
}
