// The engines a parametrised suite runs on: DuckDB always, ClickHouse when a test server is up
// (see test/clickhouse-server.ts). A suite says why it does not run on ClickHouse in its name.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyStore, openStoreAt, type Store } from '../src/store/index.ts';
import { importFolder, tempStore } from './helpers.ts';

export type EngineName = 'duckdb' | 'clickhouse';

const clickhouseServer = process.env.CADRAN_TEST_CLICKHOUSE;

/** Why ClickHouse is left out of this run, or null when it runs. */
export const clickhouseAbsence: string | null = clickhouseServer
  ? null
  : 'ClickHouse: clickhouse-server is not installed (apt-get install clickhouse-server), so only DuckDB runs';

export const ENGINES: EngineName[] = clickhouseServer ? ['duckdb', 'clickhouse'] : ['duckdb'];

/** The address of a store not made yet on the engine, as CADRAN_STORE or --db name it. */
export function freshStoreLocation(engine: EngineName): string {
  if (engine === 'duckdb')
    return join(mkdtempSync(join(tmpdir(), 'cadran-test-')), 'cadran.duckdb');
  if (!clickhouseServer) throw new Error(clickhouseAbsence!);
  return `${clickhouseServer}/cadran_${randomUUID().replaceAll('-', '')}`;
}

/** A fresh, empty ClickHouse database on the test server. */
export async function emptyClickHouseStore(): Promise<Store> {
  return openStoreAt(freshStoreLocation('clickhouse'));
}

/** An empty store on the engine: a DuckDB file in a fresh folder, or a fresh ClickHouse database. */
export function emptyStore(engine: EngineName): Promise<Store> {
  return engine === 'duckdb' ? tempStore() : emptyClickHouseStore();
}

/**
 * A store filled on DuckDB by `fill` (fixtures, the demo generator), on the given engine: on
 * ClickHouse the rows are then moved over with copyStore (which checks row counts), as
 * `cadran store copy` does.
 */
export async function engineStore(
  engine: EngineName,
  fill: (duckdb: Store) => Promise<unknown>,
): Promise<Store> {
  const duckdb = await tempStore();
  await fill(duckdb);
  if (engine === 'duckdb') return duckdb;
  const clickhouse = await emptyClickHouseStore();
  await copyStore(duckdb, clickhouse);
  duckdb.close();
  return clickhouse;
}

/** A store holding a fixture folder on the given engine (see engineStore). */
export async function engineStoreWith(
  engine: EngineName,
  folder: string,
  prepare?: (store: Store) => Promise<void>,
): Promise<Store> {
  return engineStore(engine, async (duckdb) => {
    await importFolder(duckdb, folder);
    if (prepare) await prepare(duckdb);
  });
}
