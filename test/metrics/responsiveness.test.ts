// Responsiveness edge cases: business hours (nights and weekends do not count), threads without a
// reply, the brand replying to itself, and texts that expect no answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cell, Store } from '../../src/store/index.ts';
import { emptyStore, ENGINES, type EngineName } from '../engines.ts';
import { valueOf } from '../helpers.ts';

const at = (iso: string) => Date.parse(iso);
const december = { period: { from: '2025-12-01', to: '2025-12-31' } };
const COLUMNS = [
  'interaction_id',
  'platform',
  'account_id',
  'kind',
  'author_id',
  'created_at',
  'text',
  'reply_to',
  'is_brand',
  'expects_reply',
];

// 1 Dec 2025 is a Monday.
const THREADS = [
  // Friday 17:00 → Monday 10:00: 65 h elapsed, but 1 h on Friday + 1 h on Monday of business time
  [
    'q1',
    'instagram',
    'instagram:lumen',
    'message',
    'a1',
    at('2025-12-05T17:00:00Z'),
    'Vous livrez le samedi ?',
    null,
    false,
    true,
  ],
  [
    'r1',
    'instagram',
    'instagram:lumen',
    'reply',
    'lumen',
    at('2025-12-08T10:00:00Z'),
    'Oui',
    'q1',
    true,
    null,
  ],
  // Saturday 12:00 → Saturday 13:00: 1 h elapsed, no business time
  [
    'q2',
    'instagram',
    'instagram:lumen',
    'comment',
    'a2',
    at('2025-12-06T12:00:00Z'),
    'Quelle taille ?',
    null,
    false,
    true,
  ],
  [
    'r2',
    'instagram',
    'instagram:lumen',
    'reply',
    'lumen',
    at('2025-12-06T13:00:00Z'),
    'Taille M',
    'q2',
    true,
    null,
  ],
  // Tuesday 10:00 → Tuesday 10:30: 30 min of both
  [
    'q3',
    'instagram',
    'instagram:lumen',
    'comment',
    'a3',
    at('2025-12-09T10:00:00Z'),
    'Un code promo ?',
    null,
    false,
    true,
  ],
  [
    'r3',
    'instagram',
    'instagram:lumen',
    'reply',
    'lumen',
    at('2025-12-09T10:30:00Z'),
    'NOEL10',
    'q3',
    true,
    null,
  ],
  // no reply: counts in the response rate's denominator only
  [
    'q4',
    'instagram',
    'instagram:lumen',
    'comment',
    'a4',
    at('2025-12-10T10:00:00Z'),
    'Et en bleu ?',
    null,
    false,
    true,
  ],
  // the brand's own comment and its reply to itself are not inbound
  [
    'b1',
    'instagram',
    'instagram:lumen',
    'comment',
    'lumen',
    at('2025-12-10T11:00:00Z'),
    'Aussi en vert',
    null,
    true,
    null,
  ],
  [
    'b2',
    'instagram',
    'instagram:lumen',
    'reply',
    'lumen',
    at('2025-12-10T11:01:00Z'),
    'Et en rose',
    'b1',
    true,
    null,
  ],
  // an emoji-only comment expects no answer
  [
    'q5',
    'instagram',
    'instagram:lumen',
    'comment',
    'a5',
    at('2025-12-11T10:00:00Z'),
    '😍😍',
    null,
    false,
    false,
  ],
];

/** An empty store on the engine with the brand's Instagram account and the given threads. */
async function storeWithThreads(engine: EngineName, threads: Cell[][]): Promise<Store> {
  const store = await emptyStore(engine);
  await store.transaction(async (tx) => {
    await tx.append(
      'accounts',
      ['account_id', 'platform', 'handle'],
      [['instagram:lumen', 'instagram', 'lumen']],
    );
    await tx.append('interactions', COLUMNS, threads);
  });
  return store;
}

describe.each(ENGINES)('on %s', (engine) => {
  let store: Store;
  beforeAll(async () => {
    store = await storeWithThreads(engine, THREADS);
  });
  afterAll(() => store.close());

  describe('response rate and times', () => {
    it('counts items that expect an answer, not the brand’s own thread', async () => {
      expect(await valueOf(store, 'response_rate', december)).toBeCloseTo(3 / 4, 12); // q1 q2 q3 of q1–q4
    });
    it('elapsed median is the middle of 1800, 3600 and 234 000 s', async () => {
      expect(await valueOf(store, 'response_time_median', december)).toBe(3600);
    });
    it('business-hours median: 0 (Saturday), 1800, 7200 (Friday 17–18 h + Monday 9–10 h)', async () => {
      expect(await valueOf(store, 'response_time_business_median', december)).toBe(1800);
      // continuous 90th percentile over [0, 1800, 7200]: position 1.8 → 1800 + 0.8 × 5400
      expect(await valueOf(store, 'response_time_business_p90', december)).toBeCloseTo(6120, 9);
    });
    it('business hours follow the settings', async () => {
      await store.transaction(async (tx) => {
        await tx.run(
          "INSERT INTO settings (name, value) VALUES ('business_hours_open', '08:00'), ('business_hours_close', '20:00')",
        );
      });
      // Friday 17–20 h (3 h) + Monday 8–10 h (2 h) = 18 000 s; Saturday still 0; Tuesday 1800
      expect(await valueOf(store, 'response_time_business_p90', december)).toBeCloseTo(
        1800 + 0.8 * 16200,
        9,
      );
    });
  });
});

// A reply 70 years after its comment (2.2 billion seconds) is beyond any response time a 32-bit
// count of seconds holds: the item stays answered, and its time is left out of the medians.
const CENTURY_LATE = [
  [
    'qa',
    'instagram',
    'instagram:lumen',
    'comment',
    'a1',
    at('2025-12-02T10:00:00Z'),
    'Prix ?',
    null,
    false,
    true,
  ],
  [
    'ra',
    'instagram',
    'instagram:lumen',
    'reply',
    'lumen',
    at('2025-12-02T10:30:00Z'),
    '20 €',
    'qa',
    true,
    null,
  ],
  [
    'qb',
    'instagram',
    'instagram:lumen',
    'comment',
    'a2',
    at('2025-12-03T10:00:00Z'),
    'Stock ?',
    null,
    false,
    true,
  ],
  [
    'rb',
    'instagram',
    'instagram:lumen',
    'reply',
    'lumen',
    at('2095-12-03T10:00:00Z'),
    'Oui',
    'qb',
    true,
    null,
  ],
];

describe.each(ENGINES)('on %s, a reply seventy years late', (engine) => {
  let store: Store;
  beforeAll(async () => {
    store = await storeWithThreads(engine, CENTURY_LATE);
  });
  afterAll(() => store.close());

  it('still answers its comment: both of the two are answered', async () => {
    expect(await valueOf(store, 'response_rate', december)).toBeCloseTo(2 / 2, 12);
  });
  it('is left out of the median, which is the other reply’s 1800 s', async () => {
    expect(await valueOf(store, 'response_time_median', december)).toBe(1800);
  });
});
