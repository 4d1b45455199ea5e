// The funnel (R14): awareness → engagement → conversion → advocacy, each stage with the catalog's KPIs of
// that stage, and between stages the catalog's rate KPIs that measure the passage. A layout, not formulas.
import { describeCatalog, queryKpis, type ComparisonSpan, type KpiRow } from '../metrics/index.ts';
import type { Comparison, Filters, Period } from '../model/index.ts';
import type { Store } from '../store/index.ts';

export const FUNNEL_STAGES = ['awareness', 'engagement', 'conversion', 'advocacy'] as const;

/** The stage's headline (its volume) and, into it from the stage before, the catalog KPIs that are the passage rate. */
const LAYOUT: Record<(typeof FUNNEL_STAGES)[number], { headline: string; bridges: string[] }> = {
  awareness: { headline: 'impressions', bridges: [] },
  engagement: { headline: 'engagements', bridges: ['engagement_rate_impressions'] },
  conversion: { headline: 'conversions', bridges: ['ctr', 'social_conversion_rate'] },
  advocacy: { headline: 'advocates', bridges: [] },
};

/** A stage's headline volume and the share of it kept from the stage before and from the first stage. */
export interface FunnelStep {
  stage: (typeof FUNNEL_STAGES)[number];
  kpi: string;
  value: number | null;
  fromPrevious: number | null;
  ofFirst: number | null;
}

const shareOf = (part: number | null, whole: number | null | undefined) =>
  part === null || !whole ? null : part / whole;

/** The drop-off between the stages' headlines: what each stage keeps of the one before and of the first. */
export function funnelSteps(
  headlines: { stage: FunnelStep['stage']; kpi: string; value: number | null }[],
) {
  return headlines.map((step, index): FunnelStep => ({
    ...step,
    fromPrevious: index === 0 ? null : shareOf(step.value, headlines[index - 1].value),
    ofFirst: index === 0 ? null : shareOf(step.value, headlines[0].value),
  }));
}

interface FunnelValue extends Pick<KpiRow, 'value' | 'inputs' | 'previous' | 'yoy'> {
  id: string;
}

export async function funnelOf(
  store: Store,
  request: {
    period: Period;
    filters: Filters;
    compare: Comparison[];
    comparisonSpan?: ComparisonSpan;
  },
) {
  const catalog = describeCatalog();
  const stageKpis = FUNNEL_STAGES.map((stage) =>
    catalog.filter((kpi) => kpi.stage === stage).map((kpi) => kpi.id),
  );
  const bridges = FUNNEL_STAGES.flatMap((stage) => LAYOUT[stage].bridges);
  const ids = [...new Set([...stageKpis.flat(), ...bridges])];
  const response = await queryKpis(store, { kpis: ids, ...request });
  const values = new Map<string, FunnelValue>(
    response.results.map((result) => {
      const row = result.rows[0];
      return [
        result.id,
        {
          id: result.id,
          value: row?.value ?? null,
          inputs: row?.inputs ?? {},
          previous: row?.previous,
          yoy: row?.yoy,
        },
      ];
    }),
  );
  return {
    period: response.period,
    comparisons: response.comparisons,
    comparisonSpan: response.comparisonSpan,
    steps: funnelSteps(
      FUNNEL_STAGES.map((stage) => ({
        stage,
        kpi: LAYOUT[stage].headline,
        value: values.get(LAYOUT[stage].headline)?.value ?? null,
      })),
    ),
    stages: FUNNEL_STAGES.map((stage, index) => ({
      stage,
      headline: LAYOUT[stage].headline,
      bridges: LAYOUT[stage].bridges.map((id) => values.get(id)!),
      kpis: stageKpis[index].map((id) => values.get(id)!),
    })),
  };
}
