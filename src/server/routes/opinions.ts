// What people said and who speaks for the brand: sentiment corrections, advocates and new influencers.
import { z } from 'zod';
import { correctSentiment, revertCorrection } from '../../nlp/index.ts';
import { SENTIMENTS } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { listAdvocates, listNewInfluencers } from '../queries/advocates.ts';
import { route, type Route } from '../route.ts';
import { CsvFile } from '../csv.ts';
import {
  advocate,
  filterQuery,
  filtersOf,
  formatQuery,
  influencer,
  periodQuery,
} from '../schemas.ts';

const interactionParam = z.object({ id: z.string().min(1).max(200) });
const labelled = z.object({
  interaction_id: z.string(),
  sentiment: z.string().nullable(),
  sentiment_source: z.string().nullable().meta({ description: 'model, import or user' }),
});
const peopleQuery = z.object({
  ...periodQuery,
  ...filterQuery,
  limit: z.coerce.number().int().min(1).max(500).default(50),
  format: formatQuery,
});

/** The list as JSON, or as a spreadsheet download when format=csv. */
function answer<T extends z.ZodObject>(
  name: string,
  schema: T,
  rows: Record<string, unknown>[],
  query: { from: string; to: string; format: 'json' | 'csv' },
) {
  if (query.format === 'json') return rows as z.input<T>[];
  return CsvFile.of(`cadran-${name}-${query.from}-${query.to}`, Object.keys(schema.shape), rows);
}

async function labelOf(store: Store, id: string): Promise<z.input<typeof labelled>> {
  const [row] = await store.all(
    'SELECT interaction_id, sentiment, sentiment_source FROM interactions WHERE interaction_id = $1',
    [id],
  );
  return row as z.input<typeof labelled>;
}

export function opinionRoutes(store: Store): Route[] {
  return [
    route({
      id: 'correctSentiment',
      method: 'PUT',
      url: '/api/interactions/:id/sentiment',
      tag: 'data',
      summary:
        'Correct the sentiment of an interaction; the correction wins over the model, re-imports included',
      role: 'analyst',
      params: interactionParam,
      body: z.object({ sentiment: z.enum(SENTIMENTS) }),
      response: labelled,
      handler: async ({ params, body, principal }) => {
        await correctSentiment(store, params.id, body.sentiment, principal?.id ?? 'unknown');
        return labelOf(store, params.id);
      },
    }),
    route({
      id: 'revertSentiment',
      method: 'DELETE',
      url: '/api/interactions/:id/sentiment',
      tag: 'data',
      summary: "Drop a person's correction: the model's label comes back",
      role: 'analyst',
      params: interactionParam,
      response: labelled,
      handler: async ({ params }) => {
        await revertCorrection(store, params.id);
        return labelOf(store, params.id);
      },
    }),
    route({
      id: 'listAdvocates',
      method: 'GET',
      url: '/api/advocates',
      tag: 'data',
      summary:
        'Authors with at least two positive interactions or shares in the period, strongest first',
      role: 'viewer',
      query: peopleQuery,
      response: z.array(advocate),
      csv: true,
      handler: async ({ query }) =>
        answer(
          'advocates',
          advocate,
          await listAdvocates(store, {
            period: { from: query.from, to: query.to },
            filters: filtersOf(query),
            limit: query.limit,
          }),
          query,
        ),
    }),
    route({
      id: 'listNewInfluencers',
      method: 'GET',
      url: '/api/influencers',
      tag: 'data',
      summary:
        'Authors with an audience of 10 000 or more whose first mention of the brand falls in the period, largest first',
      role: 'viewer',
      query: peopleQuery,
      response: z.array(influencer),
      csv: true,
      handler: async ({ query }) =>
        answer(
          'new-influencers',
          influencer,
          await listNewInfluencers(store, {
            period: { from: query.from, to: query.to },
            filters: filtersOf(query),
            limit: query.limit,
          }),
          query,
        ),
    }),
  ];
}
