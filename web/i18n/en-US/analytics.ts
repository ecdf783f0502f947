/** Issue 7: the analytics area (English). */
export const analytics = {
  'nav.analytics': 'Session review',
} satisfies Record<string, string>;
