// A KPI as a daily series with the base of each day, read through the metrics stage's public face.
import { evaluateFormula, kpiById, queryKpis, type Kpi, type MeasureId } from '../metrics/index.ts';
import type { Filters, Period } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import type { AnomalySettings, DailyPoint } from './baseline.ts';

const NO_WEIGHTS = { reaction: 1, comment: 1, share: 1, save: 1 };

// Times have no denominator: their base is the count of replies the median is taken over.
const BASE_ELSEWHERE: Record<string, { kpi: string; measure: MeasureId }> = {
  response_time_median: { kpi: 'response_rate', measure: 'replied_items' },
  response_time_p90: { kpi: 'response_rate', measure: 'replied_items' },
  response_time_business_median: { kpi: 'response_rate', measure: 'replied_items' },
  response_time_business_p90: { kpi: 'response_rate', measure: 'replied_items' },
};

/** How the KPI varies from day to day when nothing happens. */
export function noiseOf(kpi: Kpi, judge: 'value' | 'numerator'): AnomalySettings['noise'] {
  if (judge === 'numerator' || kpi.unit === 'count') return 'count';
  if (kpi.unit === 'ratio') return 'proportion';
  return 'relative';
}

function isRatio(kpi: Kpi): kpi is Kpi & { formula: { op: 'div'; args: [never, never] } } {
  return 'op' in kpi.formula && kpi.formula.op === 'div';
}

/** The numerator and denominator of a ratio KPI from its inputs; null parts for other KPIs. */
export function partsOf(kpi: Kpi, inputs: Partial<Record<MeasureId, number | null>>) {
  if (!isRatio(kpi)) return { numerator: null, denominator: null };
  const [top, bottom] = (kpi.formula as { args: Parameters<typeof evaluateFormula>[0][] }).args;
  return {
    numerator: evaluateFormula(top, inputs, NO_WEIGHTS),
    denominator: evaluateFormula(bottom, inputs, NO_WEIGHTS),
  };
}

/** One point a day over the period: the value (or the numerator) and its base. */
export async function dailySeries(
  store: Store,
  kpiId: string,
  period: Period,
  filters: Filters,
  judge: 'value' | 'numerator',
): Promise<Map<string, DailyPoint>> {
  const kpi = kpiById(kpiId)!;
  const elsewhere = BASE_ELSEWHERE[kpiId];
  const ids = elsewhere ? [kpiId, elsewhere.kpi] : [kpiId];
  const response = await queryKpis(store, { kpis: ids, period, filters, breakdown: ['day'] });
  const bases = new Map<string, number | null>();
  if (elsewhere) {
    for (const row of response.results[1].rows)
      bases.set(String(row.key.day), row.inputs[elsewhere.measure] ?? null);
  }
  const series = new Map<string, DailyPoint>();
  for (const row of response.results[0].rows) {
    const day = String(row.key.day);
    const parts = partsOf(kpi, row.inputs);
    const value = judge === 'numerator' ? parts.numerator : row.value;
    const countLike = kpi.unit === 'count' || judge === 'numerator';
    const base = elsewhere ? (bases.get(day) ?? null) : parts.denominator;
    series.set(day, { day, value: value ?? (countLike ? 0 : null), base });
  }
  return series;
}
