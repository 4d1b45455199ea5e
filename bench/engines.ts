// The scorecard, month × platform and top 50 posts on DuckDB and on ClickHouse over the same
// scale-100 demo data, each beside that engine's own raw-scan floor. ClickHouse runs as a throwaway
// server (scripts/clickhouse-test-server.sh) whose data folder, a copy of the DuckDB store made by
// copyStore (`cadran store copy`), is kept under bench/.cache and keyed on that store, so later runs skip the copy.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { queryKpis, type KpiRequest } from '../src/metrics/index.ts';
import { scorecard } from '../src/metrics/objectives.ts';
import { addDays, addMonths, todayUtc } from '../src/model/index.ts';
import { CLICKHOUSE_DERIVED_TABLES, clickHouseSelect } from '../src/store/clickhouse/derived.ts';
import { createTableSql } from '../src/store/clickhouse/schema.ts';
import { TABLES, copyStore, openStoreAt, type Store } from '../src/store/index.ts';
import { freePort, printTable } from './harness.ts';
import { BENCH_CACHE, SCALE, benchStore, benchStorePath } from './queries.ts';

const SERVER_SCRIPT = join(import.meta.dirname, '..', 'scripts', 'clickhouse-test-server.sh');
const DATABASE = 'cadran_bench';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

interface Measure {
  name: string;
  run: (store: Store) => Promise<unknown>;
  /** A plain scan of the rows the query reads: sums and counts, no grouping, no joins. */
  floor: (store: Store) => Promise<unknown>;
}

/** Sums and counts over the interactions and post metrics, all of them or those of [from, to]. */
function rawScan(store: Store, range?: { from: string; to: string }) {
  const { dialect } = store;
  const within = (column: string) =>
    range
      ? ` WHERE ${column} >= ${dialect.timestamp(dialect.placeholder(1))} AND ${column} < ${dialect.timestamp(dialect.placeholder(2))}`
      : '';
  return store.all(
    `SELECT sum(author_audience) AS total, count(*) AS rows FROM interactions${within('created_at')}
     UNION ALL SELECT sum(impressions) AS total, count(*) AS rows FROM post_metrics${within('snapshot_at')}`,
    range ? [range.from, addDays(range.to, 1)] : undefined,
  );
}

function measures(today: string): Measure[] {
  const month = `${today.slice(0, 7)}-01`;
  const lastYear = { from: addMonths(month, -12), to: addDays(month, -1) };
  const monthByPlatform: KpiRequest = {
    kpis: [
      'impressions',
      'engagements',
      'engagement_rate_impressions',
      'mentions',
      'net_sentiment',
    ],
    period: lastYear,
    breakdown: ['month', 'platform'],
    today,
  };
  const topPosts: KpiRequest = {
    kpis: ['weighted_engagement', 'engagement_rate_impressions', 'impressions'],
    period: lastYear,
    breakdown: ['post'],
    top: { limit: 50 },
    today,
  };
  return [
    {
      // The quarter's values, the quarter before, the year before and the sparklines: every row.
      name: 'scorecard of the quarter, YoY',
      run: (store) => scorecard(store, { today }),
      floor: (store) => rawScan(store),
    },
    {
      name: 'month × platform, 5 KPIs, 12 months',
      run: (store) => queryKpis(store, monthByPlatform),
      floor: (store) => rawScan(store, lastYear),
    },
    {
      name: 'top 50 posts, 12 months',
      run: (store) => queryKpis(store, topPosts),
      floor: (store) => rawScan(store, lastYear),
    },
  ];
}

const median = (samples: number[]) =>
  [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)];

async function elapsed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** The query and its floor alternate, after one warm-up of each, so both see the same load. */
async function paired(store: Store, measure: Measure) {
  const answer = await measure.run(store);
  await measure.floor(store);
  const query: number[] = [];
  const floor: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    query.push(await elapsed(() => measure.run(store)));
    floor.push(await elapsed(() => measure.floor(store)));
  }
  return { query: median(query), floor: median(floor), answer };
}

/** Every number, string and null of an answer by its path, to compare two engines' answers. */
function leaves(value: unknown, path = '', into = new Map<string, unknown>()) {
  if (value !== null && typeof value === 'object')
    for (const [key, child] of Object.entries(value)) leaves(child, `${path}/${key}`, into);
  else into.set(path, value);
  return into;
}

const close = (a: unknown, b: unknown) =>
  typeof a === 'number' && typeof b === 'number'
    ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))
    : a === b;

/** "yes", or how many of the values differ from the reference engine's answer. */
function sameAnswer(answer: unknown, reference: unknown): string {
  const mine = leaves(answer);
  const theirs = leaves(reference);
  const paths = new Set([...mine.keys(), ...theirs.keys()]);
  const differing = [...paths].filter((path) => !close(mine.get(path), theirs.get(path)));
  return differing.length === 0 ? 'yes' : `${differing.length} of ${paths.size} values differ`;
}

/**
 * One row of the table, its answer checked against the first engine's; a query the engine refuses
 * is reported there, and the others still run.
 */
async function measureRow(
  engine: string,
  store: Store,
  measure: Measure,
  answers: Map<string, unknown>,
) {
  try {
    const { query, floor, answer } = await paired(store, measure);
    const reference = answers.get(measure.name);
    if (!answers.has(measure.name)) answers.set(measure.name, answer);
    return {
      engine,
      query: measure.name,
      median_ms: query,
      floor_ms: floor,
      x_floor: query / floor,
      same_answer: reference === undefined ? 'reference' : sameAnswer(answer, reference),
    };
  } catch (error) {
    console.error(`${engine}, ${measure.name}: ${(error as Error).message}`);
    return {
      engine,
      query: measure.name,
      median_ms: 'failed',
      floor_ms: '',
      x_floor: '',
      same_answer: '',
    };
  }
}

// ------------------------------------------------------------------ the ClickHouse copy

const rowCount = async (store: Store, table: string) =>
  Number((await store.all(`SELECT count(*) AS n FROM ${table}`))[0].n);

/**
 * Names the copy after what it was made from: the DuckDB store (file, row counts, a few sums) and
 * the ClickHouse tables it was written into, so a new demo store or a schema change makes a new one.
 */
async function copyKey(duckdb: Store): Promise<string> {
  const parts = [basename(benchStorePath())];
  for (const table of TABLES) parts.push(`${table.name} ${await rowCount(duckdb, table.name)}`);
  parts.push(JSON.stringify(await rawScan(duckdb)));
  parts.push(...TABLES.map((table) => createTableSql(table)));
  parts.push(...CLICKHOUSE_DERIVED_TABLES.map((table) => clickHouseSelect(table)));
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 16);
}

/** The cached data folder for this key; other keys' folders at this scale are stale and removed. */
function copyFolder(key: string): { folder: string; complete: string } {
  const prefix = `clickhouse-scale${SCALE}-`;
  for (const entry of readdirSync(BENCH_CACHE))
    if (entry.startsWith(prefix) && entry !== `${prefix}${key}`)
      rmSync(join(BENCH_CACHE, entry), { recursive: true, force: true });
  const folder = join(BENCH_CACHE, `${prefix}${key}`);
  return { folder, complete: join(folder, 'complete') };
}

export interface Server {
  address: string;
  stop: () => void;
}

/**
 * A server in a temporary folder whose data/ is the given cache folder (a link, which the
 * script's stop removes without touching its target).
 */
export async function startServer(dataFolder: string): Promise<Server> {
  const folder = mkdtempSync(join(tmpdir(), 'cadran-bench-clickhouse-'));
  symlinkSync(dataFolder, join(folder, 'data'));
  const http = await freePort();
  let tcp = await freePort();
  while (tcp === http) tcp = await freePort();
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    execFileSync(SERVER_SCRIPT, ['stop', folder], { stdio: 'inherit' });
  };
  try {
    execFileSync(SERVER_SCRIPT, ['start', folder, String(http), String(tcp)], { stdio: 'inherit' });
  } catch (error) {
    stop();
    throw error;
  }
  return {
    address: `clickhouse://default:@127.0.0.1:${http}/${DATABASE}`,
    stop,
  };
}

/** Every table holds as many rows on ClickHouse as in the DuckDB store, or the copy is redone. */
async function sameRowCounts(duckdb: Store, clickhouse: Store): Promise<boolean> {
  for (const table of TABLES)
    if ((await rowCount(duckdb, table.name)) !== (await rowCount(clickhouse, table.name)))
      return false;
  return true;
}

/** The ClickHouse store holding the DuckDB store's rows: from the cache, or copied now. */
async function clickHouseCopy(duckdb: Store, server: Server, complete: string): Promise<Store> {
  const clickhouse = await openStoreAt(server.address);
  if (!existsSync(complete)) {
    const started = performance.now();
    const rows = (await copyStore(duckdb, clickhouse)).reduce((sum, table) => sum + table.rows, 0);
    console.log(
      `copied ${rows.toLocaleString('en-US')} rows to ClickHouse in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  if (!(await sameRowCounts(duckdb, clickhouse)))
    throw new Error(`the ClickHouse copy differs from the DuckDB store in its row counts`);
  writeFileSync(complete, `${new Date().toISOString()}\n`);
  return clickhouse;
}

/** Stops the server on Ctrl-C too: it is a separate process that would outlive the bench. */
export function stopOnSignal(server: Server): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    server.stop();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}

export function clickHouseInstalled(): boolean {
  try {
    execFileSync(
      'sh',
      ['-c', 'command -v clickhouse-server || test -x /usr/sbin/clickhouse-server'],
      {
        stdio: 'ignore',
      },
    );
    return true;
  } catch {
    return false;
  }
}

export async function benchEngines(): Promise<void> {
  if (!clickHouseInstalled()) {
    console.log(
      '\nengines: skipped, clickhouse-server is not installed (Debian: apt-get install clickhouse-server)',
    );
    return;
  }
  const today = todayUtc();
  const duckdb = await benchStore();
  const { folder, complete } = copyFolder(await copyKey(duckdb));
  // A half-made copy (a run stopped while copying) is started again from empty.
  if (!existsSync(complete)) rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const server = await startServer(folder);
  const forget = stopOnSignal(server);
  const rows: Record<string, string | number>[] = [];
  const answers = new Map<string, unknown>();
  try {
    const clickhouse = await clickHouseCopy(duckdb, server, complete);
    const facts = (await rowCount(duckdb, 'interactions')) + (await rowCount(duckdb, 'clicks'));
    for (const [engine, store] of [
      ['DuckDB', duckdb],
      ['ClickHouse 18.16', clickhouse],
    ] as const) {
      for (const measure of measures(today))
        rows.push(await measureRow(engine, store, measure, answers));
    }
    clickhouse.close();
    printTable(
      `The same ${facts.toLocaleString('en-US')} interaction and click rows (scale-${SCALE} demo) on both engines, medians of ${ROUNDS} warm runs, each followed by its engine's raw-scan floor (load ${loadavg()
        .map((load) => load.toFixed(1))
        .join(' ')})`,
      rows,
    );
  } finally {
    forget();
    server.stop();
    duckdb.close();
  }
}
