// Adds a report schedule: name, when (words or cron), period, language, format and recipients.
import { useId, useState, type FormEvent } from 'react';
import { api, type ApiError } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { ScheduleRecord } from '../alerts/types.ts';

const PERIODS = ['previous_day', 'previous_week', 'previous_month', 'previous_quarter'] as const;

export function ScheduleForm({ onAdded }: { onAdded: (schedule: ScheduleRecord) => void }) {
  const { t, language } = useI18n();
  const id = useId();
  const [name, setName] = useState('');
  const [when, setWhen] = useState('every Monday 08:00');
  const [period, setPeriod] = useState<string>('previous_week');
  const [lang, setLang] = useState<string>(language);
  const [format, setFormat] = useState('pdf');
  const [recipients, setRecipients] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await api.post<ScheduleRecord>('/api/schedules', {
        name,
        when,
        period,
        lang,
        format,
        recipients: recipients
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean),
      });
      setName('');
      setRecipients('');
      onAdded(created);
    } catch (caught) {
      const failure = caught as ApiError;
      setError(failure.status === 0 ? t('state.network') : failure.message);
    }
    setBusy(false);
  };
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <div className="card-head">
        <h2 id={`${id}-title`}>{t('schedules.add')}</h2>
      </div>
      <form
        className="form schedule-form"
        onSubmit={(event) => void submit(event)}
        aria-busy={busy}
      >
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('schedules.name')}</label>
          <input
            id={`${id}-name`}
            required
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-when`}>{t('schedules.when')}</label>
          <input
            id={`${id}-when`}
            required
            aria-describedby={`${id}-when-help`}
            value={when}
            onChange={(event) => setWhen(event.target.value)}
          />
          <small id={`${id}-when-help`} className="muted">
            {t('schedules.whenHelp')}
          </small>
        </div>
        <div className="form-row">
          <div className="field">
            <label htmlFor={`${id}-period`}>{t('schedules.period')}</label>
            <select
              id={`${id}-period`}
              value={period}
              onChange={(event) => setPeriod(event.target.value)}
            >
              {PERIODS.map((value) => (
                <option key={value} value={value}>
                  {t(`schedules.period.${value}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-lang`}>{t('schedules.lang')}</label>
            <select
              id={`${id}-lang`}
              value={lang}
              onChange={(event) => setLang(event.target.value)}
            >
              <option value="en">English</option>
              <option value="fr">Français</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-format`}>{t('schedules.format')}</label>
            <select
              id={`${id}-format`}
              value={format}
              onChange={(event) => setFormat(event.target.value)}
            >
              <option value="pdf">PDF</option>
              <option value="html">HTML</option>
            </select>
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('schedules.recipients')}</label>
          <input
            id={`${id}-to`}
            required
            aria-describedby={`${id}-to-help`}
            value={recipients}
            onChange={(event) => setRecipients(event.target.value)}
          />
          <small id={`${id}-to-help`} className="muted">
            {t('schedules.recipientsHelp')}
          </small>
        </div>
        {error && (
          <p className="form-error" role="alert">
            {t('schedules.failed', { message: error })}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('schedules.adding') : t('schedules.add')}
          </button>
        </div>
      </form>
    </section>
  );
}
