// Comparisons, breakdowns, filters, gauges and nulls, on the same hand-checked fixture as kpis.test.ts
// (test/fixtures/kpis). Period arithmetic at calendar edges is in periods.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryKpis } from '../../src/metrics/index.ts';
import { evaluate, DEFAULT_ENGAGEMENT_WEIGHTS } from '../../src/metrics/catalog/index.ts';
import { InputError, previousPeriod, yearEarlier, type Filters } from '../../src/model/index.ts';
import type { Store } from '../../src/store/index.ts';
import { ENGINES, engineStoreWith } from '../engines.ts';
import { addTrackedClicks, rowsOf, valueOf } from '../helpers.ts';

const january = { from: '2025-01-01', to: '2025-01-31' };
describe.each(ENGINES)('on %s', (engine) => {
  let store: Store;
  beforeAll(async () => {
    // link "aube" in p1: two human clicks and one bot in January
    store = await engineStoreWith(engine, 'kpis', addTrackedClicks);
  });
  afterAll(() => store.close());

  describe('comparison periods', () => {
    it('the previous period of January is December, across the year boundary', () => {
      expect(previousPeriod(january)).toEqual({ from: '2024-12-01', to: '2024-12-31' });
    });
    it('the previous period of Q1 is Q4 of the year before', () => {
      expect(previousPeriod({ from: '2025-01-01', to: '2025-03-31' })).toEqual({
        from: '2024-10-01',
        to: '2024-12-31',
      });
    });
    it('the previous period of a custom 10 days is the 10 days before', () => {
      expect(previousPeriod({ from: '2025-01-11', to: '2025-01-20' })).toEqual({
        from: '2025-01-01',
        to: '2025-01-10',
      });
    });
    it('a year before February of a leap year ends on 28 February', () => {
      expect(yearEarlier({ from: '2024-02-01', to: '2024-02-29' })).toEqual({
        from: '2023-02-01',
        to: '2023-02-28',
      });
      expect(yearEarlier({ from: '2024-02-29', to: '2024-02-29' })).toEqual({
        from: '2023-02-28',
        to: '2023-02-28',
      });
    });
    it('a year before March 2025 is March 2024, whatever the leap day', () => {
      expect(yearEarlier({ from: '2025-03-01', to: '2025-03-31' })).toEqual({
        from: '2024-03-01',
        to: '2024-03-31',
      });
    });
  });

  describe('comparisons', () => {
    it('compares January with December and with January a year earlier, signed the good way', async () => {
      const response = await queryKpis(store, {
        kpis: ['impressions'],
        period: january,
        compare: ['previous', 'yoy'],
      });
      const [row] = response.results[0].rows;
      // December: p5 800; January 2024: p6 500. January 2025: 4000.
      expect(row.previous).toEqual({ value: 800, delta: 3200, change: 4, good: true });
      expect(row.yoy).toEqual({ value: 500, delta: 3500, change: 7, good: true });
      expect(response.comparisons).toEqual({
        previous: { from: '2024-12-01', to: '2024-12-31' },
        yoy: { from: '2024-01-01', to: '2024-01-31' },
      });
    });
    it('a drop of a lower-is-better KPI is good', async () => {
      const response = await queryKpis(store, {
        kpis: ['response_time_median'],
        period: { from: '2025-01-16', to: '2025-01-31' },
        compare: ['previous'],
      });
      // 16–31 Jan: only i5 answered after 1800 s; 31 Dec–15 Jan: i13 after 86 400 s (i1 is praise
      // that expects no answer)
      expect(response.results[0].rows[0]).toMatchObject({
        value: 1800,
        previous: { value: 86400, delta: -84600, good: true },
      });
    });
  });

  describe('empty periods and zero denominators', () => {
    it('a period without data gives null, for sums and for counts', async () => {
      const march = { period: { from: '2025-03-01', to: '2025-03-31' } };
      expect(await valueOf(store, 'impressions', march)).toBeNull();
      expect(await valueOf(store, 'mentions', march)).toBeNull();
      expect(await valueOf(store, 'nps', march)).toBeNull();
      expect(await valueOf(store, 'engagement_rate_impressions', march)).toBeNull();
    });
    it('a period with interactions but no mention has 0 mentions, not null', async () => {
      // 16–17 Jan: only i14 (the brand's reply) and i19 (a share)
      expect(
        await valueOf(store, 'mentions', { period: { from: '2025-01-16', to: '2025-01-17' } }),
      ).toBe(0);
    });
    it('net sentiment is null when there are only neutral interactions (0 ÷ 0), positive share is 0', async () => {
      const day = { period: { from: '2025-01-21', to: '2025-01-21' } }; // only i5, neutral (i6 is the brand's)
      expect(await valueOf(store, 'net_sentiment', day)).toBeNull();
      expect(await valueOf(store, 'sentiment_positive_share', day)).toBe(0);
    });
    it('a ratio whose denominator is 0 is null, and a sum of unknown terms is null', () => {
      const formula = {
        op: 'div' as const,
        args: [{ measure: 'shares' as const }, { measure: 'impressions' as const }] as [
          never,
          never,
        ],
      };
      expect(
        evaluate(formula, { shares: 3, impressions: 0 }, DEFAULT_ENGAGEMENT_WEIGHTS),
      ).toBeNull();
      expect(
        evaluate(
          { op: 'add', args: [{ measure: 'saves' }, { measure: 'shares' }] },
          { saves: null, shares: null },
          DEFAULT_ENGAGEMENT_WEIGHTS,
        ),
      ).toBeNull();
      expect(
        evaluate(
          { op: 'add', args: [{ measure: 'saves' }, { measure: 'shares' }] },
          { saves: null, shares: 2 },
          DEFAULT_ENGAGEMENT_WEIGHTS,
        ),
      ).toBe(2);
    });
  });

  describe('gauges', () => {
    it('followers by month take each month’s last value, never a sum of days', async () => {
      // December: 10 000 + 4 000; January: 10 600 + 4 400 (the 15 Jan value 10 400 is not added)
      expect(
        await rowsOf(store, 'followers', {
          period: { from: '2024-12-01', to: '2025-01-31' },
          breakdown: ['month'],
        }),
      ).toEqual([
        [{ month: '2024-12-01' }, 14000],
        [{ month: '2025-01-01' }, 15000],
      ]);
    });
    it('followers at the end of a period with no new value keep the last known one', async () => {
      expect(
        await valueOf(store, 'followers', { period: { from: '2025-02-01', to: '2025-02-28' } }),
      ).toBe(15000);
    });
    it('follower growth starts from the last value before the period, however old', async () => {
      // 16–31 Jan: start = instagram 10 400 (15 Jan) + linkedin 4 000 (31 Dec) = 14 400; end 15 000
      const second = { period: { from: '2025-01-16', to: '2025-01-31' } };
      expect(await valueOf(store, 'follower_growth', second)).toBe(600);
      expect(await valueOf(store, 'follower_growth_rate', second)).toBeCloseTo(600 / 14400, 12);
    });
    it('follower growth of a month without new values is 0', async () => {
      // February: start and end are both the 31 Jan values, 15 000
      expect(
        await valueOf(store, 'follower_growth', {
          period: { from: '2025-02-01', to: '2025-02-28' },
        }),
      ).toBe(0);
    });
    it('followers by account', async () => {
      expect(await rowsOf(store, 'followers', { period: january, breakdown: ['account'] })).toEqual(
        [
          [{ account: 'instagram:lumen' }, 10600],
          [{ account: 'linkedin:lumen' }, 4400],
        ],
      );
    });
    it('followers of one account', async () => {
      expect(
        await valueOf(store, 'followers', {
          period: january,
          filters: { account: ['linkedin:lumen'] },
        }),
      ).toBe(4400);
    });
  });

  describe('breakdowns and filters', () => {
    it('engagement rate by platform', async () => {
      // instagram: (80+10+6+4 + 30+5+1+4) ÷ 3000 = 140 ÷ 3000; linkedin: (20+5+3) ÷ 1000
      expect(
        await rowsOf(store, 'engagement_rate_impressions', {
          period: january,
          breakdown: ['platform'],
        }),
      ).toEqual([
        [{ platform: 'instagram' }, 140 / 3000],
        [{ platform: 'linkedin' }, 28 / 1000],
      ]);
    });
    it('impressions by month and platform', async () => {
      expect(
        await rowsOf(store, 'impressions', {
          period: { from: '2024-12-01', to: '2025-01-31' },
          breakdown: ['month', 'platform'],
        }),
      ).toEqual([
        [{ month: '2024-12-01', platform: 'instagram' }, 800],
        [{ month: '2024-12-01', platform: 'linkedin' }, null],
        [{ month: '2025-01-01', platform: 'instagram' }, 3000],
        [{ month: '2025-01-01', platform: 'linkedin' }, 1000],
      ]);
    });
    it('weeks start on Monday', async () => {
      // p1 Fri 10 Jan → week of 6 Jan; p3 Wed 15 Jan → 13 Jan; p2 Mon 20 Jan → 20 Jan
      expect(
        await rowsOf(store, 'impressions', {
          period: { from: '2025-01-06', to: '2025-01-26' },
          breakdown: ['week'],
        }),
      ).toEqual([
        [{ week: '2025-01-06' }, 2000],
        [{ week: '2025-01-13' }, 1000],
        [{ week: '2025-01-20' }, 1000],
      ]);
    });
    it('impressions by quarter', async () => {
      expect(
        await rowsOf(store, 'impressions', {
          period: { from: '2024-10-01', to: '2025-03-31' },
          breakdown: ['quarter'],
        }),
      ).toEqual([
        [{ quarter: '2024-10-01' }, 800],
        [{ quarter: '2025-01-01' }, 4000],
      ]);
    });
    it('by campaign and by content type', async () => {
      expect(
        await rowsOf(store, 'impressions', { period: january, breakdown: ['campaign'] }),
      ).toEqual([
        [{ campaign: null }, 1000],
        [{ campaign: 'spring' }, 3000],
      ]);
      expect(
        await rowsOf(store, 'engagements', { period: january, breakdown: ['content_type'] }),
      ).toEqual([
        [{ content_type: 'image' }, 100],
        [{ content_type: 'reel' }, 40],
        [{ content_type: 'text' }, 28],
      ]);
    });
    it('conversions by type', async () => {
      expect(
        await rowsOf(store, 'conversions', { period: january, breakdown: ['conversion_type'] }),
      ).toEqual([
        [{ conversion_type: 'lead' }, 1],
        [{ conversion_type: 'newsletter' }, 1],
        [{ conversion_type: 'purchase' }, 1],
        [{ conversion_type: 'referral' }, 1],
      ]);
    });
    it('comments under posts follow the post’s campaign', async () => {
      // spring posts p1 and p3: i1 +, i2 −, i15 +, i13 − → 2 ÷ 4
      expect(
        await valueOf(store, 'sentiment_positive_share', {
          period: january,
          filters: { campaign: ['spring'] },
        }),
      ).toBe(0.5);
    });
    it('each filter keeps the posts it names', async () => {
      const impressions = (filters: Filters) =>
        valueOf(store, 'impressions', { period: january, filters });
      expect(await impressions({ platform: ['linkedin'] })).toBe(1000); // p3
      expect(await impressions({ platform: ['instagram', 'linkedin'] })).toBe(4000); // p1 + p2 + p3
      expect(await impressions({ account: ['instagram:lumen'] })).toBe(3000); // p1 2000 + p2 1000
      expect(await impressions({ campaign: ['spring'] })).toBe(3000); // p1 2000 + p3 1000
      expect(await impressions({ content_type: ['text'] })).toBe(1000); // p3
      // p1 (80+10+6+4) + p2 (30+5+1+4)
      expect(
        await valueOf(store, 'engagements', {
          period: january,
          filters: { account: ['instagram:lumen'] },
        }),
      ).toBe(140);
    });
    it('competitor posts never count, even when their account is asked for', async () => {
      // p4 belongs to instagram:rival: no own post is left
      expect(
        await valueOf(store, 'impressions', {
          period: january,
          filters: { account: ['instagram:rival'] },
        }),
      ).toBeNull();
    });
    it('impressions by account', async () => {
      expect(
        await rowsOf(store, 'impressions', { period: january, breakdown: ['account'] }),
      ).toEqual([
        [{ account: 'instagram:lumen' }, 3000],
        [{ account: 'linkedin:lumen' }, 1000],
      ]);
    });
    it('link clicks by post: tracked clicks follow the post their link is in', async () => {
      // p1 30 + two human clicks on "aube" (the bot left out); p2 10; p3 20
      expect(await rowsOf(store, 'link_clicks', { period: january, breakdown: ['post'] })).toEqual([
        [{ post: 'p1' }, 32],
        [{ post: 'p2' }, 10],
        [{ post: 'p3' }, 20],
      ]);
    });
    it('filters combine: platform and content type', async () => {
      expect(
        await valueOf(store, 'impressions', {
          period: january,
          filters: { platform: ['instagram'], content_type: ['reel'] },
        }),
      ).toBe(1000);
    });
    it('a filter the KPI’s data cannot take is ignored and reported', async () => {
      const response = await queryKpis(store, {
        kpis: ['nps'],
        period: january,
        filters: { platform: ['instagram'] },
      });
      expect(response.results[0]).toMatchObject({
        ignoredFilters: ['platform'],
        rows: [{ value: 40 }],
      });
    });
    it('a breakdown that no requested KPI supports is refused, naming the allowed ones', async () => {
      await expect(
        queryKpis(store, { kpis: ['nps'], period: january, breakdown: ['platform'] }),
      ).rejects.toThrow(
        new InputError(
          'nps cannot be broken down by platform; it can by day, week, month, quarter, year',
        ),
      );
    });
    it('beside a KPI that supports it, an unsplittable KPI is a total and says so', async () => {
      const response = await queryKpis(store, {
        kpis: ['impressions', 'nps'],
        period: january,
        breakdown: ['platform'],
      });
      expect(response.results[1]).toMatchObject({
        id: 'nps',
        ignoredBreakdowns: ['platform'],
        rows: [{ key: {}, value: 40 }],
      });
    });
  });

  describe('top lists', () => {
    it('ranks posts by weighted engagement', async () => {
      // p1: 80 + 10×2 + 4×2 + 6×3 = 126; p2: 30 + 10 + 8 + 3 = 51; p3: 20 + 10 + 0 + 9 = 39
      const response = await queryKpis(store, {
        kpis: ['weighted_engagement', 'impressions'],
        period: january,
        breakdown: ['post'],
        top: { limit: 2 },
      });
      expect(
        response.results.map((result) => result.rows.map((row) => [row.key.post, row.value])),
      ).toEqual([
        [
          ['p1', 126],
          ['p2', 51],
        ],
        [
          ['p1', 2000],
          ['p2', 1000],
        ],
      ]);
    });
    it('custom weights change the ranking', async () => {
      // share weight 10: p1 80 + 10×2 + 4×2 + 6×10 = 168; p3 20 + 5×2 + 0 + 3×10 = 60; p2 30 + 10 + 8 + 10 = 58
      expect(
        await rowsOf(store, 'weighted_engagement', {
          period: january,
          breakdown: ['post'],
          weights: { reaction: 1, comment: 2, save: 2, share: 10 },
          top: { limit: 3 },
        }),
      ).toEqual([
        [{ post: 'p1' }, 168],
        [{ post: 'p3' }, 60],
        [{ post: 'p2' }, 58],
      ]);
    });
    it('bottom lists rank from the lowest', async () => {
      expect(
        await rowsOf(store, 'weighted_engagement', {
          period: january,
          breakdown: ['post'],
          top: { limit: 1, ascending: true },
        }),
      ).toEqual([[{ post: 'p3' }, 39]]);
    });
    it('a ratio ranks only rows whose denominator reaches the minimum base', async () => {
      // labelled comments by others: p1 i1 + i15 positive, i2 negative → 2/3; p2 i4 positive → 1/1;
      // p3 i13 negative → 0/1 (the brand's replies and unlabelled shares are not in the base)
      const ranked = (minimumBase?: number) =>
        rowsOf(store, 'sentiment_positive_share', {
          period: january,
          breakdown: ['post'],
          top: { limit: 3, minimumBase },
        });
      expect(await ranked()).toEqual([
        [{ post: 'p2' }, 1],
        [{ post: 'p1' }, 2 / 3],
        [{ post: 'p3' }, 0],
      ]);
      expect(await ranked(2)).toEqual([[{ post: 'p1' }, 2 / 3]]);
    });
  });
});
