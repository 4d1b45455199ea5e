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
import { addDays } from '../../src/model/index.ts';
import type { Cell, Store } from '../../src/store/index.ts';
import { tempStore } from '../helpers.ts';

const SPIKE_DAY = '2026-03-03'; // a Tuesday
const TODAY = '2026-03-04';
const NOW = new Date('2026-03-04T10:00:00Z');

/** 9 weeks of comments: weekdays 8 negative + 32 positive, weekends 4 + 16; the spike day 40 + 32. */
async function seed(store: Store): Promise<void> {
  const rows: Cell[][] = [];
  let id = 0;
  const add = (day: string, post: string, sentiment: string, count: number) => {
    for (let n = 0; n < count; n++) {
      rows.push([
        `c${id++}`,
        'instagram',
        'instagram:lumen',
        post,
        'comment',
        `a${id}`,
        Date.parse(`${day}T12:00:00Z`) + n * 1000,
        sentiment === 'negative' ? 'Livraison en retard, très déçu' : 'Superbe lampe',
        sentiment,
        false,
      ]);
    }
  };
  for (let back = 63; back >= 0; back--) {
    const day = addDays(TODAY, -back);
    const weekend = [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
    if (day === SPIKE_DAY) {
      add(day, 'p2', 'negative', 40);
      add(day, 'p1', 'positive', 32);
    } else {
      add(day, 'p1', 'negative', weekend ? 4 : 8);
      add(day, 'p1', 'positive', weekend ? 16 : 32);
    }
  }
  await store.transaction(async (tx) => {
    await tx.append(
      'accounts',
      ['account_id', 'platform', 'handle'],
      [['instagram:lumen', 'instagram', 'lumen']],
    );
    await tx.append(
      'posts',
      ['post_id', 'account_id', 'platform', 'published_at', 'content_type', 'text', 'permalink'],
      [
        [
          'p1',
          'instagram:lumen',
          'instagram',
          Date.parse('2025-12-01'),
          'image',
          'Lampe Aube',
          null,
        ],
        [
          'p2',
          'instagram:lumen',
          'instagram',
          Date.parse('2026-03-03'),
          'image',
          'Soldes',
          'https://instagram.com/p/p2',
        ],
      ],
    );
    await tx.append(
      'interactions',
      [
        'interaction_id',
        'platform',
        'account_id',
        'post_id',
        'kind',
        'author_id',
        'created_at',
        'text',
        'sentiment',
        'is_brand',
      ],
      rows,
    );
  });
}

let store: Store;
beforeAll(async () => {
  store = await tempStore();
  await seed(store);
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
