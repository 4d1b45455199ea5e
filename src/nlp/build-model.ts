// Builds a model from the training files (plus any extra examples), fits its uncertainty threshold and scores it on the validation files.
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SentimentModel } from './classifier.ts';
import { type EvalGroup, evaluateFiles } from './evaluate.ts';
import { readLabelledCsv } from './labelled-csv.ts';
import { createLabeller } from './sentiment.ts';
import {
  DEFAULT_TRAINING,
  type TrainingExample,
  type TrainingOptions,
  trainModel,
} from './train.ts';
import { chooseUncertainThreshold } from './uncertainty.ts';

/**
 * Train splits only. `semeval4a-pasttest-en.csv` is left out on purpose: its rows were the test sets of
 * SemEval 2013–2016, and no test split of any benchmark trains or tunes this model.
 */
export const TRAINING_FILES = [
  'semeval4a-traindev-en.csv',
  'umsab-train-fr.csv',
  'deft2017-train-fr.csv',
] as const;
export const VALIDATION_FILES = ['tweeteval-val-en.csv', 'umsab-val-fr.csv'] as const;

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const DEFAULT_TRAINING_DIR = resolve(projectRoot, '..', 'shared', 'data', 'sentiment-train');

export interface BuildRequest {
  dataDir?: string;
  /** More examples (people's corrections), each counted `extraRepeat` times. */
  extra?: readonly TrainingExample[];
  extraRepeat?: number;
  /** Only the first rows of each training file (for quick, reproducible checks). */
  limit?: number;
  options?: TrainingOptions;
  /** Called once the weights are fitted, before the validation files are scored. */
  onTrained?: () => void;
}

export interface BuiltModel {
  model: SentimentModel;
  /** Per validation file: all, then per language. */
  validation: EvalGroup[];
  trainingRows: number;
  seconds: number;
}

export async function readTrainingExamples(
  dataDir: string,
  limit?: number,
): Promise<TrainingExample[]> {
  const files = await Promise.all(
    TRAINING_FILES.map((file) => readLabelledCsv(join(dataDir, file))),
  );
  return files.flatMap((rows) => (limit ? rows.slice(0, limit) : rows));
}

/** Scores any model on the validation files. */
export async function validate(
  model: SentimentModel,
  dataDir = DEFAULT_TRAINING_DIR,
): Promise<EvalGroup[]> {
  const report = await evaluateFiles(
    VALIDATION_FILES.map((file) => join(dataDir, file)),
    createLabeller(model),
  );
  return report.groups;
}

export async function buildModel(request: BuildRequest = {}): Promise<BuiltModel> {
  const started = performance.now();
  const dataDir = request.dataDir ?? DEFAULT_TRAINING_DIR;
  const options = request.options ?? DEFAULT_TRAINING;
  const examples = await readTrainingExamples(dataDir, request.limit);
  const publicRows = examples.length;
  for (let copy = 0; copy < (request.extraRepeat ?? 1); copy++)
    examples.push(...(request.extra ?? []));
  const about = {
    trainedOn: [...TRAINING_FILES],
    rows: examples.length,
    extraRows: request.extra?.length ?? 0,
    seed: options.seed,
    epochs: options.epochs,
    learningRate: options.learningRate,
    l2: options.l2,
  };
  const model = trainModel(examples, options, about, publicRows);
  request.onTrained?.();
  const label = createLabeller(model);
  const judged = [];
  for (const file of VALIDATION_FILES) {
    for (const example of await readLabelledCsv(join(dataDir, file))) {
      const result = label(example.text);
      judged.push({ probability: result.probability, correct: result.sentiment === example.label });
    }
  }
  model.uncertainBelow = chooseUncertainThreshold(judged);
  return {
    model,
    validation: await validate(model, dataDir),
    trainingRows: examples.length,
    seconds: (performance.now() - started) / 1000,
  };
}
