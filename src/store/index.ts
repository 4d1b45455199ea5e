import type { Store } from './types.ts';

export type {
  Store,
  Transaction,
  ExclusiveWriter,
  SqlValue,
  ResultRow,
  Cell,
  Queryable,
  ReadStats,
} from './types.ts';
export { withReadSignal, readSignal, ReadCancelled } from './cancel.ts';
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

/**
 * Opens the embedded store at CADRAN_DB, the given path, or ./data/cadran.duckdb. CADRAN_MEMORY_LIMIT
 * (e.g. "1GB") caps the engine's memory, which otherwise may grow to 80 % of RAM as a cache.
 */
export async function openStore(
  location: string = process.env.CADRAN_DB || DEFAULT_STORE_PATH,
  memoryLimit: string | undefined = process.env.CADRAN_MEMORY_LIMIT || undefined,
): Promise<Store> {
  // The engine loads with the first store opened, so commands that need none start faster.
  const { DuckDbStore } = await import('./duckdb/store.ts');
  return DuckDbStore.open(location, memoryLimit);
}
export { isStoreEmpty, resetStore } from './state.ts';
export { readSettings, writeSettings } from './settings.ts';
export { DEFAULT_BUSINESS_HOURS } from './derived.ts';
