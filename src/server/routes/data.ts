// The rows behind the numbers: posts, interactions, filter choices and the funnel.
import { z } from 'zod';
import type { Comparison } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { CsvFile } from '../csv.ts';
import { sharedFunnel } from '../shared-funnel.ts';
import { listDimensions } from '../queries/dimensions.ts';
import { INTERACTION_SORTS, listInteractions } from '../queries/interactions.ts';
import { listPosts, POST_SORTS } from '../queries/posts.ts';
import { route, type Route } from '../route.ts';
import {
  comparisonList,
  comparisonSpanQuery,
  dimensions,
  filterQuery,
  filtersOf,
  formatQuery,
  funnel,
  interaction,
  isoDay,
  list,
  paged,
  post,
} from '../schemas.ts';

/** One page in JSON; the whole selection (up to this many rows) in CSV. */
const CSV_ROWS = 100_000;
const page = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};
const optionalPeriod = { from: isoDay.optional(), to: isoDay.optional() };
const periodOf = (query: { from?: string; to?: string }) =>
  query.from && query.to ? { from: query.from, to: query.to } : undefined;

export function dataRoutes(store: Store): Route[] {
  return [
    route({
      id: 'listPosts',
      method: 'GET',
      url: '/api/posts',
      tag: 'data',
      summary: "The brand's posts with their latest metrics, paged, filterable and sortable",
      role: 'viewer',
      query: z.object({
        ...optionalPeriod,
        ...filterQuery,
        ids: list('only these post ids'),
        sort: z.enum(POST_SORTS).default('published_at'),
        order: z.enum(['asc', 'desc']).default('desc'),
        ...page,
        format: formatQuery,
      }),
      response: paged(post),
      csv: true,
      handler: async ({ query }) => {
        const csv = query.format === 'csv';
        const result = await listPosts(store, {
          period: periodOf(query),
          filters: filtersOf(query),
          ids: query.ids,
          sort: query.sort,
          descending: query.order === 'desc',
          limit: csv ? CSV_ROWS : query.limit,
          offset: csv ? 0 : query.offset,
        });
        if (csv)
          return CsvFile.of(
            `cadran-posts-${query.from ?? 'all'}-${query.to ?? 'all'}`,
            Object.keys(post.shape),
            result.rows as unknown as Record<string, unknown>[],
          );
        return { ...result, limit: query.limit, offset: query.offset };
      },
    }),
    route({
      id: 'listInteractions',
      method: 'GET',
      url: '/api/interactions',
      tag: 'data',
      summary:
        'Comments, replies, mentions and messages with their sentiment, paged and filterable',
      description:
        "By default the public's opinions about the brand: the brand's own replies and competitors' mentions are left out.",
      role: 'viewer',
      query: z.object({
        ...optionalPeriod,
        ...filterQuery,
        kind: list(
          'comment, reply, mention, message, share, participation (default: the first four)',
        ),
        sentiment: list('positive, neutral, negative'),
        q: z.string().max(200).optional().meta({ description: 'words the text contains' }),
        include_brand: z.enum(['true', 'false']).default('false'),
        sort: z.enum(INTERACTION_SORTS).default('recent'),
        ...page,
        format: formatQuery,
      }),
      response: paged(interaction),
      csv: true,
      handler: async ({ query }) => {
        const csv = query.format === 'csv';
        const result = await listInteractions(store, {
          period: periodOf(query),
          filters: filtersOf(query),
          kinds: query.kind,
          sentiments: query.sentiment,
          text: query.q?.trim() || undefined,
          includeBrand: query.include_brand === 'true',
          sort: query.sort,
          limit: csv ? CSV_ROWS : query.limit,
          offset: csv ? 0 : query.offset,
        });
        if (csv)
          return CsvFile.of(
            `cadran-interactions-${query.from ?? 'all'}-${query.to ?? 'all'}`,
            Object.keys(interaction.shape),
            result.rows,
          );
        return {
          ...result,
          rows: result.rows as z.output<typeof interaction>[],
          limit: query.limit,
          offset: query.offset,
        };
      },
    }),
    route({
      id: 'listDimensions',
      method: 'GET',
      url: '/api/dimensions',
      tag: 'data',
      summary: 'What filters can choose from, the days the data covers and the reporting currency',
      role: 'viewer',
      response: dimensions,
      handler: async () => listDimensions(store),
    }),
    route({
      id: 'getFunnel',
      method: 'GET',
      url: '/api/funnel',
      tag: 'catalog',
      summary:
        'Awareness → engagement → conversion → advocacy: the KPIs of each stage and the rates between them',
      role: 'viewer',
      query: z.object({
        from: isoDay,
        to: isoDay,
        compare: comparisonList,
        compare_span: comparisonSpanQuery,
        ...filterQuery,
        format: formatQuery,
      }),
      response: funnel,
      csv: true,
      handler: async ({ query }) => {
        const funnel = await sharedFunnel(store, {
          period: { from: query.from, to: query.to },
          filters: filtersOf(query),
          compare: query.compare as Comparison[],
          comparisonSpan: query.compare_span,
        });
        if (query.format !== 'csv') return funnel;
        return new CsvFile(
          `cadran-funnel-${query.from}-${query.to}`,
          ['stage', 'kpi', 'role', 'value', 'previous_value', 'yoy_value'],
          funnel.stages.flatMap((stage) =>
            [
              ...stage.bridges.map((kpi) => ['bridge', kpi] as const),
              ...stage.kpis.map((kpi) => ['stage', kpi] as const),
            ].map(([role, kpi]) => [
              stage.stage,
              kpi.id,
              role,
              kpi.value,
              kpi.previous?.value,
              kpi.yoy?.value,
            ]),
          ),
        );
      },
    }),
  ];
}
