// Retraining from the server: an admin starts it, it runs in a process of its own while the server keeps
// answering, and the job gives the validation figures before and after and the verdict. Small models (a few
// hundred training rows, see brand-corrections.ts) keep it quick; the rule is the same as at full size.
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildModel,
  DEFAULT_TRAINING_DIR,
  loadBrandModel,
  RetrainAlreadyRunning,
  takeRetrainLock,
  validate,
  type SentimentModel,
} from '../../src/nlp/index.ts';
import { createToken } from '../../src/server/index.ts';
import { testApp } from './app.ts';
import type { RetrainSettings } from '../../src/server/retrain-jobs.ts';
import type { Store } from '../../src/store/index.ts';
import { tempStore } from '../helpers.ts';
import {
  accuracy,
  HELD_OUT,
  importComments,
  KEPT_ROWS_PER_FILE,
  SMALL,
  storeWithCorrections,
} from '../nlp/brand-corrections.ts';

interface Job {
  jobId: string;
  state: 'running' | 'done' | 'failed';
  phase: string;
  accepted: boolean | null;
  reason: string | null;
  corrections: number | null;
  relabelled: number | null;
  figures: {
    set: string;
    lang: string;
    n: number;
    before: number;
    after: number;
    worse: boolean;
  }[];
  error: string | null;
}

interface Served {
  store: Store;
  app: FastifyInstance;
  admin: Record<string, string>;
  analyst: Record<string, string>;
}

async function serve(store: Store, retrain: RetrainSettings): Promise<Served> {
  const app = await testApp(store, { retrain });
  const bearer = async (role: 'admin' | 'analyst') => ({
    authorization: `Bearer ${(await createToken(store, role, role)).secret}`,
  });
  return { store, app, admin: await bearer('admin'), analyst: await bearer('analyst') };
}

async function startRetraining(served: Served): Promise<Job> {
  const response = await served.app.inject({
    method: 'POST',
    url: '/api/nlp/retrain',
    headers: served.admin,
  });
  expect(response.statusCode, response.body).toBe(202);
  return response.json();
}

/** Follows a job until it ends; records the longest stall of the server's event loop meanwhile. */
async function followToEnd(served: Served, jobId: string): Promise<{ job: Job; stallMs: number }> {
  let stallMs = 0;
  let tick = performance.now();
  const watch = setInterval(() => {
    stallMs = Math.max(stallMs, performance.now() - tick - 10);
    tick = performance.now();
  }, 10);
  try {
    for (;;) {
      const job: Job = (
        await served.app.inject({ url: `/api/nlp/retrain/${jobId}`, headers: served.admin })
      ).json();
      if (job.state !== 'running') return { job, stallMs };
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    clearInterval(watch);
  }
}

/** Macro-F1 per validation set and language (not the files' "all" rows), as the job reports them. */
async function macroF1ByGroup(model: SentimentModel): Promise<Map<string, number>> {
  const groups = (await validate(model)).filter((group) => group.lang !== 'all');
  return new Map(groups.map((group) => [`${group.set} ${group.lang}`, group.macroF1]));
}

describe.skipIf(!existsSync(DEFAULT_TRAINING_DIR))('POST /api/nlp/retrain', () => {
  let kept: Served;
  let baseline: SentimentModel;
  beforeAll(async () => {
    baseline = (await buildModel({ limit: KEPT_ROWS_PER_FILE, options: SMALL })).model;
    const store = await storeWithCorrections();
    await importComments(
      store,
      HELD_OUT.map(([text]) => text),
      'h',
    );
    kept = await serve(store, { baseline, limit: KEPT_ROWS_PER_FILE, options: SMALL });
  }, 120_000);
  afterAll(async () => {
    await kept.app.close();
    kept.store.close();
  });

  it('is for admins, and says there is nothing to learn from before any correction', async () => {
    const analyst = await kept.app.inject({
      method: 'POST',
      url: '/api/nlp/retrain',
      headers: kept.analyst,
    });
    expect(analyst.statusCode).toBe(403);
    const empty = await serve(await tempStore(), {});
    const refused = await empty.app.inject({
      method: 'POST',
      url: '/api/nlp/retrain',
      headers: empty.admin,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatch(/^no corrections stored yet/);
    await empty.app.close();
    empty.store.close();
  });

  it('says so at once when the training files are not there, and the model state tells the page', async () => {
    const missing = await serve(await storeWithCorrections(), {
      dataDir: join(tmpdir(), 'no-such-training-folder'),
    });
    const refused = await missing.app.inject({
      method: 'POST',
      url: '/api/nlp/retrain',
      headers: missing.admin,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatch(/training and validation files are not beside/);
    const model = (
      await missing.app.inject({ url: '/api/nlp/model', headers: missing.admin })
    ).json();
    expect(model).toMatchObject({ trainingData: false, corrections: 12, lastJob: null });
    const here = (await kept.app.inject({ url: '/api/nlp/model', headers: kept.admin })).json();
    expect(here.trainingData).toBe(true);
    await missing.app.close();
    missing.store.close();
  });

  it('answers 409 while `cadran nlp train` retrains the same store, and starts no job', async () => {
    const cli = takeRetrainLock(kept.store.location);
    try {
      const busy = await kept.app.inject({
        method: 'POST',
        url: '/api/nlp/retrain',
        headers: kept.admin,
      });
      expect(busy.statusCode).toBe(409);
      expect(busy.json().error).toMatch(
        /^a retraining is already running on this store \(process \d+, started /,
      );
      const model = (await kept.app.inject({ url: '/api/nlp/model', headers: kept.admin })).json();
      expect(model.lastJob).toBeNull();
    } finally {
      cli.release();
    }
  });

  it('trains in its own process, keeps a model no worse on validation, and it learnt the brand’s words', async () => {
    const started = await startRetraining(kept);
    expect(started).toMatchObject({ state: 'running', phase: 'validating baseline' });
    // A second click while it runs gives the same job rather than a second training.
    expect((await startRetraining(kept)).jobId).toBe(started.jobId);
    // Meanwhile `cadran nlp train` on the same store is refused; once the job ends, the lock is free again.
    expect(() => takeRetrainLock(kept.store.location)).toThrow(RetrainAlreadyRunning);
    const { job, stallMs } = await followToEnd(kept, started.jobId);
    takeRetrainLock(kept.store.location).release();
    expect(job.error).toBeNull();
    // Kept: the 6 comments nobody corrected were relabelled with it (the 12 corrected ones keep their label).
    expect(job).toMatchObject({
      state: 'done',
      accepted: true,
      reason: null,
      corrections: 12,
      relabelled: 6,
    });
    // Training in the server's own thread stalls it for seconds; in a child process, never for long.
    expect(stallMs).toBeLessThan(1000);
    // Before: the baseline's own figures; after: the kept model's. One row per validation set and language.
    const before = await macroF1ByGroup(baseline);
    const brand = (await loadBrandModel(kept.store))!;
    const after = await macroF1ByGroup(brand);
    expect(job.figures.map((row) => `${row.set} ${row.lang}`).sort()).toEqual(
      [...before.keys()].sort(),
    );
    for (const row of job.figures) {
      expect(row.before).toBeCloseTo(before.get(`${row.set} ${row.lang}`)!, 10);
      expect(row.after).toBeCloseTo(after.get(`${row.set} ${row.lang}`)!, 3);
      expect(row.after).toBeGreaterThanOrEqual(row.before - 0.005);
      expect(row.worse).toBe(false);
    }
    expect(accuracy(brand, HELD_OUT)).toBeGreaterThan(accuracy(baseline, HELD_OUT));
    const model = (await kept.app.inject({ url: '/api/nlp/model', headers: kept.admin })).json();
    expect(model.brand).toMatchObject({ corrections: 12 });
    expect(model.corrections).toBe(12);
    expect(model.lastJob.jobId).toBe(started.jobId);
    expect(model.shipped.trainedOn).toContain('semeval4a-traindev-en.csv');
  }, 300_000);

  it('refuses a retrained model worse on a validation set, says where, and keeps none', async () => {
    // Baseline trained on 1 500 rows per file, the retrained model on 40: clearly worse.
    const strong = (await buildModel({ limit: 1500, options: SMALL })).model;
    const served = await serve(await storeWithCorrections(), {
      baseline: strong,
      limit: 40,
      options: SMALL,
    });
    const { job } = await followToEnd(served, (await startRetraining(served)).jobId);
    expect(job).toMatchObject({ state: 'done', accepted: false });
    expect(job.reason).toMatch(/macro-F1 on .+ would fall from 0\.\d{3} to 0\.\d{3}/);
    const losses = job.figures.filter((row) => row.after < row.before - 0.005);
    expect(losses.length).toBeGreaterThan(0);
    expect(job.figures.filter((row) => row.worse)).toEqual(losses);
    expect(await loadBrandModel(served.store)).toBeNull();
    const model = (
      await served.app.inject({ url: '/api/nlp/model', headers: served.admin })
    ).json();
    expect(model.brand).toBeNull();
    await served.app.close();
    served.store.close();
  }, 300_000);
});
