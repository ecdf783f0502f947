/** Issue 7: the dashboards area (English). */
export const dashboards = {
  'nav.groupAnalysis': 'Data and analysis',
  'nav.weeklyReports': 'Weekly reports',
  'nav.dashboards': 'Dashboards',
} satisfies Record<string, string>;
