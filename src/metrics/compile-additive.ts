// Sums and counts over many ranges in one scan: rows are summed per disjoint piece of the ranges, and
// each range adds up its pieces, so a window and its buckets read their rows once.
import type { Dialect } from '../store/index.ts';
import { MEASURES, type MeasureId, type Source } from './catalog/index.ts';
import { rowsColumn } from './rollup.ts';
import { branchesOf, cellOf, piecesOf, rangeKey } from './scan.ts';
import type { CompiledScan, Range, RangeCells } from './scan.ts';
import { measureColumn, placeOf, ROW_COUNT, scanStatement, usedDimensions } from './sql-parts.ts';
import type { Scope } from './sql-parts.ts';

const qualifyingColumn = (id: MeasureId) => `n_${id}`;

/** Rows aggregated: counted, or their counts added up on a roll-up. */
const countOf = (dialect: Dialect, rows: string | undefined, where?: string) =>
  rows ? dialect.sum(rows, where) : dialect.count(where);

/** The partial aggregates a piece returns for the measure; a conditional sum also counts its rows. */
function partials(dialect: Dialect, id: MeasureId, rows: string | undefined): string[] {
  const { aggregate, where } = MEASURES[id];
  if (aggregate.kind === 'count')
    return [`${countOf(dialect, rows, where)} AS ${measureColumn(id)}`];
  if (aggregate.kind !== 'sum') throw new Error(`${id} is not additive`);
  if (!where) return [`${dialect.sum(aggregate.value)} AS ${measureColumn(id)}`];
  return [
    `${dialect.sum(aggregate.value, where)} AS ${measureColumn(id)}`,
    `${dialect.count(where)} AS ${qualifyingColumn(id)}`,
  ];
}

interface Totals {
  dimensions: Record<string, unknown>;
  rows: number;
  sums: Partial<Record<MeasureId, number | null>>;
  qualifying: Partial<Record<MeasureId, number>>;
}

/** The measures over every range, read from the source or from its roll-up (see rollupFor). */
export function compileAdditive(
  dialect: Dialect,
  source: Source,
  ids: MeasureId[],
  scope: Scope,
  ranges: Range[],
): CompiledScan {
  const pieces = piecesOf(ranges);
  const branches = branchesOf(pieces);
  const rows = rowsColumn(source);
  const aggregates = [
    ...ids.flatMap((id) => partials(dialect, id, rows)),
    `${countOf(dialect, rows)} AS ${ROW_COUNT}`,
  ];
  const { sql, params } = scanStatement(dialect, source, scope, branches, { aggregates });
  const rangesOfPiece = pieces.map((piece) =>
    ranges.filter((range) => range.from <= piece.from && piece.until <= range.until).map(rangeKey),
  );
  const dimensions = usedDimensions(source, scope);
  const read = (rows: Record<string, unknown>[]): RangeCells => {
    const totals = new Map<string, Totals>();
    for (const row of rows) {
      const { part, dimensions: rowDimensions } = placeOf(row, branches, dimensions);
      for (const range of new Set(rangesOfPiece[part])) {
        const key = JSON.stringify([range, rowDimensions]);
        const total = totals.get(key) ?? {
          dimensions: rowDimensions,
          rows: 0,
          sums: {},
          qualifying: {},
        };
        totals.set(key, total);
        addRow(total, row, ids);
      }
    }
    const cells: RangeCells = new Map();
    for (const [key, total] of totals) {
      if (total.rows === 0) continue;
      const cell = cellOf(cells, JSON.parse(key)[0], total.dimensions);
      for (const id of ids) cell.values[id] = valueOf(id, total);
    }
    return cells;
  };
  return { sql, params, read };
}

function addRow(total: Totals, row: Record<string, unknown>, ids: MeasureId[]): void {
  total.rows += Number(row[ROW_COUNT]);
  for (const id of ids) {
    const value = row[measureColumn(id)];
    if (value !== null && value !== undefined)
      total.sums[id] = (total.sums[id] ?? 0) + Number(value);
    const qualifying = row[qualifyingColumn(id)];
    if (qualifying !== undefined)
      total.qualifying[id] = (total.qualifying[id] ?? 0) + Number(qualifying);
  }
}

/** The measure over the whole range, as one aggregate over it would give (see compile.ts). */
function valueOf(id: MeasureId, total: Totals): number | null {
  const { aggregate, where } = MEASURES[id];
  if (aggregate.kind === 'count') return total.sums[id] ?? 0;
  // A conditional sum is 0 when no row qualifies, null when the qualifying rows have no value.
  if (where && !total.qualifying[id]) return 0;
  return total.sums[id] ?? null;
}
