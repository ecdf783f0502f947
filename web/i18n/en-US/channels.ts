/** Issue 6: the channels area (English). */
export const channels = {
  'nav.channels': 'Notification channels',
} satisfies Record<string, string>;
