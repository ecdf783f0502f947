import type { sentiment as en } from '../en-US/sentiment';

/** Issue 6: the sentiment area（简体中文）. */
export const sentiment: Record<keyof typeof en, string> = {
  'nav.sentiment': '舆情',
  'sentiment.chartTitle': '每分钟情绪',
  'sentiment.volume': '评论数',
  'sentiment.negativeRatio': '负面占比',
};
