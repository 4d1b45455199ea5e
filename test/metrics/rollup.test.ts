// Counts of interactions read from their daily roll-up equal the counts of the rows themselves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../src/demo/index.ts';
import { inputsOf, MEASURES } from '../../src/metrics/catalog/index.ts';
import { KPIS, queryKpis, type KpiRequest } from '../../src/metrics/index.ts';
import type { Cell, Store } from '../../src/store/index.ts';
import { emptyStore, engineStore, ENGINES } from '../engines.ts';

const today = '2026-11-20';
const october = { from: '2026-10-01', to: '2026-10-31' };
const at = (time: string) => Date.parse(time);

// prettier-ignore
const [INTERACTION_COLUMNS, ...INTERACTIONS] = [
  ['interaction_id', 'platform', 'account_id', 'post_id', 'kind', 'author_id', 'created_at', 'sentiment', 'is_brand', 'sentiment_uncertain'],
  ['i1', 'instagram', 'own-ig', 'p1', 'comment', 'a1', at('2026-10-02T10:00:00Z'), 'positive', false, false],
  ['i1b', 'instagram', 'own-ig', 'p1', 'comment', 'a9', at('2026-10-02T15:00:00Z'), 'positive', false, false],
  ['i2', 'instagram', 'own-ig', 'p1', 'comment', 'a2', at('2026-10-02T23:59:00Z'), 'positive', null, true],
  ['i3', 'instagram', 'own-ig', 'p2', 'comment', 'a3', at('2026-10-15T08:00:00Z'), 'negative', false, false],
  ['i4', 'instagram', 'own-ig', null, 'mention', 'a4', at('2026-11-03T00:00:00Z'), 'neutral', false, false],
  ['i5', 'instagram', 'own-ig', 'p1', 'reply', 'brand', at('2026-10-02T11:00:00Z'), 'positive', true, false],
  ['i6', 'facebook', 'own-fb', 'p3', 'comment', 'a5', at('2026-11-03T12:00:00Z'), 'positive', false, false],
  ['i7', 'instagram', 'rival', 'p9', 'comment', 'a6', at('2026-10-05T00:00:00Z'), 'positive', false, false],
  ['i8', 'instagram', 'own-ig', null, 'mention', 'a7', at('2026-09-30T23:59:59Z'), 'positive', false, false],
] as [string[], ...Cell[][]];

/** The SQL of every statement the store runs from now on. */
function recordingStatements(target: Store): string[] {
  const statements: string[] = [];
  const all = target.all.bind(target);
  target.all = (sql, params) => {
    statements.push(sql);
    return all(sql, params);
  };
  return statements;
}

/** The same store, read as an engine that keeps no roll-up would read it. */
const withoutRollups = (store: Store): Store =>
  Object.create(store, { rollups: { value: new Set<string>() } }) as Store;

describe.each(ENGINES)('interaction counts from the daily roll-up, on %s', (engine) => {
  let store: Store;
  beforeAll(async () => {
    store = await emptyStore(engine);
    await store.transaction(async (tx) => {
      await tx.append(
        'accounts',
        ['account_id', 'platform', 'handle', 'is_competitor'],
        [
          ['own-ig', 'instagram', 'brand', false],
          ['own-fb', 'facebook', 'brand', false],
          ['rival', 'instagram', 'rival', true],
        ],
      );
      await tx.append('interactions', INTERACTION_COLUMNS, INTERACTIONS);
    });
  });
  afterAll(() => store.close());

  it('sentiment shares by platform and by month count the rows by hand', async () => {
    const statements = recordingStatements(store);
    const byPlatform = await queryKpis(store, {
      kpis: ['sentiment_positive_share'],
      period: october,
      breakdown: ['platform'],
      today,
    });
    // Instagram in October: i1, i1b and i2 positive, i3 negative (i5 is the brand's, i7 a
    // competitor's, i8 in September) → 3 / 4. Facebook has no October row.
    expect(byPlatform.results[0].rows.map((row) => [row.key.platform, row.value])).toEqual([
      ['instagram', 3 / 4],
    ]);
    const byMonth = await queryKpis(store, {
      kpis: ['sentiment_positive_share', 'mentions'],
      period: { from: '2026-10-01', to: '2026-11-30' },
      breakdown: ['month'],
      today,
    });
    // October 3 / 4; November: i6 positive, i4 neutral → 1 / 2 (to the 20th, both before it).
    expect(byMonth.results[0].rows.map((row) => row.value)).toEqual([3 / 4, 1 / 2]);
    // Mentions: none in October (i8 is on Sep 30 at 23:59:59), i4 in November.
    expect(byMonth.results[1].rows.map((row) => row.value)).toEqual([0, 1]);
    expect(statements.every((sql) => sql.includes('interaction_days'))).toBe(true);
  });

  it('a breakdown the roll-up does not keep (by post) counts the interactions themselves', async () => {
    const statements = recordingStatements(store);
    const byPost = await queryKpis(store, {
      kpis: ['sentiment_positive_share'],
      period: october,
      breakdown: ['post'],
      today,
    });
    // p1: i1, i1b and i2 positive → 1; p2: i3 negative → 0.
    expect(byPost.results[0].rows.map((row) => [row.key.post, row.value])).toEqual([
      ['p1', 1],
      ['p2', 0],
    ]);
    expect(statements.some((sql) => sql.includes('interaction_days'))).toBe(false);
  });

  it('follows every write to the interactions', async () => {
    await store.transaction((tx) =>
      tx.append('interactions', INTERACTION_COLUMNS, [
        [
          'i9',
          'instagram',
          'own-ig',
          'p2',
          'comment',
          'a8',
          at('2026-10-20T09:00:00Z'),
          'negative',
          false,
          false,
        ],
      ]),
    );
    const response = await queryKpis(store, {
      kpis: ['sentiment_positive_share'],
      period: october,
      today,
    });
    // i1, i1b, i2 positive; i3, i9 negative → 3 / 5.
    expect(response.results[0].rows[0].value).toBe(0.6);
  });

  it('follows an account becoming a competitor', async () => {
    await store.run("UPDATE accounts SET is_competitor = true WHERE account_id = 'own-fb'");
    const november = await queryKpis(store, {
      kpis: ['sentiment_positive_share'],
      period: { from: '2026-11-01', to: '2026-11-30' },
      today,
    });
    // i6 (positive) is now a competitor's: i4 neutral alone → 0.
    expect(november.results[0].rows[0].value).toBe(0);
  });
});

describe.each(ENGINES)('every KPI counting interactions, on %s', (engine) => {
  let store: Store;
  beforeAll(async () => {
    store = await engineStore(engine, (duckdb) =>
      generateDemo(duckdb, { seed: 5, scale: 0.05, today }),
    );
  }, 120_000);
  afterAll(() => store.close());

  const countingInteractions = KPIS.filter((kpi) =>
    inputsOf(kpi).some(
      (id) => MEASURES[id].source === 'interactions' && MEASURES[id].aggregate.kind === 'count',
    ),
  ).map((kpi) => kpi.id);

  it.each(countingInteractions)(
    '%s reads the same from the roll-up as from the rows, by platform and by week, with comparisons',
    async (kpi) => {
      const requests: KpiRequest[] = [
        {
          kpis: [kpi],
          period: { from: '2026-07-01', to: '2026-12-31' },
          compare: ['previous', 'yoy'],
          breakdown: ['platform'],
          today,
        },
        {
          kpis: [kpi],
          period: { from: '2026-10-01', to: '2026-12-31' },
          breakdown: ['week'],
          today,
        },
      ];
      for (const request of requests) {
        const rolledUp = await queryKpis(store, request);
        expect(rolledUp).toEqual(await queryKpis(withoutRollups(store), request));
      }
    },
  );
});
