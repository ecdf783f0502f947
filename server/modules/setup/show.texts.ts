// What is said in a show, shared by the simulator (scripts/show.ts) and the demo company's past shows
// (history.texts.ts): the host's lines, the host's slips the compliance scanner must catch, and viewers' comments that
// break the rules. Plain data; the default rule packs (server/modules/compliance/packs.defaults.ts) find the slips.

/** What a host line may name: the product on sale. */
export interface SpokenProduct {
  name: string;
  priceFen: number;
}

/** The host's ordinary lines. */
export const HOST_LINES: readonly ((p: SpokenProduct) => string)[] = [
  (p) => `家人们，接下来这款是${p.name}，直播间专享价只要${(p.priceFen / 100).toFixed(0)}元！`,
  (p) => `${p.name}已经上链接了，想要的家人们点购物车下单`,
  (p) => `库存不多了，${p.name}还剩最后一百单，手慢无`,
  () => '新进来的家人们点点关注，左上角福袋马上开奖',
  () => '有问题的家人们打在公屏上，主播一个一个回答',
  (p) => `我们再来看一下${p.name}的细节，质感真的非常好`,
];

/** Now and then the host slips: an absolute claim, an efficacy promise, a contact off the platform. */
export const HOST_SLIPS: readonly ((p: SpokenProduct) => string)[] = [
  (p) => `${p.name}绝对是全网最低价，错过今天就没有了`,
  (p) => `${p.name}用了保证有效，三天见效，无效退款`,
  () => '想要内部价的家人们加我薇信，私聊给你们发',
  (p) => `这是我们家销量第一的${p.name}，国家级品质`,
];

/** Viewers' comments a compliance scanner should catch: diversion off the platform, abuse. */
export const PROBLEMATIC: readonly string[] = ['加我微信私聊更便宜 vx: abc123', '私聊下单更便宜，薇❤信 abc12345', '主播是不是脑残', '扣扣群 123456789 有内部价', '拼多多链接更便宜', '垃圾东西，滚蛋'];
