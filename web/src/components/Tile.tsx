// One objective on the scorecard: value, target, progress against pace, status, comparison and sparkline.
import type { ScorecardEntry } from '../api/types.ts';
import { objectiveName } from './labels.ts';
import { useI18n } from '../i18n/index.tsx';
import { useSession, roleAtLeast } from '../state/session.tsx';
import type { Comparison } from '../state/view.ts';
import { Delta } from './Delta.tsx';
import { Explain, KpiExplanation } from './Explain.tsx';
import { Link } from './Link.tsx';
import { useBaseText } from './PeriodNote.tsx';
import { Sparkline } from './Sparkline.tsx';
import { useDimensionLabel } from './use-labels.ts';

const STATUS_ICON = { on_track: '●', at_risk: '◐', off_track: '○', no_data: '·' } as const;

export function Tile({ entry, compare, href }: { entry: ScorecardEntry; compare: Comparison; href: string }) {
  const { t, format, language } = useI18n();
  const session = useSession();
  const label = useDimensionLabel();
  const kpi = session.kpi(entry.kpi.id);
  const unit = entry.kpi.unit;
  const comparison = compare === 'yoy' ? entry.yoy : entry.previous;
  const progress = entry.progress ?? 0;
  const filters = Object.entries(entry.objective.filters)
    .flatMap(([dimension, values]) => (values ?? []).map((value) => label(dimension, value)))
    .join(', ');
  const measured = entry.measured?.period;
  const comparedLabel = t(compare === 'yoy' ? 'compare.vsYoy' : 'compare.vsPrevious');
  return (
    <article className={`tile status-${entry.status}`} data-objective={entry.objective.id} data-testid="tile">
      <div className="tile-top">
        <span className="status-pill">
          <span aria-hidden="true">{STATUS_ICON[entry.status]}</span> {t(`status.${entry.status}`)}
        </span>
        <span className="tile-period">
          {format.period(entry.objective.period)}
          {entry.elapsed > 0 && entry.elapsed < 1 && ` · ${t('scorecard.elapsed', { value: format.percent(entry.elapsed, 0) })}`}
        </span>
      </div>
      <h2 className="tile-name" title={objectiveName(entry.objective, language)}>
        <Link href={href} className="tile-link" aria-label={t('scorecard.open', { name: objectiveName(entry.objective, language) })}>
          {objectiveName(entry.objective, language)}
        </Link>
      </h2>
      <div className="tile-kpi">
        <span>{entry.kpi.name[language]}</span>
        {filters && <span className="tile-filters"> · {filters}</span>}
        {kpi && (
          <Explain label={t('explain.button', { name: entry.kpi.name[language] })}>
            <KpiExplanation
              kpi={kpi}
              inputs={entry.inputs}
              extra={
                <span className="explain-context">
                  {measured && <span>{t('explain.period', { period: format.period(measured) })}</span>}
                  <span>{filters ? t('explain.filters', { filters }) : t('explain.noFilters')}</span>
                  {entry.projected_progress !== null && (
                    <span>{t('scorecard.projected', { value: format.percent(entry.projected_progress, 0) })}</span>
                  )}
                  {entry.expected_progress !== null && entry.expected_progress !== undefined && (
                    <span>{t('scorecard.pace', { value: format.percent(entry.expected_progress, 0) })}</span>
                  )}
                  {comparison?.value !== undefined && comparison.value !== null && (
                    <span>{t('explain.compared', { label: comparedLabel, value: format.value(comparison.value, unit) })}</span>
                  )}
                </span>
              }
            />
          </Explain>
        )}
      </div>
      <div className="tile-figures">
        <span className="tile-value num" data-testid="tile-value" data-value={entry.value ?? ''}>
          {format.value(entry.value, unit, { compact: true })}
        </span>
        <span className="tile-target">
          {t('scorecard.target', { value: format.value(entry.objective.target, unit, { compact: true }) })}
          {entry.whole && entry.whole.target !== entry.objective.target && (
            <span className="tile-target-of" data-testid="tile-target-of">
              {t('scorecard.targetOf', { target: format.value(entry.whole.target, unit, { compact: true }), period: format.period(entry.whole.period) })}
            </span>
          )}
        </span>
      </div>
      <TileBase entry={entry} />
      {entry.status === 'no_data' ? (
        <NoData entry={entry} />
      ) : (
        <div className="progress" aria-label={t('scorecard.progress', { value: format.percent(progress, 0) })}>
          <div className="progress-track">
            <div className="progress-fill" style={{ width: `${Math.min(Math.max(progress, 0), 1) * 100}%` }} />
            {entry.expected_progress !== null && entry.expected_progress !== undefined && entry.expected_progress < 1 && (
              <div
                className="progress-pace"
                style={{ left: `${Math.min(Math.max(entry.expected_progress, 0), 1) * 100}%` }}
                title={t('scorecard.pace', { value: format.percent(entry.expected_progress, 0) })}
              />
            )}
          </div>
          <span className="progress-value num">{format.percent(entry.progress, 0)}</span>
        </div>
      )}
      <div className="tile-bottom">
        <Delta comparison={comparison} unit={unit} suffix={comparedLabel} />
        <Sparkline
          points={entry.sparkline}
          target={kpi && !kpi.additive ? entry.objective.target : null}
          label={`${entry.kpi.name[language]}: ${format.period(entry.objective.period)}`}
        />
      </div>
    </article>
  );
}

/** What the value stands on: NPS's margin, a ratio's base (low when under its minimum), the model's unsure labels. */
function TileBase({ entry }: { entry: ScorecardEntry }) {
  const { t, plural, format } = useI18n();
  const baseText = useBaseText();
  const uncertain = entry.inputs.sentiment_uncertain;
  const parts = [
    entry.margin !== undefined ? t('drill.margin', { value: format.number(entry.margin, { digits: 1 }) }) : null,
    entry.base ? baseText(entry.base) : null,
    entry.base?.low ? t('drill.lowBase') : null,
    uncertain ? plural('tile.uncertain', uncertain, format.number(uncertain)) : null,
  ].filter(Boolean);
  // An empty line still holds its place, so every tile's bar sits at the same height.
  if (parts.length === 0) return <p className="tile-base" aria-hidden="true" />;
  return (
    <p className={`tile-base${entry.base?.low ? ' low-base' : ''}`} data-testid="tile-base" data-base={entry.base?.value ?? ''}>
      {parts.join(' · ')}
    </p>
  );
}

function NoData({ entry }: { entry: ScorecardEntry }) {
  const { t, format } = useI18n();
  const session = useSession();
  const label = useDimensionLabel();
  if (!entry.measured)
    return <p className="tile-note">{t('scorecard.notStarted', { date: format.day(entry.objective.period.from) })}</p>;
  const what = Object.entries(entry.measured.filters)
    .flatMap(([dimension, values]) => (values ?? []).map((value) => label(dimension, value)))
    .join(', ');
  return (
    <p className="tile-note">
      {t('state.noData', { what: what || t('state.everything'), period: format.period(entry.measured.period) })}{' '}
      {roleAtLeast(session.user.role, 'analyst') ? (
        <Link href="/imports" className="inline-link">
          {t('state.noDataFix')}
        </Link>
      ) : (
        t('state.noDataFixViewer')
      )}
    </p>
  );
}
