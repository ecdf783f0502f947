import { ALL_EVASION_ON } from '../normalize';
import type { RulePack } from '../scanner';

const basis = {
  zh: '《网络主播行为规范》：不得引导用户进行平台外私下交易；平台规则禁止站外引流',
  en: 'Host Code of Conduct: no steering viewers to private off-platform deals; platforms ban off-platform diversion',
};

/** Off-platform trading and diversion (引流): keywords marked high-risk, contact ids and links. */
export const diversionPack: RulePack = {
  id: 'live.diversion',
  name: { zh: '站外引流与私下交易', en: 'Off-platform diversion' },
  evasion: ALL_EVASION_ON,
  rules: [
    {
      id: 'live.diversion.keyword',
      category: 'diversion',
      severity: 'block',
      basis,
      highRisk: true,
      terms: ['加微信', '加我微信', '微信号', '私信我微信', 'QQ号', 'QQ群', '加QQ', '私下交易', '私聊下单', '站外下单', '淘口令', '拼多多链接', '线下转账', '扫码加群'],
      suggestion: '引导用户通过平台内的购物车和客服完成交易',
    },
  ],
  patterns: [
    { id: 'live.diversion.phone', pattern: 'phone', category: 'diversion', severity: 'block', basis, suggestion: '删除联系方式，使用平台客服' },
    { id: 'live.diversion.wechat', pattern: 'wechat', category: 'diversion', severity: 'block', basis, suggestion: '删除微信号，使用平台客服' },
    { id: 'live.diversion.qq', pattern: 'qq', category: 'diversion', severity: 'block', basis, suggestion: '删除QQ号，使用平台客服' },
    { id: 'live.diversion.url', pattern: 'url', category: 'diversion', severity: 'warn', basis, suggestion: '使用平台内商品链接' },
  ],
};
