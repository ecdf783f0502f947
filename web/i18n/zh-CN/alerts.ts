import type { alerts as en } from '../en-US/alerts';

/** Issue 6: the alerts area（简体中文）. */
export const alerts: Record<keyof typeof en, string> = {
  'nav.alerts': '告警',
};
