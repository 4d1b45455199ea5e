// A new user's first start: the demo's negative-comment burst raises one alert from the demo's rule,
// and the demo's report schedule is there, off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateRules } from '../../src/alerts/index.ts';
import { generateDemo } from '../../src/demo/index.ts';
import { listSchedules } from '../../src/schedules/index.ts';
import type { Store } from '../../src/store/index.ts';
import { tempStore } from '../helpers.ts';

const TODAY = '2026-03-15';
let store: Store;

beforeAll(async () => {
  store = await tempStore();
  await generateDemo(store, { seed: 42, scale: 1, today: TODAY });
});
afterAll(() => store.close());

describe('demo alert and schedule', () => {
  it('the burst two days before the end is the one alert, with its thread first', async () => {
    const raised = await evaluateRules(store, {
      now: new Date(`${TODAY}T12:00:00Z`),
      today: TODAY,
    });
    expect(raised.map((alert) => [alert.kpi, alert.about, alert.side])).toEqual([
      ['sentiment_negative_share', '2026-03-13', 'above'],
    ]);
    const [alert] = raised;
    // The burst is 36 comments at scale 1, all negative, under one post: the worst thread that day.
    expect(alert.value).toBeGreaterThanOrEqual(36);
    expect(alert.threads[0].negatives).toBeGreaterThanOrEqual(36);
    expect(alert.value).toBeGreaterThan(alert.high!);
  });

  it('the weekly report schedule to a webhook is there and off', async () => {
    const [schedule] = await listSchedules(store);
    expect(schedule).toMatchObject({ enabled: false, when: 'every Monday 08:00', lang: 'fr' });
    expect(schedule.recipients[0]).toMatch(/^https:\/\//);
  });
});
