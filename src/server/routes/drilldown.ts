// One drill-down in one request: the summary (with both comparisons and the companion KPI), the trend,
// the first breakdown and the funnel, each only when the catalog says the KPI shows it.
import { z } from 'zod';
import { describeCatalog, queryKpis, type ComparisonSpan } from '../../metrics/index.ts';
import {
  InputError,
  TIME_GRAINS,
  type Comparison,
  type EntityDimension,
  type TimeGrain,
} from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { drilldownLists, listsOf } from './drilldown-lists.ts';
import { listSlowestThreads } from '../queries/slow-threads.ts';
import { listSsiTeam } from '../queries/ssi-team.ts';
import { listVoiceSplit } from '../queries/voice-split.ts';
import { route, type Route } from '../route.ts';
import { sharedFunnel } from '../shared-funnel.ts';
import {
  comparisonSpanQuery,
  filterQuery,
  filtersOf,
  funnel,
  kpiResponse,
  slowThread,
  ssiSeller,
  voiceShare,
  periodQuery,
} from '../schemas.ts';

// Survey NPS and the comments' recommendation index answer the same question from two sources.
const COMPANIONS: Record<string, string> = {
  nps: 'recommendation_index',
  recommendation_index: 'nps',
};
const BREAKDOWN_ORDER = ['platform', 'account', 'campaign', 'content_type', 'conversion_type'];
const SLOWEST_THREADS = 10;

export const drilldownQuery = z.object({
  id: z.string().max(64),
  ...periodQuery,
  compare: z.enum(['previous', 'yoy']).default('yoy'),
  compare_span: comparisonSpanQuery,
  grain: z.enum(TIME_GRAINS).default('week'),
  ...filterQuery,
});

export function drilldownRoutes(store: Store): Route[] {
  return [
    route({
      id: 'getDrilldown',
      method: 'GET',
      url: '/api/drilldown',
      tag: 'catalog',
      summary:
        'A KPI drill-down in one answer: summary, trend, first breakdown, funnel and the lists behind them',
      description:
        'The same numbers as the separate /api/kpi and /api/funnel calls; breakdown and funnel are null when the catalog does not show them for this KPI.',
      role: 'viewer',
      query: drilldownQuery,
      response: z.object({
        summary: kpiResponse,
        trend: kpiResponse,
        breakdown: kpiResponse.nullable(),
        funnel: funnel.nullable(),
        slowestThreads: z.array(slowThread).nullable(),
        ssiTeam: z.array(ssiSeller).nullable(),
        voiceSplit: z.array(voiceShare).nullable(),
        ...drilldownLists,
      }),
      handler: async ({ query }) => {
        const entry = describeCatalog().find((kpi) => kpi.id === query.id);
        if (!entry) throw new InputError(`unknown KPI "${query.id}" (see /api/kpis)`);
        const common = {
          period: { from: query.from, to: query.to },
          filters: filtersOf(query),
          comparisonSpan: query.compare_span as ComparisonSpan,
        };
        const compare = [query.compare as Comparison];
        const dimension = BREAKDOWN_ORDER.find((name) =>
          (entry.breakdowns as string[]).includes(name),
        );
        const listed = listsOf(store, entry, common);
        listed.catch(() => undefined); // awaited below; a failure before then is the request's
        const [summary, trend, breakdown, funnelAnswer] = await Promise.all([
          queryKpis(store, {
            ...common,
            kpis: [entry.id, ...(COMPANIONS[entry.id] ? [COMPANIONS[entry.id]] : [])],
            compare: ['previous', 'yoy'],
          }),
          queryKpis(store, {
            ...common,
            kpis: [entry.id],
            breakdown: [query.grain as TimeGrain],
            compare,
          }),
          entry.sections.includes('breakdown') && dimension
            ? queryKpis(store, {
                ...common,
                kpis: [entry.id],
                breakdown: [dimension as EntityDimension],
                compare,
              })
            : null,
          entry.sections.includes('funnel') ? sharedFunnel(store, { ...common, compare }) : null,
        ]);
        const evaluated = { period: summary.period, filters: common.filters };
        const shows = (section: string) => (entry.sections as string[]).includes(section);
        const [slowestThreads, ssiTeam, voiceSplit, lists] = await Promise.all([
          shows('slow_threads')
            ? listSlowestThreads(store, { ...evaluated, limit: SLOWEST_THREADS })
            : null,
          shows('ssi_team')
            ? listSsiTeam(store, {
                period: summary.period,
                comparison: summary.comparisons[query.compare as Comparison],
              })
            : null,
          shows('voice_split') ? listVoiceSplit(store, evaluated) : null,
          listed,
        ]);
        return {
          summary,
          trend,
          breakdown,
          funnel: funnelAnswer,
          slowestThreads,
          ssiTeam,
          voiceSplit,
          ...lists,
        };
      },
    }),
  ];
}
