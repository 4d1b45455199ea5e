// Alert rules evaluated on a real store: a negative-comment spike raises one alert naming its range,
// base, drill-down link and threads; re-evaluating never raises it twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acknowledgeAlert,
  createRule,
  describeAlert,
  evaluateRules,
  listAlerts,
} from '../../src/alerts/index.ts';
import type { Store } from '../../src/store/index.ts';

import { seedComments, SPIKE_DAY, TODAY } from './comments-seed.ts';
import { ENGINES, emptyStore } from '../engines.ts';

const NOW = new Date('2026-03-04T10:00:00Z');

describe.each(ENGINES)('%s', (engine) => {
  let store: Store;
  beforeAll(async () => {
    store = await emptyStore(engine);
    await seedComments(store);
  });
  afterAll(() => store.close());

  describe('alert evaluation on a store', () => {
    it('a negative-comment spike raises one anomaly alert with its range, base, link and threads', async () => {
      await createRule(store, {
        kind: 'anomaly',
        kpi: 'sentiment_negative_share',
        judge: 'numerator',
      });
      const raised = await evaluateRules(store, { now: NOW, today: TODAY });
      expect(raised).toHaveLength(1);
      const [alert] = raised;
      expect(alert.about).toBe(SPIKE_DAY);
      expect(alert.value).toBe(40);
      // Past Tuesdays all had 8: expected 8. On 2√(x+3/8): centre 2√8.375 = 5.788, spread floor 1,
      // k 2.5 → high (8.288)²/4 − 0.375 = 16.80, low (3.288)²/4 − 0.375 = 2.33.
      expect(alert.expected).toBeCloseTo(8, 6);
      expect(alert.high).toBeCloseTo(16.8, 1);
      expect(alert.low).toBeCloseTo(2.33, 1);
      // Base: the opinions of the day, 40 negative + 32 positive.
      expect(alert.base).toBe(72);
      expect(alert.link).toBe('/kpi/sentiment_negative_share?from=2026-02-04&to=2026-03-03');
      expect(alert.threads[0]).toMatchObject({ post_id: 'p2', negatives: 40, opinions: 40 });
      const message = describeAlert(alert, 'en');
      expect(message.text).toContain(
        'Negative sentiment share: numerator 40 (55.6% of 72), above — usual range 2 – 17, expected 8.',
      );
      expect(message.text).toContain('Base: 72');
      expect(describeAlert(alert, 'fr').text).toContain('40 négatifs sur 40');
    });

    it('evaluating again, even a day later, never raises the same alert twice', async () => {
      expect(await evaluateRules(store, { now: NOW, today: TODAY })).toHaveLength(0);
      const later = new Date(NOW.getTime() + 30 * 3_600_000);
      expect(await evaluateRules(store, { now: later, today: '2026-03-05' })).toHaveLength(0);
      expect(await listAlerts(store)).toHaveLength(1);
    });

    it('a threshold on the negative share alerts the day it is crossed', async () => {
      // 40 / 72 = 55.6 % on the spike day; 8 / 40 = 4 / 20 = 20 % on every other day.
      await createRule(store, { kind: 'threshold', kpi: 'sentiment_negative_share', above: 0.5 });
      const raised = await evaluateRules(store, { now: NOW, today: TODAY });
      expect(raised.map((alert) => [alert.about, alert.value])).toEqual([[SPIKE_DAY, 40 / 72]]);
    });

    it('acknowledging records who and when, once', async () => {
      const [first] = await listAlerts(store);
      const acknowledged = await acknowledgeAlert(store, first.id, 'claire@lumen.fr');
      expect(acknowledged.acknowledged_by).toBe('claire@lumen.fr');
      expect(await listAlerts(store, { unacknowledged: true })).toHaveLength(1);
      await expect(acknowledgeAlert(store, 'alert-nope', 'x')).rejects.toThrow(
        'no alert "alert-nope"',
      );
    });

    it('a rule naming an unknown KPI is refused with what was expected', async () => {
      await expect(createRule(store, { kind: 'anomaly', kpi: 'negatives' })).rejects.toThrow(
        'unknown KPI "negatives"',
      );
      await expect(createRule(store, { kind: 'anomaly', kpi: 'nps', k: -1 })).rejects.toThrow(
        'alert rule: k',
      );
    });
  });
});
