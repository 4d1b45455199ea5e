// Rules are evaluated after every drained batch of clicks or events (R18), through the import path's
// entry, and a steady stream evaluates at most once a minute.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRule,
  evaluateAfterBatches,
  listAlerts,
  type BatchEvaluator,
} from '../../src/alerts/index.ts';
import { buildApp, createLink, createToken } from '../../src/server/index.ts';
import type { ClickLog } from '../../src/server/links/index.ts';
import type { Store } from '../../src/store/index.ts';
import { tempStore } from '../helpers.ts';

const CHROME =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';
let store: Store;
let app: FastifyInstance;
const parts = () => app as unknown as { clickLog: ClickLog; alertsAfterBatch: BatchEvaluator };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  store = await tempStore();
  await createLink(
    store,
    { url: 'https://lumen.fr/aube', campaign: 'spring', source: 'instagram', code: 'aube-spring' },
    'test',
  );
  // No timer drain: the test drains by hand, so the batch is known.
  app = await buildApp(store, { ingestEveryMs: 0 });
});
afterAll(async () => {
  await app.close();
  store.close();
});

describe('alert rules after drained batches', () => {
  it('a drained batch of clicks raises the threshold alert it crosses', async () => {
    const rule = await createRule(store, { kind: 'threshold', kpi: 'link_clicks', above: 2 });
    for (let index = 0; index < 3; index++) {
      const response = await app.inject({
        url: '/l/aube-spring',
        headers: { 'user-agent': CHROME },
      });
      expect(response.statusCode).toBe(302);
    }
    // Logged, not yet in the store: nothing evaluated, nothing raised.
    expect(parts().alertsAfterBatch.evaluations()).toBe(0);
    await parts().clickLog.ingest();
    expect(parts().alertsAfterBatch.evaluations()).toBe(1);
    await parts().alertsAfterBatch.idle();
    const alerts = await listAlerts(store);
    // 3 human clicks today > the threshold 2.
    expect(alerts.map((alert) => [alert.rule_id, alert.kpi, alert.value, alert.expected])).toEqual([
      [rule.id, 'link_clicks', 3, 2],
    ]);
  });

  it('a stored batch of events starts an evaluation; a replayed one does not', async () => {
    // A second server on the store, without the minute between evaluations, so each batch counts.
    const events = await buildApp(store, { ingestEveryMs: 0, alertsAfterBatchMs: 0 });
    const evaluator = (events as unknown as { alertsAfterBatch: BatchEvaluator }).alertsAfterBatch;
    const token = (await createToken(store, 'shop', 'analyst')).secret;
    const order = () =>
      events.inject({
        method: 'POST',
        url: '/api/webhooks/conversions',
        headers: { authorization: `Bearer ${token}` },
        payload: { id: 'order-1', value: 40, currency: 'EUR', utm: { source: 'instagram' } },
      });
    const first = await order();
    expect(first.json()).toEqual({ stored: 1, skipped_duplicates: 0 });
    expect(evaluator.evaluations()).toBe(1);
    const replay = await order();
    expect(replay.json()).toEqual({ stored: 0, skipped_duplicates: 1 });
    expect(evaluator.evaluations()).toBe(1);
    await events.close();
  });

  it('a steady stream of batches evaluates once at once, then once per window', async () => {
    const evaluator = evaluateAfterBatches(store, { everyMs: 400, log: () => {} });
    for (let index = 0; index < 5; index++) evaluator.batchLanded();
    // The first batch evaluates at once; the next four share one evaluation at the window's end.
    expect(evaluator.evaluations()).toBe(1);
    await sleep(1_000);
    expect(evaluator.evaluations()).toBe(2);
    // No batch since: no evaluation.
    await sleep(600);
    expect(evaluator.evaluations()).toBe(2);
    // A batch long after the last evaluation evaluates at once again.
    evaluator.batchLanded();
    expect(evaluator.evaluations()).toBe(3);
    await evaluator.stop();
  });
});
