/** Content review: scripts, titles, product copy, versions, comments, the review queue (English). */
export const content = {
  'nav.content': 'Content review',
} satisfies Record<string, string>;
