// The trained labeller: a multinomial logistic regression over the features of features.ts, with a calibration temperature.
import type { FeatureConfig, SparseVector } from './features.ts';
import type { Sentiment } from './lexicon.ts';

/** Class order of the weights and probabilities. */
export const CLASSES: readonly Sentiment[] = ['negative', 'neutral', 'positive'];

export interface SentimentModel {
  features: FeatureConfig;
  /** weights[feature * 3 + class]. */
  weights: Float32Array;
  /** Softmax temperature fitted on a held-back slice of the training data (probabilities, not labels, change with it). */
  temperature: number;
  /** Below this top probability a label is shown as uncertain (chosen on the validation files). */
  uncertainBelow: number;
  /** What it was trained on and how, for people reading the file. */
  about: Record<string, unknown>;
}

/** Raw class scores of one feature vector into `scores` (length 3). */
export function classScores(
  weights: Float32Array | Float64Array,
  vector: SparseVector,
  scores: Float64Array,
): void {
  let negative = 0;
  let neutral = 0;
  let positive = 0;
  const { indices, values, length } = vector;
  for (let k = 0; k < length; k++) {
    const at = indices[k] * 3;
    const value = values[k];
    negative += weights[at] * value;
    neutral += weights[at + 1] * value;
    positive += weights[at + 2] * value;
  }
  scores[0] = negative;
  scores[1] = neutral;
  scores[2] = positive;
}

/** Softmax of scores / temperature, in place. */
export function softmax(scores: Float64Array, temperature: number): void {
  const max = Math.max(scores[0], scores[1], scores[2]);
  let total = 0;
  for (let c = 0; c < 3; c++) {
    scores[c] = Math.exp((scores[c] - max) / temperature);
    total += scores[c];
  }
  for (let c = 0; c < 3; c++) scores[c] /= total;
}

export function argmax(probabilities: Float64Array): number {
  let best = 0;
  for (let c = 1; c < 3; c++) if (probabilities[c] > probabilities[best]) best = c;
  return best;
}
