/** Issue 6: the sentiment area (English). */
export const sentiment = {
  'nav.sentiment': 'Sentiment',
  'sentiment.chartTitle': 'Sentiment per minute',
  'sentiment.volume': 'Comments',
  'sentiment.negativeRatio': 'Negative share',
} satisfies Record<string, string>;
