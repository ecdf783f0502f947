/** The sentiment analyser (pure, no I/O): see README.md. */
export { analyse, createAnalyser, shippedAnalyser, LABEL_THRESHOLD, type Analyser, type Sentiment, type SentimentLabel } from './analyser';
export { ASPECTS, DEFAULT_LEXICON, mergeLexicon, type Aspect, type EntryKind, type LexiconEntry } from './lexicon';
