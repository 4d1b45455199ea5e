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
export { cellFromStored } from './cells.ts';
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
 * Opens the given location (a DuckDB file or a clickhouse:// address), else the store CADRAN_STORE
 * names, else the embedded store at CADRAN_DB or ./data/cadran.duckdb. CADRAN_MEMORY_LIMIT
 * (e.g. "1GB") caps the engine's memory, which otherwise may grow to 80 % of RAM as a cache.
 */
export async function openStore(
  location?: string,
  memoryLimit: string | undefined = process.env.CADRAN_MEMORY_LIMIT || undefined,
): Promise<Store> {
  if (location === undefined && process.env.CADRAN_STORE)
    return openStoreAt(process.env.CADRAN_STORE);
  // A clickhouse:// address given as the location (`cadran --db clickhouse://… serve`) is the
  // server, never a DuckDB file of that name in the working directory.
  return openStoreAt(location ?? (process.env.CADRAN_DB || DEFAULT_STORE_PATH), memoryLimit);
}

/** Opens a store by its address: clickhouse://user:password@host:8123/database or a DuckDB file. */
export async function openStoreAt(location: string, memoryLimit?: string): Promise<Store> {
  const { isClickHouseLocation } = await import('./clickhouse/location.ts');
  if (isClickHouseLocation(location)) {
    const { ClickHouseStore } = await import('./clickhouse/store.ts');
    return ClickHouseStore.open(location);
  }
  return openDuckDb(location, memoryLimit);
}

async function openDuckDb(location: string, memoryLimit: string | undefined): Promise<Store> {
  // The engine loads with the first store opened, so commands that need none start faster.
  const { DuckDbStore } = await import('./duckdb/store.ts');
  return DuckDbStore.open(location, memoryLimit);
}
export { isStoreEmpty, resetStore } from './state.ts';
export { readSettings, writeSettings } from './settings.ts';
export { DEFAULT_BUSINESS_HOURS } from './derived.ts';
export { Where } from './where.ts';
export { appendFromDuckDb, copyStore, CopyMismatch, type TableCopy } from './copy.ts';
export { durablePathOf, localFolderOf, localPathOf, stateFolder } from './local-files.ts';
