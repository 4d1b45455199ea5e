// Compiles measures + windows + breakdown + filters into SQL for one dialect.
// Values are always bound parameters; identifiers and fragments come only from the catalog.
import type { EntityDimension, Filters, TimeGrain } from '../model/index.ts';
import type { Dialect, SqlValue } from '../store/index.ts';
import { MEASURES, SOURCES, type Measure, type MeasureId, type Source } from './catalog/index.ts';

export type Series = 'current' | 'previous' | 'yoy';

export interface Window {
  series: Series;
  /** First day included. */
  from: string;
  /** Day after the last day included. */
  until: string;
}

export interface MeasureQuery {
  windows: Window[];
  grain: TimeGrain | null;
  dimensions: EntityDimension[];
  filters: Filters;
  /** Restricts entity-dimension values (used to fetch other KPIs for a top-N list). */
  keys?: { dimension: EntityDimension; values: string[] };
  order?: { expression: string; descending: boolean; limit: number; having?: string };
}

export interface CompiledQuery {
  sql: string;
  params: SqlValue[];
  measures: MeasureId[];
}

class Params {
  readonly values: SqlValue[] = [];
  constructor(private readonly dialect: Dialect) {}

  bind(value: SqlValue): string {
    this.values.push(value);
    return this.dialect.placeholder(this.values.length);
  }
}

const dimensionColumn = (dimension: EntityDimension) => `d_${dimension}`;
/** Measure columns carry a prefix so they never collide with a source column of the same name. */
export const measureColumn = (id: MeasureId) => `m_${id}`;
/** Rows aggregated, so an empty window reads as null rather than 0. */
export const ROW_COUNT = 'row_count';

export function measureGroups(ids: MeasureId[]): MeasureId[][] {
  const groups = new Map<string, MeasureId[]>();
  for (const id of ids) {
    const measure: Measure = MEASURES[id];
    const simple = ['sum', 'count', 'quantile'].includes(measure.aggregate.kind);
    const key = simple ? `simple:${measure.source}` : `single:${id}`;
    groups.set(key, [...(groups.get(key) ?? []), id]);
  }
  return [...groups.values()];
}

/** Joins needed by the dimensions the query splits, filters or restricts by. */
function joinsFor(source: Source, query: MeasureQuery): string {
  const filtered = Object.entries(query.filters)
    .filter(([, values]) => values?.length)
    .map(([dimension]) => dimension as EntityDimension);
  const dimensions = [
    ...query.dimensions,
    ...filtered,
    ...(query.keys ? [query.keys.dimension] : []),
  ];
  const joins = new Set(
    dimensions.map((dimension) => source.dimensions[dimension]?.join).filter(Boolean),
  );
  return [...joins].join(' ');
}

function filterConditions(source: Source, query: MeasureQuery, params: Params): string[] {
  const conditions: string[] = [];
  for (const [dimension, values] of Object.entries(query.filters) as [
    EntityDimension,
    string[],
  ][]) {
    const column = source.dimensions[dimension];
    if (!column || !values?.length) continue;
    conditions.push(`${column.sql} IN (${values.map((value) => params.bind(value)).join(', ')})`);
  }
  if (query.keys && source.dimensions[query.keys.dimension]) {
    const column = source.dimensions[query.keys.dimension]!;
    conditions.push(
      `${column.sql} IN (${query.keys.values.map((value) => params.bind(value)).join(', ') || 'NULL'})`,
    );
  }
  return conditions;
}

/** Dimensions of the query the source can provide (the engine refuses the others beforehand). */
function usedDimensions(source: Source, query: MeasureQuery): EntityDimension[] {
  return query.dimensions.filter((dimension) => source.dimensions[dimension]);
}

function simpleAggregate(dialect: Dialect, measure: Measure): string {
  const { aggregate, where } = measure;
  switch (aggregate.kind) {
    case 'count':
      return dialect.count(where);
    case 'sum':
      // Rows excluded by the condition make 0; rows whose value is unknown stay null.
      return where
        ? `CASE WHEN ${dialect.count(where)} = 0 THEN 0 ELSE ${dialect.sum(aggregate.value, where)} END`
        : dialect.sum(aggregate.value);
    case 'quantile':
      return dialect.quantile(aggregate.value, aggregate.fraction, where);
    default:
      throw new Error(`not a simple aggregate: ${aggregate.kind}`);
  }
}

function selectKeys(
  dialect: Dialect,
  source: Source,
  query: MeasureQuery,
  series: Series,
): { select: string[]; group: string[] } {
  const select = [`'${series}' AS series`];
  const group: string[] = [];
  if (query.grain) {
    const bucket = dialect.bucketKey(query.grain, source.time);
    select.push(`${bucket} AS bucket`);
    group.push(bucket);
  } else {
    select.push('0 AS bucket');
  }
  for (const dimension of usedDimensions(source, query)) {
    const sql = source.dimensions[dimension]!.sql;
    select.push(`${sql} AS ${dimensionColumn(dimension)}`);
    group.push(sql);
  }
  return { select, group };
}

function windowCondition(dialect: Dialect, source: Source, window: Window, params: Params): string {
  return `${source.time} >= ${dialect.timestamp(params.bind(window.from))} AND ${source.time} < ${dialect.timestamp(params.bind(window.until))}`;
}

function compileSimple(dialect: Dialect, ids: MeasureId[], query: MeasureQuery): CompiledQuery {
  const source: Source = SOURCES[MEASURES[ids[0]].source];
  const params = new Params(dialect);
  const parts = query.windows.map((window) => {
    const { select, group } = selectKeys(dialect, source, query, window.series);
    const aggregates = [
      ...ids.map((id) => `${simpleAggregate(dialect, MEASURES[id])} AS ${measureColumn(id)}`),
      `${dialect.count()} AS ${ROW_COUNT}`,
    ];
    const where = [
      windowCondition(dialect, source, window, params),
      ...filterConditions(source, query, params),
      // A ranking lists entities: rows without one (a mention under no post) would take a place.
      ...(query.order
        ? usedDimensions(source, query).map((d) => `${source.dimensions[d]!.sql} IS NOT NULL`)
        : []),
    ];
    const having = query.order?.having ? ` HAVING ${query.order.having}` : '';
    const order = query.order
      ? ` ORDER BY ${query.order.expression} ${query.order.descending ? 'DESC' : 'ASC'} NULLS LAST LIMIT ${Math.floor(query.order.limit)}`
      : '';
    return `SELECT ${[...select, ...aggregates].join(', ')} FROM ${source.from} s ${joinsFor(source, query)}
      WHERE ${where.join(' AND ')}${group.length ? ` GROUP BY ${group.join(', ')}` : ''}${having}${order}`;
  });
  return {
    sql: parts.map((part) => `(${part})`).join(' UNION ALL '),
    params: params.values,
    measures: ids,
  };
}

/**
 * Last (or first) value per entity per window, then summed or averaged across entities. The window's
 * bucket is named apart from the audience's own `bucket` column, which ClickHouse would confuse.
 */
function compileGauge(
  dialect: Dialect,
  id: MeasureId,
  query: MeasureQuery,
  bucketStarts: Map<Series, { key: number; from: string; until: string }[]>,
): CompiledQuery {
  const measure: Measure = MEASURES[id];
  if (measure.aggregate.kind !== 'gauge') throw new Error(`${id} is not a gauge`);
  const { value, entity, at, combine } = measure.aggregate;
  const source: Source = SOURCES[measure.source];
  const params = new Params(dialect);
  const windowRows: string[] = [];
  for (const [series, buckets] of bucketStarts) {
    for (const bucket of buckets) {
      windowRows.push(
        `SELECT '${series}' AS series, ${Number(bucket.key)} AS window_bucket, ${dialect.timestamp(params.bind(bucket.from))} AS start_at, ${dialect.timestamp(params.bind(bucket.until))} AS end_at`,
      );
    }
  }
  const dimensions = usedDimensions(source, query);
  const dimensionSelect = dimensions.map(
    (dimension) => `${source.dimensions[dimension]!.sql} AS ${dimensionColumn(dimension)}`,
  );
  const dimensionColumns = dimensions.map(dimensionColumn);
  const lastValue =
    at === 'end'
      ? dialect.argMax(value, source.time)
      : `coalesce(${dialect.argMax(value, source.time, `${source.time} < w.start_at`)}, ${dialect.argMin(value, source.time, `${source.time} >= w.start_at`)})`;
  const conditions = [
    `${source.time} < w.end_at`,
    ...(measure.where ? [measure.where] : []),
    ...filterConditions(source, query, params),
  ];
  const entityColumns = entity.map((column, index) => `${column} AS e${index}`);
  const inner = `SELECT w.series, w.window_bucket, ${[...dimensionSelect, ...entityColumns].join(', ')}, ${lastValue} AS v
    FROM ${source.from} s ${joinsFor(source, query)} CROSS JOIN (${windowRows.join(' UNION ALL ')}) w
    WHERE ${conditions.join(' AND ')}
    GROUP BY w.series, w.window_bucket${[...dimensions.map((dimension) => source.dimensions[dimension]!.sql), ...entity].map((column) => `, ${column}`).join('')}`;
  const combined = combine === 'sum' ? dialect.sum('v') : dialect.avg('v');
  const sql = `SELECT series, window_bucket AS bucket${dimensionColumns.map((column) => `, ${column}`).join('')}, ${combined} AS ${measureColumn(id)}
    FROM (${inner}) g GROUP BY series, window_bucket${dimensionColumns.map((column) => `, ${column}`).join('')}`;
  return { sql, params: params.values, measures: [id] };
}

/** Aggregates per entity (an author) within each window, then counts or sums the qualifying entities. */
function compilePerEntity(dialect: Dialect, id: MeasureId, query: MeasureQuery): CompiledQuery {
  const measure: Measure = MEASURES[id];
  if (measure.aggregate.kind !== 'per_entity') throw new Error(`${id} is not per entity`);
  const { entity, inner, qualifies, outer } = measure.aggregate;
  const source: Source = SOURCES[measure.source];
  const params = new Params(dialect);
  const parts = query.windows.map((window) => {
    const { select, group } = selectKeys(dialect, source, query, window.series);
    const innerAggregates = Object.entries(inner).map(
      ([name, { countIf }]) => `${dialect.count(countIf)} AS ${name}`,
    );
    const where = [
      windowCondition(dialect, source, window, params),
      ...(measure.where ? [measure.where] : []),
      ...filterConditions(source, query, params),
    ];
    return `SELECT ${[...select, `${entity} AS entity`, ...innerAggregates].join(', ')} FROM ${source.from} s ${joinsFor(source, query)}
      WHERE ${where.join(' AND ')} GROUP BY ${[...group, entity].join(', ')}`;
  });
  const keyColumns = ['series', 'bucket', ...usedDimensions(source, query).map(dimensionColumn)];
  const outerAggregate =
    'count' in outer
      ? dialect.count(qualifies === 'true' ? undefined : qualifies)
      : `coalesce(${dialect.sum(outer.sum, qualifies)}, 0)`;
  const sql = `SELECT ${keyColumns.join(', ')}, ${outerAggregate} AS ${measureColumn(id)}
    FROM (${parts.map((part) => `(${part})`).join(' UNION ALL ')}) e GROUP BY ${keyColumns.join(', ')}`;
  return { sql, params: params.values, measures: [id] };
}

export function compileGroup(
  dialect: Dialect,
  ids: MeasureId[],
  query: MeasureQuery,
  bucketStarts: Map<Series, { key: number; from: string; until: string }[]>,
): CompiledQuery {
  const kind = MEASURES[ids[0]].aggregate.kind;
  if (kind === 'gauge') return compileGauge(dialect, ids[0], query, bucketStarts);
  if (kind === 'per_entity') return compilePerEntity(dialect, ids[0], query);
  return compileSimple(dialect, ids, query);
}
