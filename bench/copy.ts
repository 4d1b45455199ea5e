// `cadran store copy` from DuckDB to ClickHouse: copyStore (CSV files streamed over HTTP) beside
// its floor, DuckDB's plain COPY of every table to CSV files, and, on stores under a million
// rows, beside the route it replaced (pages of rows through JavaScript, ORDER BY … LIMIT … OFFSET).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClickHouseStore } from '../src/store/clickhouse/store.ts';
import { copyTableByPages } from '../src/store/copy.ts';
import { TABLES, copyStore, openStoreAt, type Store } from '../src/store/index.ts';
import { clickHouseInstalled, startServer, stopOnSignal, type Server } from './engines.ts';
import { printTable } from './harness.ts';
import { SCALE, benchStore } from './queries.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** The paged route sorts a whole table per page: at 10 M rows it ran for hours. */
const PAGED_ROUTE_MAX_ROWS = 1_000_000;

interface Route {
  name: string;
  copy: (duckdb: Store, clickhouse: Store) => Promise<unknown>;
}

/** The floor: DuckDB writes every table to CSV, with nothing sent anywhere. */
async function csvExportFloor(duckdb: Store): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'cadran-bench-copy-floor-'));
  try {
    for (const table of TABLES)
      await duckdb.all(
        `COPY "${table.name}" TO '${join(folder, `${table.name}.csv`)}' (FORMAT CSV, HEADER true)`,
      );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const ROUTES: Route[] = [
  { name: 'floor: DuckDB COPY … TO csv, every table', copy: (duckdb) => csvExportFloor(duckdb) },
  { name: 'copyStore: CSV streamed over HTTP', copy: copyStore },
  {
    name: 'before: pages of 50 000 rows, LIMIT … OFFSET',
    copy: (duckdb, clickhouse) =>
      clickhouse.transaction(async (tx) => {
        for (const table of TABLES) await copyTableByPages(duckdb, tx, table);
      }),
  },
];

async function totalRows(store: Store): Promise<number> {
  let rows = 0;
  for (const table of TABLES)
    rows += Number((await store.all(`SELECT count(*) AS n FROM "${table.name}"`))[0].n);
  return rows;
}

/** Seconds of one copy into a fresh database, dropped afterwards. */
async function timeCopy(route: Route, duckdb: Store, server: Server): Promise<number> {
  const database = `copy_${randomUUID().replaceAll('-', '')}`;
  const clickhouse = await openStoreAt(server.address.replace(/[^/]+$/, database));
  try {
    const started = performance.now();
    await route.copy(duckdb, clickhouse);
    return (performance.now() - started) / 1000;
  } finally {
    await (clickhouse as ClickHouseStore).http.exec(`DROP DATABASE ${database}`, null);
    clickhouse.close();
  }
}

const median = (samples: number[]) =>
  [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)];

export async function benchCopy(): Promise<void> {
  if (!clickHouseInstalled()) {
    console.log('\ncopy: skipped, clickhouse-server is not installed');
    return;
  }
  const duckdb = await benchStore();
  const rows = await totalRows(duckdb);
  const routes = ROUTES.filter(
    (route) => rows < PAGED_ROUTE_MAX_ROWS || !route.name.startsWith('before'),
  );
  const data = mkdtempSync(join(tmpdir(), 'cadran-bench-copy-data-'));
  const server = await startServer(data);
  const forget = stopOnSignal(server);
  try {
    const samples = new Map<Route, number[]>(routes.map((route) => [route, []]));
    // Rounds alternate the routes, so each sees the same load.
    for (let round = 0; round < ROUNDS; round++)
      for (const route of routes) samples.get(route)!.push(await timeCopy(route, duckdb, server));
    const floor = median(samples.get(routes[0])!);
    printTable(
      `Copying the scale-${SCALE} demo store (${rows.toLocaleString('en-US')} rows in ${TABLES.length} tables) from DuckDB to ClickHouse 18.16 on loopback, medians of ${ROUNDS} runs (load ${loadavg()
        .map((load) => load.toFixed(1))
        .join(' ')})`,
      routes.map((route) => {
        const seconds = median(samples.get(route)!);
        return {
          route: route.name,
          median_s: seconds,
          rows_per_s: Math.round(rows / seconds),
          x_floor: seconds / floor,
        };
      }),
    );
  } finally {
    forget();
    server.stop();
    rmSync(data, { recursive: true, force: true });
    duckdb.close();
  }
}
