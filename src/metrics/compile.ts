// Compiles the queries that do not go through a scan of parts: the ranking of a top list, and gauges
// (a last value per entity, whatever its age, at the end of each range).
// Values are always bound parameters; identifiers and fragments come only from the catalog.
import type { Dialect, SqlValue } from '../store/index.ts';
import { MEASURES, SOURCES, type Measure, type MeasureId, type Source } from './catalog/index.ts';
import { cellOf, rangeKey, type CompiledScan, type Range, type RangeCells } from './scan.ts';
import {
  dimensionColumn,
  dimensionGroup,
  dimensionSelect,
  filterConditions,
  joinsFor,
  KEY_COLUMN,
  measureColumn,
  Params,
  simpleAggregate,
  sourceConditions,
  usedDimensions,
  type Scope,
} from './sql-parts.ts';

export interface Ranking {
  expression: string;
  descending: boolean;
  limit: number;
  having?: string;
}

/**
 * The first entities of the scope's dimensions by a KPI over one range (measures of one source, see
 * canRank); the rows carry the dimension columns, in ranking order.
 */
export function compileRanking(
  dialect: Dialect,
  ids: MeasureId[],
  scope: Scope,
  range: Range,
  ranking: Ranking,
): { sql: string; params: SqlValue[] } {
  const source: Source = SOURCES[MEASURES[ids[0]].source];
  const params = new Params(dialect);
  const aggregates = ids.map(
    (id) => `${simpleAggregate(dialect, MEASURES[id])} AS ${measureColumn(id)}`,
  );
  const where = [
    `${source.time} >= ${dialect.timestamp(params.bind(range.from))}`,
    `${source.time} < ${dialect.timestamp(params.bind(range.until))}`,
    ...sourceConditions(source),
    ...filterConditions(source, scope, params),
    // A ranking lists entities: rows without one (a mention under no post) would take a place.
    ...usedDimensions(source, scope).map((d) => `${source.dimensions[d]!.sql} IS NOT NULL`),
  ];
  const group = dimensionGroup(source, scope);
  const sql = `SELECT ${[...dimensionSelect(source, scope), ...aggregates].join(', ')}
    FROM ${source.from} s ${joinsFor(source, scope)}
    WHERE ${where.join(' AND ')}${group.length ? ` GROUP BY ${group.join(', ')}` : ''}${ranking.having ? ` HAVING ${ranking.having}` : ''}
    ORDER BY ${ranking.expression} ${ranking.descending ? 'DESC' : 'ASC'} NULLS LAST LIMIT ${Math.floor(ranking.limit)}`;
  return { sql, params: params.values };
}

/**
 * Last (or first) value per entity at each range's end (or start), then summed or averaged across
 * entities; every range in one statement.
 */
export function compileGauge(
  dialect: Dialect,
  id: MeasureId,
  scope: Scope,
  ranges: Range[],
): CompiledScan {
  const measure: Measure = MEASURES[id];
  if (measure.aggregate.kind !== 'gauge') throw new Error(`${id} is not a gauge`);
  const { value, entity, at, combine } = measure.aggregate;
  const source: Source = SOURCES[measure.source];
  const params = new Params(dialect);
  const windowRows = ranges.map(
    (range, index) =>
      `SELECT ${index} AS ${KEY_COLUMN}, ${dialect.timestamp(params.bind(range.from))} AS start_at, ${dialect.timestamp(params.bind(range.until))} AS end_at`,
  );
  const dimensions = usedDimensions(source, scope);
  const dimensionColumns = dimensions.map(dimensionColumn);
  const lastValue =
    at === 'end'
      ? dialect.argMax(value, source.time)
      : `coalesce(${dialect.argMax(value, source.time, `${source.time} < w.start_at`)}, ${dialect.argMin(value, source.time, `${source.time} >= w.start_at`)})`;
  const conditions = [
    `${source.time} < w.end_at`,
    ...sourceConditions(source),
    ...(measure.where ? [measure.where] : []),
    ...filterConditions(source, scope, params),
  ];
  const entityColumns = entity.map((column, index) => `${column} AS e${index}`);
  const inner = `SELECT w.${KEY_COLUMN}, ${[...dimensionSelect(source, scope), ...entityColumns].join(', ')}, ${lastValue} AS v
    FROM ${source.from} s ${joinsFor(source, scope)} CROSS JOIN (${windowRows.join(' UNION ALL ')}) w
    WHERE ${conditions.join(' AND ')}
    GROUP BY w.${KEY_COLUMN}${[...dimensionGroup(source, scope), ...entity].map((column) => `, ${column}`).join('')}`;
  const combined = combine === 'sum' ? dialect.sum('v') : dialect.avg('v');
  const keys = [KEY_COLUMN, ...dimensionColumns];
  const sql = `SELECT ${keys.join(', ')}, ${combined} AS ${measureColumn(id)}
    FROM (${inner}) g GROUP BY ${keys.join(', ')}`;
  const read = (rows: Record<string, unknown>[]): RangeCells => {
    const cells: RangeCells = new Map();
    for (const row of rows) {
      const rowDimensions = Object.fromEntries(
        dimensions.map((dimension) => [dimension, row[dimensionColumn(dimension)] ?? null]),
      );
      const cell = cellOf(cells, rangeKey(ranges[Number(row[KEY_COLUMN])]), rowDimensions);
      const result = row[measureColumn(id)];
      cell.values[id] = result === null || result === undefined ? null : Number(result);
    }
    return cells;
  };
  return { sql, params: params.values, read };
}
