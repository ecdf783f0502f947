import type { incidents as en } from '../en-US/incidents';

/** Issue 6: the incidents area（简体中文）. */
export const incidents: Record<keyof typeof en, string> = {
  'nav.groupRisk': '风险与应急',
  'nav.incidents': '事件',
};
