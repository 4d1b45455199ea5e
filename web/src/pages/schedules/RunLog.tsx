// The run log: each period sent (or late, failed with its error and next try, interrupted).
import { useApi } from '../../api/use-api.ts';
import { Empty, ErrorBox, Loading } from '../../components/States.tsx';
import { useI18n } from '../../i18n/index.tsx';
import type { ScheduleRecord, ScheduleRun } from '../alerts/types.ts';

export function RunLog({ schedules }: { schedules: ScheduleRecord[] }) {
  const { t, format } = useI18n();
  const runs = useApi<ScheduleRun[]>('/api/schedules/runs');
  const nameOf = new Map(schedules.map((schedule) => [schedule.id, schedule.name]));
  return (
    <section className="card" aria-labelledby="schedule-runs-title">
      <div className="card-head">
        <h2 id="schedule-runs-title">{t('schedules.runs')}</h2>
      </div>
      {runs.error ? (
        <ErrorBox error={runs.error} retry={runs.reload} />
      ) : !runs.data ? (
        <Loading lines={2} />
      ) : runs.data.length === 0 ? (
        <Empty title={t('schedules.noRuns')} />
      ) : (
        <table className="stack-table">
          <thead>
            <tr>
              <th scope="col">{t('schedules.name')}</th>
              <th scope="col">{t('schedules.run.due')}</th>
              <th scope="col">{t('schedules.run.status')}</th>
              <th scope="col" className="num">
                {t('schedules.run.attempts')}
              </th>
              <th scope="col">{t('schedules.run.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {runs.data.map((run) => (
              <tr key={run.key}>
                <th scope="row">{nameOf.get(run.schedule_id) ?? run.schedule_id}</th>
                <td data-label={t('schedules.run.due')}>{format.dateTime(run.due_at)}</td>
                <td data-label={t('schedules.run.status')}>
                  {t(`schedules.run.${run.status}`)}
                  {run.late && ` · ${t('schedules.run.late')}`}
                </td>
                <td data-label={t('schedules.run.attempts')} className="num">
                  {format.number(run.attempts)}
                </td>
                <td data-label={t('schedules.run.detail')}>
                  {run.last_error}
                  {run.next_attempt_at &&
                    ` · ${t('schedules.run.retry', { when: format.dateTime(run.next_attempt_at) })}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
