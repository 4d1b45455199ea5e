// Retraining with this brand's corrections: the shipped training data plus every corrected comment (counted several
// times, as they are few), kept only when it does not do worse than the shipped model on the shipped validation files.
// A kept model relabels the store's comments at once. The CLI and the server both come here, one at a time per store
// (retrain-lock.ts); the training itself runs in a child process (retrain-process.ts).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import { DEFAULT_TRAINING_DIR, TRAINING_FILES, VALIDATION_FILES } from './build-model.ts';
import type { SentimentModel } from './classifier.ts';
import type { EvalGroup } from './evaluate.ts';
import type { Sentiment } from './lexicon.ts';
import { decodeModel, encodeModel } from './model-file.ts';
import { rescore } from './rescore.ts';
import { takeRetrainLock } from './retrain-lock.ts';
import type { RetrainPhase } from './retrain-protocol.ts';
import { trainInChildProcess } from './retrain-process.ts';
import { createLabeller } from './sentiment.ts';
import type { TrainingExample, TrainingOptions } from './train.ts';

/** How many times a correction counts against one training row: a person's verdict on this brand's own comments. */
export const CORRECTION_REPEAT = 5;
/** A retrained model may lose at most this much macro-F1 on any shipped validation set (noise of SGD, not a real loss). */
export const TOLERANCE = 0.005;

export interface RetrainOutcome {
  corrections: number;
  before: EvalGroup[];
  after: EvalGroup[];
  accepted: boolean;
  /** Why the new model was refused, if it was. */
  reason: string | null;
  /** Comments relabelled with the kept model; null when it was refused. */
  relabelled: number | null;
  seconds: number;
}

export async function readCorrections(store: Store): Promise<TrainingExample[]> {
  const rows = await store.all(
    `SELECT i.text, c.sentiment FROM sentiment_corrections c
     JOIN interactions i USING (interaction_id)
     WHERE coalesce(i.text, '') <> '' ORDER BY c.interaction_id`,
  );
  return rows.map((row) => ({ text: String(row.text), label: row.sentiment as Sentiment }));
}

/** Whether a retrained model's macro-F1 on one validation set and language counts as a loss. */
export const isWorse = (before: number, after: number): boolean => after < before - TOLERANCE;

/** The first group of each validation language where `after` is worse than `before` by more than the tolerance. */
function worseOn(before: EvalGroup[], after: EvalGroup[]): string | null {
  for (const old of before.filter((group) => group.lang !== 'all')) {
    const now = after.find((group) => group.set === old.set && group.lang === old.lang);
    if (now && isWorse(old.macroF1, now.macroF1))
      return `macro-F1 on ${old.set} (${old.lang}) would fall from ${old.macroF1.toFixed(3)} to ${now.macroF1.toFixed(3)}`;
  }
  return null;
}

export interface RetrainRequest {
  dataDir?: string;
  /** Compared against; the shipped model unless given. */
  baseline?: SentimentModel;
  options?: TrainingOptions;
  /** Rows of each training file to use (tests); CADRAN_RETRAIN_ROWS_PER_FILE, else all. */
  limit?: number;
  onPhase?: (phase: RetrainPhase) => void;
}

/** CADRAN_RETRAIN_ROWS_PER_FILE caps the rows read from each training file (quick runs in tests); unset, all. */
export function rowsPerFileFromEnvironment(
  value = process.env.CADRAN_RETRAIN_ROWS_PER_FILE,
): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^[1-9]\d*$/.test(value))
    throw new InputError(
      `CADRAN_RETRAIN_ROWS_PER_FILE must be a whole number of rows above 0 (it is "${value}")`,
    );
  return Number(value);
}

/** Whether the public training and validation files a retraining reads are in `dataDir`. */
export function hasTrainingData(dataDir = DEFAULT_TRAINING_DIR): boolean {
  return [...TRAINING_FILES, ...VALIDATION_FILES].every((file) => existsSync(join(dataDir, file)));
}

function checkTrainingData(dataDir: string): void {
  if (!hasTrainingData(dataDir))
    throw new InputError(
      `retraining needs the public training and validation files (${[...TRAINING_FILES, ...VALIDATION_FILES].join(', ')}) in ${dataDir}, and some are missing`,
    );
}

/** Retrains under the store's retraining lock; a second retraining of the same store meanwhile is refused. */
export async function retrainWithCorrections(
  store: Store,
  request: RetrainRequest = {},
): Promise<RetrainOutcome> {
  const lock = takeRetrainLock(store.location);
  try {
    return await retrainHoldingLock(store, request);
  } finally {
    lock.release();
  }
}

/** The retraining itself, for a caller that already holds the store's retraining lock (the server's job). */
export async function retrainHoldingLock(
  store: Store,
  request: RetrainRequest = {},
): Promise<RetrainOutcome> {
  const started = performance.now();
  const corrections = await readCorrections(store);
  if (corrections.length === 0)
    throw new InputError('no corrections stored yet: correct some labels in the dashboard first');
  const dataDir = request.dataDir ?? DEFAULT_TRAINING_DIR;
  checkTrainingData(dataDir);
  const trained = await trainInChildProcess(
    {
      dataDir,
      corrections,
      correctionRepeat: CORRECTION_REPEAT,
      baseline: request.baseline ? new Uint8Array(encodeModel(request.baseline)) : undefined,
      options: request.options,
      limit: request.limit ?? rowsPerFileFromEnvironment(),
    },
    request.onPhase,
  );
  const reason = worseOn(trained.before, trained.after);
  let relabelled: number | null = null;
  if (reason === null) {
    const model = Buffer.from(trained.model);
    await saveBrandModel(store, model, corrections.length, trained.after);
    request.onPhase?.('relabelling');
    const label = createLabeller(decodeModel(model, 'the retrained model'));
    relabelled = (await rescore(store, { label })).rows;
  }
  return {
    corrections: corrections.length,
    before: trained.before,
    after: trained.after,
    accepted: reason === null,
    reason,
    relabelled,
    seconds: (performance.now() - started) / 1000,
  };
}

async function saveBrandModel(
  store: Store,
  model: Buffer,
  corrections: number,
  validation: EvalGroup[],
): Promise<void> {
  const figures = validation.map(({ set, lang, n, macroF1 }) => ({ set, lang, n, macroF1 }));
  await store.transaction(async (tx) => {
    await tx.run("DELETE FROM sentiment_models WHERE name = 'brand'");
    await tx.run("INSERT INTO sentiment_models VALUES ('brand', $1, now(), $2, $3)", [
      model.toString('base64'),
      corrections,
      JSON.stringify(figures),
    ]);
  });
}

/** What is known of the brand's kept model without decoding it. */
export interface BrandModelRecord {
  trainedAt: string;
  corrections: number;
  validation: Pick<EvalGroup, 'set' | 'lang' | 'n' | 'macroF1'>[];
}

export async function brandModelRecord(store: Store): Promise<BrandModelRecord | null> {
  const [row] = await store.all(
    `SELECT ${store.dialect.isoSeconds('trained_at')} AS trained_at, corrections, validation_json FROM sentiment_models WHERE name = 'brand'`,
  );
  if (!row) return null;
  return {
    trainedAt: String(row.trained_at),
    corrections: Number(row.corrections ?? 0),
    validation: JSON.parse(String(row.validation_json ?? '[]')) as BrandModelRecord['validation'],
  };
}

/** This brand's retrained model, or null when none was kept. */
export async function loadBrandModel(store: Store): Promise<SentimentModel | null> {
  const [row] = await store.all("SELECT model_base64 FROM sentiment_models WHERE name = 'brand'");
  if (!row) return null;
  return decodeModel(
    Buffer.from(String(row.model_base64), 'base64'),
    'the brand model in the store',
  );
}

/** Back to the shipped model. */
export async function dropBrandModel(store: Store): Promise<boolean> {
  const [{ count }] = await store.all(
    "SELECT count(*) AS count FROM sentiment_models WHERE name = 'brand'",
  );
  await store.run("DELETE FROM sentiment_models WHERE name = 'brand'");
  return Number(count) > 0;
}
