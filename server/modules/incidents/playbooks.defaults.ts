import type { PlaybookStep, Severity } from '../../../contracts/incidents';
import { json, type Executor } from '../../platform/db';
import { nowIso, stableId } from '../../platform/ids';

type Def = { scenario: string; severity: Severity; nameZh: string; nameEn: string; descZh: string; descEn: string; steps: [string, string, string][] };

/** [position code, zh, en] per step. Positions are the catalog's default ones (stableId('position', code)). */
const defaults: Def[] = [
  {
    scenario: 'stream_interruption',
    severity: 'SEV1',
    nameZh: '直播中断 / 设备故障',
    nameEn: 'Stream interruption or equipment failure',
    descZh: '推流中断、画面或声音异常、设备损坏时使用。',
    descEn: 'Use when the stream drops, video or audio fails, or equipment breaks.',
    steps: [
      ['console', '确认中断范围：推流软件、网络、平台后台状态，截图留证', 'Confirm the scope: encoder, network, platform console; take screenshots'],
      ['console', '切换备用网络 / 备用推流设备，5 分钟内尝试恢复推流', 'Switch to the backup network or encoder; try to restore the stream within 5 minutes'],
      ['host', '恢复后向观众说明情况并致歉，重申福利安排', 'Once back, tell viewers what happened, apologise, restate the offers'],
      ['field_control', '暂停限时秒杀等依赖倒计时的玩法，必要时顺延', 'Pause countdown mechanics (flash sales); extend them if needed'],
      ['customer_service', '准备客服话术，回复因中断未能下单的用户', 'Prepare a service script for buyers who could not order during the outage'],
      ['ops_manager', '超过 15 分钟无法恢复时决定改期，并通知品牌方', 'If not back within 15 minutes, decide to reschedule and tell the brand'],
    ],
  },
  {
    scenario: 'host_violation',
    severity: 'SEV2',
    nameZh: '主播口播违规',
    nameEn: 'A violation spoken by the host',
    descZh: '主播说出违禁词、绝对化用语或虚假宣传时使用。',
    descEn: 'Use when the host says a banned term, an absolute claim or a false promise.',
    steps: [
      ['field_control', '立即提示主播（手卡 / 耳返），停止该说法', 'Signal the host at once (cue card or earpiece) to stop that claim'],
      ['host', '当场更正说法，不重复违规内容', 'Correct the claim on air without repeating it'],
      ['console', '记录发生时间点并保存回放片段', 'Note the time and keep the replay clip'],
      ['planner', '检查脚本与话术，删除或改写相关内容', 'Check the script and talking points; remove or rewrite the passage'],
      ['ops_manager', '评估平台处罚风险，必要时准备申诉材料', 'Assess the platform penalty risk; prepare an appeal if needed'],
    ],
  },
  {
    scenario: 'opinion_surge',
    severity: 'SEV2',
    nameZh: '负面舆情爆发',
    nameEn: 'A negative opinion surge',
    descZh: '评论区负面情绪集中爆发、被带节奏时使用。',
    descEn: 'Use when negative comments surge or a pile-on starts.',
    steps: [
      ['data_analyst', '确认负面主题与规模（评论数、涉及商品、是否扩散到站外）', 'Establish the themes and size (comments, products involved, spread off-platform)'],
      ['field_control', '与主播沟通回应口径，避免争辩', 'Agree the line with the host; no arguing'],
      ['host', '在直播间正面回应关切，给出解决方案', 'Address the concern on air and give the remedy'],
      ['customer_service', '置顶说明，批量私信回复受影响用户', 'Pin a statement; reply privately to the people affected'],
      ['ops_manager', '判断是否需要对外声明，审批发布内容', 'Decide whether a public statement is needed; approve it'],
      ['data_analyst', '持续监控情绪指标 30 分钟，确认回落', 'Watch sentiment for 30 minutes and confirm it falls back'],
    ],
  },
  {
    scenario: 'quality_complaints',
    severity: 'SEV2',
    nameZh: '商品质量投诉集中',
    nameEn: 'A wave of product-quality complaints',
    descZh: '同一商品短时间内出现大量质量投诉时使用。',
    descEn: 'Use when one product draws many quality complaints in a short time.',
    steps: [
      ['console', '暂停该商品讲解与上架链接', 'Stop presenting the product and take its link down'],
      ['sourcing', '联系供应商核实批次与质检报告', 'Ask the supplier to verify the batch and quality reports'],
      ['customer_service', '统一售后口径：退换货与补偿方案', 'Set one after-sales line: returns, exchanges, compensation'],
      ['host', '在直播间说明处理方案', 'Explain the remedy on air'],
      ['ops_manager', '决定是否召回或下架，并记录结论', 'Decide on recall or delisting and record the decision'],
    ],
  },
  {
    scenario: 'personal_data_leak',
    severity: 'SEV1',
    nameZh: '个人信息泄露',
    nameEn: 'A personal-data leak',
    descZh: '用户或员工个人信息被泄露、篡改、丢失时使用（《个人信息保护法》第 57 条）。时限为指导性建议，以监管要求为准。',
    descEn: 'Use when personal data of buyers or staff is leaked, altered or lost (PIPL art. 57). Time limits are guidance; the regulator’s requirements prevail.',
    steps: [
      ['ops_manager', '立即遏制：停用泄露渠道、撤销相关账号与令牌、保全日志（1 小时内）', 'Contain at once: close the channel, revoke accounts and tokens, preserve logs (within 1 hour)'],
      ['data_analyst', '评估：涉及的数据种类、人数、是否含敏感个人信息、可能的危害（24 小时内）', 'Assess: kinds of data, number of people, sensitive data, likely harm (within 24 hours)'],
      ['ops_manager', '向履行个人信息保护职责的部门报告：原因、种类、危害、已采取措施（建议 72 小时内）', 'Notify the regulator: cause, data kinds, harm, measures taken (guidance: within 72 hours)'],
      ['customer_service', '通知受影响的个人：发生了什么、可能的危害、我们的措施、他们可以做什么、联系方式', 'Notify the people affected: what happened, possible harm, our measures, what they can do, how to reach us'],
      ['ops_manager', '记录处置全过程并保存至少三年，安排复盘', 'Record the whole response, keep it at least three years, schedule the postmortem'],
    ],
  },
  {
    scenario: 'platform_penalty',
    severity: 'SEV2',
    nameZh: '账号被平台处罚',
    nameEn: 'A platform penalty on the account',
    descZh: '直播间被警告、限流、断播或封禁时使用。',
    descEn: 'Use when the room is warned, throttled, cut off or banned.',
    steps: [
      ['console', '截图处罚通知，确认处罚类型、原因与期限', 'Screenshot the notice; confirm the penalty, reason and duration'],
      ['field_control', '定位触发内容（口播、商品、画面）并停止', 'Find what triggered it (speech, product, picture) and stop it'],
      ['planner', '调整后续直播排期与脚本', 'Adjust the coming schedule and scripts'],
      ['ops_manager', '准备申诉材料并在平台时限内提交', 'Prepare the appeal and file it within the platform’s deadline'],
      ['host', '参加针对性合规培训', 'Take the targeted compliance training'],
    ],
  },
];

/** The default playbooks, seeded once: nothing is written when any playbook exists (setup, demo, every start). */
export async function seedDefaultPlaybooks(db: Executor): Promise<number> {
  const existing = await db.selectFrom('playbooks').select('id').limit(1).executeTakeFirst();
  if (existing) return 0;
  // A millisecond apart, so lists (ordered by creation) keep the order above.
  const base = Date.parse(nowIso());
  await db
    .insertInto('playbooks')
    .values(
      defaults.map((d, i) => ({
        id: stableId('playbook', d.scenario),
        scenario: d.scenario,
        name_zh: d.nameZh,
        name_en: d.nameEn,
        description_zh: d.descZh,
        description_en: d.descEn,
        default_severity: d.severity,
        steps: json.stringify(d.steps.map(([code, textZh, textEn]): PlaybookStep => ({ positionId: stableId('position', code), textZh, textEn }))),
        created_at: new Date(base + i).toISOString(),
        updated_at: new Date(base + i).toISOString(),
      })),
    )
    .execute();
  return defaults.length;
}
