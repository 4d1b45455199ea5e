// Refusals a client words in its own language come with a code and the values to fill in, beside the
// English message: a period that has not started, an objective id taken or gone, a field that does not validate.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, testApp } from './app.ts';
import type { Store } from '../../src/store/index.ts';
import { ENGINES, emptyStore } from '../engines.ts';

describe.each(ENGINES)('%s', (engine) => {
  let store: Store;
  let app: FastifyInstance;
  let admin: Record<string, string>;
  const todayBefore = process.env.CADRAN_TODAY;

  const objective = {
    name: 'Engagement',
    kpi: 'engagements',
    target: 100,
    period: { from: '2025-01-01', to: '2025-03-31' },
  };

  beforeAll(async () => {
    process.env.CADRAN_TODAY = '2025-06-15';
    store = await emptyStore(engine);
    app = await testApp(store);
    admin = await bearer(store, 'admin');
  });
  afterAll(async () => {
    await app.close();
    store.close();
    if (todayBefore === undefined) delete process.env.CADRAN_TODAY;
    else process.env.CADRAN_TODAY = todayBefore;
  });

  const refusal = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => {
    const response = await app.inject({ method, url, headers: admin, payload });
    expect(response.statusCode, response.body).toBe(400);
    return response.json() as { error: string; location: { code?: string; params?: object } };
  };

  describe('refusals with a code', () => {
    it('a period that starts after today: future-period, with its first day and today', async () => {
      for (const url of [
        '/api/kpi?ids=nps&from=2025-07-01&to=2025-09-30',
        '/api/drilldown?id=nps&from=2025-07-01&to=2025-09-30',
      ]) {
        const body = await refusal('GET', url);
        expect(body.error).toContain('after today');
        expect(body.location).toMatchObject({
          code: 'future-period',
          params: { from: '2025-07-01', today: '2025-06-15' },
        });
      }
    });

    it('an objective whose id is taken: objective-exists, with the id', async () => {
      const first = await app.inject({
        method: 'POST',
        url: '/api/objectives',
        headers: admin,
        payload: objective,
      });
      expect(first.statusCode, first.body).toBe(201);
      const body = await refusal('POST', '/api/objectives', objective);
      expect(body.location).toMatchObject({
        code: 'objective-exists',
        params: { id: 'engagement' },
      });
    });

    it('an objective that is gone: objective-missing, with the id', async () => {
      const body = await refusal('PATCH', '/api/objectives/gone', { target: 5 });
      expect(body.location).toMatchObject({ code: 'objective-missing', params: { id: 'gone' } });
    });

    it('a query parameter or a body field that does not validate: its name', async () => {
      const query = await refusal('GET', '/api/drilldown?from=2025-01-01&to=2025-01-31');
      expect(query.location).toMatchObject({ code: 'invalid-parameter', params: { name: 'id' } });
      const field = await refusal('POST', '/api/objectives', { ...objective, target: 'many' });
      expect(field.location).toMatchObject({ code: 'invalid-field', params: { name: 'target' } });
    });
  });
});
