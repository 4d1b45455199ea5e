// Each platform export, imported through detection, gives the KPI values computed by hand from the
// fixture rows (test/fixtures/exports) in the comment beside each expectation.
import { afterEach, describe, expect, it } from 'vitest';
import { ENGINES } from '../../engines.ts';
import { importPath } from '../../../src/ingest/index.ts';
import type { Store } from '../../../src/store/index.ts';
import { exportFixture, extraMetrics, kpi, storeWithExports } from './helpers.ts';

let store: Store | undefined;
afterEach(() => store?.close());

describe.each(ENGINES)('%s', (engine) => {
  async function open(...names: string[]): Promise<Store> {
    store = await storeWithExports(engine, ...names);
    return store;
  }

  describe('X / Twitter', () => {
    const file = 'tweet_activity_metrics_maisonlumen_20250101_20250131_en.csv';

    it('detects the post activity export and says so', async () => {
      store = await storeWithExports(engine);
      const [summary] = await importPath(store, exportFixture(file));
      expect(summary.format).toBe('x-post-activity');
      expect(summary.tables).toEqual({ posts: 3, post_metrics: 3, extra_metrics: 3 });
    });

    it('maps likes to reactions, retweets to shares, url clicks to link clicks', async () => {
      const s = await open(file);
      expect(await kpi(s, 'impressions', '2025-01')).toBe(3500); // 1200 + 800 + 1500
      // reactions 40+25+60 = 125, replies 3+1+6 = 10, retweets 5+2+10 = 17, no bookmarks column
      expect(await kpi(s, 'engagements', '2025-01')).toBe(152);
      expect(await kpi(s, 'link_clicks', '2025-01')).toBe(65); // 20 + 0 + 45
      expect(await kpi(s, 'virality_rate', '2025-01')).toBeCloseTo(17 / 3500, 12);
    });

    it('keeps the multi-line post text, the handle from the permalink, and unmapped metrics', async () => {
      const s = await open(file);
      const [post] = await s.all("SELECT * FROM posts WHERE post_id = 'x:1877000000000000001'");
      expect(post.text).toBe('Nouvelle collection, enfin !\nDécouvrez-la en boutique');
      expect(post.account_id).toBe('x:maisonlumen');
      expect(post.published_at).toBe('2025-01-10T09:30:00.000Z');
      const extras = await extraMetrics(s, 'x:1877000000000000001');
      expect(extras['hashtag clicks']).toBe(2);
      expect(extras['promoted impressions']).toBeUndefined(); // "-": not promoted
      expect((await extraMetrics(s, 'x:1877000000000000003'))['promoted impressions']).toBe(1500);
    });

    it('reads the account content export: reposts are shares, bookmarks saves', async () => {
      const s = await open('account_analytics_content_2025-02-01_2025-02-28.csv');
      expect(await kpi(s, 'impressions', '2025-02')).toBe(3500); // "2,400" + "1,100"
      // likes 70+30, replies 8+2, reposts 9+3, bookmarks 12+4 = 100 + 10 + 12 + 16
      expect(await kpi(s, 'engagements', '2025-02')).toBe(138);
      expect(await kpi(s, 'link_clicks', '2025-02')).toBe(41); // 31 + 10
    });
  });

  describe('Meta Business Suite', () => {
    const facebookEnglish = 'Jan-01-2025_Jan-31-2025_1234567890.csv';
    const facebookFrench = 'Publications_fr.csv';

    for (const file of [facebookEnglish, facebookFrench]) {
      it(`reads Facebook Page posts (${file})`, async () => {
        const s = await open(file);
        expect(await kpi(s, 'impressions', '2025-01')).toBe(8000); // 3 000 + 5 000
        expect(await kpi(s, 'reach', '2025-01')).toBe(6000); // 2 100 + 3 900
        // reactions 120+160, comments 18+30, shares 12+20 = 280 + 48 + 32
        expect(await kpi(s, 'engagements', '2025-01')).toBe(360);
        expect(await kpi(s, 'engagement_rate_reach', '2025-01')).toBeCloseTo(360 / 6000, 12);
        expect(await kpi(s, 'link_clicks', '2025-01')).toBe(135); // 95 + 40
        expect(await kpi(s, 'impressions', '2025-01', { content_type: ['video'] })).toBe(5000);
        expect(await kpi(s, 'impressions', '2025-01', { account: ['facebook:maison lumen'] })).toBe(
          8000,
        );
      });
    }

    it('reads French decimals among the extra metrics', async () => {
      const s = await open(facebookFrench);
      const extras = await extraMetrics(s, 'facebook:1234567890_112');
      expect(extras['Moyenne de secondes visionnées']).toBe(3.1); // "3,1"
      expect(extras['Secondes visionnées']).toBe(12000); // "12 000"
    });

    for (const file of ['Instagram_posts_Jan-2025.csv', 'Publications_instagram_fr.csv']) {
      it(`reads Instagram posts (${file})`, async () => {
        const s = await open(file);
        expect(await kpi(s, 'impressions', '2025-01')).toBe(16000); // 4 200 + 9 800 + 2 000
        // likes 310+620+150 = 1080, comments 72, shares 125, saves 48+130+30 = 208
        expect(await kpi(s, 'engagements', '2025-01')).toBe(1485);
        expect(await kpi(s, 'engagement_rate_reach', '2025-01')).toBeCloseTo(1485 / 12000, 12);
        expect(await kpi(s, 'impressions', '2025-01', { content_type: ['reel'] })).toBe(9800);
        expect(await kpi(s, 'impressions', '2025-01', { content_type: ['carousel'] })).toBe(2000);
        const extras = await extraMetrics(s, 'instagram:17900000000000002');
        expect(extras.Follows ?? extras.Abonnements).toBe(15); // no canonical column for follows
      });
    }
  });

  describe('LinkedIn page exports (spreadsheets)', () => {
    it('finds the header under the note row of the content export', async () => {
      const s = await open('maisonlumen_content_1736700000000.xls');
      expect(await kpi(s, 'impressions', '2025-01')).toBe(6600); // 2 500 + 4 100
      // likes 75+140, comments 12+25, reposts 8+19 = 215 + 37 + 27
      expect(await kpi(s, 'engagements', '2025-01')).toBe(279);
      expect(await kpi(s, 'ctr', '2025-01')).toBeCloseTo(190 / 6600, 12); // clicks 60 + 130
      const [post] = await s.all(
        "SELECT * FROM posts WHERE post_id = 'linkedin:7280000000000000002'",
      );
      expect(post).toMatchObject({
        content_type: 'video',
        published_at: '2025-01-21T00:00:00.000Z',
      });
    });

    it('lands followers gained and unique visitors per day, and visits as profile visits, without clobbering', async () => {
      const s = await open(
        'maisonlumen_followers_1736700000000.xlsx',
        'maisonlumen_visitors_1736700000000.xls',
      );
      expect(await kpi(s, 'profile_visits', '2025-01')).toBe(160); // total page views 70 + 90
      const [day] = await s.all(
        "SELECT new_followers, unique_visitors, followers FROM account_daily WHERE account_id = 'linkedin:main' AND CAST(day AS DATE) = '2025-01-07'",
      );
      // "Total followers" is the day's gain, never the followers gauge
      expect(day).toEqual({ new_followers: 22, unique_visitors: 39, followers: null });
      expect((await extraMetrics(s, 'linkedin:main|2025-01-07'))['Organic followers']).toBe(20);
    });
  });

  describe('video platforms', () => {
    it('reads YouTube Studio’s table and skips its Total row', async () => {
      const s = await open('Table data.csv');
      expect(await kpi(s, 'impressions', '2025-01')).toBe(98000); // 61 000 + 37 000, not the total row
      expect(await kpi(s, 'engagements', '2025-01')).toBe(708); // likes 610 + comments 58 + shares 40
      expect((await extraMetrics(s, 'youtube:dQw4w9WgXcQ'))['Watch time (hours)']).toBe(540.2);
    });

    it('reads TikTok content with the video id from its link', async () => {
      const s = await open('Content.csv');
      expect(await kpi(s, 'engagements', '2025-01')).toBe(3460); // likes 3200 + comments 105 + shares 155
      const posts = await s.all('SELECT post_id, account_id FROM posts ORDER BY post_id');
      expect(posts[0]).toEqual({
        post_id: 'tiktok:7450000000000000001',
        account_id: 'tiktok:maisonlumen',
      });
    });

    it('merges TikTok’s overview and follower history on the same days, in either order', async () => {
      for (const order of [
        ['Overview.csv', 'FollowerHistory.csv'],
        ['FollowerHistory.csv', 'Overview.csv'],
      ]) {
        const s = await open(...order);
        expect(await kpi(s, 'followers', '2025-01')).toBe(1025); // last day's total
        expect(await kpi(s, 'profile_visits', '2025-01')).toBe(130); // 40 + 55 + 35
        s.close();
        store = undefined;
      }
    });
  });

  describe('web analytics and surveys', () => {
    it('reads a GA4 report after its # preamble; key events become conversions', async () => {
      const s = await open('ga4_traffic_acquisition_jan.csv');
      // instagram 120 + l.facebook.com 40 + t.co 25; google / organic is not social
      expect(await kpi(s, 'social_sessions', '2025-01')).toBe(185);
      expect(await kpi(s, 'conversions', '2025-01')).toBe(4); // instagram 3 + facebook 1
      expect(await kpi(s, 'social_revenue', '2025-01')).toBe(180); // the instagram row's revenue
      expect(await kpi(s, 'social_conversion_rate', '2025-01')).toBeCloseTo(4 / 185, 12);
      const [row] = await s.all("SELECT * FROM web_sessions WHERE source = 'instagram'");
      expect(row).toMatchObject({
        day: '2025-01-10',
        medium: 'social',
        campaign: 'aube',
        users: 100,
      });
    });

    it('reads a survey tool’s export as NPS answers', async () => {
      const s = await open('typeform_nps_responses.csv');
      // 10, 9, 6, 9, 3: promoters 3, detractors 2 of 5 → 60 % − 40 %
      expect(await kpi(s, 'nps', '2025-01')).toBeCloseTo(20, 9);
      const [answer] = await s.all(
        "SELECT * FROM nps_responses WHERE response_id = 'survey:tok_a5'",
      );
      expect(answer).toMatchObject({ score: 3, comment: 'Colis abîmé, SAV lent' });
    });
  });
});
