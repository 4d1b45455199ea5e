import { importPath } from '../../../src/ingest/index.ts';
import type { Filters } from '../../../src/model/index.ts';
import type { Store } from '../../../src/store/index.ts';
import { emptyStore, type EngineName } from '../../engines.ts';
import { fixture, valueOf } from '../../helpers.ts';

export const exportFixture = (name: string) => fixture('exports', name);

/** A fresh store holding the given fixture exports, imported through format detection. */
export async function storeWithExports(engine: EngineName, ...names: string[]): Promise<Store> {
  const store = await emptyStore(engine);
  for (const name of names) await importPath(store, exportFixture(name));
  return store;
}

/** A KPI over a month, optionally filtered. */
export function kpi(store: Store, id: string, month: string, filters: Filters = {}) {
  const [year, monthIndex] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year, monthIndex, 0)).toISOString().slice(0, 10);
  return valueOf(store, id, { period: { from: `${month}-01`, to: last }, filters });
}

export async function extraMetrics(
  store: Store,
  entityKey: string,
): Promise<Record<string, number>> {
  const rows = await store.all('SELECT metrics FROM extra_metrics WHERE entity_key = $1', [
    entityKey,
  ]);
  return Object.assign({}, ...rows.map((row) => JSON.parse(String(row.metrics))));
}

/**
 * A table's rows without the bookkeeping that differs between two imports of the same rows: the
 * import id, and on ClickHouse the landed-order column (DuckDB's rowid never shows in SELECT *).
 */
export async function landedRows(store: Store, table: string, order: string) {
  const rows = await store.all(`SELECT * FROM ${table} ORDER BY ${order}`);
  return rows.map((row) => {
    const landed: Record<string, unknown> = { ...row };
    delete landed.import_id;
    delete landed[store.dialect.landedOrder];
    return landed;
  });
}
