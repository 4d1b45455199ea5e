// The dashboard's scorecard. Without a period, each objective over its own period to today; with one,
// the objectives active in it, each evaluated on its part of that period (additive targets in proportion
// of its days), measured as of the period's last day (or today).
import type { KpiRow } from '../metrics/index.ts';
import {
  listObjectives,
  objectiveWithin,
  scorecardWithRows,
  type Scorecard,
  type ScorecardEntry,
} from '../metrics/objectives.ts';
import {
  FILTER_DIMENSIONS,
  todayUtc,
  type Filters,
  type Objective,
  type Period,
} from '../model/index.ts';
import type { Store } from '../store/index.ts';

export interface ScorecardRequest {
  /** Show the objectives whose period overlaps [from, to]; measure them as of `to` when it is past. */
  from?: string;
  to?: string;
  /** The real today (tests pin it); defaults to today in UTC. */
  today?: string;
  ids?: string[];
  filters: Filters;
}

export interface Measured {
  period: Period;
  filters: Filters;
}

export type DashboardEntry = ScorecardEntry & {
  measured: Measured | null;
  inputs: Record<string, number | null>;
  /** What a ratio's value is computed over (answers, comments…), and NPS's margin of error. */
  base?: KpiRow['base'];
  margin?: number;
  /** With a chosen period: the whole objective, whose part in that period this entry evaluates. */
  whole?: { period: Period; target: number };
};

/** Both sides' filters at once; null when a dimension named on both sides has no value in common. */
function intersect(first: Filters, second: Filters): Filters | null {
  const result: Filters = {};
  for (const dimension of FILTER_DIMENSIONS) {
    const a = first[dimension]?.length ? first[dimension] : undefined;
    const b = second[dimension]?.length ? second[dimension] : undefined;
    const values = a && b ? a.filter((value) => b.includes(value)) : (a ?? b);
    if (values && values.length === 0) return null;
    if (values) result[dimension] = [...new Set(values)].sort();
  }
  return result;
}

/** The span the scorecard measures an objective over at `asOf`: its start up to `asOf`, null before it starts. */
export function measuredOf(objective: Objective, asOf: string, filters: Filters): Measured | null {
  if (asOf < objective.period.from) return null;
  const combined = intersect(objective.filters, filters);
  if (!combined) return null;
  const to = asOf < objective.period.to ? asOf : objective.period.to;
  return { period: { from: objective.period.from, to }, filters: combined };
}

/**
 * The measures behind an entry's value, with its base and margin: the scorecard read them with the
 * value, over the span and filters `measuredOf` gives, so they cost no query of their own.
 */
function behindOf(row: KpiRow | undefined): Pick<KpiRow, 'inputs' | 'base' | 'margin'> {
  return {
    inputs: row?.inputs ?? {},
    ...(row?.base ? { base: row.base } : {}),
    ...(row?.margin !== undefined ? { margin: row.margin } : {}),
  };
}

export async function dashboardScorecard(
  store: Store,
  request: ScorecardRequest,
): Promise<Scorecard & { entries: DashboardEntry[] }> {
  const today = request.today ?? todayUtc();
  const asOf = request.to && request.to < today ? request.to : today;
  const ids = request.ids?.length ? request.ids : undefined;
  const chosen =
    request.from || request.to
      ? { from: request.from ?? '0001-01-01', to: request.to ?? '9999-12-31' }
      : null;
  const all = await listObjectives(store);
  const wholes = new Map(all.map((objective) => [objective.id, objective]));
  const objectives = chosen
    ? all
        .filter((objective) => !ids || ids.includes(objective.id))
        .map((objective) => objectiveWithin(objective, chosen))
        .filter((objective): objective is Objective => objective !== null)
    : undefined;
  const { card, rows } = await scorecardWithRows(store, {
    today: asOf,
    filters: request.filters,
    ids: chosen ? undefined : ids,
    objectives,
  });
  const measured = card.entries.map((entry) => measuredOf(entry.objective, asOf, request.filters));
  return {
    ...card,
    entries: card.entries.map((entry, index) => ({
      ...entry,
      measured: measured[index],
      ...behindOf(measured[index] ? rows[index] : undefined),
      ...(chosen ? { whole: wholeOf(wholes.get(entry.objective.id)!) } : {}),
    })),
  };
}

function wholeOf(objective: Objective) {
  return { period: objective.period, target: objective.target };
}
