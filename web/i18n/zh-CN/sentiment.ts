import type { sentiment as en } from '../en-US/sentiment';

/** Issue 6: the sentiment area（简体中文）. */
export const sentiment: Record<keyof typeof en, string> = {
  'nav.sentiment': '舆情',
};
