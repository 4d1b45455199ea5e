// The scorecard's period: by default each objective over its own period; a month, quarter or year shows
// the objectives active in it, each evaluated on its days there (the server prorates totals' targets).
import { useI18n } from '../i18n/index.tsx';
import { periodAround, shift, type Period } from '../state/period.ts';
import { useSession } from '../state/session.tsx';

type Scope = 'own' | 'month' | 'quarter' | 'year' | 'custom';

export function ScorecardPeriod({ period, onChange }: { period: Period | null; onChange: (period: Period | null) => void }) {
  const { t, format } = useI18n();
  const { today } = useSession();
  const scope: Scope = period ? kindOf(period) : 'own';
  const choose = (next: Exclude<Scope, 'custom'>) =>
    onChange(next === 'own' ? null : periodAround(next, period && period.to < today ? period.to : today));
  return (
    <div className="period-picker">
      <div className="segmented" role="radiogroup" aria-label={t('period.label')}>
        {(['own', 'month', 'quarter', 'year'] as const).map((option) => (
          <button key={option} type="button" role="radio" aria-checked={scope === option} className={scope === option ? 'active' : ''} onClick={() => choose(option)}>
            {option === 'own' ? t('period.ownPeriods') : t(`period.${option}`)}
          </button>
        ))}
      </div>
      {period && (
        <div className="stepper">
          <button type="button" className="icon-button" aria-label={t('period.previous')} onClick={() => onChange(shift(period, -1))}>
            ‹
          </button>
          <span className="stepper-label" aria-live="polite" data-testid="period-label">
            {format.period(period)}
          </span>
          <button type="button" className="icon-button" aria-label={t('period.next')} disabled={shift(period, 1).from > today} onClick={() => onChange(shift(period, 1))}>
            ›
          </button>
        </div>
      )}
      <p className="muted scope-help" data-testid="scope-help">
        {period ? t('period.withinHelp', { period: format.period(period) }) : t('period.ownPeriodsHelp')}
      </p>
    </div>
  );
}

function kindOf(period: Period): Scope {
  for (const kind of ['month', 'quarter', 'year'] as const) {
    const candidate = periodAround(kind, period.from);
    if (candidate.from === period.from && candidate.to === period.to) return kind;
  }
  return 'custom';
}
