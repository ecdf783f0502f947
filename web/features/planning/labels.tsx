import { Tag } from 'antd';
import { MechanicKind, SessionRole, SessionStatus, SlotType, type ChecklistTemplateItem } from '../../../contracts/planning';
import { useT, type MessageKey } from '../../i18n';

export const STATUS_COLORS: Record<SessionStatus, string> = {
  draft: 'default',
  scheduled: 'blue',
  live: 'red',
  ended: 'green',
  reviewed: 'cyan',
  cancelled: 'default',
};

/** Calendar block colours per status: background and left border. */
export const STATUS_BLOCK: Record<SessionStatus, { bg: string; border: string; text: string }> = {
  draft: { bg: '#f5f5f5', border: '#8c8c8c', text: '#262626' },
  scheduled: { bg: '#e6f4ff', border: '#1677ff', text: '#002c8c' },
  live: { bg: '#fff1f0', border: '#f5222d', text: '#820014' },
  ended: { bg: '#f6ffed', border: '#52c41a', text: '#135200' },
  reviewed: { bg: '#e6fffb', border: '#13c2c2', text: '#00474f' },
  cancelled: { bg: '#fafafa', border: '#d9d9d9', text: '#8c8c8c' },
};

export const SLOT_TYPE_COLORS: Record<SlotType, string> = { traffic: 'blue', profit: 'gold', welfare: 'green', hero: 'magenta' };

export function StatusTag({ status }: { status: SessionStatus }) {
  const t = useT();
  return (
    <Tag color={STATUS_COLORS[status]} style={status === 'cancelled' ? { textDecoration: 'line-through' } : undefined} data-testid="session-status-tag" data-status={status}>
      {t(`sessionStatus.${status}`)}
    </Tag>
  );
}

export function useStatusOptions() {
  const t = useT();
  return SessionStatus.options.map((s) => ({ value: s, label: t(`sessionStatus.${s}`) }));
}

export function useRoleOptions() {
  const t = useT();
  return SessionRole.options.map((r) => ({ value: r, label: t(`sessionRole.${r}`) }));
}

export function useSlotTypeOptions() {
  const t = useT();
  return SlotType.options.map((s) => ({ value: s, label: t(`slotType.${s}`) }));
}

export function useMechanicOptions() {
  const t = useT();
  return MechanicKind.options.map((m) => ({ value: m, label: t(`mechanic.${m}`) }));
}

export const CHECKLIST_CATEGORY: Record<ChecklistTemplateItem['category'], MessageKey> = {
  equipment: 'checklistCategory.equipment',
  network: 'checklistCategory.network',
  lighting: 'checklistCategory.lighting',
  rehearsal: 'checklistCategory.rehearsal',
  samples: 'checklistCategory.samples',
  compliance: 'checklistCategory.compliance',
  other: 'checklistCategory.other',
};

/** "2 h 30 min", "45 min", "3 h". */
export function useDuration() {
  const t = useT();
  return (minutes: number) => {
    const h = Math.floor(Math.abs(minutes) / 60);
    const m = Math.abs(minutes) % 60;
    const sign = minutes < 0 ? '-' : '';
    if (h && m) return sign + t('duration.hm', { h, m });
    if (h) return sign + t('duration.h', { h });
    return sign + t('duration.m', { m });
  };
}
