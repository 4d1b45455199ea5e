// Admins: which model labels the comments' sentiment, and retraining it with people's corrections. The job runs
// on the server for minutes; the card follows its phase, then shows macro-F1 before and after on each validation
// set and language and whether the retrained model was kept.
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type {
  retrainJob,
  sentimentModelState,
} from '../../../../src/server/routes/sentiment-model.ts';
import { api, type ApiError } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { ErrorBox, Loading } from '../../components/States.tsx';
import { useI18n } from '../../i18n/index.tsx';
import type { MessageKey } from '../../i18n/en.ts';

type RetrainJob = z.output<typeof retrainJob>;
type ModelState = z.output<typeof sentimentModelState>;

const POLL_MS = 1000;

/** The job's latest state (fetch, not api.get: the client caches GETs for half a minute). */
async function readJob(jobId: string): Promise<RetrainJob> {
  const response = await fetch(`/api/nlp/retrain/${jobId}`, { credentials: 'same-origin' });
  const payload = (await response.json()) as RetrainJob & { error?: string };
  if (!response.ok) throw new Error(payload.error ?? response.statusText);
  return payload;
}

/** Follows a running job: its state every second while it runs. */
function useFollowedJob(initial: RetrainJob | null, onEnd: () => void) {
  const [job, setJob] = useState<RetrainJob | null>(initial);
  useEffect(() => setJob((current) => current ?? initial), [initial]);
  useEffect(() => {
    if (job?.state !== 'running') return;
    const timer = setTimeout(() => {
      readJob(job.jobId).then(
        (next) => {
          setJob(next);
          if (next.state !== 'running') onEnd();
        },
        () => setJob({ ...job }),
      );
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [job]);
  return [job, setJob] as const;
}

export function SentimentModel() {
  const { t, plural, format } = useI18n();
  const state = useApi<ModelState>('/api/nlp/model');
  const [job, setJob] = useFollowedJob(state.data?.lastJob ?? null, () => {
    api.clearCache();
    state.reload();
  });
  const [error, setError] = useState<string | null>(null);
  const start = async () => {
    setError(null);
    try {
      setJob(await api.post<RetrainJob>('/api/nlp/retrain'));
    } catch (caught) {
      const failure = caught as ApiError;
      setError(failure.status === 0 ? t('state.network') : failure.message);
    }
  };
  const model = state.data;
  return (
    <section className="card sentiment-model" aria-labelledby="sentiment-model-title">
      <div className="card-head">
        <h2 id="sentiment-model-title">{t('model.title')}</h2>
      </div>
      {state.error ? (
        <ErrorBox error={state.error} retry={state.reload} />
      ) : !model ? (
        <Loading lines={3} />
      ) : (
        <>
          <p className="muted">{t('model.shipped', { rows: format.number(model.shipped.rows) })}</p>
          <p>
            {model.brand
              ? t('model.brandKept', {
                  when: format.dateTime(model.brand.trainedAt),
                  corrections: format.number(model.brand.corrections),
                })
              : t('model.noBrand')}
          </p>
          <p className="muted">{plural('model.corrections', model.corrections)}</p>
          <button
            type="button"
            className="button button-primary"
            disabled={model.corrections === 0 || !model.trainingData || job?.state === 'running'}
            onClick={() => void start()}
          >
            {t('model.retrain')}
          </button>
          {!model.trainingData && <p className="notice notice-info">{t('model.noTrainingData')}</p>}
          {error && (
            <p className="notice notice-error" role="alert">
              {error}
            </p>
          )}
          {job && <RetrainResult job={job} />}
        </>
      )}
    </section>
  );
}

const PHASE_TEXT: Record<RetrainJob['phase'], MessageKey> = {
  'validating baseline': 'model.phase.baseline',
  training: 'model.phase.training',
  'validating retrained': 'model.phase.retrained',
  relabelling: 'model.phase.relabelling',
};

function RetrainResult({ job }: { job: RetrainJob }) {
  const { t, plural } = useI18n();
  if (job.state === 'running')
    return (
      <p className="notice notice-info" role="status">
        {t(PHASE_TEXT[job.phase])}
      </p>
    );
  if (job.state === 'failed')
    return (
      <p className="notice notice-error" role="alert">
        {t('model.failed', { message: job.error ?? '' })}
      </p>
    );
  return (
    <div role="status">
      <p className={`notice ${job.accepted ? 'notice-ok' : 'notice-error'}`}>
        {!job.accepted
          ? t('model.refused')
          : job.relabelled === null
            ? t('model.kept')
            : plural('model.kept', job.relabelled)}
      </p>
      <FiguresTable job={job} />
    </div>
  );
}

function FiguresTable({ job }: { job: RetrainJob }) {
  const { t, format } = useI18n();
  const score = (value: number) => format.number(value, { digits: 3 });
  return (
    <table className="stack-table model-figures">
      <caption>{t('model.figures')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('model.col.set')}</th>
          <th scope="col">{t('model.col.lang')}</th>
          <th scope="col" className="num">
            {t('model.col.n')}
          </th>
          <th scope="col" className="num">
            {t('model.col.before')}
          </th>
          <th scope="col" className="num">
            {t('model.col.after')}
          </th>
          <th scope="col">{t('model.col.verdict')}</th>
        </tr>
      </thead>
      <tbody>
        {job.figures.map((row) => (
          <tr key={`${row.set} ${row.lang}`} className={row.worse ? 'model-worse' : undefined}>
            <th scope="row">{row.set}</th>
            <td data-label={t('model.col.lang')}>
              {row.lang === 'fr'
                ? t('model.lang.fr')
                : row.lang === 'en'
                  ? t('model.lang.en')
                  : row.lang}
            </td>
            <td className="num" data-label={t('model.col.n')}>
              {format.number(row.n)}
            </td>
            <td className="num" data-label={t('model.col.before')}>
              {score(row.before)}
            </td>
            <td className="num" data-label={t('model.col.after')}>
              {score(row.after)}
            </td>
            <td data-label={t('model.col.verdict')}>
              {row.worse ? t('model.worse') : t('model.notWorse')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
