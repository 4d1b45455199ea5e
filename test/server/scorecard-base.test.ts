// Each scorecard tile says what its value stands on: NPS its answers and margin of error, a ratio its
// base, low when under the catalog's minimum. Fixture test/fixtures/kpis/nps_responses.csv.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createObjective, parseObjective } from '../../src/metrics/objectives.ts';
import { dashboardScorecard } from '../../src/server/scorecard.ts';
import type { Store } from '../../src/store/index.ts';
import { ENGINES, engineStoreWith } from '../engines.ts';

describe.each(ENGINES)('%s: the scorecard shows each value’s base', (engine) => {
  let store: Store;
  beforeAll(async () => {
    store = await engineStoreWith(engine, 'kpis');
    await createObjective(
      store,
      parseObjective({
        name: 'NPS 45',
        kpi: 'nps',
        target: 45,
        period: { from: '2025-01-01', to: '2025-01-31' },
      }),
    );
  });
  afterAll(() => store.close());

  it('gives NPS its answers and its margin of error, low under 30 answers', async () => {
    const card = await dashboardScorecard(store, { today: '2025-02-15', filters: {} });
    const [nps] = card.entries;
    // 10 answers in January: 6 promoters (9–10), 2 passives, 2 detractors (5 and 3).
    // NPS = 60 % − 20 % = 40; variance = (0.6 + 0.2 − 0.4²) ÷ 10 = 0.064;
    // margin = 1.96 × √0.064 × 100 = 49.585 points.
    expect(nps.value).toBeCloseTo(40, 6);
    expect(nps.base).toEqual({ value: 10, noun: 'answers', minimum: 30, low: true });
    expect(nps.margin).toBeCloseTo(49.585, 3);
  });

  it('reads what each value stands on with the value, in the same statement', async () => {
    const statements: string[] = [];
    const counted = Object.assign(Object.create(store) as Store, {
      all: (sql: string, params?: never) => {
        statements.push(sql);
        return store.all(sql, params);
      },
    });
    const card = await dashboardScorecard(counted, { today: '2025-02-15', filters: {} });
    // The same 10 January answers: 6 promoters, 2 detractors.
    expect(card.entries[0].inputs).toEqual({
      nps_promoters: 6,
      nps_detractors: 2,
      nps_answers: 10,
    });
    // The NPS answers are read once: value, comparisons and sparkline in one scan, and no second
    // query for the inputs (the other statement reads the objectives).
    expect(statements.filter((sql) => sql.includes('nps_responses'))).toHaveLength(1);
  });
});
