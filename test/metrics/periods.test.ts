// Periods at the edges of the calendar, through the engine (test/fixtures/periods). Each post has a
// power-of-two impressions count, so a sum says exactly which posts were counted:
//   2023: feb1_23 512 (1 Feb), feb28_23 1024 (28 Feb), mar1_23 2048 (1 Mar 06:00)
//   2024: jan24 16384 (15 Jan), feb1_24 8192 (1 Feb), feb29_24 4096 (29 Feb), sep30 1 (30 Sep),
//         oct1 2 (1 Oct 00:00), dec31 4 (31 Dec 23:59:59), newyear_paris 8 (1 Jan 2025 00:30 +01:00 =
//         31 Dec 23:30 UTC)
//   2025: jan1 16 (1 Jan 00:00), jan10 32 (10 Jan 23:00), jan11 64 (11 Jan 00:00), jan20 128,
//         zero 0 (10 Feb, a post with 0 impressions), mar31 256 (31 Mar 23:00)
// Spend 100 on 10 Feb 2025; one conversion, from google (not social), on 11 Feb 2025.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryKpis, type KpiRequest } from '../../src/metrics/index.ts';
import type { Period } from '../../src/model/index.ts';
import type { Store } from '../../src/store/index.ts';
import { ENGINES, engineStoreWith } from '../engines.ts';
import { rowsOf, valueOf } from '../helpers.ts';

describe.each(ENGINES)('on %s', (engine) => {
  let store: Store;
  beforeAll(async () => (store = await engineStoreWith(engine, 'periods')));
  afterAll(() => store.close());

  async function impressionsWith(period: Period, compare: KpiRequest['compare']) {
    const response = await queryKpis(store, { kpis: ['impressions'], period, compare });
    const [row] = response.results[0].rows;
    return {
      comparisons: response.comparisons,
      value: row.value,
      previous: row.previous?.value,
      yoy: row.yoy?.value,
    };
  }

  describe('periods are whole UTC days', () => {
    it('a post at 00:30 in Paris on 1 January belongs to 31 December', async () => {
      // January: jan1 16 + jan10 32 + jan11 64 + jan20 128 = 240; December: dec31 4 + newyear_paris 8 = 12
      expect(
        await valueOf(store, 'impressions', { period: { from: '2025-01-01', to: '2025-01-31' } }),
      ).toBe(240);
      expect(
        await valueOf(store, 'impressions', { period: { from: '2024-12-01', to: '2024-12-31' } }),
      ).toBe(12);
    });
    it('by day around midnight on New Year’s Eve', async () => {
      expect(
        await rowsOf(store, 'impressions', {
          period: { from: '2024-12-31', to: '2025-01-01' },
          breakdown: ['day'],
        }),
      ).toEqual([
        [{ day: '2024-12-31' }, 12], // dec31 4 + newyear_paris 8
        [{ day: '2025-01-01' }, 16], // jan1
      ]);
    });
  });

  describe('comparisons across the year boundary', () => {
    it('January 2025 is compared with December 2024 and January 2024', async () => {
      expect(
        await impressionsWith({ from: '2025-01-01', to: '2025-01-31' }, ['previous', 'yoy']),
      ).toEqual({
        comparisons: {
          previous: { from: '2024-12-01', to: '2024-12-31' },
          yoy: { from: '2024-01-01', to: '2024-01-31' },
        },
        value: 240,
        previous: 12, // dec31 4 + newyear_paris 8
        yoy: 16384, // jan24
      });
    });
    it('Q1 2025 is compared with Q4 2024', async () => {
      expect(await impressionsWith({ from: '2025-01-01', to: '2025-03-31' }, ['previous'])).toEqual(
        {
          comparisons: { previous: { from: '2024-10-01', to: '2024-12-31' } },
          value: 496, // 240 + zero 0 + mar31 256
          previous: 14, // oct1 2 + dec31 4 + newyear_paris 8 (sep30 is in Q3)
          yoy: undefined,
        },
      );
    });
    it('Q1 by month lines each month up with the same month of Q4', async () => {
      const response = await queryKpis(store, {
        kpis: ['impressions'],
        period: { from: '2025-01-01', to: '2025-03-31' },
        breakdown: ['month'],
        compare: ['previous'],
      });
      expect(
        response.results[0].rows.map((row) => [row.key.month, row.value, row.previous?.value]),
      ).toEqual([
        ['2025-01-01', 240, 2], // October: oct1
        ['2025-02-01', 0, null], // February has a post with 0 impressions; November has no post
        ['2025-03-01', 256, 12], // December: dec31 + newyear_paris
      ]);
    });
  });

  describe('year over year with a leap day', () => {
    it('February 2024 (29 days) is compared with February 2023 (28 days)', async () => {
      expect(await impressionsWith({ from: '2024-02-01', to: '2024-02-29' }, ['yoy'])).toEqual({
        comparisons: { yoy: { from: '2023-02-01', to: '2023-02-28' } },
        value: 12288, // feb1_24 8192 + feb29_24 4096
        yoy: 1536, // feb1_23 512 + feb28_23 1024; mar1_23 is in March
        previous: undefined,
      });
    });
    it('a period ending on 29 February 2024 is compared with one ending on 28 February 2023', async () => {
      expect(await impressionsWith({ from: '2024-02-20', to: '2024-02-29' }, ['yoy'])).toEqual({
        comparisons: { yoy: { from: '2023-02-20', to: '2023-02-28' } },
        value: 4096, // feb29_24
        yoy: 1024, // feb28_23
        previous: undefined,
      });
    });
  });

  describe('a year after a leap day', () => {
    it('February 2025 is compared with all of February 2024, 29th included', async () => {
      expect(await impressionsWith({ from: '2025-02-01', to: '2025-02-28' }, ['yoy'])).toEqual({
        comparisons: { yoy: { from: '2024-02-01', to: '2024-02-29' } },
        value: 0, // zero
        yoy: 12288, // feb1_24 8192 + feb29_24 4096
        previous: undefined,
      });
    });
    it('the previous period of March 2024 is February 2024 with its 29 days', async () => {
      expect(await impressionsWith({ from: '2024-03-01', to: '2024-03-31' }, ['previous'])).toEqual(
        {
          comparisons: { previous: { from: '2024-02-01', to: '2024-02-29' } },
          value: null, // no post in March 2024
          previous: 12288,
          yoy: undefined,
        },
      );
    });
  });

  describe('custom periods', () => {
    it('the previous period of 10 days is the 10 days before', async () => {
      expect(await impressionsWith({ from: '2025-01-11', to: '2025-01-20' }, ['previous'])).toEqual(
        {
          comparisons: { previous: { from: '2025-01-01', to: '2025-01-10' } },
          value: 192, // jan11 64 + jan20 128
          previous: 48, // jan1 16 + jan10 32 (23:00 on 10 Jan is still the 10th)
          yoy: undefined,
        },
      );
    });
  });

  describe('time buckets across the year boundary', () => {
    it('the week of Monday 30 December 2024 is one bucket', async () => {
      expect(
        await rowsOf(store, 'impressions', {
          period: { from: '2024-12-30', to: '2025-01-05' },
          breakdown: ['week'],
        }),
      ).toEqual([[{ week: '2024-12-30' }, 28]]); // dec31 4 + newyear_paris 8 + jan1 16
    });
    it('by year', async () => {
      expect(
        await rowsOf(store, 'impressions', {
          period: { from: '2023-01-01', to: '2025-12-31' },
          breakdown: ['year'],
        }),
      ).toEqual([
        [{ year: '2023-01-01' }, 3584], // 512 + 1024 + 2048
        [{ year: '2024-01-01' }, 28687], // 16384 + 8192 + 4096 + 1 + 2 + 4 + 8
        [{ year: '2025-01-01' }, 496], // 16 + 32 + 64 + 128 + 0 + 256
      ]);
    });
  });

  describe('zero is a value, nothing is null', () => {
    const february = { period: { from: '2025-02-01', to: '2025-02-28' } };
    it('a month whose only post has 0 impressions has 0 impressions and 0 engagements', async () => {
      expect(await valueOf(store, 'impressions', february)).toBe(0);
      expect(await valueOf(store, 'engagements', february)).toBe(0);
    });
    it('rates over 0 impressions are null, not 0 or NaN', async () => {
      for (const id of [
        'engagement_rate_impressions',
        'engagement_rate_reach',
        'ctr',
        'virality_rate',
      ])
        expect(await valueOf(store, id, february), id).toBeNull();
    });
    it('spend with no conversion from social: CPA is null (÷ 0), ROI is −100 %', async () => {
      // conversions from social: 0 (the google one is not social); social revenue 0; spend 100
      expect(await valueOf(store, 'conversions', february)).toBe(0);
      expect(await valueOf(store, 'cpa', february)).toBeNull();
      expect(await valueOf(store, 'social_roi', february)).toBe(-1); // (0 − 100) ÷ 100
    });
    it('a month without any post is null', async () => {
      expect(
        await valueOf(store, 'impressions', { period: { from: '2024-11-01', to: '2024-11-30' } }),
      ).toBeNull();
    });
  });

  describe('a period not over is evaluated to date', () => {
    // Today is pinned to Monday 10 February 2025: Q1 2025 has run 41 days (31 in January + 10).
    const today = '2025-02-10';
    const q1 = { from: '2025-01-01', to: '2025-03-31' };

    it('Q1 2025 to 10 Feb is compared with the same 41 days of Q4 2024 and Q1 2024', async () => {
      const response = await queryKpis(store, {
        kpis: ['impressions'],
        period: q1,
        compare: ['previous', 'yoy'],
        today,
      });
      expect(response.period).toEqual({
        from: '2025-01-01',
        to: '2025-02-10',
        toDate: true,
        requested: q1,
      });
      // Q4 2024 from 1 Oct for 41 days: 1 Oct + 40 days = 10 Nov. A year earlier: the same dates.
      expect(response.comparisons).toEqual({
        previous: { from: '2024-10-01', to: '2024-11-10' },
        yoy: { from: '2024-01-01', to: '2024-02-10' },
      });
      const [row] = response.results[0].rows;
      // now: jan1 16 + jan10 32 + jan11 64 + jan20 128 + zero 0 = 240
      expect(row.value).toBe(240);
      // Q4 2024 to 10 Nov: oct1 2 (dec31 and newyear_paris come later)
      expect(row.previous?.value).toBe(2);
      // 1 Jan–10 Feb 2024: jan24 16384 + feb1_24 8192 = 24576 (feb29_24 comes later)
      expect(row.yoy?.value).toBe(24576);
    });

    it('the whole earlier periods stay available as an explicit choice', async () => {
      const response = await queryKpis(store, {
        kpis: ['impressions'],
        period: q1,
        compare: ['previous', 'yoy'],
        today,
        comparisonSpan: 'full',
      });
      expect(response.comparisonSpan).toBe('full');
      expect(response.comparisons).toEqual({
        previous: { from: '2024-10-01', to: '2024-12-31' },
        yoy: { from: '2024-01-01', to: '2024-03-31' },
      });
      const [row] = response.results[0].rows;
      expect(row.value).toBe(240); // the current period is still to date
      expect(row.previous?.value).toBe(14); // oct1 2 + dec31 4 + newyear_paris 8
      expect(row.yoy?.value).toBe(28672); // jan24 16384 + feb1_24 8192 + feb29_24 4096
    });

    it('by month: no bucket for March, which has not started, and February marked running', async () => {
      const response = await queryKpis(store, {
        kpis: ['impressions'],
        period: q1,
        breakdown: ['month'],
        compare: ['yoy'],
        today,
      });
      const rows = response.results[0].rows.map((row) => ({
        month: row.key.month,
        value: row.value,
        yoy: row.yoy?.value,
        running: row.running ?? false,
      }));
      expect(rows).toEqual([
        // January: 16 + 32 + 64 + 128; January 2024: jan24 16384
        { month: '2025-01-01', value: 240, yoy: 16384, running: false },
        // 1–10 February: zero 0; 1–10 February 2024: feb1_24 8192
        { month: '2025-02-01', value: 0, yoy: 8192, running: true },
      ]);
    });

    it('a period that ended before today is unchanged', async () => {
      const response = await queryKpis(store, {
        kpis: ['impressions'],
        period: { from: '2025-01-01', to: '2025-01-31' },
        today,
      });
      expect(response.period.toDate).toBe(false);
      expect(response.period.to).toBe('2025-01-31');
    });

    it('a period that starts after today is refused, naming both days', async () => {
      await expect(
        queryKpis(store, {
          kpis: ['impressions'],
          period: { from: '2025-03-01', to: '2025-03-31' },
          today,
        }),
      ).rejects.toThrow('the period starts (2025-03-01) after today (2025-02-10)');
    });
  });

  describe('rows without a breakdown value', () => {
    it('a conversion from google is not a "(none)" platform row of social revenue worth 0', async () => {
      // February 2025 holds one conversion, from google (no social platform): social revenue has no row.
      expect(
        await rowsOf(store, 'social_revenue', {
          period: { from: '2025-02-01', to: '2025-02-28' },
          breakdown: ['platform'],
          today: '2025-06-01',
        }),
      ).toEqual([]);
    });
  });
});
