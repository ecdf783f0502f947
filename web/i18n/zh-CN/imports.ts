import type { imports as en } from '../en-US/imports';

/** Issue 7: the imports area（简体中文）. */
export const imports: Record<keyof typeof en, string> = {
  'nav.imports': '数据导入',
};
