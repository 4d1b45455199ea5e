// A drill-down in one request: /api/drilldown carries the ranked posts, the first page of comments and
// the advocates its panels show, the same rows as the separate routes; the funnel is computed once per
// data version for every route that shows it, and a write computes it afresh.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, testApp } from './app.ts';
import { funnelMemoOf } from '../../src/server/shared-funnel.ts';
import type { Store } from '../../src/store/index.ts';
import { ENGINES, emptyStore } from '../engines.ts';

const at = (day: string, time = '10:00') => Date.parse(`${day}T${time}:00Z`);
const MARCH = 'from=2025-03-01&to=2025-03-31';

describe.each(ENGINES)('%s', (engine) => {
  let store: Store;
  let app: FastifyInstance;
  let admin: Record<string, string>;

  type Cell = string | number | boolean | null;

  async function addPosts(rows: [string, number, number, number, number, number][]) {
    await store.transaction(async (tx) => {
      await tx.append(
        'posts',
        ['post_id', 'account_id', 'platform', 'published_at', 'content_type', 'text'],
        rows.map(([id], index) => [
          id,
          'ig:lumen',
          'instagram',
          at(`2025-03-0${index + 2}`),
          'image',
          `post ${id}`,
        ]),
      );
      await tx.append(
        'post_metrics',
        ['post_id', 'snapshot_at', 'impressions', 'reactions', 'comments', 'shares', 'saves'],
        rows.map(([id, ...counters]) => [id, at('2025-03-20'), ...counters]),
      );
    });
  }

  async function seed() {
    await store.transaction(async (tx) => {
      await tx.append(
        'accounts',
        ['account_id', 'platform', 'handle', 'name', 'is_competitor'],
        [['ig:lumen', 'instagram', 'lumen', 'Lumen', false]],
      );
      const comment = (
        id: string,
        author: string,
        sentiment: string,
        score: number,
        day: string,
      ): Cell[] => [
        id,
        'instagram',
        'ig:lumen',
        'p1',
        'comment',
        author,
        `Author ${author}`,
        at(day),
        `text ${id}`,
        sentiment,
        score,
        false,
      ];
      await tx.append(
        'interactions',
        [
          'interaction_id',
          'platform',
          'account_id',
          'post_id',
          'kind',
          'author_id',
          'author_name',
          'created_at',
          'text',
          'sentiment',
          'sentiment_score',
          'is_brand',
        ],
        [
          // "fan" writes twice in a positive way: an advocate (2 ≥ 2); "critic" once, negatively.
          comment('c1', 'critic', 'negative', -0.9, '2025-03-05'),
          comment('c2', 'fan', 'positive', 0.8, '2025-03-06'),
          comment('c3', 'fan', 'positive', 0.6, '2025-03-07'),
          comment('c4', 'calm', 'neutral', 0, '2025-03-08'),
        ],
      );
    });
    // impressions, reactions, comments, shares, saves
    await addPosts([
      ['p1', 1000, 40, 5, 5, 0], // (40 + 5 + 5) / 1000 = 5 %
      ['p2', 400, 30, 2, 0, 0], //  32 / 400 = 8 %
      ['p3', 200, 2, 0, 0, 0], //   2 / 200 = 1 %
    ]);
  }

  beforeAll(async () => {
    store = await emptyStore(engine);
    await seed();
    app = await testApp(store);
    admin = await bearer(store, 'admin');
  });
  afterAll(async () => {
    await app.close();
    store.close();
  });

  async function get(url: string) {
    const response = await app.inject({ url, headers: admin });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }

  const postsOf = (response: { results: { rows: { key: { post: string } }[] }[] }) =>
    response.results[0].rows.map((row) => row.key.post);

  describe('one request per drill-down', () => {
    it('carries the posts ranked by engagement rate, best and worst, with their counters', async () => {
      const { rankedPosts } = await get(`/api/drilldown?id=engagement_rate_impressions&${MARCH}`);
      expect(rankedPosts.ranking).toBe('engagement_rate_impressions');
      expect(rankedPosts.minimumBase).toBe(10);
      // 8 % > 5 % > 1 %.
      expect(postsOf(rankedPosts.top)).toEqual(['p2', 'p1', 'p3']);
      expect(postsOf(rankedPosts.bottom)).toEqual(['p3', 'p1', 'p2']);
      const p2 = rankedPosts.posts.find((post: { post_id: string }) => post.post_id === 'p2');
      expect([p2.impressions, p2.reactions, p2.comments]).toEqual([400, 30, 2]);
      // The same rows as the separate call the page used to make.
      const separate = await get(
        `/api/kpi?ids=engagement_rate_impressions&by=post&min_base=10&top=5&${MARCH}`,
      );
      expect(postsOf(separate)).toEqual(postsOf(rankedPosts.top));
    });

    it('carries the first page of comments, most negative first, as /api/interactions gives it', async () => {
      const { comments } = await get(`/api/drilldown?id=sentiment_positive_share&${MARCH}`);
      // -0.9, 0, 0.6, 0.8.
      expect(comments.rows.map((row: { interaction_id: string }) => row.interaction_id)).toEqual([
        'c1',
        'c4',
        'c3',
        'c2',
      ]);
      expect(comments.total).toBe(4);
      const separate = await get(`/api/interactions?sort=negative&limit=10&${MARCH}`);
      expect(comments.rows).toEqual(separate.rows);
    });

    it('carries the advocates of an advocacy drill-down, and no lists a KPI does not show', async () => {
      const advocacy = await get(`/api/drilldown?id=advocates&${MARCH}`);
      expect(
        advocacy.people.advocates.map((row: { author_id: string; support: number }) => [
          row.author_id,
          row.support,
        ]),
      ).toEqual([['fan', 2]]);
      expect(advocacy.comments).toBeNull();
      expect(advocacy.rankedPosts).toBeNull();
      const impressions = await get(`/api/drilldown?id=impressions&${MARCH}`);
      expect(impressions.people).toBeNull();
      expect(impressions.comments).toBeNull();
    });
  });

  describe('the funnel, once per data version', () => {
    it('is computed once for /api/funnel and every drill-down of the period, and afresh after a write', async () => {
      // A span no other test asked about, so that the count starts here.
      const SPAN = 'from=2025-03-01&to=2025-03-30';
      const memo = funnelMemoOf(store);
      const before = memo.computed;
      const headline = (funnel: {
        stages: { headline: string; kpis: { id: string; value: number }[] }[];
      }) => funnel.stages[0].kpis.find((kpi) => kpi.id === 'impressions')!.value;
      const alone = await get(`/api/funnel?compare=yoy&${SPAN}`);
      const engagements = await get(`/api/drilldown?id=engagements&${SPAN}`);
      const rate = await get(`/api/drilldown?id=engagement_rate_impressions&compare=yoy&${SPAN}`);
      // 1 000 + 400 + 200 impressions.
      expect([headline(alone), headline(engagements.funnel), headline(rate.funnel)]).toEqual([
        1600, 1600, 1600,
      ]);
      expect(memo.computed - before).toBe(1);
      const versionBefore = store.dataVersion;
      await addPosts([['p4', 400, 4, 0, 0, 0]]);
      expect(store.dataVersion).not.toBe(versionBefore);
      const afterWrite = await get(`/api/drilldown?id=engagements&${SPAN}`);
      // 1 600 + 400: the cached answer and the memo both moved on with the write.
      expect(headline(afterWrite.funnel)).toBe(2000);
      expect(headline(await get(`/api/funnel?compare=yoy&${SPAN}`))).toBe(2000);
      expect(memo.computed - before).toBe(2);
    });
  });
});
