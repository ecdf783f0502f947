/** Live compliance findings, the findings report and notifications (English). */
export const findings = {
  'nav.findings': 'Findings report',
} satisfies Record<string, string>;
