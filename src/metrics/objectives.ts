// Objectives (R1) and their scorecard with comparisons (R2): progress, pace, status and Return on Objectives.
// Semantics are those of KPIS.md, "Objectives"; the decisions it leaves open are written next to the code.
import {
  addMonths,
  bucketsOf,
  daysBetween,
  FILTER_DIMENSIONS,
  InputError,
  parseDay,
  periodLengthDays,
  todayUtc,
  type FilterDimension,
  type Filters,
  type Objective,
  type Period,
} from '../model/index.ts';
import type { ResultRow, Store } from '../store/index.ts';
import { kpiById, MEASURES, measuresOf, SOURCES, type Kpi } from './catalog/index.ts';
import type { ComparisonValue } from './compare.ts';
import { queryKpiBatch, type KpiRequest, type KpiRow } from './engine.ts';
import {
  findObjective,
  insertObjective,
  objectiveOf,
  parseObjective,
  removeObjective,
  SELECT,
} from './objectives-yaml.ts';

export {
  loadObjectivesYaml,
  parseObjective,
  parseObjectivesYaml,
  slugOf,
} from './objectives-yaml.ts';

/** Progress above this counts as this much in Return on Objectives (one runaway objective cannot hide the others). */
export const PROGRESS_CAP = 1.5;
export const ON_TRACK = 1;
export const AT_RISK = 0.8;
/** Status thresholds tolerate float noise: 0.8 computed as 0.7999999999999999 is still 80 %. */
const EPSILON = 1e-9;

export type ObjectiveStatus = 'on_track' | 'at_risk' | 'off_track' | 'no_data';

export interface ScorecardEntry {
  objective: Objective;
  kpi: { id: string; name: { en: string; fr: string }; unit: Kpi['unit']; better: Kpi['better'] };
  value: number | null;
  progress: number | null;
  expected_progress: number | null;
  projected: number | null;
  projected_progress: number | null;
  status: ObjectiveStatus;
  previous: ComparisonValue | undefined;
  yoy: ComparisonValue | undefined;
  /** Share of the period elapsed at `today`, 0..1 (today counts as elapsed). */
  elapsed: number;
  /** The buckets started by today; the one still running is flagged (its value is to date). */
  sparkline: { day: string; value: number | null; running?: true }[];
}

export interface Scorecard {
  today: string;
  entries: ScorecardEntry[];
  return_on_objectives: number | null;
}

const objectiveMissing = (id: string) =>
  new InputError(`no objective with id "${id}"`, {
    value: id,
    code: 'objective-missing',
    params: { id },
  });

/** Re-validates whatever the caller built, so a typed Objective from code gets the same checks as user input. */
const checked = (objective: Objective) => parseObjective(objective);

export async function createObjective(store: Store, objective: Objective): Promise<Objective> {
  const valid = checked(objective);
  return store.transaction(async (tx) => {
    if (await findObjective(store, tx, valid.id)) {
      throw new InputError(
        `an objective with id "${valid.id}" already exists (update it, or give this one another id)`,
        { value: valid.id, code: 'objective-exists', params: { id: valid.id } },
      );
    }
    await insertObjective(store, tx, valid);
    return valid;
  });
}

/** Merges the patch (a partial period keeps the other end; filters are replaced whole) and re-validates. */
export async function updateObjective(
  store: Store,
  id: string,
  patch: Partial<Objective>,
): Promise<Objective> {
  return store.transaction(async (tx) => {
    const existing = await findObjective(store, tx, id);
    if (!existing) throw objectiveMissing(id);
    const defined = Object.fromEntries(
      Object.entries(patch ?? {}).filter(([, value]) => value !== undefined),
    ) as Partial<Objective>;
    const period = {
      ...existing.period,
      ...Object.fromEntries(
        Object.entries(defined.period ?? {}).filter(([, value]) => value !== undefined),
      ),
    };
    const merged = parseObjective({ ...existing, ...defined, period }, `objective "${id}"`);
    if (merged.id !== id && (await findObjective(store, tx, merged.id))) {
      throw new InputError(`cannot rename objective "${id}" to "${merged.id}": that id is taken`, {
        value: merged.id,
        code: 'objective-exists',
        params: { id: merged.id },
      });
    }
    await removeObjective(store, tx, id);
    await insertObjective(store, tx, merged);
    return merged;
  });
}

export async function deleteObjective(store: Store, id: string): Promise<void> {
  await store.transaction(async (tx) => {
    if (!(await findObjective(store, tx, id))) throw objectiveMissing(id);
    await removeObjective(store, tx, id);
  });
}

/**
 * The objectives' rows as read at a data version, per store: every scorecard starts by reading them, and
 * they change only with a write, which moves the version. One statement less before the scans.
 */
const objectiveRows = new WeakMap<Store, { dataVersion: number; rows: ResultRow[] }>();

/** All objectives, ordered by id. */
export async function listObjectives(store: Store): Promise<Objective[]> {
  const dataVersion = store.dataVersion;
  const kept = objectiveRows.get(store);
  if (kept?.dataVersion === dataVersion) return kept.rows.map(objectiveOf);
  const rows = await store.all(`${SELECT} ORDER BY objective_id`);
  objectiveRows.set(store, { dataVersion, rows });
  return rows.map(objectiveOf);
}

// ---------------------------------------------------------------- progress, pace, status

const ratio = (numerator: number, denominator: number) =>
  denominator === 0 ? null : numerator / denominator;

/**
 * KPIS.md: (value − baseline) ÷ (target − baseline) with a baseline, else value ÷ target; inverted for "decrease"
 * ((baseline − value) ÷ (baseline − target), or target ÷ value). A "decrease" without baseline whose value is 0
 * or below has beaten its (positive) target by an unbounded factor: its progress is reported as PROGRESS_CAP.
 */
export function progressOf(objective: Objective, value: number | null): number | null {
  if (value === null) return null;
  const { target, baseline } = objective;
  if (objective.direction === 'increase')
    return baseline === null ? ratio(value, target) : ratio(value - baseline, target - baseline);
  if (baseline !== null) return ratio(baseline - value, baseline - target);
  return value <= 0 ? PROGRESS_CAP : target / value;
}

export function statusOf(projectedProgress: number | null): ObjectiveStatus {
  if (projectedProgress === null) return 'no_data';
  if (projectedProgress >= ON_TRACK - EPSILON) return 'on_track';
  if (projectedProgress >= AT_RISK - EPSILON) return 'at_risk';
  return 'off_track';
}

/** The days of the period up to `today` (included), or null before it starts. */
function elapsedOf(
  period: Period,
  today: string,
): { days: number; length: number; clipped: Period | null } {
  const length = periodLengthDays(period);
  if (today < period.from) return { days: 0, length, clipped: null };
  if (today >= period.to) return { days: length, length, clipped: period };
  return {
    days: daysBetween(period.from, today) + 1,
    length,
    clipped: { from: period.from, to: today },
  };
}

/** Weekly points, or monthly ones when the period is longer than 6 months. */
const sparklineGrain = (period: Period): 'week' | 'month' =>
  period.to >= addMonths(period.from, 6) ? 'month' : 'week';

// ---------------------------------------------------------------- filters

/** Intersection: a dimension named on both sides keeps the values in both; [] marks a contradiction. */
function combineFilters(
  first: Filters,
  second: Filters,
): Partial<Record<FilterDimension, string[]>> {
  const combined: Partial<Record<FilterDimension, string[]>> = {};
  for (const dimension of FILTER_DIMENSIONS) {
    const a = first[dimension]?.length ? first[dimension] : undefined;
    const b = second[dimension]?.length ? second[dimension] : undefined;
    const values = a && b ? a.filter((value) => b.includes(value)) : (a ?? b);
    if (values) combined[dimension] = [...new Set(values)].sort();
  }
  return combined;
}

/**
 * The filters to query the KPI with, or null when they select nothing: a contradiction on a dimension the KPI's
 * data has means no data; on a dimension it lacks, the engine would ignore the filter anyway, so it is dropped.
 */
function filtersFor(
  kpi: Kpi,
  combined: Partial<Record<FilterDimension, string[]>>,
): Filters | null {
  const filters: Filters = {};
  for (const [dimension, values] of Object.entries(combined) as [FilterDimension, string[]][]) {
    if (values.length) filters[dimension] = values;
    else if (
      measuresOf(kpi.formula).some((id) => dimension in SOURCES[MEASURES[id].source].dimensions)
    )
      return null;
  }
  return filters;
}

// ---------------------------------------------------------------- scorecard

interface Plan {
  objective: Objective;
  kpi: Kpi;
  elapsed: { days: number; length: number; clipped: Period | null };
  grain: 'week' | 'month';
  /** Objectives sharing a key share their queries; null when there is nothing to query. */
  key: string | null;
}

interface Group {
  period: Period;
  filters: Filters;
  kpis: Set<string>;
  grains: Map<'week' | 'month', Set<string>>;
}

function planOf(objective: Objective, today: string, filters: Filters): Plan {
  const kpi = kpiById(objective.kpi);
  if (!kpi)
    throw new InputError(`objective "${objective.id}" names an unknown KPI "${objective.kpi}"`);
  const elapsed = elapsedOf(objective.period, today);
  const queryFilters = filtersFor(kpi, combineFilters(objective.filters, filters));
  const key =
    elapsed.clipped && queryFilters ? JSON.stringify([elapsed.clipped, queryFilters]) : null;
  return { objective, kpi, elapsed, grain: sparklineGrain(objective.period), key };
}

/** The value (with previous period and YoY) and the sparkline of each group, read together. */
async function runGroups(store: Store, plans: Plan[], today: string) {
  const groups = new Map<string, Group>();
  for (const plan of plans) {
    if (!plan.key) continue;
    const [period, filters] = JSON.parse(plan.key) as [Period, Filters];
    const group = groups.get(plan.key) ?? { period, filters, kpis: new Set(), grains: new Map() };
    group.kpis.add(plan.kpi.id);
    group.grains.set(plan.grain, (group.grains.get(plan.grain) ?? new Set()).add(plan.kpi.id));
    groups.set(plan.key, group);
  }
  const values = new Map<string, KpiRow>();
  const sparklines = new Map<string, KpiRow[]>();
  const rowKey = (groupKey: string, kpi: string, grain?: string) =>
    JSON.stringify([groupKey, kpi, grain ?? null]);
  // Values, comparisons and sparklines of every group go out as one batch: one scan per source.
  const requests: { request: KpiRequest; store: (rows: KpiRow[], kpi: string) => void }[] = [];
  for (const [key, group] of groups) {
    requests.push({
      request: {
        kpis: [...group.kpis],
        period: group.period,
        filters: group.filters,
        compare: ['previous', 'yoy'],
        today,
      },
      store: (rows, kpi) => values.set(rowKey(key, kpi), rows[0]),
    });
    for (const [grain, kpis] of group.grains) {
      requests.push({
        request: {
          kpis: [...kpis],
          period: group.period,
          filters: group.filters,
          breakdown: [grain],
          today,
        },
        store: (rows, kpi) => sparklines.set(rowKey(key, kpi, grain), rows),
      });
    }
  }
  const responses = await queryKpiBatch(
    store,
    requests.map(({ request }) => request),
  );
  responses.forEach((response, index) =>
    response.results.forEach((result) => requests[index].store(result.rows, result.id)),
  );
  return {
    value: (plan: Plan) => (plan.key ? values.get(rowKey(plan.key, plan.kpi.id)) : undefined),
    sparkline: (plan: Plan) =>
      (plan.key ? sparklines.get(rowKey(plan.key, plan.kpi.id, plan.grain)) : undefined) ?? [],
  };
}

/**
 * On track / at risk / off track use the projected progress. Before the period starts nothing is measured:
 * value, progress and projections are null, status 'no_data', elapsed 0, and the objective stays out of RoO.
 * expected_progress is the progress an on-pace objective shows now: for additive KPIs that of target × elapsed
 * (the elapsed share itself for an "increase" without baseline); for rates and gauges with a baseline the elapsed
 * share (a straight line from baseline to target); null for rates and gauges without one (no path in time).
 */
function entryOf(plan: Plan, row: KpiRow | undefined, sparkRows: KpiRow[]): ScorecardEntry {
  const { objective, kpi, elapsed } = plan;
  const share = elapsed.days / elapsed.length;
  const value = row?.value ?? null;
  const started = elapsed.days > 0;
  const projected =
    value === null || !started
      ? null
      : kpi.additive
        ? (value * elapsed.length) / elapsed.days
        : value;
  const onPace = kpi.additive
    ? progressOf(objective, objective.target * share)
    : objective.baseline !== null
      ? share
      : null;
  const projectedProgress = progressOf(objective, projected);
  const points = new Map(sparkRows.map((point) => [point.key[plan.grain], point]));
  const measuredTo = elapsed.clipped?.to;
  return {
    objective,
    kpi: { id: kpi.id, name: kpi.name, unit: kpi.unit, better: kpi.better },
    value,
    progress: started ? progressOf(objective, value) : null,
    expected_progress: started ? onPace : null,
    projected,
    projected_progress: projectedProgress,
    status: statusOf(projectedProgress),
    previous: row?.previous,
    yoy: row?.yoy,
    elapsed: share,
    sparkline: measuredTo
      ? bucketsOf({ from: objective.period.from, to: measuredTo }, plan.grain).map((day) => ({
          day,
          value: points.get(day)?.value ?? null,
          ...(points.get(day)?.running ? { running: true as const } : {}),
        }))
      : [],
  };
}

/**
 * The part of an objective that falls in `period`, to be evaluated on it: its days in common, and for an
 * additive KPI the target (and baseline) in proportion of those days (500 k€ over 2026 → 41.1 k€ over the
 * 30 days of November: 500 000 × 30 ÷ 365); rates and gauges keep their target. Null when they do not meet.
 */
export function objectiveWithin(objective: Objective, period: Period): Objective | null {
  const from = objective.period.from > period.from ? objective.period.from : period.from;
  const to = objective.period.to < period.to ? objective.period.to : period.to;
  if (from > to) return null;
  const kpi = kpiById(objective.kpi);
  const share = kpi?.additive
    ? periodLengthDays({ from, to }) / periodLengthDays(objective.period)
    : 1;
  return {
    ...objective,
    period: { from, to },
    target: objective.target * share,
    baseline: objective.baseline === null ? null : objective.baseline * share,
  };
}

/** Mean of min(progress, PROGRESS_CAP) over the objectives that have a progress; null when none has. */
export function returnOnObjectives(entries: Pick<ScorecardEntry, 'progress'>[]): number | null {
  const progresses = entries
    .map((entry) => entry.progress)
    .filter((progress): progress is number => progress !== null);
  if (progresses.length === 0) return null;
  return (
    progresses.reduce((total, progress) => total + Math.min(progress, PROGRESS_CAP), 0) /
    progresses.length
  );
}

export interface ScorecardOptions {
  today?: string;
  filters?: Filters;
  ids?: string[];
  objectives?: Objective[];
}

/**
 * The scorecard at `today` (default: today in UTC). Inside its period an objective is measured from its first day
 * to `today`, and compared with the same span before and a year earlier. `filters` narrow every objective.
 */
export async function scorecard(store: Store, options: ScorecardOptions = {}): Promise<Scorecard> {
  return (await scorecardWithRows(store, options)).card;
}

/**
 * The scorecard, and beside each entry the KPI row its value was read from (the measures behind it,
 * its base and margin), undefined before the objective starts or when its filters contradict.
 */
export async function scorecardWithRows(
  store: Store,
  options: ScorecardOptions = {},
): Promise<{ card: Scorecard; rows: (KpiRow | undefined)[] }> {
  const today = options.today ?? todayUtc();
  if (!parseDay(today))
    throw new InputError(`today must be a date as YYYY-MM-DD (got "${today}")`, { value: today });
  let objectives = options.objectives ?? (await listObjectives(store));
  if (options.ids) {
    const known = new Set(objectives.map((objective) => objective.id));
    const unknown = options.ids.filter((id) => !known.has(id));
    if (unknown.length)
      throw new InputError(`no objective with id ${unknown.map((id) => `"${id}"`).join(', ')}`, {
        value: unknown.join(','),
      });
    objectives = objectives.filter((objective) => options.ids!.includes(objective.id));
  }
  const plans = objectives.map((objective) => planOf(objective, today, options.filters ?? {}));
  const results = await runGroups(store, plans, today);
  const entries = plans.map((plan) => entryOf(plan, results.value(plan), results.sparkline(plan)));
  return {
    card: { today, entries, return_on_objectives: returnOnObjectives(entries) },
    rows: plans.map((plan) => results.value(plan)),
  };
}
