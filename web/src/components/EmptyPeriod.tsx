import { useI18n } from '../i18n/index.tsx';
import type { Period } from '../state/period.ts';
import { useSession } from '../state/session.tsx';

/** Instead of bare axes: the period has nothing, and the days the store does hold. */
export function EmptyPeriod({ period }: { period: Period }) {
  const { t, format } = useI18n();
  const { first_day: first, last_day: last } = useSession().dimensions;
  return (
    <div className="empty-period" role="status" data-testid="empty-period">
      <p>{t('empty.period', { period: format.period(period) })}</p>
      <p className="muted">{first && last ? t('empty.dataSpan', { from: format.day(first), to: format.day(last) }) : t('empty.noDataAtAll')}</p>
    </div>
  );
}
