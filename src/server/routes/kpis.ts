// The catalog and KPI queries: the same options as `cadran kpi`.
import { z } from 'zod';
import {
  DEFAULT_ENGAGEMENT_WEIGHTS,
  describeCatalog,
  queryKpis,
  type EngagementWeights,
  type KpiResponse,
} from '../../metrics/index.ts';
import { TIME_GRAINS, type Breakdown, type Comparison } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { CsvFile, type CsvCell } from '../csv.ts';
import { route, type Route } from '../route.ts';
import {
  breakdownList,
  catalogEntry,
  comparisonList,
  comparisonSpanQuery,
  filterQuery,
  filtersOf,
  formatQuery,
  kpiResponse,
  list,
  periodQuery,
} from '../schemas.ts';

const weightNames = Object.keys(DEFAULT_ENGAGEMENT_WEIGHTS) as (keyof EngagementWeights)[];

const weights = list(`engagement weights as name=number, names ${weightNames.join(', ')}`)
  .refine(
    (pairs) =>
      pairs.every((pair) => {
        const [name, raw] = pair.split('=');
        return weightNames.includes(name as keyof EngagementWeights) && Number(raw) >= 0;
      }),
    `expected name=number pairs with names ${weightNames.join(', ')}`,
  )
  .transform((pairs) => {
    const result = { ...DEFAULT_ENGAGEMENT_WEIGHTS };
    for (const pair of pairs) {
      const [name, raw] = pair.split('=');
      result[name as keyof EngagementWeights] = Number(raw);
    }
    return result;
  });

const rank = z.coerce.number().int().positive().max(1000).optional();

export const kpiQuery = z.object({
  ids: list('KPI ids from /api/kpis').refine((ids) => ids.length > 0, 'name at least one KPI id'),
  ...periodQuery,
  by: breakdownList,
  compare: comparisonList,
  compare_span: comparisonSpanQuery,
  ...filterQuery,
  top: rank.meta({ description: 'keep the N best rows by the first KPI' }),
  bottom: rank.meta({ description: 'keep the N worst rows by the first KPI' }),
  min_base: z.coerce.number().int().positive().optional().meta({
    description: 'with top/bottom and a ratio KPI: only rows whose denominator reaches this',
  }),
  weights,
  format: formatQuery,
});

/** One line per KPI and breakdown key: keys, value, comparisons, then the raw measures. */
export function kpiCsv(response: KpiResponse, name: string): CsvFile {
  const keys = response.breakdown;
  const comparisons = Object.keys(response.comparisons) as Comparison[];
  const measures = [
    ...new Set(
      response.results.flatMap((result) => result.rows.flatMap((row) => Object.keys(row.inputs))),
    ),
  ];
  const timed = keys.some((key) => (TIME_GRAINS as readonly string[]).includes(key));
  const header = [
    ...keys,
    ...(timed ? ['bucket'] : []),
    'kpi',
    'value',
    ...comparisons.flatMap((series) => [`${series}_value`, `${series}_delta`, `${series}_change`]),
    ...measures,
  ];
  const rows: CsvCell[][] = response.results.flatMap((result) =>
    result.rows.map((row) => [
      ...keys.map((key) => row.key[key] ?? null),
      ...(timed ? [row.running ? 'running (to date)' : 'complete'] : []),
      result.id,
      row.value,
      ...comparisons.flatMap((series) => {
        const compared = row[series];
        return [compared?.value ?? null, compared?.delta ?? null, compared?.change ?? null];
      }),
      ...measures.map((measure) => row.inputs[measure as keyof typeof row.inputs] ?? null),
    ]),
  );
  return new CsvFile(name, header, rows);
}

export function kpiRoutes(store: Store): Route[] {
  return [
    route({
      id: 'listKpis',
      method: 'GET',
      url: '/api/kpis',
      tag: 'catalog',
      summary:
        'The KPI catalog: names, explanations, units, good direction, funnel stage, breakdowns',
      role: 'viewer',
      response: z.array(catalogEntry),
      handler: async () => describeCatalog(),
    }),
    route({
      id: 'queryKpis',
      method: 'GET',
      url: '/api/kpi',
      tag: 'catalog',
      summary: 'Compute KPIs over a period, with breakdowns, comparisons, filters and top lists',
      description:
        'The same options as `cadran kpi`. Ratios are fractions (0.035 = 3.5 %); a KPI whose denominator is 0 is null.',
      role: 'viewer',
      query: kpiQuery,
      response: kpiResponse,
      csv: true,
      handler: async ({ query }) => {
        const limit = query.top ?? query.bottom;
        const response = await queryKpis(store, {
          kpis: query.ids,
          period: { from: query.from, to: query.to },
          breakdown: query.by as Breakdown[],
          compare: query.compare as Comparison[],
          comparisonSpan: query.compare_span,
          filters: filtersOf(query),
          weights: query.weights,
          top: limit
            ? { limit, ascending: query.top === undefined, minimumBase: query.min_base }
            : undefined,
        });
        if (query.format === 'csv')
          return kpiCsv(
            response,
            `cadran-${query.ids.join('-')}-${query.from}-${query.to}${query.by.length ? `-by-${query.by.join('-')}` : ''}`,
          );
        return response;
      },
    }),
  ];
}
