import { ALL_EVASION_ON } from '../normalize';
import type { RulePack } from '../scanner';
import { SELLER_CONTEXTS } from './contexts';

/** 广告法 Art. 16/17/18 and 化妆品监督管理条例 Art. 43: medical and efficacy claims by product category. */
export const medicalClaimsPack: RulePack = {
  id: 'ad-law.medical',
  name: { zh: '广告法·医疗功效宣称', en: 'Advertising Law: medical and efficacy claims' },
  evasion: ALL_EVASION_ON,
  rules: [
    {
      id: 'ad-law.16.guarantee',
      category: 'medical',
      severity: 'block',
      contexts: SELLER_CONTEXTS,
      basis: { zh: '《广告法》第十六条：不得含有表示功效、安全性的断言或者保证，不得说明治愈率或者有效率', en: 'Advertising Law Art. 16: no guaranteed efficacy or safety, no cure or success rates' },
      terms: ['根治', '药到病除', '治愈率', '有效率', '无副作用', '一次见效', '永不复发', '包治', '彻底治愈', '立竿见影'],
      suggestion: '删除功效保证；医疗类内容须以批准文件为准',
    },
    {
      id: 'ad-law.17.cosmetics',
      category: 'medical',
      severity: 'block',
      contexts: SELLER_CONTEXTS,
      basis: { zh: '《广告法》第十七条、《化妆品监督管理条例》第四十三条：化妆品不得明示或暗示医疗作用', en: 'Advertising Law Art. 17, Cosmetics Regulation Art. 43: cosmetics may not claim medical effects' },
      terms: ['消炎', '杀菌', '抗菌', '治疗', '祛痘', '除螨', '修复受损', '医学级', '药妆', '换肤', '去疤', '生发', '抗过敏'],
      productCategories: ['cosmetics', 'general'],
      suggestion: '改为“清洁”“舒缓”等化妆品可宣称的表述',
    },
    {
      id: 'ad-law.17.food',
      category: 'medical',
      severity: 'block',
      contexts: SELLER_CONTEXTS,
      basis: { zh: '《广告法》第十七条：普通食品不得涉及疾病预防、治疗功能', en: 'Advertising Law Art. 17: ordinary food may not claim to prevent or treat disease' },
      terms: ['降血压', '降血糖', '降血脂', '抗癌', '防癌', '治疗', '消炎', '壮阳', '排毒', '减肥', '增强免疫力', '提高免疫力'],
      productCategories: ['food', 'general'],
      suggestion: '删除疾病相关表述，只描述口味、成分、产地',
    },
    {
      id: 'ad-law.18.health-food',
      category: 'medical',
      severity: 'block',
      contexts: SELLER_CONTEXTS,
      basis: { zh: '《广告法》第十八条：保健食品不得保证功效、涉及疾病预防治疗、声称为健康必需；须声明“本品不能代替药物”', en: 'Advertising Law Art. 18: health food may not guarantee effects, claim disease prevention or treatment, or be called necessary' },
      terms: ['保证有效', '替代药物', '代替药物', '治疗', '抗癌', '降血压', '降血糖', '根治', '健康必需', '每天必吃'],
      productCategories: ['health_food'],
      suggestion: '按批准的保健功能表述，并声明“本品不能代替药物”',
    },
  ],
};
