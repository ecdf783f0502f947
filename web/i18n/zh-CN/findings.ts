import type { findings as en } from '../en-US/findings';

/** Live compliance findings, the findings report and notifications（简体中文）. */
export const findings: Record<keyof typeof en, string> = {
  'nav.findings': '违规报表',
};
