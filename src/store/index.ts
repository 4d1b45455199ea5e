import { DuckDbStore } from './duckdb/store.ts';
import type { Store } from './types.ts';

export type { Store, Transaction, SqlValue, ResultRow, Cell, Queryable } from './types.ts';
export type { Dialect } from './dialect.ts';
export {
  TABLES,
  IMPORTABLE_TABLES,
  tableByName,
  type Table,
  type Column,
  type ColumnType,
} from './schema.ts';
export { SCHEMA_VERSION } from './duckdb/migrate.ts';

export const DEFAULT_STORE_PATH = './data/cadran.duckdb';

/** Opens the embedded store at CADRAN_DB, the given path, or ./data/cadran.duckdb. */
export function openStore(
  location: string = process.env.CADRAN_DB || DEFAULT_STORE_PATH,
): Promise<Store> {
  return DuckDbStore.open(location);
}
export { isStoreEmpty, resetStore } from './state.ts';
export { readSettings, writeSettings } from './settings.ts';
