/** Issue 6: the sentiment area (English). */
export const sentiment = {
  'nav.sentiment': 'Sentiment',
} satisfies Record<string, string>;
