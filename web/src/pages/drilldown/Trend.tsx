import { useMemo } from 'react';
import { useApi, type Loaded } from '../../api/use-api.ts';
import { usePart } from './bundle.ts';
import type { CatalogEntry, KpiResponse, Scorecard } from '../../api/types.ts';
import { Chart } from '../../components/Chart.tsx';
import { ExportLink } from '../../components/ExportLink.tsx';
import { useBaseText } from '../../components/PeriodNote.tsx';
import { ErrorBox, Loading } from '../../components/States.tsx';
import { EmptyPeriod } from '../../components/EmptyPeriod.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { grainFor } from '../../state/period.ts';
import { kpiParams, type View } from '../../state/view.ts';
import { trendOption } from './trend-option.ts';

export function Trend({ kpi, view, objectiveId, preloaded }: { kpi: CatalogEntry; view: View; objectiveId: string | null; preloaded?: Loaded<KpiResponse> }) {
  const { t, format, language, plural } = useI18n();
  const baseText = useBaseText();
  const grain = grainFor(view.period);
  const params = { ids: kpi.id, by: grain, compare: view.compare, ...kpiParams(view) };
  const result = usePart<KpiResponse>(preloaded, '/api/kpi', params);
  const objective = useApi<Scorecard>(objectiveId ? '/api/scorecard' : null, { ids: objectiveId ?? '' });
  const target = !kpi.additive ? (objective.data?.entries[0]?.whole?.target ?? objective.data?.entries[0]?.objective.target ?? null) : null;
  const comparisonName = t(view.compare === 'yoy' ? 'drill.comparison.yoy' : 'drill.comparison.previous');
  const rows = result.data?.results[0]?.rows;
  const running = rows?.some((row) => row.running);
  const empty = rows?.every((row) => row.value === null && (row[view.compare]?.value ?? null) === null);
  const lowBase = rows?.find((row) => row.base?.low && row.value !== null)?.base;
  const option = useMemo(
    () =>
      rows
        ? trendOption(
            rows,
            grain,
            view.compare,
            kpi.unit,
            format,
            {
              current: t('drill.current'),
              comparison: comparisonName,
              band: t('drill.marginBand'),
              running: t('drill.runningBucket'),
              lowBase: t('drill.lowBase'),
              target: t('drill.target'),
              base: (row) => baseText(row.base),
            },
            target,
          )
        : null,
    [rows, grain, format, kpi.unit, target, view.compare, t, comparisonName, baseText],
  );
  return (
    <section className="card trend" aria-label={t('drill.trend')}>
      <div className="card-head">
        <div>
          <h2>{t('drill.trend')}</h2>
          <p className="muted">
            {t('drill.trendHelp', { grain: t(`grain.${grain}`), comparison: comparisonName.toLowerCase() })}
            {running && ` ${t('drill.running', { grain: t(`grain.${grain}`) })}`}
            {lowBase && (
              <span data-testid="trend-low-base">
                {' '}
                {t('drill.lowBaseHelp', { count: format.number(lowBase.minimum), noun: plural(`base.${lowBase.noun}`, lowBase.minimum, '').trim() })}
              </span>
            )}
          </p>
        </div>
        <ExportLink path="/api/kpi" params={params} />
      </div>
      {result.error ? (
        <ErrorBox error={result.error} retry={result.reload} />
      ) : empty ? (
        <EmptyPeriod period={view.period} />
      ) : option ? (
        <div className={result.stale ? 'stale' : ''}>
          <Chart option={option} label={`${kpi.name[language]} — ${t('drill.trend')}`} />
          <ol className="visually-hidden" data-testid="trend-points">
            {rows!.map((row) => (
              <li key={row.key[grain]} data-day={row.key[grain]} data-value={row.value ?? ''} data-running={String(Boolean(row.running))} data-low-base={String(Boolean(row.base?.low))} data-margin={row.margin ?? ''}>
                {row.key[grain]}: {format.value(row.value, kpi.unit)} {row.base && `(${baseText(row.base)})`}
              </li>
            ))}
          </ol>
        </div>
      ) : (
        <Loading lines={6} />
      )}
    </section>
  );
}
