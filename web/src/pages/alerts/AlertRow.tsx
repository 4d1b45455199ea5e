// One raised alert: what moved, against its usual range and on what base, with its way to the drill-down.
import type { CatalogEntry } from '../../api/types.ts';
import { Link } from '../../components/Link.tsx';
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
  // A ratio judged on its numerator (negative comments of a share) is a count, not the KPI's unit.
  const unit = alert.judged === 'numerator' || !kpi ? 'count' : kpi.unit;
  const show = (value: number | null) => format.value(value, unit);
  const range =
    alert.low !== null && alert.high !== null
      ? t('alerts.range', { low: show(alert.low), high: show(alert.high) })
      : alert.expected !== null
        ? t('alerts.threshold', { value: show(alert.expected) })
        : '—';
  return (
    <tr data-testid="alert-row" data-alert={alert.id}>
      <th scope="row">
        <span className="alert-kpi">{kpi ? kpi.name[language] : alert.kpi}</span>
        <span className="muted alert-about">
          {' · '}
          {format.day(alert.about)} · {t(`alerts.side.${alert.side}`)}
        </span>
      </th>
      <td data-label={t('alerts.col.value')} className="num" data-testid="alert-value">
        {show(alert.value)}
      </td>
      <td data-label={t('alerts.col.usual')} data-testid="alert-range">
        {range}
      </td>
      <td data-label={t('alerts.col.base')} className="num" data-testid="alert-base">
        {alert.base === null ? '—' : format.number(alert.base)}
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
          <button
            type="button"
            className="button button-small"
            disabled={busy}
            onClick={onAcknowledge}
          >
            {t('alerts.acknowledge')}
          </button>
        )}
      </td>
    </tr>
  );
}
