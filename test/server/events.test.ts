import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, emptyStore } from '../engines.ts';
import { buildApp, createToken } from '../../src/server/index.ts';
import type { Store } from '../../src/store/index.ts';
import { valueOf } from '../helpers.ts';

describe.each(ENGINES)('%s', (engine) => {
  let store: Store;
  let app: FastifyInstance;
  let token: string;

  const post = (url: string, payload: object, secret = token) =>
    app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${secret}` }, payload });
  const count = async (table: string) =>
    Number((await store.all(`SELECT count(*) AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    store = await emptyStore(engine);
    app = await buildApp(store, { ingestEveryMs: 0 });
    token = (await createToken(store, 'shop', 'analyst')).secret;
  });
  afterAll(async () => {
    await app.close();
    store.close();
  });

  describe('POST /api/events', () => {
    it('needs an API token', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/events',
        payload: { events: [] },
      });
      expect(response.statusCode).toBe(401);
    });

    it('lands a valid batch of several tables whole', async () => {
      const response = await post('/api/events', {
        events: [
          {
            key: 'e1',
            table: 'conversions',
            row: {
              conversion_id: 'o-1',
              occurred_at: '2025-01-10T10:00:00+01:00',
              type: 'purchase',
              source: 'instagram',
              value: 80,
            },
          },
          {
            key: 'e2',
            table: 'nps_responses',
            row: { response_id: 'r-1', answered_at: '2025-01-10T10:00:00Z', score: 9 },
          },
          {
            key: 'e3',
            table: 'web_sessions',
            row: { day: '2025-01-10', source: 'l.facebook.com', medium: 'social', sessions: 40 },
          },
        ],
      });
      expect(response.json()).toEqual({ stored: 3, skipped_duplicates: 0 });
      const january = { period: { from: '2025-01-01', to: '2025-01-31' } };
      // the source l.facebook.com and instagram make these social: revenue 80, sessions 40
      expect(await valueOf(store, 'social_revenue', january)).toBe(80);
      expect(await valueOf(store, 'social_sessions', january)).toBe(40);
      expect(await valueOf(store, 'nps', january)).toBe(100);
    });

    it('skips events whose key it has already stored, and repeats within a batch', async () => {
      const response = await post('/api/events', {
        events: [
          {
            key: 'e2',
            table: 'nps_responses',
            row: { response_id: 'r-1', answered_at: '2025-01-10T10:00:00Z', score: 0 },
          },
          {
            key: 'e4',
            table: 'nps_responses',
            row: { response_id: 'r-2', answered_at: '2025-01-11T10:00:00Z', score: 10 },
          },
          {
            key: 'e4',
            table: 'nps_responses',
            row: { response_id: 'r-3', answered_at: '2025-01-11T10:00:00Z', score: 0 },
          },
        ],
      });
      expect(response.json()).toEqual({ stored: 1, skipped_duplicates: 2 });
      expect(
        await store.all('SELECT response_id, score FROM nps_responses ORDER BY response_id'),
      ).toEqual([
        { response_id: 'r-1', score: 9 },
        { response_id: 'r-2', score: 10 },
      ]);
    });

    it('a bad event names its index and field, and nothing of the batch lands', async () => {
      const before = [await count('conversions'), await count('event_keys')];
      const response = await post('/api/events', {
        events: [
          {
            key: 'e5',
            table: 'conversions',
            row: { conversion_id: 'o-2', occurred_at: '2025-01-12T10:00:00Z', type: 'purchase' },
          },
          {
            key: 'e6',
            table: 'conversions',
            row: {
              conversion_id: 'o-3',
              occurred_at: 'yesterday',
              type: 'purchase',
              colour: 'red',
            },
          },
          { key: 'e7', table: 'users', row: {} },
        ],
      });
      expect(response.statusCode).toBe(400);
      const body = response.json();
      expect(body.details).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ column: 'events[1].row.occurred_at', value: 'yesterday' }),
          expect.objectContaining({ column: 'events[1].row.colour' }),
          expect.objectContaining({ column: 'events[2].table', value: 'users' }),
        ]),
      );
      expect([await count('conversions'), await count('event_keys')]).toEqual(before);
    });
  });

  describe('POST /api/webhooks/conversions', () => {
    it('stores an order with the UTM it carried, once', async () => {
      const order = {
        id: 'shop-1001',
        value: 149.9,
        currency: 'EUR',
        occurred_at: '2025-02-03T18:00:00Z',
        utm: { source: 'linkedin', medium: 'social', campaign: 'spring' },
      };
      expect((await post('/api/webhooks/conversions', order)).json()).toEqual({
        stored: 1,
        skipped_duplicates: 0,
      });
      expect((await post('/api/webhooks/conversions', order)).json()).toEqual({
        stored: 0,
        skipped_duplicates: 1,
      });
      expect(
        await store.all(
          "SELECT type, platform, campaign, value FROM conversions WHERE conversion_id = 'shop-1001'",
        ),
      ).toEqual([{ type: 'purchase', platform: 'linkedin', campaign: 'spring', value: 149.9 }]);
    });
    it('refuses an order without an id', async () => {
      const response = await post('/api/webhooks/conversions', { value: 10 });
      expect([response.statusCode, response.json().error]).toEqual([
        400,
        expect.stringContaining('"id"'),
      ]);
    });
  });
});
