import type { analytics as en } from '../en-US/analytics';

/** Issue 7: the analytics area（简体中文）. */
export const analytics: Record<keyof typeof en, string> = {
  'nav.analytics': '场次复盘',
};
