import { ALL_EVASION_ON } from '../normalize';
import type { RulePack } from '../scanner';
import { SELLER_CONTEXTS } from './contexts';

/** 广告法 Art. 28 false-advertising cues, Art. 11/38 unsourced data and endorsements, plus price and prize claims. */
export const falseAdvertisingPack: RulePack = {
  id: 'ad-law.false',
  name: { zh: '广告法·虚假宣传', en: 'Advertising Law: false advertising' },
  evasion: ALL_EVASION_ON,
  rules: [
    {
      id: 'ad-law.28.cue',
      category: 'false-advertising',
      severity: 'warn',
      contexts: SELLER_CONTEXTS,
      basis: { zh: '《广告法》第二十八条：不得虚构价格、销量、效果等信息', en: 'Advertising Law Art. 28: no invented prices, sales figures or effects' },
      terms: ['史上最低', '全网最低', '最低价', '出厂价', '成本价', '亏本卖', '赔本', '限时秒杀最后一天', '假一赔十', '销量破万', '月销十万', '99%用户见效', '明星同款', '专家推荐', '亲测有效'],
      suggestion: '价格、销量、效果须有可核验的依据，或删除',
    },
  ],
  patterns: [
    {
      id: 'ad-law.28.price',
      pattern: 'price',
      category: 'false-advertising',
      severity: 'warn',
      contexts: SELLER_CONTEXTS,
      basis: { zh: '《广告法》第二十八条、明码标价规定：“原价”须为真实成交价', en: 'Advertising Law Art. 28 and price labelling: an "original price" must be a real past price' },
      suggestion: '删除原价或提供近期真实成交记录',
    },
    {
      id: 'live.prize',
      pattern: 'prize',
      category: 'prize',
      severity: 'warn',
      contexts: SELLER_CONTEXTS,
      basis: { zh: '有奖销售须公示规则与奖品，不得承诺必中（反不正当竞争法第十条）', en: 'Prize promotions must publish their rules and prizes, never promise a win (Anti-Unfair Competition Law Art. 10)' },
      suggestion: '写明抽奖规则、奖品与开奖方式',
    },
  ],
};
