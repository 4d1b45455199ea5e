// Importing a large X export into ClickHouse: read in bulk (a scratch DuckDB maps the file, the rows
// move as CSV) beside the row reader (records parsed in JavaScript, sent as JSON rows).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { importPath } from '../src/ingest/index.ts';
import type { ClickHouseStore } from '../src/store/clickhouse/store.ts';
import { openStoreAt } from '../src/store/index.ts';
import { clickHouseInstalled, startServer, stopOnSignal, type Server } from './engines.ts';
import { printTable } from './harness.ts';
import { exportFile, xRows } from './imports.ts';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 200_000);
const ROUNDS = 3;

/** Seconds of one import into a fresh database, dropped afterwards; and the reader that read it. */
async function timeImport(path: string, bulk: boolean, server: Server) {
  const database = `import_${randomUUID().replaceAll('-', '')}`;
  const store = await openStoreAt(server.address.replace(/[^/]+$/, database));
  try {
    const started = performance.now();
    const [summary] = await importPath(store, path, { bulk });
    return { seconds: (performance.now() - started) / 1000, reader: summary.reader };
  } finally {
    await (store as ClickHouseStore).http.exec(`DROP DATABASE ${database}`, null);
    store.close();
  }
}

const median = (samples: number[]) =>
  [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)];

export async function benchImportsClickHouse(): Promise<void> {
  if (!clickHouseInstalled()) {
    console.log('\nimports-clickhouse: skipped, clickhouse-server is not installed');
    return;
  }
  const path = await exportFile(`tweet_activity_${ROWS}.csv`, xRows(ROWS));
  const data = mkdtempSync(join(tmpdir(), 'cadran-bench-import-data-'));
  const server = await startServer(data);
  const forget = stopOnSignal(server);
  try {
    const samples = { bulk: [] as number[], rows: [] as number[] };
    const readers = { bulk: '', rows: '' };
    // Rounds alternate the readers, so each sees the same load.
    for (let round = 0; round < ROUNDS; round++)
      for (const bulk of [true, false]) {
        const { seconds, reader } = await timeImport(path, bulk, server);
        samples[bulk ? 'bulk' : 'rows'].push(seconds);
        readers[bulk ? 'bulk' : 'rows'] = reader ?? '';
      }
    const floor = median(samples.bulk);
    printTable(
      `Importing a ${ROWS.toLocaleString('en-US')}-row X export into ClickHouse 18.16 on loopback, medians of ${ROUNDS} runs (load ${loadavg()
        .map((load) => load.toFixed(1))
        .join(' ')})`,
      (['bulk', 'rows'] as const).map((way) => ({
        asked: way,
        reader: readers[way],
        median_s: median(samples[way]),
        rows_per_s: Math.round(ROWS / median(samples[way])),
        x_bulk: median(samples[way]) / floor,
      })),
    );
  } finally {
    forget();
    server.stop();
    rmSync(data, { recursive: true, force: true });
  }
}
