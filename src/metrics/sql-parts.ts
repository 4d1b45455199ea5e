// SQL fragments every compiled query shares: bound values, joins and filters, and the branches of a scan.
// Values are always bound parameters; identifiers and fragments come only from the catalog.
import { bucketStart, type EntityDimension, type Filters } from '../model/index.ts';
import type { Dialect, SqlValue } from '../store/index.ts';
import type { Measure, MeasureId, Source } from './catalog/index.ts';
import { bucketKeyOf, type Branch } from './scan.ts';

export class Params {
  readonly values: SqlValue[] = [];
  constructor(private readonly dialect: Dialect) {}

  /** A fresh placeholder for each use, so engines that number or inline values see each once. */
  bind(value: SqlValue): string {
    this.values.push(value);
    return this.dialect.placeholder(this.values.length);
  }
}

/** What rows a query keeps and splits by, whatever its time ranges. */
export interface Scope {
  dimensions: EntityDimension[];
  filters: Filters;
  /** Restricts entity-dimension values (used to fetch other KPIs for a top-N list). */
  keys?: { dimension: EntityDimension; values: string[] };
}

export const dimensionColumn = (dimension: EntityDimension) => `d_${dimension}`;
/** Measure columns carry a prefix so they never collide with a source column of the same name. */
export const measureColumn = (id: MeasureId) => `m_${id}`;
/** Rows aggregated, so an empty window reads as null rather than 0. */
export const ROW_COUNT = 'row_count';
/** Which branch of a scan a row comes from, and which of the branch's parts. */
export const BRANCH_COLUMN = 'scan_branch';
export const KEY_COLUMN = 'scan_key';

/** Joins needed by the dimensions the query splits, filters or restricts by. */
export function joinsFor(source: Source, scope: Scope): string {
  const filtered = Object.entries(scope.filters)
    .filter(([, values]) => values?.length)
    .map(([dimension]) => dimension as EntityDimension);
  const dimensions = [
    ...scope.dimensions,
    ...filtered,
    ...(scope.keys ? [scope.keys.dimension] : []),
  ];
  const joins = new Set(
    dimensions.map((dimension) => source.dimensions[dimension]?.join).filter(Boolean),
  );
  return [...joins].join(' ');
}

export function filterConditions(source: Source, scope: Scope, params: Params): string[] {
  const conditions: string[] = [];
  for (const [dimension, values] of Object.entries(scope.filters) as [
    EntityDimension,
    string[],
  ][]) {
    const column = source.dimensions[dimension];
    if (!column || !values?.length) continue;
    conditions.push(`${column.sql} IN (${values.map((value) => params.bind(value)).join(', ')})`);
  }
  if (scope.keys && source.dimensions[scope.keys.dimension]) {
    const column = source.dimensions[scope.keys.dimension]!;
    conditions.push(
      `${column.sql} IN (${scope.keys.values.map((value) => params.bind(value)).join(', ') || 'NULL'})`,
    );
  }
  return conditions;
}

/** Dimensions of the query the source can provide (the engine refuses the others beforehand). */
export function usedDimensions(source: Source, scope: Scope): EntityDimension[] {
  return scope.dimensions.filter((dimension) => source.dimensions[dimension]);
}

export function dimensionSelect(source: Source, scope: Scope): string[] {
  return usedDimensions(source, scope).map(
    (dimension) => `${source.dimensions[dimension]!.sql} AS ${dimensionColumn(dimension)}`,
  );
}

export function dimensionGroup(source: Source, scope: Scope): string[] {
  return usedDimensions(source, scope).map((dimension) => source.dimensions[dimension]!.sql);
}

/** The branch's time span as a plain range on the time column, which the engine prunes storage by. */
export function branchRange(
  dialect: Dialect,
  source: Source,
  branch: Branch,
  params: Params,
): string {
  const from = dialect.timestamp(params.bind(branch.parts[0].from));
  const until = dialect.timestamp(params.bind(branch.parts.at(-1)!.until));
  return `${source.time} >= ${from} AND ${source.time} < ${until}`;
}

/** An expression telling the branch's parts apart (see partIndex). */
export function branchKey(
  dialect: Dialect,
  source: Source,
  branch: Branch,
  params: Params,
): string {
  switch (branch.key.kind) {
    case 'single':
      return '0';
    case 'bucket':
      return dialect.bucketKey(branch.key.grain, source.time);
    case 'case': {
      const tests = branch.parts
        .slice(0, -1)
        .map(
          (part, index) =>
            `WHEN ${source.time} < ${dialect.timestamp(params.bind(part.until))} THEN ${index}`,
        );
      return `CASE ${tests.join(' ')} ELSE ${branch.parts.length - 1} END`;
    }
  }
}

/** The index, among all parts of the scan, of the part a row's key names. */
export function partIndex(branch: Branch, key: number): number {
  if (branch.key.kind !== 'bucket') return branch.offset + key;
  const grain = branch.key.grain;
  const position = branch.parts.findIndex(
    (part) => bucketKeyOf(grain, bucketStart(part.from, grain)) === key,
  );
  return branch.offset + position;
}

/** The source's own condition on its rows, when it has one. */
export const sourceConditions = (source: Source): string[] => (source.where ? [source.where] : []);

export interface BranchQuery {
  /** Aggregates, each with its alias. */
  aggregates: string[];
  /** Conditions beyond the branch's range and the scope's filters. */
  where?: string[];
  /** Columns selected and grouped by beside the dimensions (an entity to aggregate per author). */
  entity?: string;
}

/** One branch of a scan: the rows of its range, grouped by part and dimensions. */
export function branchSelect(
  dialect: Dialect,
  source: Source,
  scope: Scope,
  branch: { index: number; branch: Branch },
  params: Params,
  query: BranchQuery,
): string {
  const key = branchKey(dialect, source, branch.branch, params);
  const select = [
    `${branch.index} AS ${BRANCH_COLUMN}`,
    `${key} AS ${KEY_COLUMN}`,
    ...dimensionSelect(source, scope),
    ...(query.entity ? [`${query.entity} AS entity`] : []),
    ...query.aggregates,
  ];
  const where = [
    branchRange(dialect, source, branch.branch, params),
    ...sourceConditions(source),
    ...(query.where ?? []),
    ...filterConditions(source, scope, params),
  ];
  const group = [
    KEY_COLUMN,
    ...dimensionGroup(source, scope),
    ...(query.entity ? [query.entity] : []),
  ];
  return `SELECT ${select.join(', ')} FROM ${source.from} s ${joinsFor(source, scope)}
      WHERE ${where.join(' AND ')} GROUP BY ${group.join(', ')}`;
}

export const unionAll = (parts: string[]): string =>
  parts.map((part) => `(${part})`).join(' UNION ALL ');

/** The statement reading every branch of a scan, with its bound values in order. */
export function scanStatement(
  dialect: Dialect,
  source: Source,
  scope: Scope,
  branches: Branch[],
  query: BranchQuery,
): { sql: string; params: SqlValue[] } {
  const params = new Params(dialect);
  const sql = unionAll(
    branches.map((branch, index) =>
      branchSelect(dialect, source, scope, { index, branch }, params, query),
    ),
  );
  return { sql, params: params.values };
}

/** Where a row of a scan's result belongs: its part among all the scan's parts, its dimension values. */
export function placeOf(
  row: Record<string, unknown>,
  branches: Branch[],
  dimensions: EntityDimension[],
): { part: number; dimensions: Record<string, unknown> } {
  return {
    part: partIndex(branches[Number(row[BRANCH_COLUMN])], Number(row[KEY_COLUMN])),
    dimensions: Object.fromEntries(
      dimensions.map((dimension) => [dimension, row[dimensionColumn(dimension)] ?? null]),
    ),
  };
}

/** A sum, count or quantile over all the rows aggregated together. */
export function simpleAggregate(dialect: Dialect, measure: Measure): string {
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
