import type { channels as en } from '../en-US/channels';

/** Issue 6: the channels area（简体中文）. */
export const channels: Record<keyof typeof en, string> = {
  'nav.channels': '通知渠道',
};
