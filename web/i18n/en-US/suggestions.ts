/** Issue 7: the suggestions area (English). */
export const suggestions = {
  'nav.suggestions': 'Suggestions',
} satisfies Record<string, string>;
