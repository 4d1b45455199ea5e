// Runs KPI queries: picks the measures, compiles them per source, runs them and evaluates the formulas.
import {
  addDays,
  bucketsOf,
  InputError,
  nextBucketStart,
  TIME_GRAINS,
  todayUtc,
  type Breakdown,
  type Comparison,
  type EntityDimension,
  type Filters,
  type Period,
  type TimeGrain,
} from '../model/index.ts';
import type { Store } from '../store/index.ts';
import {
  baseOf,
  breakdownsOf,
  caveatOf,
  DEFAULT_ENGAGEMENT_WEIGHTS,
  marginOf,
  evaluate,
  measuresOf,
  inputsOf,
  MEASURES,
  requireKpi,
  SOURCES,
  type EngagementWeights,
  type BaseNoun,
  type Kpi,
  type MeasureId,
  type RatioBase,
} from './catalog/index.ts';
import {
  comparisonPeriods,
  compareValues,
  periodToDate,
  type ComparisonSpan,
  type ComparisonValue,
  type EvaluatedPeriod,
} from './compare.ts';
import { compileRanking } from './compile.ts';
import { ScanBatch } from './run-scans.ts';
import type { Range } from './scan.ts';
import { dimensionColumn, type Scope } from './sql-parts.ts';
import { minimumBaseCondition, orderExpression } from './order.ts';

export interface KpiRequest {
  kpis: string[];
  period: Period;
  filters?: Filters;
  breakdown?: Breakdown[];
  compare?: Comparison[];
  weights?: EngagementWeights;
  /**
   * Keep the first N rows by the first KPI (top posts, top campaigns); for a ratio, only rows whose
   * denominator reaches minimumBase, when given.
   */
  top?: { limit: number; ascending?: boolean; minimumBase?: number };
  /** The day the data runs to (default: today in UTC, or CADRAN_TODAY); a period past it is evaluated to date. */
  today?: string;
  /** How a period to date compares: the same elapsed days (default) or the whole earlier periods. */
  comparisonSpan?: ComparisonSpan;
}

export type BreakdownKey = Partial<Record<Breakdown, string | null>>;

export interface KpiRow {
  key: BreakdownKey;
  value: number | null;
  /** The measures behind the value, so every number can show its raw counts. */
  inputs: Partial<Record<MeasureId, number | null>>;
  previous?: ComparisonValue;
  yoy?: ComparisonValue;
  /** A time bucket that is still running today: its value is to date, not for the whole bucket. */
  running?: true;
  /** What a ratio is computed over; `low` when under the catalog's minimum (not coloured as a change). */
  base?: RowBase;
  /** NPS's margin of error at 95 %, in points. */
  margin?: number;
  /** Why the value is null although there is data (share of voice without a competitor). */
  caveat?: 'no_competitor';
}

export interface RowBase {
  value: number | null;
  noun: BaseNoun;
  minimum: number;
  low: boolean;
}

export interface KpiResult {
  id: string;
  rows: KpiRow[];
  /** Filters this KPI's data cannot be split by (e.g. a platform filter on survey NPS). */
  ignoredFilters: string[];
  /** Requested breakdowns this KPI's data cannot be split by: its rows are totals over them. */
  ignoredBreakdowns: string[];
}

export interface KpiResponse {
  /** The period evaluated: the requested one up to today, with `toDate` when it was clipped. */
  period: EvaluatedPeriod;
  comparisons: Partial<Record<Comparison, Period>>;
  comparisonSpan: ComparisonSpan;
  breakdown: Breakdown[];
  results: KpiResult[];
}

export type Series = 'current' | 'previous' | 'yoy';

type MeasureValues = Partial<Record<MeasureId, number | null>>;
type SeriesTable = Map<Series, Map<string, { key: BreakdownKey; values: MeasureValues }>>;

interface Bucket extends Range {
  start: string;
}

interface Plan {
  grain: TimeGrain | null;
  dimensions: EntityDimension[];
  periods: Map<Series, Period>;
  /** Buckets of each series, clipped to the series' period (one bucket, the period, without a time breakdown). */
  buckets: Map<Series, Bucket[]>;
  evaluated: EvaluatedPeriod;
  today: string;
}

function planOf(request: KpiRequest): Plan {
  const breakdown = request.breakdown ?? [];
  const grains = breakdown.filter((item): item is TimeGrain =>
    (TIME_GRAINS as readonly string[]).includes(item),
  );
  if (grains.length > 1)
    throw new InputError(`only one time breakdown at a time (got ${grains.join(', ')})`);
  const dimensions = breakdown.filter(
    (item) => !grains.includes(item as TimeGrain),
  ) as EntityDimension[];
  if (request.period.from > request.period.to) {
    throw new InputError(
      `the period starts (${request.period.from}) after it ends (${request.period.to})`,
    );
  }
  const today = request.today ?? todayUtc();
  const evaluated = periodToDate(request.period, today);
  const periods = new Map<Series, Period>([
    ['current', { from: evaluated.from, to: evaluated.to }],
  ]);
  for (const [series, period] of Object.entries(
    comparisonPeriods(evaluated, request.compare ?? [], request.comparisonSpan),
  )) {
    periods.set(series as Series, period);
  }
  const grain = grains[0] ?? null;
  return { grain, dimensions, periods, buckets: bucketsBySeries(periods, grain), evaluated, today };
}

/**
 * A breakdown no requested KPI supports is refused. When only some KPIs support it (nps by platform
 * beside engagement by platform), the others are computed without it and say so in `ignoredBreakdowns`.
 * Top lists rank every KPI on the same keys, so there every KPI must support the breakdown.
 */
function checkBreakdowns(kpis: Kpi[], breakdown: Breakdown[], strict: boolean): void {
  for (const item of breakdown) {
    const refusing = kpis.filter((kpi) => !breakdownsOf(kpi).includes(item));
    if (refusing.length === kpis.length || (strict && refusing.length)) {
      const kpi = refusing[0];
      throw new InputError(
        `${kpi.id} cannot be broken down by ${item}; it can by ${breakdownsOf(kpi).join(', ')}`,
      );
    }
  }
}

function supportedDimensions(kpi: Kpi, plan: Plan): EntityDimension[] {
  const allowed = breakdownsOf(kpi);
  return plan.dimensions.filter((dimension) => allowed.includes(dimension));
}

function bucketsBySeries(periods: Map<Series, Period>, grain: TimeGrain | null) {
  const result = new Map<Series, Bucket[]>();
  for (const [series, period] of periods) {
    const until = addDays(period.to, 1);
    if (!grain) {
      result.set(series, [{ from: period.from, until, start: period.from }]);
      continue;
    }
    result.set(
      series,
      bucketsOf(period, grain).map((start) => {
        const next = nextBucketStart(start, grain);
        return {
          from: start < period.from ? period.from : start,
          until: next > until ? until : next,
          start,
        };
      }),
    );
  }
  return result;
}

/** What one group of KPIs (those sharing their supported breakdown) of a request reads. */
interface KpiGroup {
  plan: Plan;
  kpis: Kpi[];
  scope: Scope;
  ids: MeasureId[];
}

/** A request checked and planned, its KPIs grouped by the breakdown they support. */
interface PreparedRequest {
  request: KpiRequest;
  kpis: Kpi[];
  plan: Plan;
  groups: KpiGroup[];
}

function prepare(request: KpiRequest): PreparedRequest {
  if (request.kpis.length === 0) throw new InputError('name at least one KPI');
  const kpis = request.kpis.map((id) => {
    try {
      return requireKpi(id);
    } catch {
      throw new InputError(`unknown KPI "${id}" (see \`cadran kpis\` for the list)`);
    }
  });
  const plan = planOf(request);
  checkBreakdowns(kpis, request.breakdown ?? [], Boolean(request.top));
  const groups = new Map<string, KpiGroup>();
  for (const kpi of kpis) {
    const dimensions = supportedDimensions(kpi, plan);
    const group = groups.get(dimensions.join()) ?? {
      plan: { ...plan, dimensions },
      kpis: [],
      scope: { dimensions, filters: request.filters ?? {} },
      ids: [],
    };
    group.kpis.push(kpi);
    group.ids = [...new Set([...group.ids, ...inputsOf(kpi)])];
    groups.set(dimensions.join(), group);
  }
  return { request, kpis, plan, groups: [...groups.values()] };
}

/** Every range the plan reads: each series' window, or each of its buckets with a time breakdown. */
function rangesOf(plan: Plan): Range[] {
  return [...plan.buckets.values()].flat();
}

/** The measures of the group per series and breakdown key, from the batch's scans. */
function tableOf(batch: ScanBatch, group: KpiGroup): SeriesTable {
  const { plan } = group;
  const table: SeriesTable = new Map();
  for (const [series, buckets] of plan.buckets) {
    const seriesRows = new Map<string, { key: BreakdownKey; values: MeasureValues }>();
    table.set(series, seriesRows);
    buckets.forEach((bucket, position) => {
      for (const id of group.ids) {
        for (const cell of batch.cells(id, group.scope, bucket).values()) {
          const key = keyOf(cell.dimensions, plan, position);
          const cellKey = JSON.stringify(key);
          const row = seriesRows.get(cellKey) ?? { key, values: {} };
          row.values[id] = cell.values[id] ?? null;
          seriesRows.set(cellKey, row);
        }
      }
    });
  }
  return table;
}

/** The row's breakdown key; comparison buckets are labelled with the current bucket at the same position. */
function keyOf(dimensions: Record<string, unknown>, plan: Plan, position: number): BreakdownKey {
  const key: BreakdownKey = {};
  if (plan.grain) key[plan.grain] = String(position);
  for (const dimension of plan.dimensions) {
    const value = dimensions[dimension];
    key[dimension] = value === undefined || value === null ? null : String(value);
  }
  return key;
}

function responseOf(prepared: PreparedRequest, tables: SeriesTable[]): KpiResponse {
  const { request, plan } = prepared;
  const weights = request.weights ?? DEFAULT_ENGAGEMENT_WEIGHTS;
  const currentBuckets = plan.buckets.get('current')!;
  const results = new Map<string, KpiResult>();
  prepared.groups.forEach((group, index) => {
    for (const kpi of group.kpis) {
      const result = resultOf(kpi, tables[index], group.plan, currentBuckets, weights, request);
      results.set(kpi.id, {
        ...result,
        ignoredBreakdowns: plan.dimensions.filter(
          (dimension) => !group.plan.dimensions.includes(dimension),
        ),
      });
    }
  });
  return {
    period: plan.evaluated,
    comparisonSpan: request.comparisonSpan ?? 'to_date',
    comparisons: Object.fromEntries([...plan.periods].filter(([series]) => series !== 'current')),
    breakdown: request.breakdown ?? [],
    results: prepared.kpis.map((kpi) => results.get(kpi.id)!),
  };
}

export async function queryKpis(store: Store, request: KpiRequest): Promise<KpiResponse> {
  return (await queryKpiBatch(store, [request]))[0];
}

/**
 * Several KPI queries at once: their measures are read in one scan per source, filters and breakdown,
 * over all their windows and buckets together (a scorecard's values, comparisons and sparklines).
 */
export async function queryKpiBatch(
  store: Store,
  requests: KpiRequest[],
  batch = new ScanBatch(),
): Promise<KpiResponse[]> {
  const prepared = requests.map(prepare);
  const ranked = await Promise.all(
    prepared.map((request) => (request.request.top ? rankedScopes(store, request) : null)),
  );
  prepared.forEach((request, index) =>
    request.groups.forEach((group, position) =>
      batch.need(group.ids, ranked[index]?.[position] ?? group.scope, rangesOf(group.plan)),
    ),
  );
  await batch.run(store);
  return prepared.map((request, index) =>
    responseOf(
      request,
      request.groups.map((group, position) =>
        tableOf(batch, { ...group, scope: ranked[index]?.[position] ?? group.scope }),
      ),
    ),
  );
}

/** With `top`, the ranking runs in SQL on the first KPI's source; the measures then follow its keys. */
async function rankedScopes(store: Store, prepared: PreparedRequest): Promise<Scope[]> {
  const { request, plan } = prepared;
  const top = request.top!;
  const first = prepared.kpis[0];
  const weights = request.weights ?? DEFAULT_ENGAGEMENT_WEIGHTS;
  const dimension = plan.dimensions[0];
  const expression = orderExpression(first.formula, weights);
  if (!dimension || plan.grain || !expression) {
    throw new InputError(
      `top lists need one breakdown by an entity (post, campaign…) and a KPI computed from one source; ${first.id} with ${(request.breakdown ?? []).join(', ') || 'no breakdown'} does not qualify`,
    );
  }
  const scope = prepared.groups[0].scope;
  const current = plan.periods.get('current')!;
  const ranking = compileRanking(
    store.dialect,
    measuresOf(first.formula),
    scope,
    { from: current.from, until: addDays(current.to, 1) },
    {
      expression,
      descending: !top.ascending,
      limit: top.limit,
      having: top.minimumBase
        ? (minimumBaseCondition(first.formula, weights, top.minimumBase) ?? undefined)
        : undefined,
    },
  );
  const rows = await store.all(ranking.sql, ranking.params);
  const values = rows
    .map((row) => row[dimensionColumn(dimension)])
    .filter((value) => value !== null && value !== undefined)
    .map(String);
  return prepared.groups.map((group) => ({ ...group.scope, keys: { dimension, values } }));
}

function resultOf(
  kpi: Kpi,
  table: SeriesTable,
  plan: Plan,
  currentBuckets: { start: string }[],
  weights: EngagementWeights,
  request: KpiRequest,
): KpiResult {
  const ids = inputsOf(kpi);
  const current = table.get('current')!;
  const keys = new Map<string, BreakdownKey>();
  if (plan.grain) {
    // Every bucket of the period gets a row, empty ones with null, so trends have no holes.
    const entityKeys = plan.dimensions.length
      ? [...current.values()].map((cell) => ({ ...cell.key, [plan.grain!]: undefined }))
      : [{}];
    for (const entityKey of entityKeys) {
      currentBuckets.forEach((_, position) => {
        const key = { ...entityKey, [plan.grain!]: String(position) };
        keys.set(JSON.stringify(orderedKey(key, plan)), orderedKey(key, plan));
      });
    }
  } else {
    for (const cell of current.values()) {
      if (ids.some((id) => id in cell.values) && !isEmptyUnattributed(cell, ids))
        keys.set(JSON.stringify(cell.key), cell.key);
    }
    if (keys.size === 0 && plan.dimensions.length === 0) keys.set('{}', {});
  }
  const base = baseOf(kpi);
  const tomorrow = addDays(plan.today, 1);
  const rows = [...keys].map(([cellKey, key]) => {
    const inputs = pick(current.get(cellKey)?.values ?? {}, ids);
    const caveat = caveatOf(kpi, inputs);
    const value = caveat ? null : evaluate(kpi.formula, inputs, weights);
    const row: KpiRow = { key: labelled(key, plan, currentBuckets), value, inputs };
    if (plan.grain && isRunning(row.key[plan.grain]!, plan.grain, tomorrow)) row.running = true;
    if (caveat) row.caveat = caveat;
    if (base) row.base = rowBase(base, inputs, weights);
    const margin = marginOf(kpi, inputs);
    if (margin !== null) row.margin = margin;
    for (const series of ['previous', 'yoy'] as const) {
      const seriesTable = table.get(series);
      if (!seriesTable) continue;
      const earlierInputs = pick(seriesTable.get(cellKey)?.values ?? {}, ids);
      const earlier = caveatOf(kpi, earlierInputs)
        ? null
        : evaluate(kpi.formula, earlierInputs, weights);
      row[series] = compareValues(value, earlier, kpi.better);
      // A change measured on too few answers or comments is not a change to colour.
      if (base && (row.base!.low || rowBase(base, earlierInputs, weights).low))
        row[series] = { ...row[series]!, good: null };
    }
    return row;
  });
  const ignoredFilters = Object.entries(request.filters ?? {})
    .filter(
      ([dimension, values]) =>
        values?.length && ids.some((id) => !(dimension in SOURCES[MEASURES[id].source].dimensions)),
    )
    .map(([dimension]) => dimension);
  return { id: kpi.id, rows: sortRows(rows, plan, request), ignoredFilters, ignoredBreakdowns: [] };
}

function rowBase(base: RatioBase, inputs: MeasureValues, weights: EngagementWeights): RowBase {
  const value = evaluate(base.formula, inputs, weights);
  return { value, noun: base.noun, minimum: base.minimum, low: (value ?? 0) < base.minimum };
}

/**
 * A row without a value for a breakdown whose measures are all 0 or missing is an artefact of another
 * measure of the same query (conversions without platform beside social revenue, which needs one): dropped.
 */
function isEmptyUnattributed(
  cell: { key: BreakdownKey; values: MeasureValues },
  ids: MeasureId[],
): boolean {
  return (
    Object.values(cell.key).some((value) => value === null) && ids.every((id) => !cell.values[id])
  );
}

/** Whether the bucket starting on `start` ends after today (the day before `tomorrow`). */
function isRunning(start: string, grain: TimeGrain, tomorrow: string): boolean {
  return nextBucketStart(start, grain) > tomorrow;
}

function orderedKey(key: BreakdownKey, plan: Plan): BreakdownKey {
  const ordered: BreakdownKey = {};
  if (plan.grain) ordered[plan.grain] = key[plan.grain];
  for (const dimension of plan.dimensions) ordered[dimension] = key[dimension] ?? null;
  return ordered;
}

function labelled(
  key: BreakdownKey,
  plan: Plan,
  currentBuckets: { start: string }[],
): BreakdownKey {
  if (!plan.grain) return key;
  return { ...key, [plan.grain]: currentBuckets[Number(key[plan.grain])].start };
}

function pick(values: MeasureValues, ids: MeasureId[]): MeasureValues {
  return Object.fromEntries(ids.map((id) => [id, values[id] ?? null]));
}

function sortRows(rows: KpiRow[], plan: Plan, request: KpiRequest): KpiRow[] {
  if (request.top) {
    const direction = request.top.ascending ? 1 : -1;
    return rows
      .sort((a, b) => direction * ((a.value ?? -Infinity) - (b.value ?? -Infinity)))
      .slice(0, request.top.limit);
  }
  return rows.sort((a, b) => {
    for (const name of [plan.grain, ...plan.dimensions].filter(Boolean) as Breakdown[]) {
      const order = String(a.key[name] ?? '').localeCompare(String(b.key[name] ?? ''));
      if (order !== 0) return order;
    }
    return 0;
  });
}
