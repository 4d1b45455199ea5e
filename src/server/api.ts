// JSON API routes over the metrics stage. Inputs are validated here, at the edge.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { describeCatalog, queryKpis } from '../metrics/index.ts';
import { listObjectives, scorecard } from '../metrics/objectives.ts';
import {
  BREAKDOWNS,
  COMPARISONS,
  InputError,
  parseDay,
  type Breakdown,
  type Comparison,
  type Filters,
} from '../model/index.ts';
import type { Store } from '../store/index.ts';

const csv = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  );
const isoDay = z
  .string()
  .refine((value) => parseDay(value) !== null, 'expected a date as YYYY-MM-DD');

const kpiQuery = z.object({
  ids: csv.refine((ids) => ids.length > 0, 'name at least one KPI id'),
  from: isoDay,
  to: isoDay,
  by: csv.refine(
    (items) => items.every((item) => BREAKDOWNS.includes(item as Breakdown)),
    `expected ${BREAKDOWNS.join(', ')}`,
  ),
  compare: csv.refine(
    (items) => items.every((item) => COMPARISONS.includes(item as Comparison)),
    'expected previous, yoy',
  ),
  platform: csv,
  account: csv,
  campaign: csv,
  content_type: csv,
  top: z.coerce.number().int().positive().max(1000).optional(),
});

function parseQuery<T extends z.ZodTypeAny>(schema: T, query: unknown): z.infer<T> {
  const parsed = schema.safeParse(query);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new InputError(`query parameter "${issue.path.join('.')}": ${issue.message}`);
}

function filtersFrom(query: {
  platform: string[];
  account: string[];
  campaign: string[];
  content_type: string[];
}): Filters {
  const filters: Filters = {};
  for (const dimension of ['platform', 'account', 'campaign', 'content_type'] as const) {
    if (query[dimension].length) filters[dimension] = query[dimension];
  }
  return filters;
}

export function registerApi(app: FastifyInstance, store: Store): void {
  app.get('/api/health', async () => ({ status: 'ok' }));
  app.get('/api/kpis', async () => describeCatalog());
  app.get('/api/kpi', async (request) => {
    const query = parseQuery(kpiQuery, request.query);
    return queryKpis(store, {
      kpis: query.ids,
      period: { from: query.from, to: query.to },
      breakdown: query.by as Breakdown[],
      compare: query.compare as Comparison[],
      filters: filtersFrom(query),
      top: query.top ? { limit: query.top } : undefined,
    });
  });
  app.get('/api/objectives', async () => listObjectives(store));
  app.get('/api/scorecard', async (request) => {
    const query = parseQuery(z.object({ today: isoDay.optional() }), request.query);
    return scorecard(store, { today: query.today });
  });
}
