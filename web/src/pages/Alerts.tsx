// The alert history: every alert raised, newest first; analysts and admins acknowledge them.
import { useState } from 'react';
import { api, type ApiError } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { Empty, ErrorBox, Loading } from '../components/States.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useSession } from '../state/session.tsx';
import { AlertRow } from './alerts/AlertRow.tsx';
import type { AlertRecord } from './alerts/types.ts';

export default function Alerts() {
  const { t } = useI18n();
  const session = useSession();
  const list = useApi<AlertRecord[]>('/api/alerts', { limit: 200 });
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const acknowledge = async (alert: AlertRecord) => {
    setBusy(alert.id);
    setFailure(null);
    try {
      await api.post(`/api/alerts/${encodeURIComponent(alert.id)}/acknowledge`);
      list.reload();
    } catch (caught) {
      const error = caught as ApiError;
      setFailure(error.status === 0 ? t('state.network') : error.message);
    }
    setBusy(null);
  };
  return (
    <main id="main" className="page alerts-page">
      <div className="page-head">
        <h1>{t('alerts.title')}</h1>
      </div>
      <p className="muted page-lead">{t('alerts.lead')}</p>
      {failure && (
        <p className="notice notice-error" role="alert">
          {t('alerts.ackFailed', { message: failure })}
        </p>
      )}
      <section className="card">
        {list.error ? (
          <ErrorBox error={list.error} retry={list.reload} />
        ) : !list.data ? (
          <Loading lines={4} />
        ) : list.data.length === 0 ? (
          <Empty title={t('alerts.none')} />
        ) : (
          <table className={`stack-table alerts-table${list.stale ? ' stale' : ''}`}>
            <caption className="visually-hidden">{t('alerts.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('alerts.col.kpi')}</th>
                <th scope="col" className="num">
                  {t('alerts.col.value')}
                </th>
                <th scope="col">{t('alerts.col.usual')}</th>
                <th scope="col">
                  {t('alerts.col.base')}
                </th>
                <th scope="col">{t('alerts.col.raised')}</th>
                <th scope="col">{t('alerts.col.state')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('alerts.col.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((alert) => (
                <AlertRow
                  key={alert.id}
                  alert={alert}
                  kpi={session.kpi(alert.kpi)}
                  canAcknowledge={session.can('analyst')}
                  busy={busy === alert.id}
                  onAcknowledge={() => void acknowledge(alert)}
                />
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}
