// When a scan of counts may read a source's roll-up (rows counted per day) instead of its rows.
import type { Store } from '../store/index.ts';
import {
  MEASURES,
  SOURCES,
  type MeasureId,
  type Rollup,
  type Source,
  type SourceId,
} from './catalog/index.ts';
import type { Scope } from './sql-parts.ts';

/** Every `alias.column` a condition names. */
const COLUMN_REFERENCE = /\b([a-z_]+)\.([a-z_]+)\b/g;

/** Whether the condition reads only columns of `s` that the roll-up keeps. */
function keepsColumns(rollup: Rollup, condition: string | undefined): boolean {
  return [...(condition ?? '').matchAll(COLUMN_REFERENCE)].every(
    ([, alias, column]) => alias === 's' && rollup.columns.includes(column),
  );
}

function keepsScope(rollup: Rollup, scope: Scope): boolean {
  const filtered = Object.entries(scope.filters)
    .filter(([, values]) => values?.length)
    .map(([dimension]) => dimension);
  const used = [...scope.dimensions, ...filtered, ...(scope.keys ? [scope.keys.dimension] : [])];
  return used.every((dimension) => dimension in rollup.dimensions);
}

/**
 * The roll-up that answers these counts exactly, when the store keeps it: every measure is a count
 * whose condition reads kept columns, and the scope splits and filters only by kept dimensions.
 */
export function rollupFor(
  store: Store,
  sourceId: SourceId,
  ids: MeasureId[],
  scope: Scope,
): Rollup | null {
  const rollup: Rollup | undefined = (SOURCES[sourceId] as Source).rollup;
  if (!rollup || !store.rollups?.has(rollup.table) || !keepsScope(rollup, scope)) return null;
  const counts = ids.every(
    (id) => MEASURES[id].aggregate.kind === 'count' && keepsColumns(rollup, MEASURES[id].where),
  );
  return counts ? rollup : null;
}

/** The column that says how many source rows a row stands for (none on the source itself). */
export const rowsColumn = (source: Source): string | undefined =>
  'rows' in source ? (source as Rollup).rows : undefined;
