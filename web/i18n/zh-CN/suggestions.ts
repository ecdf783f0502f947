import type { suggestions as en } from '../en-US/suggestions';

/** Issue 7: the suggestions area（简体中文）. */
export const suggestions: Record<keyof typeof en, string> = {
  'nav.suggestions': '优化建议',
};
