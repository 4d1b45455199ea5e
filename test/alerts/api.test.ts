// The HTTP face of alerts, schedules and reports: roles, validation errors, acknowledgement.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateRules } from '../../src/alerts/index.ts';
import { buildApp, createToken } from '../../src/server/index.ts';
import type { Store } from '../../src/store/index.ts';
import { seedComments, TODAY } from './comments-seed.ts';
import { ENGINES, emptyStore } from '../engines.ts';

describe.each(ENGINES)('%s', (engine) => {
  let store: Store;
  let app: FastifyInstance;
  let admin: Record<string, string>;
  let viewer: Record<string, string>;

  beforeAll(async () => {
    store = await emptyStore(engine);
    await seedComments(store);
    app = await buildApp(store, { ingestEveryMs: 0 });
    admin = { authorization: `Bearer ${(await createToken(store, 'tests', 'admin')).secret}` };
    viewer = { authorization: `Bearer ${(await createToken(store, 'reader', 'viewer')).secret}` };
  });
  afterAll(async () => {
    await app.close();
    store.close();
  });

  describe('alerts, schedules and reports over HTTP', () => {
    it('an admin adds a rule, a viewer lists the alert it raised, an analyst or admin acknowledges it', async () => {
      const created = await app.inject({
        method: 'POST',
        url: '/api/alert-rules',
        headers: admin,
        payload: { kind: 'anomaly', kpi: 'sentiment_negative_share', judge: 'numerator' },
      });
      expect(created.statusCode, created.body).toBe(201);
      const refused = await app.inject({
        method: 'POST',
        url: '/api/alert-rules',
        headers: viewer,
        payload: { kind: 'anomaly', kpi: 'nps' },
      });
      expect(refused.statusCode).toBe(403);
      await evaluateRules(store, { now: new Date(`${TODAY}T10:00:00Z`), today: TODAY });
      const list = await app.inject({ url: '/api/alerts', headers: viewer });
      expect(list.statusCode, list.body).toBe(200);
      const [alert] = list.json();
      expect(alert).toMatchObject({
        kpi: 'sentiment_negative_share',
        about: '2026-03-03',
        value: 40,
        base: 72,
      });
      expect(
        (
          await app.inject({
            method: 'POST',
            url: `/api/alerts/${alert.id}/acknowledge`,
            headers: viewer,
          })
        ).statusCode,
      ).toBe(403);
      const acknowledged = await app.inject({
        method: 'POST',
        url: `/api/alerts/${alert.id}/acknowledge`,
        headers: admin,
      });
      expect(acknowledged.json()).toMatchObject({
        acknowledged_by: expect.stringMatching(/^token:/),
      });
    });

    it('a schedule with a bad "when" is refused with what is expected, and nothing is stored', async () => {
      const bad = await app.inject({
        method: 'POST',
        url: '/api/schedules',
        headers: admin,
        payload: { name: 'x', when: 'every sometimes', recipients: ['a@b.fr'] },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error).toContain('"every sometimes" is neither a cron expression');
      expect((await app.inject({ url: '/api/schedules', headers: viewer })).json()).toEqual([]);
    });

    it('GET /api/reports answers the HTML report as a download', async () => {
      const response = await app.inject({
        url: '/api/reports?from=2026-03-01&to=2026-03-03&lang=fr&format=html',
        headers: viewer,
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(
        'attachment; filename="cadran-report-2026-03-01-2026-03-03-fr.html"',
      );
      expect(response.body).toContain('Synthèse');
    });
  });
});
