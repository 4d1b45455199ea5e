// Report schedules (admins): list with the next run, add, turn on or off, delete, and the run log.
import { useState } from 'react';
import { api, type ApiError } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { Empty, ErrorBox, Loading } from '../components/States.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useSession } from '../state/session.tsx';
import type { ScheduleRecord } from './alerts/types.ts';
import { ConfirmDialog } from './objectives/ConfirmDialog.tsx';
import { RunLog } from './schedules/RunLog.tsx';
import { ScheduleForm } from './schedules/ScheduleForm.tsx';

/** A run time as the schedule reads it: in its own time zone, with the weekday ("Mon, Dec 7, 8:00 AM"). */
function inZone(locale: string, iso: string, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions = {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
  };
  return new Intl.DateTimeFormat(locale, options).format(new Date(iso));
}

export default function Schedules() {
  const { t, format } = useI18n();
  const session = useSession();
  const list = useApi<ScheduleRecord[]>('/api/schedules');
  const [deleting, setDeleting] = useState<ScheduleRecord | null>(null);
  const [notice, setNotice] = useState<{ kind: 'error'; text: string } | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  /** Runs a change, then reloads the list; `done` names the schedule just added. */
  const act = async (call: () => Promise<unknown>, done?: string) => {
    try {
      await call();
      setNotice(null);
      setAdded(done ?? null);
    } catch (caught) {
      const error = caught as ApiError;
      setAdded(null);
      setNotice({
        kind: 'error',
        text: t('schedules.failed', {
          message: error.status === 0 ? t('state.network') : error.message,
        }),
      });
    }
    list.reload();
  };
  if (!session.can('admin'))
    return (
      <main id="main" className="page">
        <div className="notice notice-empty">
          <p className="notice-title">{t('state.notFound')}</p>
        </div>
      </main>
    );
  return (
    <main id="main" className="page schedules-page">
      <div className="page-head">
        <h1>{t('schedules.title')}</h1>
      </div>
      <p className="muted page-lead">{t('schedules.lead')}</p>
      <div role="status" aria-live="polite">
        {added && <p className="notice notice-ok">{t('schedules.added', { name: added })}</p>}
      </div>
      {notice && (
        <p className="notice notice-error" role="alert">
          {notice.text}
        </p>
      )}
      <section className="card" aria-labelledby="schedules-list-title">
        <div className="card-head">
          <h2 id="schedules-list-title">{t('schedules.title')}</h2>
        </div>
        {list.error ? (
          <ErrorBox error={list.error} retry={list.reload} />
        ) : !list.data ? (
          <Loading lines={3} />
        ) : list.data.length === 0 ? (
          <Empty title={t('schedules.none')} />
        ) : (
          <table className={`stack-table${list.stale ? ' stale' : ''}`}>
            <thead>
              <tr>
                <th scope="col">{t('schedules.name')}</th>
                <th scope="col">{t('schedules.when')}</th>
                <th scope="col">{t('schedules.col.next')}</th>
                <th scope="col">{t('schedules.col.state')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('schedules.col.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((schedule) => (
                <tr key={schedule.id} data-testid="schedule-row">
                  <th scope="row">
                    {schedule.name}
                    <span className="muted">
                      {' · '}
                      {t(
                        `schedules.period.${schedule.period}` as 'schedules.period.previous_week',
                      )}{' '}
                      · {schedule.lang.toUpperCase()} · {schedule.format.toUpperCase()} ·{' '}
                      {schedule.recipients.join(', ')}
                    </span>
                  </th>
                  <td data-label={t('schedules.when')}>
                    {schedule.when} <span className="muted">({schedule.time_zone})</span>
                  </td>
                  <td data-label={t('schedules.col.next')} data-testid="schedule-next">
                    {schedule.next_run
                      ? inZone(format.locale, schedule.next_run, schedule.time_zone)
                      : '—'}
                  </td>
                  <td data-label={t('schedules.col.state')} data-testid="schedule-state">
                    {schedule.enabled ? t('schedules.enabled') : t('schedules.disabled')}
                  </td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() =>
                        void act(() =>
                          api.patch(`/api/schedules/${encodeURIComponent(schedule.id)}`, {
                            enabled: !schedule.enabled,
                          }),
                        )
                      }
                    >
                      {schedule.enabled ? t('schedules.disable') : t('schedules.enable')}
                    </button>
                    <button
                      type="button"
                      className="button button-small button-danger"
                      onClick={() => setDeleting(schedule)}
                    >
                      {t('schedules.delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <ScheduleForm onAdded={(created) => void act(async () => {}, created.name)} />
      <RunLog schedules={list.data ?? []} />
      {deleting && (
        <ConfirmDialog
          title={t('schedules.confirmDelete', { name: deleting.name })}
          confirm={t('schedules.delete')}
          onConfirm={() => {
            const target = deleting;
            setDeleting(null);
            void act(() => api.delete(`/api/schedules/${encodeURIComponent(target.id)}`));
          }}
          onCancel={() => setDeleting(null)}
        >
          <p>{t('schedules.confirmDeleteHelp')}</p>
        </ConfirmDialog>
      )}
    </main>
  );
}
