import type { ChecklistTemplateInput, WorkRules } from '../../../contracts/planning';
import { json, type Executor } from '../../platform/db';
import { nowIso, stableId } from '../../platform/ids';
import { upsertWorkRules } from './planning.repository';

/**
 * Default on-air limits for on-camera positions. Practitioners describe a 4 h on-air stint inside an 8 h day
 * (domain.md 2.4); these are configurable starting points, not rules of any platform.
 */
export const defaultWorkRules: Record<string, WorkRules> = {
  host: { maxContinuousMinutes: 240, minRestMinutes: 60, maxDailyMinutes: 360, maxWeeklyMinutes: 1800 },
  co_host: { maxContinuousMinutes: 300, minRestMinutes: 45, maxDailyMinutes: 480, maxWeeklyMinutes: 2400 },
};

export const defaultChecklistTemplates: (ChecklistTemplateInput & { key: string })[] = [
  {
    key: 'pre-show',
    nameZh: '开播前检查',
    nameEn: 'Pre-show checklist',
    items: [
      { labelZh: '直播设备调试（机位、声卡、补光）', labelEn: 'Equipment check (cameras, sound card, fill lights)', category: 'equipment', dueMinutesBefore: 120 },
      { labelZh: '网络测速与备用网络', labelEn: 'Network speed test and backup line', category: 'network', dueMinutesBefore: 90 },
      { labelZh: '灯光与画面确认', labelEn: 'Lighting and picture check', category: 'lighting', dueMinutesBefore: 60 },
      { labelZh: '彩排与话术过稿', labelEn: 'Rehearsal and script run-through', category: 'rehearsal', dueMinutesBefore: 180 },
      { labelZh: '样品到位并核对价格机制', labelEn: 'Samples ready, price mechanics checked', category: 'samples', dueMinutesBefore: 240 },
      { labelZh: '脚本与商品文案合规审核完成', labelEn: 'Compliance review of script and copy done', category: 'compliance', dueMinutesBefore: 1440 },
    ],
  },
];

/** Fills in default on-air limits and checklist templates where none exist yet. */
export async function seedPlanningDefaults(db: Executor): Promise<void> {
  const at = nowIso();
  for (const [code, rules] of Object.entries(defaultWorkRules)) {
    const position = await db.selectFrom('positions').select('id').where('code', '=', code).executeTakeFirst();
    if (!position) continue;
    const exists = await db.selectFrom('work_rules').select('subject_id').where('subject_type', '=', 'position').where('subject_id', '=', position.id).executeTakeFirst();
    if (!exists) await upsertWorkRules(db, 'position', position.id, rules, at);
  }
  const anyTemplate = await db.selectFrom('checklist_templates').select('id').limit(1).executeTakeFirst();
  if (!anyTemplate) {
    for (const t of defaultChecklistTemplates) {
      await db
        .insertInto('checklist_templates')
        .values({ id: stableId('checklist-template', t.key), name_zh: t.nameZh, name_en: t.nameEn, items: json.stringify(t.items), created_at: at, updated_at: at })
        .execute();
    }
  }
}
