// One scan for all windows and buckets gives what each window or bucket gives when queried alone, for
// every KPI of the catalog; and the scorecard reads each source once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../src/demo/index.ts';
import { inputsOf, MEASURES } from '../../src/metrics/catalog/index.ts';
import { KPIS, kpiById, queryKpiBatch, queryKpis, type KpiRow } from '../../src/metrics/index.ts';
import { scorecard } from '../../src/metrics/objectives.ts';
import { addDays, type Period } from '../../src/model/index.ts';
import type { Store } from '../../src/store/index.ts';
import { emptyStore, engineStore, ENGINES } from '../engines.ts';

const today = '2026-11-20';
const quarter = { from: '2026-10-01', to: '2026-12-31' };
describe.each(ENGINES)('on %s', (engine) => {
  let store: Store;

  beforeAll(async () => {
    store = await engineStore(engine, (duckdb) =>
      generateDemo(duckdb, { seed: 3, scale: 0.05, today }),
    );
  }, 120_000);
  afterAll(() => store.close());

  /**
   * To the last bit: fractional sums (money) are summed per window, never from partial sums. Averages of
   * gauges (SSI) add up in the engine's row order, which no query fixes, the old per-window one neither.
   */
  function expectSame(
    kpi: string,
    actual: number | null | undefined,
    expected: number | null | undefined,
  ) {
    if (averagesGauges(kpi) && typeof actual === 'number' && typeof expected === 'number')
      expect(actual).toBeCloseTo(expected, 10);
    else expect(actual ?? null).toBe(expected ?? null);
  }

  function averagesGauges(kpi: string): boolean {
    return inputsOf(kpiById(kpi)!).some((id) => {
      const { aggregate } = MEASURES[id];
      return aggregate.kind === 'gauge' && aggregate.combine === 'avg';
    });
  }

  async function alone(kpi: string, period: Period): Promise<KpiRow> {
    const response = await queryKpis(store, { kpis: [kpi], period, today });
    return response.results[0].rows[0];
  }

  function countingQueries(target: Store): { count: () => number } {
    let queries = 0;
    const all = target.all.bind(target);
    target.all = (sql, params) => {
      queries++;
      return all(sql, params);
    };
    return { count: () => queries };
  }

  describe('one scan for all windows', () => {
    it.each(KPIS.map((kpi) => kpi.id))(
      '%s over the quarter, the previous period and a year earlier equals each window alone',
      async (kpi) => {
        const together = await queryKpis(store, {
          kpis: [kpi],
          period: quarter,
          compare: ['previous', 'yoy'],
          today,
        });
        const row = together.results[0].rows[0];
        const current = await alone(kpi, { from: quarter.from, to: today });
        expectSame(kpi, row.value, current.value);
        for (const [id, value] of Object.entries(current.inputs))
          expectSame(kpi, row.inputs[id as keyof typeof row.inputs], value);
        expectSame(
          kpi,
          row.previous?.value,
          (await alone(kpi, together.comparisons.previous!)).value,
        );
        expectSame(kpi, row.yoy?.value, (await alone(kpi, together.comparisons.yoy!)).value);
      },
    );

    it.each(KPIS.map((kpi) => kpi.id))(
      "%s by week read with the quarter's value equals each week and the quarter alone",
      async (kpi) => {
        // The weeks lie inside the quarter: the scan reads their rows once for both.
        const [value, weeks] = await queryKpiBatch(store, [
          { kpis: [kpi], period: quarter, compare: ['yoy'], today },
          { kpis: [kpi], period: quarter, breakdown: ['week'], today },
        ]);
        const quarterAlone = await alone(kpi, { from: quarter.from, to: today });
        expectSame(kpi, value.results[0].rows[0].value, quarterAlone.value);
        for (const [id, expected] of Object.entries(quarterAlone.inputs))
          expectSame(kpi, value.results[0].rows[0].inputs[id as keyof KpiRow['inputs']], expected);
        for (const row of weeks.results[0].rows) {
          // The first and last weeks are clipped to the period evaluated.
          const start = row.key.week! < quarter.from ? quarter.from : row.key.week!;
          const end = addDays(row.key.week!, 6) > today ? today : addDays(row.key.week!, 6);
          expectSame(kpi, row.value, (await alone(kpi, { from: start, to: end })).value);
        }
      },
    );

    it('several KPIs of one source share one scan', async () => {
      const counter = countingQueries(store);
      await queryKpis(store, {
        kpis: ['sentiment_positive_share', 'net_sentiment', 'mentions'],
        period: quarter,
        compare: ['previous', 'yoy'],
        breakdown: ['month'],
        today,
      });
      // All three read only counts of interactions: one statement for three windows by month.
      expect(counter.count()).toBe(1);
    });

    it('the scorecard reads each source once for its values, comparisons and sparklines', async () => {
      const counter = countingQueries(store);
      const card = await scorecard(store, { today });
      // The six demo objectives read six sources (post facts, NPS, conversions, web sessions,
      // interactions, inbound items), after listing the objectives: 7 statements (13 before).
      expect(card.entries).toHaveLength(6);
      expect(counter.count()).toBe(7);
    });

    it('a second scorecard with no write in between reuses the objectives read', async () => {
      const first = await scorecard(store, { today });
      const counter = countingQueries(store);
      // No write moved the data version: only the six source scans run, and the answer is the same.
      expect(await scorecard(store, { today })).toEqual(first);
      expect(counter.count()).toBe(6);
    });
  });

  describe('sums added up from pieces', () => {
    let sessions: Store;
    beforeAll(async () => {
      sessions = await emptyStore(engine);
      await sessions.transaction((tx) =>
        tx.append(
          'web_sessions',
          ['day', 'source', 'platform', 'sessions'],
          [
            ['2026-10-06', 'instagram', 'instagram', null], // social, sessions unknown
            ['2026-10-14', 'newsletter', null, 5], // not social
            ['2026-10-20', 'facebook', 'facebook', 7], // social
          ],
        ),
      );
    });
    afterAll(() => sessions.close());

    it('social sessions keep null for unknown counts and 0 for weeks without social rows', async () => {
      const [firstHalf, month, weeks] = await queryKpiBatch(sessions, [
        { kpis: ['social_sessions'], period: { from: '2026-10-01', to: '2026-10-18' }, today },
        { kpis: ['social_sessions'], period: { from: '2026-10-01', to: '2026-10-31' }, today },
        {
          kpis: ['social_sessions'],
          period: { from: '2026-10-01', to: '2026-10-31' },
          breakdown: ['week'],
          today,
        },
      ]);
      // Oct 1–18: one social row, of unknown sessions (the newsletter's 5 do not count) → unknown,
      // although its weeks read unknown and 0.
      expect(firstHalf.results[0].rows[0].value).toBeNull();
      // October: the unknown row and 7 → 7.
      expect(month.results[0].rows[0].value).toBe(7);
      // Weeks from Sep 28: no row, unknown, 0 (newsletter only), 7, no row.
      expect(weeks.results[0].rows.map((row) => row.value)).toEqual([null, null, 0, 7, null]);
    });
  });
});
