import { ALL_EVASION_ON } from '../normalize';
import type { RulePack } from '../scanner';

/** 网络主播行为规范 §10/§11/§24 (abuse, discrimination, vulgarity) and §19/§20 plus the live-marketing age rule (minors). Samples only: teams extend them. */
export const conductPack: RulePack = {
  id: 'host.conduct',
  name: { zh: '网络主播行为规范', en: 'Host code of conduct' },
  evasion: ALL_EVASION_ON,
  rules: [
    {
      id: 'host.24.abuse',
      category: 'abusive',
      severity: 'warn',
      basis: { zh: '《网络主播行为规范》第二十四条：不得低俗互动、网暴、谩骂', en: 'Host Code Art. 24: no vulgar interaction, online bullying or abuse' },
      terms: ['傻逼', '煞笔', '脑残', '滚蛋', '去死', '废物', '智障', '贱人', '垃圾东西'],
      suggestion: '删除辱骂用语',
    },
    {
      id: 'host.10.discrimination',
      category: 'discrimination',
      severity: 'block',
      basis: { zh: '《网络主播行为规范》第十条、《广告法》第九条第九项：不得含有地域、性别、残疾等歧视内容', en: 'Host Code Art. 10, Advertising Law Art. 9(9): no regional, gender or disability discrimination' },
      terms: ['河南骗子', '乡巴佬', '娘炮', '死胖子', '残废', '黑鬼'],
      suggestion: '删除歧视性表述',
    },
    {
      id: 'host.18.vulgar',
      category: 'vulgar',
      severity: 'warn',
      basis: { zh: '《网络主播行为规范》第十八条：不得有性暗示内容', en: 'Host Code Art. 18: no sexual innuendo' },
      terms: ['约炮', '裸聊', '色情', '开车带你', '福利姬'],
    },
    {
      id: 'host.20.minors',
      category: 'minors',
      severity: 'block',
      basis: { zh: '《网络主播行为规范》第十九、二十条；《网络直播营销管理办法》：不得利用未成年人商业宣传，直播营销人员须年满十六周岁', en: 'Host Code Art. 19/20 and live-marketing rules: no commercial use of minors; hosts must be 16 or older' },
      terms: ['未成年主播', '小学生主播', '童模带货', '未满十六岁', '小朋友快让爸妈下单', '学生党借钱', '未成年人打赏'],
      suggestion: '不得让未成年人出镜带货或诱导未成年人消费',
    },
    {
      id: 'host.11.illegal',
      category: 'illegal',
      severity: 'block',
      basis: { zh: '《网络主播行为规范》第十一条、《网络直播营销管理办法》红线⑦：不得宣扬赌博、吸毒、传销、诈骗', en: 'Host Code Art. 11, live-marketing red line 7: no gambling, drugs, pyramid selling or fraud' },
      terms: ['赌博', '博彩', '六合彩', '赌球', '网赌', '时时彩', '代孕', '办证', '套现', '洗钱', '拉人头返现'],
      suggestion: '删除相关内容',
    },
    {
      id: 'host.21.superstition',
      category: 'superstition',
      severity: 'warn',
      basis: { zh: '《网络主播行为规范》第二十一条：不得宣扬封建迷信、违反科学常识', en: 'Host Code Art. 21: no feudal superstition or claims against science' },
      terms: ['开光', '转运', '招财辟邪', '改命', '算命', '保平安', '镇宅', '旺夫'],
      suggestion: '只描述材质、工艺与款式',
    },
    {
      id: 'host.12.rumour',
      category: 'rumour',
      severity: 'warn',
      basis: { zh: '《网络主播行为规范》第十二条：不得编造虚假险情、疫情、灾情、警情', en: 'Host Code Art. 12: no invented emergencies, epidemics, disasters or police incidents' },
      terms: ['马上封城', '内部消息', '明天就涨价了', '要打仗了'],
    },
    {
      id: 'host.28.tipping',
      category: 'tipping',
      severity: 'warn',
      basis: { zh: '《网络主播行为规范》：不得诱导用户非理性打赏', en: 'Host Code: no inducing irrational tipping' },
      terms: ['刷礼物', '榜一大哥', '打赏过万', '不刷不是人'],
    },
  ],
};
