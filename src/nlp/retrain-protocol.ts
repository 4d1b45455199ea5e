// Messages between the process that asks for a retraining and the child process that trains (retrain-child.ts).
import type { Location } from '../model/index.ts';
import type { EvalGroup } from './evaluate.ts';
import type { TrainingExample, TrainingOptions } from './train.ts';

/** What the child works on: training files, the corrections, and the model the result is compared with. */
export interface RetrainJobRequest {
  dataDir: string;
  corrections: TrainingExample[];
  correctionRepeat: number;
  /** Encoded model file of the baseline; the shipped model when absent. */
  baseline?: Uint8Array;
  options?: TrainingOptions;
  limit?: number;
}

/** The steps a retraining goes through, in order; the last only when the retrained model is kept. */
export const RETRAIN_PHASES = [
  'validating baseline',
  'training',
  'validating retrained',
  'relabelling',
] as const;
export type RetrainPhase = (typeof RETRAIN_PHASES)[number];

/** The retrained model (encoded) and the validation figures of both models. */
export interface TrainedInChild {
  before: EvalGroup[];
  after: EvalGroup[];
  model: Uint8Array;
}

export type RetrainReply =
  | { type: 'phase'; phase: RetrainPhase }
  | { type: 'done'; result: TrainedInChild }
  | { type: 'failed'; message: string; inputError?: { message: string; location: Location } };
