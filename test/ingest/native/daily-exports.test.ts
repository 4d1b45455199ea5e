// Per-day exports land on the account's days, so any period's sum is right, and daily views beside a
// lifetime table of the same videos are not counted twice.
import { afterEach, describe, expect, it } from 'vitest';
import { ENGINES, emptyStore } from '../../engines.ts';
import { importPath } from '../../../src/ingest/index.ts';
import type { Store } from '../../../src/store/index.ts';
import { valueOf } from '../../helpers.ts';
import { exportFixture, kpi } from './helpers.ts';

let store: Store | undefined;
afterEach(() => store?.close());

describe.each(ENGINES)('%s', (engine) => {
  async function imported(...names: string[]) {
    store = await emptyStore(engine);
    const summaries = [];
    for (const name of names) summaries.push(...(await importPath(store, exportFixture(name))));
    return { store, summaries };
  }

  // Chart data.csv: 3 videos × 31 days of January, video v on day d has 10·v + d views.
  // Σ = 31 · 10 · (1 + 2 + 3) + 3 · (1 + … + 31) = 1 860 + 1 488 = 3 348.
  const CHART_VIEWS = 3348;

  describe('YouTube Studio chart data (views per video per day)', () => {
    it('is recognised as daily data, not as the lifetime content table', async () => {
      const { summaries } = await imported('Chart data.csv');
      expect(summaries[0].format).toBe('youtube-chart-data');
      expect(summaries[0].reconciliation).toEqual([
        { table: 'account_daily', metric: 'video_views', file: CHART_VIEWS, stored: CHART_VIEWS },
      ]);
    });

    it('adds up the videos of each day, so a period’s sum is right', async () => {
      const { store } = await imported('Chart data.csv');
      expect(await kpi(store, 'video_views', '2025-01')).toBe(CHART_VIEWS);
      // 1 to 10 January: 10 · 60 + 3 · (1 + … + 10) = 600 + 165
      const firstTen = await valueOf(store, 'video_views', {
        period: { from: '2025-01-01', to: '2025-01-10' },
      });
      expect(firstTen).toBe(765);
      const [day] = await store.all(
        "SELECT video_views FROM account_daily WHERE CAST(day AS DATE) = '2025-01-31'",
      );
      expect(day.video_views).toBe(153); // 41 + 51 + 61
    });

    it('keeps the videos as posts without lifetime counters, so the table of the same videos is not counted twice', async () => {
      const { store } = await imported('Table data.csv', 'Chart data.csv');
      expect(await kpi(store, 'video_views', '2025-01')).toBe(CHART_VIEWS); // daily rows only
      const [lifetime] = await store.all(
        "SELECT sum(video_views) AS views FROM post_metrics WHERE post_id LIKE 'youtube:%'",
      );
      expect(Number(lifetime.views)).toBe(15300); // Table data: 10 200 + 5 100, read by the posts drill-down
      const [posts] = await store.all("SELECT count(*) AS n FROM posts WHERE platform = 'youtube'");
      expect(Number(posts.n)).toBe(3);
    });

    it('forced into the lifetime table’s format, is refused naming the repeated key', async () => {
      store = await emptyStore(engine);
      await expect(
        importPath(store, exportFixture('Chart data.csv'), { format: 'youtube-content' }),
      ).rejects.toThrow(
        /key youtube:aBcDeFgHiJk · 2025-01-19.* repeats 31 times with different values/,
      );
      const [{ n }] = await store.all('SELECT count(*) AS n FROM post_metrics');
      expect(Number(n)).toBe(0);
    });
  });

  describe('per-day account exports', () => {
    it('reads YouTube Totals.csv with day-first dashed dates', async () => {
      const { store, summaries } = await imported('Totals.csv');
      expect(summaries[0].format).toBe('youtube-totals');
      expect(await kpi(store, 'video_views', '2025-06')).toBe(600); // 28, 29, 30 June: 100 + 200 + 300
      expect(await kpi(store, 'video_views', '2025-07')).toBe(900); // 1, 2 July: 400 + 500
    });

    it('reads the X account overview, one row per day with a weekday', async () => {
      const { store, summaries } = await imported('account_overview_analytics.csv');
      expect(summaries[0].format).toBe('x-account-overview');
      const [first] = await store.all(
        "SELECT * FROM account_daily WHERE account_id = 'x:main' ORDER BY day LIMIT 1",
      );
      expect(first).toMatchObject({ day: '2025-03-21', impressions: 1000, profile_visits: 10 });
      expect(await kpi(store, 'profile_visits', '2025-03')).toBe(60); // 30 + 20 + 10
      expect(await kpi(store, 'video_views', '2025-03')).toBe(18); // 7 + 6 + 5
      expect(summaries[0].reconciliation).toContainEqual({
        table: 'account_daily',
        metric: 'impressions',
        file: 3000, // 500 + 1 500 + 1 000
        stored: 3000,
      });
    });

    it('lands every counter of the X overview on the account’s days', async () => {
      store = await emptyStore(engine);
      const [summary] = await importPath(store, exportFixture('account_overview_analytics.csv'));
      const filed = Object.fromEntries(
        (summary.reconciliation ?? []).map((line) => [line.metric, [line.file, line.stored]]),
      );
      expect(filed).toEqual({
        impressions: [3000, 3000], // 500 + 1 500 + 1 000
        reactions: [63, 63], // likes 12 + 30 + 21
        engagements: [195, 195], // 40 + 95 + 60
        saves: [7, 7], // bookmarks 1 + 4 + 2
        link_shares: [3, 3], // shares 0 + 2 + 1
        new_followers: [10, 10], // new follows 2 + 5 + 3
        lost_followers: [2, 2], // unfollows 1 + 0 + 1
        comments: [11, 11], // replies 3 + 6 + 2
        shares: [9, 9], // reposts 2 + 4 + 3
        profile_visits: [60, 60], // 30 + 20 + 10
        posts_published: [4, 4], // create post 1 + 2 + 1
        video_views: [18, 18], // 7 + 6 + 5
        media_views: [28, 28], // 9 + 11 + 8
      });
      const [day] = await store.all(
        "SELECT new_followers, lost_followers, media_views FROM account_daily WHERE CAST(day AS DATE) = '2025-03-22'",
      );
      expect(day).toEqual({ new_followers: 5, lost_followers: 0, media_views: 11 });
    });

    it('reads TikTok overview views as the account’s daily video views', async () => {
      const { store } = await imported('Overview.csv');
      expect(await kpi(store, 'video_views', '2025-01')).toBe(36000); // 12 000 + 15 000 + 9 000
    });
  });
});
