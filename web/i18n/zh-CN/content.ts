import type { content as en } from '../en-US/content';

/** Content review: scripts, titles, product copy, versions, comments, the review queue（简体中文）. */
export const content: Record<keyof typeof en, string> = {
  'nav.content': '内容审核',
};
