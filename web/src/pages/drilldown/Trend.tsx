import { useMemo } from 'react';
import { useApi } from '../../api/use-api.ts';
import type { CatalogEntry, KpiResponse, Scorecard } from '../../api/types.ts';
import { Chart, COLORS, type ChartOption } from '../../components/Chart.tsx';
import { ExportLink } from '../../components/ExportLink.tsx';
import { ErrorBox, Loading } from '../../components/States.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { grainFor } from '../../state/period.ts';
import { useSession } from '../../state/session.tsx';
import { kpiParams, type View } from '../../state/view.ts';

export function Trend({ kpi, view, objectiveId }: { kpi: CatalogEntry; view: View; objectiveId: string | null }) {
  const { t, format, language } = useI18n();
  const grain = grainFor(view.period);
  const params = { ids: kpi.id, by: grain, compare: view.compare, ...kpiParams(view) };
  const result = useApi<KpiResponse>('/api/kpi', params);
  const objective = useApi<Scorecard>(objectiveId ? '/api/scorecard' : null, { ids: objectiveId ?? '', to: view.period.to });
  const target = !kpi.additive ? (objective.data?.entries[0]?.objective.target ?? null) : null;
  const comparisonName = t(view.compare === 'yoy' ? 'drill.comparison.yoy' : 'drill.comparison.previous');
  const { today } = useSession();
  // The bucket holding today is still running: its point is drawn hollow and the legend says so.
  const labels = result.data?.results[0]?.rows.map((row) => row.key[grain] ?? '') ?? [];
  const running = view.period.to >= today ? labels.filter((label) => label <= today).pop() : undefined;
  const option = useMemo<ChartOption | null>(() => {
    const rows = result.data?.results[0]?.rows;
    if (!rows) return null;
    const labels = rows.map((row) => row.key[grain] ?? '');
    const axisLabel = (day: string) => (grain === 'month' ? format.month(day) : format.day(day));
    return {
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, left: 0, itemWidth: 18, textStyle: { color: COLORS.text } },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (value: unknown) => format.value(typeof value === 'number' ? value : null, kpi.unit),
      },
      xAxis: {
        type: 'category',
        data: labels,
        axisLabel: { formatter: axisLabel, color: COLORS.text, hideOverlap: true },
        axisLine: { lineStyle: { color: COLORS.grid } },
      },
      yAxis: {
        type: 'value',
        scale: kpi.unit !== 'count' && kpi.unit !== 'currency',
        axisLabel: { formatter: (value: number) => format.value(value, kpi.unit, { compact: true }), color: COLORS.text },
        splitLine: { lineStyle: { color: COLORS.grid } },
      },
      series: [
        {
          name: t('drill.current'),
          type: 'line',
          data: rows.map((row) =>
            row.key[grain] === running ? { value: row.value, symbol: 'emptyCircle', symbolSize: 9 } : row.value,
          ),
          color: COLORS.current,
          symbol: 'circle',
          symbolSize: 5,
          lineStyle: { width: 2.5 },
          connectNulls: false,
          markLine:
            target !== null
              ? {
                  symbol: 'none',
                  lineStyle: { color: COLORS.target, type: 'solid', width: 1.5 },
                  label: { formatter: `${t('drill.target')} ${format.value(target, kpi.unit)}`, position: 'insideEndTop', color: COLORS.target },
                  data: [{ yAxis: target }],
                }
              : undefined,
        },
        {
          name: comparisonName,
          type: 'line',
          data: rows.map((row) => row[view.compare]?.value ?? null),
          color: COLORS.comparison,
          symbolSize: 3,
          lineStyle: { type: 'dashed', width: 1.5 },
        },
      ],
    };
  }, [result.data, grain, format, kpi, target, view.compare, t, comparisonName, running]);
  return (
    <section className="card trend" aria-label={t('drill.trend')}>
      <div className="card-head">
        <div>
          <h2>{t('drill.trend')}</h2>
          <p className="muted">
            {t('drill.trendHelp', { grain: t(`grain.${grain}`), comparison: comparisonName.toLowerCase() })}
            {running && ` ${t('drill.running', { grain: t(`grain.${grain}`) })}`}
          </p>
        </div>
        <ExportLink path="/api/kpi" params={params} />
      </div>
      {result.error ? (
        <ErrorBox error={result.error} retry={result.reload} />
      ) : option ? (
        <div className={result.stale ? 'stale' : ''}>
          <Chart option={option} label={`${kpi.name[language]} — ${t('drill.trend')}`} />
        </div>
      ) : (
        <Loading lines={6} />
      )}
    </section>
  );
}
