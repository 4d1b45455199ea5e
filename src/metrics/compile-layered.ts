// Medians, fractional sums and per-author counts over many ranges in one statement. They are not
// added up from pieces (medians cannot be, sums of fractions would differ in their last bits),
// so overlapping ranges go to separate layers (the windows in one, their buckets in another) and each
// layer's ranges are told apart row by row within the scan of their span.
import type { EntityDimension } from '../model/index.ts';
import type { Dialect } from '../store/index.ts';
import { MEASURES, SOURCES, type Measure, type MeasureId, type SourceId } from './catalog/index.ts';
import { branchesOf, cellOf, layersOf, rangeKey } from './scan.ts';
import type { Branch, CompiledScan, Range, RangeCells } from './scan.ts';
import { measureColumn, placeOf, ROW_COUNT, scanStatement, usedDimensions } from './sql-parts.ts';
import { BRANCH_COLUMN, dimensionColumn, KEY_COLUMN, simpleAggregate } from './sql-parts.ts';
import type { BranchQuery, Scope } from './sql-parts.ts';

/** Every layer's branches, numbered across layers, and the ranges in the order of their parts. */
function layeredBranches(ranges: Range[]): { branches: Branch[]; parts: Range[] } {
  const branches: Branch[] = [];
  const parts: Range[] = [];
  for (const layer of layersOf(ranges)) {
    branches.push(...branchesOf(layer, parts.length));
    parts.push(...layer);
  }
  return { branches, parts };
}

function readByRange(
  rows: Record<string, unknown>[],
  branches: Branch[],
  parts: Range[],
  dimensions: EntityDimension[],
  ids: MeasureId[],
): RangeCells {
  const cells: RangeCells = new Map();
  for (const row of rows) {
    if (row[ROW_COUNT] === 0) continue;
    const place = placeOf(row, branches, dimensions);
    const cell = cellOf(cells, rangeKey(parts[place.part]), place.dimensions);
    for (const id of ids) {
      const value = row[measureColumn(id)];
      cell.values[id] = value === null || value === undefined ? null : Number(value);
    }
  }
  return cells;
}

function layeredScan(
  dialect: Dialect,
  sourceId: SourceId,
  scope: Scope,
  ranges: Range[],
  ids: MeasureId[],
  query: BranchQuery,
  outer?: (union: string) => string,
): CompiledScan {
  const source = SOURCES[sourceId];
  const { branches, parts } = layeredBranches(ranges);
  const { sql: union, params } = scanStatement(dialect, source, scope, branches, query);
  const dimensions = usedDimensions(source, scope);
  return {
    sql: outer ? outer(union) : union,
    params,
    read: (rows) => readByRange(rows, branches, parts, dimensions, ids),
  };
}

/** Quantiles and fractional sums of one source, each range aggregated on its own. */
export function compileWindowed(
  dialect: Dialect,
  sourceId: SourceId,
  ids: MeasureId[],
  scope: Scope,
  ranges: Range[],
): CompiledScan {
  const aggregates = [
    ...ids.map((id) => `${simpleAggregate(dialect, MEASURES[id])} AS ${measureColumn(id)}`),
    `${dialect.count()} AS ${ROW_COUNT}`,
  ];
  return layeredScan(dialect, sourceId, scope, ranges, ids, { aggregates });
}

/** Measures counted per entity that share their entity, row condition and inner counts. */
export const perEntityShape = (id: MeasureId): string => {
  const { aggregate, where }: Measure = MEASURES[id];
  if (aggregate.kind !== 'per_entity') throw new Error(`${id} is not per entity`);
  return JSON.stringify([MEASURES[id].source, where, aggregate.entity, aggregate.inner]);
};

/**
 * Aggregates per entity (an author) within each range, then counts or sums the qualifying entities.
 * The ids must share their shape (perEntityShape).
 */
export function compilePerEntity(
  dialect: Dialect,
  sourceId: SourceId,
  ids: MeasureId[],
  scope: Scope,
  ranges: Range[],
): CompiledScan {
  const first: Measure = MEASURES[ids[0]];
  if (first.aggregate.kind !== 'per_entity') throw new Error(`${ids[0]} is not per entity`);
  const { entity, inner } = first.aggregate;
  const innerAggregates = Object.entries(inner).map(
    ([name, { countIf }]) => `${dialect.count(countIf)} AS ${name}`,
  );
  const outerAggregates = ids.map((id) => {
    const { aggregate }: Measure = MEASURES[id];
    if (aggregate.kind !== 'per_entity') throw new Error(`${id} is not per entity`);
    const { qualifies, outer } = aggregate;
    const value =
      'count' in outer
        ? dialect.count(qualifies === 'true' ? undefined : qualifies)
        : `coalesce(${dialect.sum(outer.sum, qualifies)}, 0)`;
    return `${value} AS ${measureColumn(id)}`;
  });
  const keys = [
    BRANCH_COLUMN,
    KEY_COLUMN,
    ...usedDimensions(SOURCES[sourceId], scope).map(dimensionColumn),
  ];
  return layeredScan(
    dialect,
    sourceId,
    scope,
    ranges,
    ids,
    { aggregates: innerAggregates, entity, where: first.where ? [first.where] : [] },
    (union) =>
      `SELECT ${[...keys, ...outerAggregates].join(', ')} FROM (${union}) e GROUP BY ${keys.join(', ')}`,
  );
}
