import { useCallback, useMemo, useState } from 'react';
import { useApi, type Loaded } from '../../api/use-api.ts';
import type { CatalogEntry, KpiResponse } from '../../api/types.ts';
import { Chart, COLORS, type ChartOption } from '../../components/Chart.tsx';
import { Delta } from '../../components/Delta.tsx';
import { Explain, KpiExplanation } from '../../components/Explain.tsx';
import { ExportLink } from '../../components/ExportLink.tsx';
import { useBaseText } from '../../components/PeriodNote.tsx';
import { Empty, ErrorBox, Loading } from '../../components/States.tsx';
import { useDimensionLabel } from '../../components/use-labels.ts';
import { useI18n } from '../../i18n/index.tsx';
import { kpiParams, type View } from '../../state/view.ts';

const DIMENSIONS = ['platform', 'account', 'campaign', 'content_type', 'conversion_type'] as const;
type Dimension = (typeof DIMENSIONS)[number];

export function Breakdown({ kpi, view, preloaded }: { kpi: CatalogEntry; view: View; preloaded?: Loaded<KpiResponse> }) {
  const { t, format, language } = useI18n();
  const dimensionLabel = useDimensionLabel();
  const baseText = useBaseText();
  // Rows without a value for the dimension (a conversion without campaign) are named, not "—".
  const label = useCallback(
    (name: string, value: string | null | undefined) => (value === null || value === undefined ? t('drill.notAttributed') : dimensionLabel(name, value)),
    [dimensionLabel, t],
  );
  const available = DIMENSIONS.filter((dimension) => kpi.breakdowns.includes(dimension));
  const [chosen, setChosen] = useState<Dimension>('platform');
  const dimension = available.includes(chosen) ? chosen : available[0];
  const params = { ids: kpi.id, by: dimension, compare: view.compare, ...kpiParams(view) };
  // The bundle holds the first tab; another tab loads its own.
  const own = useApi<KpiResponse>(dimension && dimension !== available[0] ? '/api/kpi' : null, params);
  const result = dimension === available[0] && preloaded ? preloaded : own;
  const rows = useMemo(
    () => [...(result.data?.results[0]?.rows ?? [])].sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity)),
    [result.data],
  );
  const option = useMemo<ChartOption>(() => {
    const shown = rows.filter((row) => row.value !== null).slice(0, 12).reverse();
    return {
      grid: { left: 8, right: 60, top: 4, bottom: 4, containLabel: true },
      tooltip: { trigger: 'item', valueFormatter: (value: unknown) => format.value(value as number, kpi.unit) },
      xAxis: { type: 'value', show: false, min: kpi.unit === 'score' ? undefined : 0 },
      yAxis: {
        type: 'category',
        data: shown.map((row) => label(dimension, row.key[dimension])),
        axisLabel: { color: COLORS.text, width: 150, overflow: 'truncate' },
        axisTick: { show: false },
        axisLine: { show: false },
      },
      series: [
        {
          type: 'bar',
          data: shown.map((row) => row.value),
          color: COLORS.current,
          barMaxWidth: 22,
          label: { show: true, position: 'right', formatter: ({ value }: { value: number }) => format.value(value, kpi.unit, { compact: true }), color: COLORS.text },
        },
      ],
    };
  }, [rows, dimension, format, kpi.unit, label]);
  if (!dimension) return null;
  const hasBase = rows.some((row) => row.base);
  // In rem, so bars and their labels grow with the type on wide screens (2 rem a bar, 8 rem at least).
  const height = `${Math.max(8, Math.min(12, rows.length) * 2 + 1)}rem`;
  return (
    <section className="card breakdown" aria-label={t('drill.breakdown')}>
      <div className="card-head">
        <h2>{t('drill.breakdown')}</h2>
        <ExportLink path="/api/kpi" params={params} />
      </div>
      <div className="tabs" role="tablist" aria-label={t('drill.breakdown')}>
        {available.map((item) => (
          <button key={item} role="tab" type="button" aria-selected={item === dimension} onClick={() => setChosen(item)}>
            {t(`dimension.${item}`)}
          </button>
        ))}
      </div>
      {result.error ? (
        <ErrorBox error={result.error} retry={result.reload} />
      ) : !result.data ? (
        <Loading lines={4} />
      ) : rows.length === 0 ? (
        <Empty title={t('state.noData', { what: t(`dimension.${dimension}`).toLowerCase(), period: format.period(view.period) })} />
      ) : (
        <div className={`breakdown-body${result.stale ? ' stale' : ''}`} role="tabpanel">
          <div style={{ height }}>
            <Chart option={option} label={`${kpi.name[language]} — ${t(`dimension.${dimension}`)}`} className="chart chart-fill" />
          </div>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t(`dimension.${dimension}`)}</th>
                  <th scope="col" className="num">{t('table.value')}</th>
                  {hasBase && <th scope="col" className="num">{t('table.base')}</th>}
                  <th scope="col" className="num">{t(view.compare === 'yoy' ? 'compare.vsYoy' : 'compare.vsPrevious')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={JSON.stringify(row.key)} className={row.base?.low ? 'low-base' : undefined} data-low-base={String(Boolean(row.base?.low))}>
                    <th scope="row">{label(dimension, row.key[dimension])}</th>
                    <td className="num">
                      {row.caveat === 'no_competitor' ? (
                        <span className="muted" data-testid="no-competitor">
                          —, {t('drill.noCompetitor', { where: label(dimension, row.key[dimension]) })}
                        </span>
                      ) : (
                        <Explain label={kpi.name[language]} trigger={format.value(row.value, kpi.unit)}>
                          <KpiExplanation kpi={kpi} inputs={row.inputs} />
                        </Explain>
                      )}
                      {row.margin !== undefined && <span className="muted"> ± {format.number(row.margin, { digits: 1 })}</span>}
                    </td>
                    {hasBase && (
                      <td className="num">
                        {baseText(row.base)}
                        {row.base?.low && <span className="low-base-tag"> · {t('drill.lowBase')}</span>}
                      </td>
                    )}
                    <td className="num">
                      <Delta comparison={row[view.compare]} unit={kpi.unit} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}
