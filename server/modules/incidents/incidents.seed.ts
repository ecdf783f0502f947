import type { RiskCategory } from '../../../contracts/incidents';
import { json, type Executor } from '../../platform/db';
import { stableId } from '../../platform/ids';

type DemoRisk = { key: string; title: string; category: RiskCategory; likelihood: number; impact: number; owner: string; mitigations: string; reviewInDays: number; playbook?: string; team?: string };

/** Realistic risks for the demo company; one review is already overdue so the flag shows. */
const RISKS: DemoRisk[] = [
  { key: 'absolute-claims', title: '主播口播绝对化用语（“最好”“第一”）', category: 'content', likelihood: 4, impact: 4, owner: 'beauty-ops', mitigations: '开播前脚本审核；场控手卡提示；每月合规培训', reviewInDays: 14, playbook: 'host_violation', team: 'beauty' },
  { key: 'stream-drop', title: '推流中断（网络或设备故障）', category: 'technical', likelihood: 3, impact: 5, owner: 'beauty-console', mitigations: '双线路网络；备用推流电脑；开播前设备检查清单', reviewInDays: -3, playbook: 'stream_interruption' },
  { key: 'account-takeover', title: '直播账号被盗或后台被入侵', category: 'network_security', likelihood: 2, impact: 5, owner: 'data-analyst', mitigations: '后台二次验证；令牌按房间分发并定期轮换；离职当天回收权限', reviewInDays: 30 },
  { key: 'image-rights', title: '商品图片或背景音乐侵权', category: 'legal', likelihood: 3, impact: 3, owner: 'planner-1', mitigations: '素材来源登记；只用已授权曲库', reviewInDays: 45 },
  { key: 'opinion-surge', title: '色号、尺码不符引发负面舆情', category: 'opinion', likelihood: 4, impact: 3, owner: 'customer-service-1', mitigations: '实时情绪监控与告警；统一回应口径；快速退换货', reviewInDays: 7, playbook: 'opinion_surge' },
  { key: 'buyer-data', title: '中奖用户地址、电话在群内外泄', category: 'privacy', likelihood: 2, impact: 4, owner: 'customer-service-2', mitigations: '个人信息加密存储；导出需审批；员工隐私培训', reviewInDays: -10, playbook: 'personal_data_leak' },
  { key: 'food-quality', title: '食品批次质量问题集中投诉', category: 'legal', likelihood: 2, impact: 4, owner: 'sourcing-2', mitigations: '每批质检报告存档；供应商准入审核', reviewInDays: 21, playbook: 'quality_complaints', team: 'food' },
];

export async function seedDemoRisks(db: Executor, loadedAt: Date): Promise<void> {
  const at = loadedAt.toISOString();
  const day = (n: number) => new Date(loadedAt.getTime() + 8 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10);
  await db
    .insertInto('risks')
    .values(
      RISKS.map((r) => ({
        id: stableId('risk', r.key),
        team_id: r.team ? stableId('team', r.team) : null,
        title: r.title,
        category: r.category,
        description: '',
        likelihood: r.likelihood,
        impact: r.impact,
        owner_person_id: stableId('person', r.owner),
        mitigations: r.mitigations,
        next_review_date: day(r.reviewInDays),
        playbook_ids: json.stringify(r.playbook ? [stableId('playbook', r.playbook)] : []),
        incident_ids: '[]',
        created_at: at,
        updated_at: at,
      })),
    )
    .execute();
}
