/** Issue 6: the alerts area (English). */
export const alerts = {
  'nav.alerts': 'Alerts',
} satisfies Record<string, string>;
