import type { dashboards as en } from '../en-US/dashboards';

/** Issue 7: the dashboards area（简体中文）. */
export const dashboards: Record<keyof typeof en, string> = {
  'nav.groupAnalysis': '数据分析',
  'nav.weeklyReports': '周报',
  'nav.dashboards': '数据看板',
};
