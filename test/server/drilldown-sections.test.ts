// The drill-down sections built from the store's rows: the slowest threads behind response time, the SSI
// team table and the share-of-voice split, each checked against values worked out by hand below.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, testApp } from './app.ts';
import type { Store } from '../../src/store/index.ts';
import { ENGINES, emptyStore } from '../engines.ts';

const at = (day: string, time = '10:00') => Date.parse(`${day}T${time}:00Z`);
const MARCH = 'from=2025-03-01&to=2025-03-31';

describe.each(ENGINES)('%s', (engine) => {
  let store: Store;
  let app: FastifyInstance;
  let admin: Record<string, string>;

  async function seed(store: Store) {
    await store.transaction(async (tx) => {
      await tx.append(
        'accounts',
        ['account_id', 'platform', 'handle', 'name', 'is_competitor'],
        [
          ['ig:lumen', 'instagram', 'lumen', 'Lumen', false],
          ['ig:rival', 'instagram', 'rival', 'Rival & Co', true],
          ['ig:other', 'instagram', 'other', 'Other', true],
          ['x:rival', 'x', 'rival', 'Rival & Co', true],
        ],
      );
      const columns = [
        'interaction_id',
        'platform',
        'account_id',
        'kind',
        'author_id',
        'author_name',
      ];
      const more = ['created_at', 'text', 'reply_to', 'is_brand'];
      const row = (
        id: string,
        account: string,
        kind: string,
        created: number,
        replyTo: string | null = null,
      ) => [
        id,
        account.startsWith('x:') ? 'x' : 'instagram',
        account,
        kind,
        replyTo ? 'lumen' : `a-${id}`,
        replyTo ? 'Lumen' : `Author ${id}`,
        created,
        `text ${id}`,
        replyTo,
        replyTo !== null,
      ];
      await tx.append(
        'interactions',
        [...columns, ...more],
        [
          // c1 answered after 30 min, c2 after 5 h then again later (the first reply counts), c3 never.
          row('c1', 'ig:lumen', 'comment', at('2025-03-03', '10:00')),
          row('r1', 'ig:lumen', 'reply', at('2025-03-03', '10:30'), 'c1'),
          row('c2', 'ig:lumen', 'comment', at('2025-03-04', '09:00')),
          row('r2', 'ig:lumen', 'reply', at('2025-03-04', '14:00'), 'c2'),
          row('r2b', 'ig:lumen', 'reply', at('2025-03-05', '09:00'), 'c2'),
          row('c3', 'ig:lumen', 'comment', at('2025-03-06')),
          // February: outside the period.
          row('c0', 'ig:lumen', 'comment', at('2025-02-20', '10:00')),
          row('r0', 'ig:lumen', 'reply', at('2025-02-22', '10:00'), 'c0'),
          // Mentions in March: brand 3, Rival & Co 2 on Instagram + 1 on X, Other 1; one brand mention in February.
          row('m1', 'ig:lumen', 'mention', at('2025-03-02')),
          row('m2', 'ig:lumen', 'mention', at('2025-03-09')),
          row('m3', 'ig:lumen', 'mention', at('2025-03-20')),
          row('m4', 'ig:rival', 'mention', at('2025-03-05')),
          row('m5', 'ig:rival', 'mention', at('2025-03-06')),
          row('m6', 'ig:other', 'mention', at('2025-03-07')),
          row('m7', 'x:rival', 'mention', at('2025-03-08')),
          row('m0', 'ig:lumen', 'mention', at('2025-02-07')),
        ].map((cells) => cells as (string | number | boolean | null)[]),
      );
      await tx.append(
        'ssi',
        [
          'person_id',
          'person_name',
          'team',
          'day',
          'ssi',
          'brand',
          'people',
          'insights',
          'relationships',
        ],
        [
          // Anna: February's last snapshot is 60 (15/15/15/15); March's last is 70 (20/15/17/18).
          ['anna', 'Anna', 'North', '2025-02-10', 58, 14, 15, 14, 15],
          ['anna', 'Anna', 'North', '2025-02-24', 60, 15, 15, 15, 15],
          ['anna', 'Anna', 'North', '2025-03-03', 65, 17, 15, 16, 17],
          ['anna', 'Anna', 'North', '2025-03-24', 70, 20, 15, 17, 18],
          // Ben: no February snapshot, so no change; March 40 (10/10/10/10).
          ['ben', 'Ben', 'South', '2025-03-10', 40, 10, 10, 10, 10],
        ],
      );
    });
  }

  beforeAll(async () => {
    store = await emptyStore(engine);
    await seed(store);
    app = await testApp(store);
    admin = await bearer(store, 'admin');
  });
  afterAll(async () => {
    await app.close();
    store.close();
  });

  async function drilldown(id: string, extra = '') {
    const response = await app.inject({
      url: `/api/drilldown?id=${id}&${MARCH}${extra}`,
      headers: admin,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }

  describe('response time drill-down', () => {
    it('lists the slowest threads with each reply time, and no top posts', async () => {
      const body = await drilldown('response_time_median');
      // c2: 09:00 → 14:00 = 5 h = 18 000 s (the later reply does not count); c1: 30 min = 1 800 s.
      // c3 has no reply and c0 is in February.
      expect(
        body.slowestThreads.map((row: { interaction_id: string; reply_seconds: number }) => [
          row.interaction_id,
          row.reply_seconds,
        ]),
      ).toEqual([
        ['c2', 18_000],
        ['c1', 1_800],
      ]);
      // Median of {1 800, 18 000} = 9 900 s: the list explains the summary.
      expect(body.summary.results[0].rows[0].value).toBe(9_900);
      const catalog = (await app.inject({ url: '/api/kpis', headers: admin })).json();
      const sections = catalog.find(
        (kpi: { id: string }) => kpi.id === 'response_time_median',
      ).sections;
      expect(sections).toContain('slow_threads');
      expect(sections).not.toContain('posts');
      expect(body.ssiTeam).toBeNull();
      expect(body.voiceSplit).toBeNull();
    });
  });

  describe('SSI drill-down', () => {
    it('shows each seller’s latest pillars in the period and their change against the previous one', async () => {
      const body = await drilldown('ssi', '&compare=previous');
      const [anna, ben] = body.ssiTeam;
      expect(anna.person_name).toBe('Anna');
      expect(anna.day).toBe('2025-03-24');
      // March 24 against February 24: 70−60 = +10, 20−15 = +5, 15−15 = 0, 17−15 = +2, 18−15 = +3.
      expect(anna.pillars).toEqual({
        ssi: { value: 70, change: 10 },
        brand: { value: 20, change: 5 },
        people: { value: 15, change: 0 },
        insights: { value: 17, change: 2 },
        relationships: { value: 18, change: 3 },
      });
      // Ben has no February snapshot: values without a change.
      expect(ben.pillars.ssi).toEqual({ value: 40, change: null });
      // The team mean of the latest snapshots, (70 + 40) / 2 = 55, is the KPI's value.
      expect(body.summary.results[0].rows[0].value).toBe(55);
    });
  });

  describe('share of voice drill-down', () => {
    it('splits the mentions between the brand and each tracked competitor', async () => {
      const body = await drilldown('share_of_voice');
      // March: brand 3, Rival & Co 2 + 1 = 3 (its two accounts together), Other 1: 7 mentions.
      expect(body.voiceSplit).toEqual([
        { competitor: null, mentions: 3, share: 3 / 7 },
        { competitor: 'Rival & Co', mentions: 3, share: 3 / 7 },
        { competitor: 'Other', mentions: 1, share: 1 / 7 },
      ]);
      expect(body.summary.results[0].rows[0].value).toBeCloseTo(3 / 7, 10);
      expect(body.slowestThreads).toBeNull();
    });

    it('follows the platform filter: on X only Rival & Co was mentioned', async () => {
      const body = await drilldown('share_of_voice', '&platform=x');
      expect(body.voiceSplit).toEqual([{ competitor: 'Rival & Co', mentions: 1, share: 1 }]);
    });
  });
});
