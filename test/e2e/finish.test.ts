// The drill-down's finish in Chromium over a small store written here: NPS with its margin of error on a
// case worked out by hand, the funnel's drop-off between stages, and the download buttons of its tables.
import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.ts';
import type { Dimensions } from '../../web/src/api/types.ts';
import { makeFormat } from '../../web/src/i18n/format.ts';
import { openDashboard } from './dashboard-fixture.ts';

const OCTOBER = 'from=2025-10-01&to=2025-10-31';

const settled = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000 });

async function seed(store: Store) {
  const at = (day: number) => Date.parse(`2025-10-${String(day).padStart(2, '0')}T12:00:00Z`);
  await store.transaction(async (tx) => {
    // 10 answers: 5 promoters (9–10), 2 passives (7–8), 3 detractors (0–6).
    const scores = [9, 10, 9, 10, 9, 7, 8, 0, 5, 6];
    await tx.append(
      'nps_responses',
      ['response_id', 'answered_at', 'score'],
      scores.map((score, index) => [`n${index}`, at(index + 1), score]),
    );
    await tx.append(
      'accounts',
      ['account_id', 'platform', 'handle', 'name', 'is_competitor'],
      [['ig:lumen', 'instagram', 'lumen', 'Lumen', false]],
    );
    await tx.append(
      'posts',
      ['post_id', 'account_id', 'platform', 'published_at', 'content_type', 'text'],
      [['p1', 'ig:lumen', 'instagram', at(2), 'image', 'Autumn lamps']],
    );
    // 2 000 impressions; 80 reactions + 10 comments + 5 shares + 5 saves = 100 engagements.
    await tx.append(
      'post_metrics',
      [
        'post_id',
        'snapshot_at',
        'impressions',
        'reach',
        'reactions',
        'comments',
        'shares',
        'saves',
      ],
      [['p1', at(20), 2000, 1500, 80, 10, 5, 5]],
    );
  });
}

const dash = openDashboard({ fill: seed });

describe('NPS margin of error, by hand', () => {
  it('reads +20 ± 54 points on 10 answers, marked as a low base', async () => {
    await dash.page.goto(`${dash.server.base}/kpi/nps?${OCTOBER}`);
    // NPS = 5/10 − 3/10 = +20. var = (0.5 + 0.3 − 0.2²) ÷ 10 = 0.076; √0.076 = 0.275681;
    // × 1.96 × 100 = 54.0335 points.
    const value = dash.page.getByTestId('drill-value');
    await settled(() => value.getAttribute('data-value')).toBe('20');
    const margin = dash.page.getByTestId('drill-margin');
    expect(Number(await margin.getAttribute('data-margin'))).toBeCloseTo(54.0335, 3);
    expect(await margin.textContent()).toBe('± 54 pts (95 %)');
    const base = dash.page.getByTestId('drill-base');
    expect(await base.getAttribute('data-base')).toBe('10');
    expect(await base.textContent()).toContain('10 answers');
    expect(await base.getAttribute('class')).toContain('low-base');
    // the split that makes the +20: 50 % promoters, 20 % passives, 30 % detractors
    const split = await dash.page.$$eval('[data-testid="nps-split"] li', (items) =>
      items.map((item) => [item.getAttribute('data-part'), item.getAttribute('data-count')]),
    );
    expect(split).toEqual([
      ['promoters', '5'],
      ['passives', '2'],
      ['detractors', '3'],
    ]);
  });
});

describe('the funnel drop-off', () => {
  it('shows each stage kept from the one before: 100 engagements of 2 000 impressions is 5 %', async () => {
    await dash.page.goto(`${dash.server.base}/kpi/engagements?${OCTOBER}`);
    const chart = dash.page.getByTestId('funnel-dropoff');
    await chart.waitFor();
    const rates = await dash.page.$$eval('[data-testid="funnel-step-rate"]', (items) =>
      items.map((item) => [
        item.getAttribute('data-stage'),
        item.getAttribute('data-from-previous'),
        item.getAttribute('data-of-first'),
      ]),
    );
    // No conversion in the store: the passage into conversion and beyond is not measured, not 0 %.
    expect(rates).toEqual([
      ['engagement', '0.05', '0.05'],
      ['conversion', '', ''],
      ['advocacy', '', ''],
    ]);
    expect(await chart.locator('[data-testid="funnel-step-rate"]').first().textContent()).toBe(
      '↓ 5.00% kept from previous',
    );
  });
});

describe('drill-down downloads', () => {
  it('the share-of-voice table downloads its CSV with the view’s period', async () => {
    await dash.page.goto(`${dash.server.base}/kpi/share_of_voice?${OCTOBER}`);
    const link = dash.page.getByTestId('voice-split').locator('a.export-link');
    await link.waitFor();
    const href = new URL((await link.getAttribute('href'))!, dash.server.base);
    expect(href.pathname).toBe('/api/voice-split');
    expect(href.searchParams.get('from')).toBe('2025-10-01');
    expect(href.searchParams.get('format')).toBe('csv');
    const response = await dash.page.context().request.get(href.toString());
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('text/csv');
  });
});

describe('an empty period', () => {
  it('says where the data starts instead of drawing bare axes', async () => {
    const response = await fetch(`${dash.server.base}/api/dimensions`, {
      headers: dash.server.adminApi,
    });
    const { first_day: first, last_day: last, currency } = (await response.json()) as Dimensions;
    // the store holds October 2025 only; the first quarter of 2024 has nothing
    expect(first!.startsWith('2025-10')).toBe(true);
    const english = makeFormat('en-US', 'en', currency);
    await dash.page.goto(
      `${dash.server.base}/kpi/nps?from=2024-01-01&to=2024-03-31&compare=previous`,
    );
    const empty = dash.page.getByTestId('empty-period');
    await settled(() => empty.textContent()).toBe(
      `Nothing was measured in ${english.period({ from: '2024-01-01', to: '2024-03-31' })}.` +
        `The data runs from ${english.day(first!)} to ${english.day(last!)}.`,
    );
    expect(await dash.page.getByTestId('trend-points').count()).toBe(0);
  });
});

describe('the objective editor', () => {
  it('saves an English and a French name beside the plain one', async () => {
    await dash.page.goto(`${dash.server.base}/objectives/new`);
    await dash.page.locator('#objective-name').fill('Impressions Q4');
    await dash.page.getByLabel('English').fill('Impressions this quarter');
    await dash.page.getByLabel('French').fill('Impressions ce trimestre');
    await dash.page.locator('#objective-target').fill('5000');
    await dash.page.locator('.objective-form button[type="submit"]').click();
    const saved = async () => {
      const response = await fetch(`${dash.server.base}/api/objectives`, {
        headers: dash.server.adminApi,
      });
      const objectives = (await response.json()) as { name: string; names?: object }[];
      return objectives.find((objective) => objective.name === 'Impressions Q4')?.names;
    };
    await settled(saved).toEqual({
      en: 'Impressions this quarter',
      fr: 'Impressions ce trimestre',
    });
  });
});
