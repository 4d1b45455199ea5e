// Objectives (CRUD, admins write) and the scorecard (R1, R2, R15 tier 1).
import { z } from 'zod';
import {
  createObjective,
  deleteObjective,
  listObjectives,
  updateObjective,
} from '../../metrics/objectives.ts';
import type { Objective } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { CsvFile } from '../csv.ts';
import { route, type Route } from '../route.ts';
import { dashboardScorecard, type DashboardEntry } from '../scorecard.ts';
import {
  filterQuery,
  filtersOf,
  formatQuery,
  isoDay,
  list,
  objective,
  objectiveInput,
  scorecard,
} from '../schemas.ts';

const idParam = z.object({ id: z.string().min(1).max(64) });

function scorecardCsv(entries: DashboardEntry[], today: string): CsvFile {
  return new CsvFile(
    `cadran-scorecard-${today}`,
    [
      'objective_id',
      'objective',
      'kpi',
      'unit',
      'value',
      'target',
      'direction',
      'progress',
      'projected',
      'projected_progress',
      'status',
      'previous_value',
      'previous_change',
      'yoy_value',
      'yoy_change',
      'period_from',
      'period_to',
      'measured_to',
    ],
    entries.map((entry) => [
      entry.objective.id,
      entry.objective.name,
      entry.kpi.id,
      entry.kpi.unit,
      entry.value,
      entry.objective.target,
      entry.objective.direction,
      entry.progress,
      entry.projected,
      entry.projected_progress,
      entry.status,
      entry.previous?.value,
      entry.previous?.change,
      entry.yoy?.value,
      entry.yoy?.change,
      entry.objective.period.from,
      entry.objective.period.to,
      entry.measured?.period.to,
    ]),
  );
}

export function objectiveRoutes(store: Store): Route[] {
  return [
    route({
      id: 'getScorecard',
      method: 'GET',
      url: '/api/scorecard',
      tag: 'objectives',
      summary:
        'The executive scorecard: value, target, progress, pace, status, comparisons, sparkline',
      description:
        'Without from/to, every objective over its own period up to today. With from/to, the objectives active in that period, each evaluated on its part of it (an additive target in proportion of its days; `whole` gives the objective), measured as of `to` (or today when `to` is later). Filters narrow every objective.',
      role: 'viewer',
      query: z.object({
        from: isoDay.optional(),
        to: isoDay.optional(),
        today: isoDay.optional().meta({ description: 'measure as if today were this day' }),
        ids: list('only these objective ids'),
        ...filterQuery,
        format: formatQuery,
      }),
      response: scorecard,
      csv: true,
      handler: async ({ query }) => {
        const card = await dashboardScorecard(store, {
          from: query.from,
          to: query.to,
          today: query.today,
          ids: query.ids,
          filters: filtersOf(query),
        });
        return query.format === 'csv' ? scorecardCsv(card.entries, card.today) : card;
      },
    }),
    route({
      id: 'listObjectives',
      method: 'GET',
      url: '/api/objectives',
      tag: 'objectives',
      summary: 'All objectives, by id',
      role: 'viewer',
      response: z.array(objective),
      handler: async () => listObjectives(store),
    }),
    route({
      id: 'createObjective',
      method: 'POST',
      url: '/api/objectives',
      tag: 'objectives',
      summary: 'Create an objective (the id defaults to a slug of the name)',
      role: 'admin',
      body: objectiveInput,
      response: objective,
      status: 201,
      handler: async ({ body }) => createObjective(store, body as Objective),
    }),
    route({
      id: 'updateObjective',
      method: 'PATCH',
      url: '/api/objectives/:id',
      tag: 'objectives',
      summary: 'Change an objective: the fields given replace the stored ones (filters whole)',
      role: 'admin',
      params: idParam,
      body: objectiveInput.partial(),
      response: objective,
      handler: async ({ params, body }) =>
        updateObjective(store, params.id, body as Partial<Objective>),
    }),
    route({
      id: 'deleteObjective',
      method: 'DELETE',
      url: '/api/objectives/:id',
      tag: 'objectives',
      summary: 'Delete an objective',
      role: 'admin',
      params: idParam,
      response: z.object({ deleted: z.string() }),
      handler: async ({ params }) => {
        await deleteObjective(store, params.id);
        return { deleted: params.id };
      },
    }),
  ];
}
