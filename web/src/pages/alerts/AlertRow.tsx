// One raised alert: what moved, against its usual range and on what base, with its way to the drill-down
// and, for sentiment, the thread behind it.
import type { CatalogEntry } from '../../api/types.ts';
import { Link } from '../../components/Link.tsx';
import { useBaseText } from '../../components/PeriodNote.tsx';
import { useI18n } from '../../i18n/index.tsx';
import type { AlertRecord } from './types.ts';

interface Props {
  alert: AlertRecord;
  kpi: CatalogEntry | undefined;
  canAcknowledge: boolean;
  busy: boolean;
  onAcknowledge: () => void;
}

export function AlertRow({ alert, kpi, canAcknowledge, busy, onAcknowledge }: Props) {
  const { t, format, language } = useI18n();
  const baseText = useBaseText();
  // A ratio judged on its numerator (negative comments of a share) is a count, not the KPI's unit.
  const numerator = alert.judged === 'numerator' || !kpi;
  const show = (value: number | null) => format.value(value, numerator ? 'count' : kpi.unit);
  const range =
    alert.low !== null && alert.high !== null
      ? t('alerts.range', { low: show(alert.low), high: show(alert.high) })
      : alert.expected !== null
        ? t('alerts.threshold', { value: show(alert.expected) })
        : '—';
  const share =
    numerator && kpi && alert.value !== null && alert.base
      ? t('alerts.share', { share: format.value(alert.value / alert.base, kpi.unit) })
      : null;
  const thread = alert.threads[0];
  return (
    <tr data-testid="alert-row" data-alert={alert.id}>
      <th scope="row">
        <span className="alert-kpi">{kpi ? kpi.name[language] : alert.kpi}</span>
        <span className="muted">
          {' · '}
          {format.day(alert.about)} · {t(`alerts.side.${alert.side}`)}
        </span>
        {thread && (
          <small className="muted alert-thread" data-testid="alert-thread">
            <br />
            {t('alerts.thread', { negatives: format.number(thread.negatives), opinions: format.number(thread.opinions) })}
            {thread.sample && ` — “${thread.sample}”`}
            {thread.permalink && (
              <>
                {' · '}
                <a href={thread.permalink} target="_blank" rel="noreferrer">
                  {t('alerts.openThread')}
                </a>
              </>
            )}
          </small>
        )}
      </th>
      <td data-label={t('alerts.col.value')} className="num">
        <span data-testid="alert-value">{show(alert.value)}</span>
        {share && <small className="muted" data-testid="alert-share"><br />{share}</small>}
      </td>
      <td data-label={t('alerts.col.usual')} data-testid="alert-range">
        {range}
      </td>
      <td data-label={t('alerts.col.base')} data-testid="alert-base">
        {alert.base === null ? '—' : kpi?.base ? baseText({ value: alert.base, noun: kpi.base.noun }) : format.number(alert.base)}
      </td>
      <td data-label={t('alerts.col.raised')}>{format.dateTime(alert.raised_at)}</td>
      <td data-label={t('alerts.col.state')} data-testid="alert-state">
        {alert.acknowledged_at
          ? t('alerts.acknowledgedBy', { when: format.dateTime(alert.acknowledged_at) })
          : t('alerts.open')}
      </td>
      <td className="row-actions">
        <Link className="button button-small" href={alert.link}>
          {t('alerts.drill')}
        </Link>
        {canAcknowledge && !alert.acknowledged_at && (
          <button type="button" className="button button-small" disabled={busy} onClick={onAcknowledge}>
            {t('alerts.acknowledge')}
          </button>
        )}
      </td>
    </tr>
  );
}
