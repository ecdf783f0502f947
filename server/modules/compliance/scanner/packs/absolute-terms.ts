import { ALL_EVASION_ON } from '../normalize';
import type { RulePack } from '../scanner';
import { SELLER_CONTEXTS } from './contexts';

/** 广告法 Art. 9(3) absolute terms, plus Art. 9(1)(2) state symbols and organs (domain.md §4.1). */
export const absoluteTermsPack: RulePack = {
  id: 'ad-law.absolute',
  name: { zh: '广告法·绝对化用语', en: 'Advertising Law: absolute terms' },
  evasion: ALL_EVASION_ON,
  rules: [
    {
      id: 'ad-law.9.absolute',
      category: 'absolute',
      severity: 'block',
      contexts: SELLER_CONTEXTS,
      basis: { zh: '《广告法》第九条第三项：不得使用“国家级”“最高级”“最佳”等用语', en: 'Advertising Law Art. 9(3): no "national-level", "highest-grade", "best" or similar terms' },
      terms: [
        '国家级', '最高级', '最佳', '最好', '最强', '最大', '最低', '最高', '最优', '最新', '最先进', '最便宜', '最划算',
        '第一', '唯一', '顶级', '极致', '首选', '万能', '全网最低', '史上最低', '史上最好', '全网第一', '销量第一', 'NO.1', 'TOP1',
        '世界级', '全球首发', '独一无二', '绝无仅有', '百分之百', '永久', '绝对', '王牌', '领袖品牌', '权威', '冠军',
      ],
      suggestion: '改用可证实的客观描述，例如“很受欢迎”“口碑好”，并给出数据来源',
    },
    {
      id: 'ad-law.9.state',
      category: 'state-symbol',
      severity: 'block',
      contexts: SELLER_CONTEXTS,
      basis: { zh: '《广告法》第九条第一、二项：不得使用国家机关或国家象征名义', en: 'Advertising Law Art. 9(1)(2): no use of state organs or national symbols' },
      terms: ['特供', '专供', '国宴', '人民大会堂专供', '国家机关指定', '国家领导人推荐', '军需特供'],
      suggestion: '删除相关表述',
    },
  ],
  allow: ['第一次', '第一天', '第一步', '第一个', '第一批', '第一时间', '最近', '最后', '最终', '最初', '最少', '唯一的办法', '唯一的方法', '绝对值', '永久免费退换'],
};
