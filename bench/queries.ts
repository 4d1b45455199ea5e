// (a) scorecard with YoY, (b) month × platform of 5 KPIs, (c) top 50 posts, beside (d) a raw scan floor.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemo } from '../src/demo/index.ts';
import { queryKpis } from '../src/metrics/index.ts';
import { scorecard } from '../src/metrics/objectives.ts';
import { addDays, addMonths, todayUtc } from '../src/model/index.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { printTable, time } from './harness.ts';

export const BENCH_CACHE = join(import.meta.dirname, '.cache');
export const SCALE = Number(process.env.BENCH_SCALE ?? 100);

export const benchStorePath = () =>
  join(BENCH_CACHE, `demo-seed42-scale${SCALE}-${todayUtc()}.duckdb`);

/** The scale-100 store is generated once and kept under bench/.cache (it takes a minute or two). */
export async function benchStore(): Promise<Store> {
  const path = benchStorePath();
  const fresh = !existsSync(path);
  mkdirSync(BENCH_CACHE, { recursive: true });
  const store = await openStore(path);
  if (fresh) {
    const started = performance.now();
    const summary = await generateDemo(store, { seed: 42, scale: SCALE });
    const rows = Object.values(summary.rows).reduce((sum, count) => sum + count, 0);
    console.log(
      `generated scale ${SCALE}: ${rows.toLocaleString('en-US')} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  return store;
}

export async function benchQueries(): Promise<void> {
  const store = await benchStore();
  const [{ facts }] = await store.all(
    'SELECT (SELECT count(*) FROM interactions) + (SELECT count(*) FROM clicks) AS facts',
  );
  const today = todayUtc();
  const lastYear = {
    from: addMonths(`${today.slice(0, 7)}-01`, -12),
    to: addDays(`${today.slice(0, 7)}-01`, -1),
  };
  const floor = await time('(d) floor: raw sum scan of interactions + post metrics', () =>
    store.all(
      'SELECT sum(author_audience), count(*) FROM interactions UNION ALL SELECT sum(impressions), count(*) FROM post_metrics',
    ),
  );
  const timings = [
    {
      goal: 300,
      timing: await time('(a) objectives scorecard with YoY', () => scorecard(store, { today })),
    },
    {
      goal: 200,
      timing: await time('(b) month × platform, 5 KPIs, 12 months', () =>
        queryKpis(store, {
          kpis: [
            'impressions',
            'engagements',
            'engagement_rate_impressions',
            'mentions',
            'net_sentiment',
          ],
          period: lastYear,
          breakdown: ['month', 'platform'],
        }),
      ),
    },
    {
      goal: 200,
      timing: await time('(c) top 50 posts by weighted engagement', () =>
        queryKpis(store, {
          kpis: ['weighted_engagement', 'engagement_rate_impressions', 'impressions'],
          period: lastYear,
          breakdown: ['post'],
          top: { limit: 50 },
        }),
      ),
    },
  ];
  printTable(
    `KPI queries on ${Number(facts).toLocaleString('en-US')} interaction and click rows (scale ${SCALE}), medians of 7 warm runs`,
    [
      ...timings.map(({ goal, timing }) => ({
        query: timing.name,
        median_ms: timing.median_ms,
        min_ms: timing.min_ms,
        x_floor: timing.median_ms / floor.median_ms,
        goal_ms: goal,
        verdict: timing.median_ms <= goal ? 'ok' : 'SLOW',
      })),
      {
        query: floor.name,
        median_ms: floor.median_ms,
        min_ms: floor.min_ms,
        x_floor: 1,
        goal_ms: '',
        verdict: '',
      },
    ],
  );
  store.close();
}
