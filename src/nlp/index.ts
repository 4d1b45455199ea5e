// The nlp stage's public face: offline sentiment, language and recommendation labelling of FR/EN comments, and its evaluation.
export {
  labelText,
  detectLanguage,
  explainText,
  type Sentiment,
  type Labelled,
} from './sentiment.ts';
export type { Language } from './language.ts';
export type { Recommends } from './recommendation.ts';
export {
  evaluateSets,
  evaluateExamples,
  formatReport,
  type EvalReport,
  type EvalGroup,
  type LabelledExample,
} from './evaluate.ts';
export { expectsReply } from './replies.ts';
export { correctSentiment, revertCorrection } from './corrections.ts';
export { rescore, type RescoreSummary } from './rescore.ts';
