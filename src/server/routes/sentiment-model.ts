// The sentiment model: which one labels comments, and retraining it with this brand's corrections (admins).
import { z } from 'zod';
import { InputError } from '../../model/index.ts';
import {
  brandModelRecord,
  hasTrainingData,
  RETRAIN_PHASES,
  shippedModel,
} from '../../nlp/index.ts';
import type { Store } from '../../store/index.ts';
import { RetrainJobs, type RetrainSettings } from '../retrain-jobs.ts';
import { route, type Route } from '../route.ts';

const macroF1 = z.number().meta({ description: 'macro-F1, 0 to 1' });
export const retrainJob = z.object({
  jobId: z.string(),
  state: z.enum(['running', 'done', 'failed']),
  phase: z.enum(RETRAIN_PHASES),
  startedAt: z.string(),
  seconds: z.number().nullable(),
  corrections: z.number().nullable().meta({ description: 'corrections learnt from' }),
  accepted: z
    .boolean()
    .nullable()
    .meta({ description: 'kept: no worse than the model in use on any validation set' }),
  reason: z.string().nullable().meta({ description: 'why the retrained model was refused' }),
  relabelled: z
    .number()
    .nullable()
    .meta({ description: 'comments relabelled with the kept model (null when refused)' }),
  figures: z.array(
    z.object({
      set: z.string(),
      lang: z.string(),
      n: z.number(),
      before: macroF1,
      after: macroF1,
      worse: z.boolean().meta({ description: 'a loss beyond 0.005: the model is refused for it' }),
    }),
  ),
  error: z.string().nullable(),
});
export const sentimentModelState = z.object({
  shipped: z.object({
    trainedOn: z.array(z.string()),
    rows: z.number(),
  }),
  brand: z
    .object({
      trainedAt: z.string(),
      corrections: z.number(),
      validation: z.array(z.object({ set: z.string(), lang: z.string(), n: z.number(), macroF1 })),
    })
    .nullable()
    .meta({ description: 'the model retrained here, when one was kept' }),
  corrections: z
    .number()
    .meta({ description: 'corrections stored, what a retraining learns from' }),
  trainingData: z
    .boolean()
    .meta({ description: 'the public training and validation files a retraining reads are there' }),
  lastJob: retrainJob
    .nullable()
    .meta({ description: 'the latest retraining since the server started' }),
});

async function correctionCount(store: Store): Promise<number> {
  const [{ count }] = await store.all('SELECT count(*) AS count FROM sentiment_corrections');
  return Number(count);
}

function shippedAbout() {
  const about = shippedModel().about as { trainedOn?: string[]; rows?: number };
  return { trainedOn: about.trainedOn ?? [], rows: about.rows ?? 0 };
}

export function sentimentModelRoutes(store: Store, settings: RetrainSettings = {}): Route[] {
  const jobs = new RetrainJobs(store, settings);
  return [
    route({
      id: 'getSentimentModel',
      method: 'GET',
      url: '/api/nlp/model',
      tag: 'nlp',
      summary:
        'The sentiment model: the shipped one that labels comments, the one retrained with corrections if kept, the latest retraining',
      role: 'viewer',
      response: sentimentModelState,
      handler: async () => ({
        shipped: shippedAbout(),
        brand: await brandModelRecord(store),
        corrections: await correctionCount(store),
        trainingData: hasTrainingData(settings.dataDir),
        lastJob: jobs.last(),
      }),
    }),
    route({
      id: 'retrainSentimentModel',
      method: 'POST',
      url: '/api/nlp/retrain',
      tag: 'nlp',
      summary: 'Retrain the sentiment model with the stored corrections (a job of a few minutes)',
      description:
        'Trains on the shipped training data plus the corrections, in a process of its own, and keeps the result only when its macro-F1 on each shipped validation set and language is no worse than the model in use (0.005 of tolerance). A kept model relabels the stored comments at once (people’s corrections stay). The answer is the job (202); GET /api/nlp/retrain/{jobId} follows it. While one runs here, the answer is that one; while another process (`cadran nlp train --with-corrections`) retrains the same store, 409.',
      role: 'admin',
      response: retrainJob,
      status: 202,
      handler: async () => {
        if ((await correctionCount(store)) === 0)
          throw new InputError(
            'no corrections stored yet: correct some comments’ sentiment in the dashboard first',
          );
        if (!hasTrainingData(settings.dataDir))
          throw new InputError(
            'the public training and validation files are not beside this installation (see the README): retraining needs them',
          );
        return jobs.start();
      },
    }),
    route({
      id: 'retrainJob',
      method: 'GET',
      url: '/api/nlp/retrain/:jobId',
      tag: 'nlp',
      summary:
        'A retraining: its phase, then the validation figures before and after and the verdict',
      role: 'admin',
      params: z.object({ jobId: z.string().uuid() }),
      response: retrainJob,
      handler: async ({ params }) => {
        const job = jobs.get(params.jobId);
        if (!job) throw new InputError('no such retraining (they are kept while the server runs)');
        return job;
      },
    }),
  ];
}
