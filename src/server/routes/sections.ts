// The drill-down's own tables, each on its own route so that it can be downloaded: the slowest threads
// behind response time, the SSI team table and the share-of-voice split. The same rows as /api/drilldown,
// over the same period to date.
import { z } from 'zod';
import { comparisonPeriods, periodToDate } from '../../metrics/index.ts';
import { todayUtc, type Comparison, type Period } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { CsvFile } from '../csv.ts';
import { listSlowestThreads } from '../queries/slow-threads.ts';
import { listSsiTeam, SSI_PARTS } from '../queries/ssi-team.ts';
import { listVoiceSplit } from '../queries/voice-split.ts';
import { route, type Route } from '../route.ts';
import {
  comparisonSpanQuery,
  filterQuery,
  filtersOf,
  formatQuery,
  periodQuery,
  slowThread,
  ssiSeller,
  voiceShare,
} from '../schemas.ts';

/** The drill-down shows 10; a download may take more. */
const threadLimit = z.coerce.number().int().min(1).max(10_000).default(10);

/** The period asked for, evaluated up to today like every KPI. */
const evaluated = (query: { from: string; to: string }): Period => {
  const { from, to } = periodToDate({ from: query.from, to: query.to }, todayUtc());
  return { from, to };
};

const fileName = (name: string, period: Period) => `cadran-${name}-${period.from}-${period.to}`;

export function slowThreadsCsv(rows: z.input<typeof slowThread>[], period: Period): CsvFile {
  return CsvFile.of(fileName('slowest-threads', period), Object.keys(slowThread.shape), rows);
}

/** One row per seller: each pillar's value and its change against the comparison, side by side. */
export function ssiTeamCsv(rows: z.input<typeof ssiSeller>[], period: Period): CsvFile {
  return new CsvFile(
    fileName('ssi-team', period),
    [
      'person_id',
      'person_name',
      'team',
      'day',
      ...SSI_PARTS.flatMap((part) => [part, `${part}_change`]),
    ],
    rows.map((seller) => [
      seller.person_id,
      seller.person_name,
      seller.team,
      seller.day,
      ...SSI_PARTS.flatMap((part) => [seller.pillars[part].value, seller.pillars[part].change]),
    ]),
  );
}

/** The brand's own mentions are the row without a competitor, marked so in `is_brand`. */
export function voiceSplitCsv(rows: z.input<typeof voiceShare>[], period: Period): CsvFile {
  return new CsvFile(
    fileName('share-of-voice', period),
    ['competitor', 'is_brand', 'mentions', 'share'],
    rows.map((row) => [row.competitor, row.competitor === null, row.mentions, row.share]),
  );
}

export function sectionRoutes(store: Store): Route[] {
  return [
    route({
      id: 'listSlowestThreads',
      method: 'GET',
      url: '/api/slowest-threads',
      tag: 'data',
      summary:
        'Inbound comments and messages the brand answered most slowly in the period, with each reply time',
      role: 'viewer',
      query: z.object({
        ...periodQuery,
        ...filterQuery,
        limit: threadLimit,
        format: formatQuery,
      }),
      response: z.array(slowThread),
      csv: true,
      handler: async ({ query }) => {
        const period = evaluated(query);
        const rows = await listSlowestThreads(store, {
          period,
          filters: filtersOf(query),
          limit: query.limit,
        });
        return query.format === 'csv' ? slowThreadsCsv(rows, period) : rows;
      },
    }),
    route({
      id: 'listSsiTeam',
      method: 'GET',
      url: '/api/ssi-team',
      tag: 'data',
      summary:
        "Each seller's latest SSI snapshot in the period: the 4 pillars and total, with their change",
      role: 'viewer',
      query: z.object({
        ...periodQuery,
        compare: z.enum(['previous', 'yoy']).default('yoy'),
        compare_span: comparisonSpanQuery,
        format: formatQuery,
      }),
      response: z.array(ssiSeller),
      csv: true,
      handler: async ({ query }) => {
        const period = periodToDate({ from: query.from, to: query.to }, todayUtc());
        const compare = query.compare as Comparison;
        const comparison = comparisonPeriods(period, [compare], query.compare_span)[compare];
        const rows = await listSsiTeam(store, { period, comparison });
        return query.format === 'csv' ? ssiTeamCsv(rows, period) : rows;
      },
    }),
    route({
      id: 'listVoiceSplit',
      method: 'GET',
      url: '/api/voice-split',
      tag: 'data',
      summary: 'Mentions in the period split between the brand and each tracked competitor',
      role: 'viewer',
      query: z.object({ ...periodQuery, ...filterQuery, format: formatQuery }),
      response: z.array(voiceShare),
      csv: true,
      handler: async ({ query }) => {
        const period = evaluated(query);
        const rows = await listVoiceSplit(store, { period, filters: filtersOf(query) });
        return query.format === 'csv' ? voiceSplitCsv(rows, period) : rows;
      },
    }),
  ];
}
