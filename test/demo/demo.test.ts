import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo, type DemoSummary } from '../../src/demo/index.ts';
import {
  CONTENT_TYPES,
  CONVERSION_TYPES,
  INTERACTION_KINDS,
  InputError,
  platformOfSource,
} from '../../src/model/index.ts';
import { openStore, TABLES, type Store } from '../../src/store/index.ts';
import { clickhouseAbsence, emptyClickHouseStore } from '../engines.ts';

const TODAY = '2026-03-15';
const directory = mkdtempSync(join(tmpdir(), 'cadran-demo-'));
const stores: Store[] = [];

async function demoStore(
  name: string,
  seed: number,
  scale = 1,
): Promise<{ store: Store; summary: DemoSummary }> {
  const store = await openStore(join(directory, `${name}.duckdb`));
  stores.push(store);
  return { store, summary: await generateDemo(store, { seed, scale, today: TODAY }) };
}

const one = async (store: Store, sql: string) => (await store.all(sql))[0];

// A fingerprint of the data: counts of every table, a few sums, and a digest of every interaction.
async function fingerprint(store: Store): Promise<Record<string, unknown>> {
  const counts = Object.fromEntries(
    await Promise.all(
      TABLES.map(async (table) => [
        table.name,
        (await one(store, `SELECT count(*) AS n FROM "${table.name}"`)).n,
      ]),
    ),
  );
  return {
    counts,
    impressions: (await one(store, 'SELECT sum(impressions) AS v FROM post_metrics')).v,
    audience: (await one(store, 'SELECT sum(author_audience) AS v FROM interactions')).v,
    revenue: (await one(store, 'SELECT round(sum(value), 2) AS v FROM conversions')).v,
    interactions: (
      await one(
        store,
        `SELECT md5(string_agg(interaction_id || '|' || coalesce(text, '') || '|' || epoch_ms(created_at), ','
      ORDER BY interaction_id)) AS v FROM interactions`,
      )
    ).v,
    clicks: (
      await one(
        store,
        "SELECT md5(string_agg(click_id || visitor_key || epoch_ms(clicked_at), ',' ORDER BY click_id)) AS v FROM clicks",
      )
    ).v,
  };
}

let demo: Store;
let summary: DemoSummary;
let again: Store;
let otherSeed: Store;

beforeAll(async () => {
  ({ store: demo, summary } = await demoStore('seed-42', 42));
  ({ store: again } = await demoStore('seed-42-again', 42));
  ({ store: otherSeed } = await demoStore('seed-7', 7));
});

afterAll(() => {
  for (const store of stores) store.close();
  rmSync(directory, { recursive: true, force: true });
});

describe('demo data set', () => {
  it('is the same for the same seed and different for another seed', async () => {
    const first = await fingerprint(demo);
    expect(await fingerprint(again)).toEqual(first);
    const other = await fingerprint(otherSeed);
    expect(other.interactions).not.toEqual(first.interactions);
    expect(other.impressions).not.toEqual(first.impressions);
  });

  it('covers the 24 months ending on the given day and reports what it wrote', async () => {
    expect(summary).toMatchObject({ from: '2024-03-16', to: TODAY });
    for (const [table, rows] of Object.entries(summary.rows)) {
      expect((await one(demo, `SELECT count(*) AS n FROM "${table}"`)).n, table).toBe(rows);
    }
    const span = await one(
      demo,
      'SELECT min(day)::VARCHAR AS first, max(day)::VARCHAR AS last FROM account_daily',
    );
    expect(span).toEqual({ first: '2024-03-16', last: TODAY });
    expect(
      (
        await one(
          demo,
          `SELECT count(*) AS n FROM interactions WHERE created_at >= TIMESTAMP '2026-03-16'`,
        )
      ).n,
    ).toBe(0);
  });

  it('fills every data table (not the ones Cadran keeps for its own operation)', async () => {
    const operational = [
      'imports',
      'api_tokens',
      'event_keys',
      'settings',
      'sentiment_corrections',
      'users',
      'sessions',
      'replaced_rows',
      'extra_metrics', // platform metrics without a canonical column: only native exports bring them
      'sentiment_models', // a model retrained with a brand's corrections
      'alerts', // raised when rules are evaluated (cadran serve, imports), not by the generator
      'schedule_runs',
    ];
    for (const table of TABLES.filter((candidate) => !operational.includes(candidate.name))) {
      expect(
        (await one(demo, `SELECT count(*) AS n FROM "${table.name}"`)).n,
        table.name,
      ).toBeGreaterThan(0);
    }
    expect((await one(demo, 'SELECT count(*) AS n FROM imports')).n).toBe(0);
  });

  it('uses every content type, interaction kind and conversion type', async () => {
    const values = async (sql: string) => (await demo.all(sql)).map((row) => row.v);
    expect(await values('SELECT DISTINCT content_type AS v FROM posts')).toEqual(
      expect.arrayContaining([...CONTENT_TYPES]),
    );
    expect(await values('SELECT DISTINCT kind AS v FROM interactions')).toEqual(
      expect.arrayContaining([...INTERACTION_KINDS]),
    );
    expect(await values('SELECT DISTINCT type AS v FROM conversions')).toEqual(
      expect.arrayContaining([...CONVERSION_TYPES]),
    );
  });

  it('writes about 100 000 interactions and clicks at scale 1', async () => {
    const { n } = await one(
      demo,
      'SELECT (SELECT count(*) FROM interactions) + (SELECT count(*) FROM clicks) AS n',
    );
    expect(n).toBeGreaterThanOrEqual(60_000);
    expect(n).toBeLessThanOrEqual(160_000);
  });

  it('keeps engagement rate by impressions between 0.5 % and 6 % on every platform', async () => {
    // (reactions + comments + shares + saves) ÷ impressions, latest snapshot of each own post; a counter
    // the network does not report adds nothing.
    const rates = await demo.all(`
      SELECT p.platform, sum(coalesce(m.reactions, 0) + coalesce(m.comments, 0) + coalesce(m.shares, 0) + coalesce(m.saves, 0))::DOUBLE / sum(m.impressions) AS rate
      FROM posts p JOIN accounts a ON a.account_id = p.account_id AND NOT a.is_competitor
      JOIN (SELECT post_id, max(snapshot_at) AS latest FROM post_metrics GROUP BY post_id) l ON l.post_id = p.post_id
      JOIN post_metrics m ON m.post_id = l.post_id AND m.snapshot_at = l.latest
      GROUP BY p.platform`);
    expect(rates).toHaveLength(6);
    for (const { platform, rate } of rates) {
      expect(rate, String(platform)).toBeGreaterThan(0.005);
      expect(rate, String(platform)).toBeLessThan(0.06);
    }
  });

  it('writes NULL, not 0, for the counters a network does not report', async () => {
    // Every snapshot of each (network, type): how many rows, and how many carry saves, comments, link clicks.
    const rows = await demo.all(`
      SELECT p.platform, p.content_type, count(*) AS n, count(m.saves) AS saves,
             count(m.comments) AS comments, count(m.link_clicks) AS link_clicks
      FROM posts p JOIN post_metrics m ON m.post_id = p.post_id
      GROUP BY ALL`);
    const counts = (platform: string, type: string) => {
      const row = rows.find((item) => item.platform === platform && item.content_type === type);
      expect(row, `${platform} ${type}`).toBeDefined();
      return [row!.n, row!.saves, row!.comments, row!.link_clicks].map(Number);
    };
    // Instagram stories: no saves, no comments (replies are messages), but link sticker taps.
    const [stories, storySaves, storyComments, storyClicks] = counts('instagram', 'story');
    expect([storySaves, storyComments, storyClicks]).toEqual([0, 0, stories]);
    // Instagram reels: no link clicks, everything else.
    const [reels, reelSaves, reelComments, reelClicks] = counts('instagram', 'reel');
    expect([reelSaves, reelComments, reelClicks]).toEqual([reels, reels, 0]);
    // LinkedIn reports no saves on any post; X reports all three.
    for (const type of new Set(
      rows.filter((row) => row.platform === 'linkedin').map((row) => String(row.content_type)),
    ))
      expect(counts('linkedin', type)[1]).toBe(0);
    for (const type of new Set(
      rows.filter((row) => row.platform === 'x').map((row) => String(row.content_type)),
    )) {
      const [n, saves, comments, clicks] = counts('x', type);
      expect([saves, comments, clicks]).toEqual([n, n, n]);
    }
  });

  it('never loses more than 2 % of an account’s followers from one day to the next', async () => {
    const { worst } = await one(
      demo,
      `
      SELECT min(followers::DOUBLE / previous) AS worst FROM (
        SELECT followers, lag(followers) OVER (PARTITION BY account_id ORDER BY day) AS previous FROM account_daily
      ) WHERE previous IS NOT NULL`,
    );
    expect(worst).toBeGreaterThanOrEqual(0.98);
  });

  it('answers after the item it answers, about 70 % of comments and messages', async () => {
    const replies = await one(
      demo,
      `
      SELECT count(*) AS replies, count(i.interaction_id) AS matched, count(*) FILTER (WHERE r.created_at <= i.created_at) AS early,
             median(date_diff('second', i.created_at, r.created_at)) AS median_seconds
      FROM interactions r LEFT JOIN interactions i ON i.interaction_id = r.reply_to
      WHERE r.is_brand`,
    );
    expect(replies.replies).toBeGreaterThan(0);
    expect(replies.matched).toBe(replies.replies);
    expect(replies.early).toBe(0);
    expect(replies.median_seconds).toBeGreaterThan(1_800);
    expect(replies.median_seconds).toBeLessThan(4 * 3_600);
    const { rate } = await one(
      demo,
      `
      SELECT count(DISTINCT r.reply_to)::DOUBLE / count(DISTINCT i.interaction_id) AS rate
      FROM interactions i LEFT JOIN interactions r ON r.reply_to = i.interaction_id AND r.is_brand
      WHERE i.kind IN ('comment', 'message') AND NOT i.is_brand`,
    );
    expect(rate).toBeGreaterThan(0.6);
    expect(rate).toBeLessThan(0.8);
  });

  it('has a few influencers among many small authors, and repeat authors', async () => {
    const authors = await one(
      demo,
      `
      SELECT count(*) FILTER (WHERE audience >= 10000)::DOUBLE / count(*) AS influencers,
             count(*) FILTER (WHERE items >= 5) AS regulars
      FROM (SELECT author_id, max(author_audience) AS audience, count(*) AS items FROM interactions WHERE NOT is_brand GROUP BY author_id)`,
    );
    expect(authors.influencers).toBeGreaterThan(0.005);
    expect(authors.influencers).toBeLessThan(0.05);
    expect(authors.regulars).toBeGreaterThan(100);
  });

  it('credits web sessions and conversions to the network their source belongs to', async () => {
    const pairs = await demo.all(
      'SELECT DISTINCT source, platform FROM web_sessions UNION SELECT DISTINCT source, platform FROM conversions',
    );
    for (const { source, platform } of pairs)
      expect(platform, String(source)).toBe(platformOfSource(String(source)));
    const { rate } = await one(
      demo,
      `
      SELECT (SELECT count(*) FROM conversions WHERE platform IS NOT NULL)::DOUBLE
           / (SELECT sum(sessions) FROM web_sessions WHERE platform IS NOT NULL) AS rate`,
    );
    expect(rate).toBeGreaterThan(0.01);
    expect(rate).toBeLessThan(0.03);
  });

  it('sets objectives for the current quarter and year', async () => {
    const objectives = await demo.all(
      'SELECT objective_id, kpi, period_from::VARCHAR AS period_from, period_to::VARCHAR AS period_to FROM objectives ORDER BY objective_id',
    );
    expect(objectives.map((row) => row.objective_id)).toEqual([
      'obj-engagement',
      'obj-nps',
      'obj-response-time',
      'obj-sentiment',
      'obj-social-revenue',
      'obj-social-sessions',
    ]);
    for (const { objective_id, period_from, period_to } of objectives) {
      expect(String(period_from) <= TODAY && TODAY <= String(period_to), String(objective_id)).toBe(
        true,
      );
    }
  });

  it('writes nothing when it fails half-way', async () => {
    const store = await openStore(join(directory, 'broken.duckdb'));
    stores.push(store);
    await store.run('DROP TABLE ssi'); // the last tables are written after the posts and interactions
    await expect(generateDemo(store, { seed: 1, scale: 0.2, today: TODAY })).rejects.toThrow();
    expect((await one(store, 'SELECT count(*) AS n FROM interactions')).n).toBe(0);
    expect((await one(store, 'SELECT count(*) AS n FROM posts')).n).toBe(0);
  });

  it('rejects a scale or day it cannot use', async () => {
    await expect(generateDemo(demo, { seed: 1, scale: 0 })).rejects.toThrow(InputError);
    await expect(generateDemo(demo, { seed: 1, scale: 1, today: '2026-02-30' })).rejects.toThrow(
      InputError,
    );
  });
});

describe.skipIf(clickhouseAbsence !== null)('demo data set on ClickHouse', () => {
  it('is generated in a scratch DuckDB file and moved over: the same rows and sums as on DuckDB', async () => {
    const clickhouse = await emptyClickHouseStore();
    try {
      const onClickHouse = await generateDemo(clickhouse, { seed: 42, scale: 1, today: TODAY });
      expect(onClickHouse).toEqual(summary);
      for (const table of TABLES) {
        const count = async (store: Store) =>
          Number((await one(store, `SELECT count(*) AS n FROM ${table.name}`)).n);
        expect(await count(clickhouse), table.name).toBe(await count(demo));
      }
      const sums = async (store: Store) =>
        one(
          store,
          `SELECT (SELECT sum(impressions) FROM post_metrics) AS impressions,
                  (SELECT sum(author_audience) FROM interactions) AS audience,
                  (SELECT round(sum(value), 2) FROM conversions) AS revenue`,
        );
      const [expected, actual] = [await sums(demo), await sums(clickhouse)];
      expect(Object.values(actual).map(Number)).toEqual(Object.values(expected).map(Number));
    } finally {
      clickhouse.close();
    }
  }, 180_000);
});
