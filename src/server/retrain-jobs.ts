// Retraining the sentiment model with the corrections runs as a job off the request that started it, one at a
// time: the admin's page follows its phase, then reads the before/after validation figures and the verdict.
import { randomUUID } from 'node:crypto';
import { InputError } from '../model/index.ts';
import {
  isWorse,
  retrainHoldingLock,
  takeRetrainLock,
  type EvalGroup,
  type RetrainOutcome,
  type RetrainPhase,
  type SentimentModel,
} from '../nlp/index.ts';
import type { Store } from '../store/index.ts';
import type { TrainingOptions } from '../nlp/train.ts';

/** What a retraining compares with and trains on; tests make it small, the default is the shipped set-up. */
export interface RetrainSettings {
  baseline?: SentimentModel;
  options?: TrainingOptions;
  limit?: number;
  dataDir?: string;
}

/** Macro-F1 of one validation set and language, with the model in use and with the retrained one. */
export interface ValidationFigure {
  set: string;
  lang: string;
  n: number;
  before: number;
  after: number;
  /** A loss beyond the tolerance: the retrained model is refused for it. */
  worse: boolean;
}

export interface RetrainJob {
  jobId: string;
  state: 'running' | 'done' | 'failed';
  phase: RetrainPhase;
  startedAt: string;
  seconds: number | null;
  corrections: number | null;
  accepted: boolean | null;
  /** Why the retrained model was refused. */
  reason: string | null;
  /** Comments relabelled with the kept model. */
  relabelled: number | null;
  figures: ValidationFigure[];
  error: string | null;
}

function figuresOf(before: EvalGroup[], after: EvalGroup[]): ValidationFigure[] {
  return after
    .filter((group) => group.lang !== 'all')
    .map((group) => {
      const old = before.find((other) => other.set === group.set && other.lang === group.lang);
      const figure = { set: group.set, lang: group.lang, n: group.n, after: group.macroF1 };
      return {
        ...figure,
        before: old?.macroF1 ?? 0,
        worse: isWorse(old?.macroF1 ?? 0, group.macroF1),
      };
    });
}

function finish(job: RetrainJob, outcome: RetrainOutcome): void {
  job.state = 'done';
  job.seconds = outcome.seconds;
  job.corrections = outcome.corrections;
  job.accepted = outcome.accepted;
  job.reason = outcome.reason;
  job.relabelled = outcome.relabelled;
  job.figures = figuresOf(outcome.before, outcome.after);
}

/** Finished jobs kept for late readers. */
const KEEP_JOBS = 50;

export class RetrainJobs {
  private readonly jobs = new Map<string, RetrainJob>();
  private latest: RetrainJob | null = null;

  constructor(
    private readonly store: Store,
    private readonly settings: RetrainSettings = {},
  ) {}

  get(jobId: string): RetrainJob | undefined {
    return this.jobs.get(jobId);
  }

  /** The job started last, while the server runs. */
  last(): RetrainJob | null {
    return this.latest;
  }

  /**
   * Starts a retraining, or gives the one already running: two would train the same thing twice. One run by another
   * process on the same store (the CLI) makes this throw RetrainAlreadyRunning at once.
   */
  start(): RetrainJob {
    if (this.latest?.state === 'running') return this.latest;
    const lock = takeRetrainLock(this.store.location);
    const job: RetrainJob = {
      jobId: randomUUID(),
      state: 'running',
      phase: 'validating baseline',
      startedAt: new Date().toISOString(),
      seconds: null,
      corrections: null,
      accepted: null,
      reason: null,
      relabelled: null,
      figures: [],
      error: null,
    };
    this.jobs.set(job.jobId, job);
    if (this.jobs.size > KEEP_JOBS) this.jobs.delete(this.jobs.keys().next().value!);
    this.latest = job;
    retrainHoldingLock(this.store, {
      ...this.settings,
      onPhase: (phase) => (job.phase = phase),
    })
      .finally(() => lock.release())
      .then(
        (outcome) => finish(job, outcome),
        (error: unknown) => {
          job.state = 'failed';
          job.error = error instanceof InputError ? error.message : 'internal error';
          if (!(error instanceof InputError))
            process.stderr.write(`sentiment retraining failed: ${String(error)}\n`);
        },
      );
    return job;
  }
}
