// Every ratio carries its base; NPS its margin of error (test/fixtures/kpis: 10 survey answers in
// January 2025 — scores 10, 9, 8, 7, 6, 10, 10, 3, 9, 9).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryKpis } from '../../src/metrics/index.ts';
import type { Store } from '../../src/store/index.ts';
import { ENGINES, engineStoreWith } from '../engines.ts';

describe.each(ENGINES)('on %s', (engine) => {
  let store: Store;
  beforeAll(async () => (store = await engineStoreWith(engine, 'kpis')));
  afterAll(() => store.close());

  const january = { from: '2025-01-01', to: '2025-01-31' };

  describe('NPS with its answers and margin of error', () => {
    it('10 answers, 6 promoters, 2 detractors: NPS 40 ± 49.6 points, low base', async () => {
      const response = await queryKpis(store, {
        kpis: ['nps'],
        period: january,
        today: '2025-06-01',
      });
      const [row] = response.results[0].rows;
      // promoters (9–10): 10, 9, 10, 10, 9, 9 = 6; detractors (0–6): 6, 3 = 2 → 100 × (6 − 2) ÷ 10 = 40
      expect(row.value).toBe(40);
      expect(row.base).toEqual({ value: 10, noun: 'answers', minimum: 30, low: true });
      // p_P = 0.6, p_D = 0.2; var = (0.6 + 0.2 − 0.4²) ÷ 10 = 0.064; MoE = 1.96 × √0.064 × 100 = 49.585
      expect(row.margin).toBeCloseTo(49.585, 3);
    });

    it('a change measured on a low base is not coloured', async () => {
      const response = await queryKpis(store, {
        kpis: ['nps'],
        period: { from: '2025-01-08', to: '2025-01-12' },
        compare: ['previous'],
        today: '2025-06-01',
      });
      const [row] = response.results[0].rows;
      // 8–12 Jan: 10, 10, 3, 9, 9 → 4 promoters, 1 detractor of 5 = 60; 3–7 Jan: 10, 9, 8, 7, 6 → 2 − 1 of 5 = 20
      expect(row.value).toBe(60);
      expect(row.previous?.value).toBe(20);
      expect(row.previous?.delta).toBe(40);
      expect(row.previous?.good).toBeNull(); // 5 answers each side, under 30
    });
  });
});
