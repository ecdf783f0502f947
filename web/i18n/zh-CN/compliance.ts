import type { compliance as en } from '../en-US/compliance';

/** Rule packs, the rule editor and the try-it box（简体中文）. */
export const compliance: Record<keyof typeof en, string> = {
  'nav.groupCompliance': '内容合规',
  'nav.compliance': '规则包',
};
