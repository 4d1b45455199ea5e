// The objectives scorecard with its comparisons and sparklines, beside the raw-scan floor measured in
// the same run, on a scale-100 store (goal: ≤ 3× the floor) and on the demo store (fixed cost per KPI).
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism, loadavg } from 'node:os';
import { generateDemo } from '../src/demo/index.ts';
import { listObjectives, scorecard } from '../src/metrics/objectives.ts';
import { todayUtc } from '../src/model/index.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { printTable } from './harness.ts';

const DATA = join(import.meta.dirname, '..', 'data');
const ROUNDS = 9;
const FLOOR_SQL =
  'SELECT sum(author_audience), count(*) FROM interactions UNION ALL SELECT sum(impressions), count(*) FROM post_metrics';

/** The demo store at a scale, generated once a day under data/ (gitignored). */
async function demoStore(scale: number, today: string): Promise<Store> {
  const path = join(DATA, `bench-seed42-scale${scale}-${today}.duckdb`);
  const fresh = !existsSync(path);
  mkdirSync(DATA, { recursive: true });
  const store = await openStore(path);
  if (fresh) {
    const started = performance.now();
    await generateDemo(store, { seed: 42, scale, today });
    console.log(
      `generated scale ${scale} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  return store;
}

/** Statements run, wall time: the scorecard and the floor alternate, so both see the same load. */
async function paired(store: Store, today: string) {
  let statements = 0;
  const all = store.all.bind(store);
  const counted: Store['all'] = (sql, params) => {
    statements++;
    return all(sql, params);
  };
  const card: number[] = [];
  const floor: number[] = [];
  for (let round = -1; round < ROUNDS; round++) {
    store.all = counted;
    statements = 0;
    let started = performance.now();
    await scorecard(store, { today });
    if (round >= 0) card.push(performance.now() - started);
    store.all = all;
    started = performance.now();
    await store.all(FLOOR_SQL);
    if (round >= 0) floor.push(performance.now() - started);
  }
  return { card: median(card), floor: median(floor), statements };
}

/** Store sizes the fixed cost is fitted over: the demo store, and smaller and larger ones. */
const FIT_SCALES = [0.25, 0.5, 1, 2];

interface ReadConnections {
  label: string;
  /** CADRAN_READ_CONNECTIONS while the store opens; the default when absent. */
  count?: number;
}

/** The baseline of the same run: one read connection per core, as before the scorecard had six. */
const FORMER_READERS: ReadConnections = {
  label: 'one read connection per core (the former default)',
  count: Math.max(2, availableParallelism()),
};

async function withReadConnections<T>(
  count: number | undefined,
  open: () => Promise<T>,
): Promise<T> {
  const before = process.env.CADRAN_READ_CONNECTIONS;
  if (count === undefined) delete process.env.CADRAN_READ_CONNECTIONS;
  else process.env.CADRAN_READ_CONNECTIONS = String(count);
  try {
    return await open();
  } finally {
    if (before === undefined) delete process.env.CADRAN_READ_CONNECTIONS;
    else process.env.CADRAN_READ_CONNECTIONS = before;
  }
}

/** Least squares of y against x: where the line meets x = 0, and its slope. */
function fitLine(points: { x: number; y: number }[]): { intercept: number; slope: number } {
  const meanX = points.reduce((sum, point) => sum + point.x, 0) / points.length;
  const meanY = points.reduce((sum, point) => sum + point.y, 0) / points.length;
  const covariance = points.reduce((sum, point) => sum + (point.x - meanX) * (point.y - meanY), 0);
  const variance = points.reduce((sum, point) => sum + (point.x - meanX) ** 2, 0);
  const slope = covariance / variance;
  return { intercept: meanY - slope * meanX, slope };
}

/**
 * What a KPI costs whatever the data: the scorecard timed on demo stores of several sizes, and its
 * time at zero rows read off the line through them (planning, binding, the round trip, JavaScript).
 */
async function fixedCostPerKpi(today: string, readers: ReadConnections): Promise<void> {
  const points = [];
  const rows = [];
  let objectives = 0;
  for (const scale of FIT_SCALES) {
    const store = await withReadConnections(readers.count, () => demoStore(scale, today));
    objectives = (await listObjectives(store)).length;
    const [{ interactions }] = await store.all('SELECT count(*) AS interactions FROM interactions');
    const { card } = await paired(store, today);
    points.push({ x: Number(interactions), y: card });
    rows.push({ store: `scale ${scale}`, interactions: Number(interactions), scorecard_ms: card });
    store.close();
  }
  const { intercept, slope } = fitLine(points);
  printTable(
    `Scorecard time against store size, ${readers.label} (medians of ${ROUNDS}, load ${loadavg()[0].toFixed(1)}): fixed cost ${intercept.toFixed(1)} ms, ${(intercept / objectives).toFixed(2)} ms per KPI (goal < 2), then ${(slope * 100_000).toFixed(1)} ms per 100 000 interactions`,
    rows,
  );
}

const median = (samples: number[]) =>
  [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)];

export async function benchScorecard(): Promise<void> {
  const today = todayUtc();
  const rows = [];
  for (const scale of [Number(process.env.BENCH_SCALE ?? 100), 1]) {
    const store = await demoStore(scale, today);
    const objectives = (await listObjectives(store)).length;
    const { card, floor, statements } = await paired(store, today);
    rows.push({
      store: `scale ${scale}`,
      scorecard_ms: card,
      floor_ms: floor,
      x_floor: card / floor,
      per_kpi_ms: card / objectives,
      statements,
    });
    store.close();
  }
  printTable(
    `Scorecard of the demo objectives with YoY, previous period and sparklines, medians of ${ROUNDS} runs paired with the floor (load ${loadavg()[0].toFixed(1)})`,
    rows,
  );
  await fixedCostPerKpi(today, FORMER_READERS);
  await fixedCostPerKpi(today, { label: 'read connections by default' });
}
