// The nlp stage's public face: offline sentiment (a trained model over word lists), language and recommendation
// labelling of FR/EN comments, its training from people's corrections, and its evaluation.
export {
  labelText,
  labelWithLexicon,
  createLabeller,
  shippedModel,
  detectLanguage,
  explainText,
  type Sentiment,
  type Labelled,
  type Labeller,
} from './sentiment.ts';
export type { Language } from './language.ts';
export type { Recommends } from './recommendation.ts';
export type { SentimentModel } from './classifier.ts';
export {
  evaluateSets,
  evaluateFiles,
  evaluateExamples,
  formatReport,
  formatGroups,
  type EvalReport,
  type EvalGroup,
  type LabelledExample,
} from './evaluate.ts';
export { readLabelledCsv, readTextCsv, type TextRow } from './labelled-csv.ts';
export { expectsReply } from './replies.ts';
export { correctSentiment, revertCorrection } from './corrections.ts';
export { rescore, type RescoreSummary } from './rescore.ts';
export {
  buildModel,
  validate,
  DEFAULT_TRAINING_DIR,
  TRAINING_FILES,
  VALIDATION_FILES,
  type BuiltModel,
} from './build-model.ts';
export { encodeModel, decodeModel, readModelFile, SHIPPED_MODEL_PATH } from './model-file.ts';
export { labelCsvFile } from './label-file.ts';
export {
  retrainWithCorrections,
  retrainHoldingLock,
  loadBrandModel,
  dropBrandModel,
  readCorrections,
  brandModelRecord,
  rowsPerFileFromEnvironment,
  hasTrainingData,
  isWorse,
  CORRECTION_REPEAT,
  type BrandModelRecord,
  type RetrainOutcome,
} from './brand-model.ts';
export { RETRAIN_PHASES, type RetrainPhase } from './retrain-protocol.ts';
export {
  takeRetrainLock,
  retrainLockPath,
  RetrainAlreadyRunning,
  type RetrainLock,
} from './retrain-lock.ts';
