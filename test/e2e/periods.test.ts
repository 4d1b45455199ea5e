// Numbers an analyst can defend, in Chromium over a real server and demo store with today pinned to
// Wednesday 18 November 2026 (CADRAN_TODAY): periods to date, no future buckets, bases, low-base
// marking, NPS's margin of error, the scorecard's period control and French on the error paths.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dimensions, KpiResponse, Objective, Scorecard } from '../../web/src/api/types.ts';
import { makeFormat, type Format } from '../../web/src/i18n/format.ts';
import { launchChromium } from './browser.ts';
import { demoData, openDashboard } from './dashboard-fixture.ts';
import { ADMIN } from './server.ts';

const TODAY = '2026-11-18';
const Q4 = { from: '2026-10-01', to: '2026-12-31' };
const Q4_TO_DATE = { from: '2026-10-01', to: TODAY };

const dash = openDashboard({ today: TODAY, fill: demoData(TODAY) });
let english: Format;

async function api<T>(path: string): Promise<T> {
  const response = await fetch(`${dash.server.base}${path}`, { headers: dash.server.adminApi });
  expect(response.status, `${path}: ${await response.clone().text()}`).toBe(200);
  return (await response.json()) as T;
}

const settled = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000 });

/** Each trend point as the page lists it for assistive technology. */
function trendPoints() {
  return dash.page.$$eval('[data-testid="trend-points"] li', (items) =>
    items.map((item) => ({
      day: item.getAttribute('data-day')!,
      value: item.getAttribute('data-value')!,
      running: item.getAttribute('data-running') === 'true',
      lowBase: item.getAttribute('data-low-base') === 'true',
    })),
  );
}

async function one(sql: string): Promise<Record<string, unknown>> {
  const [row] = await dash.store.all(sql, []);
  return row;
}

beforeAll(async () => {
  const { currency } = await api<Dimensions>('/api/dimensions');
  english = makeFormat('en-US', 'en', currency);
});

describe('a period not over, in the browser', () => {
  it('shows Q4 to date against the same elapsed days a year earlier', async () => {
    await dash.page.goto(
      `${dash.server.base}/kpi/social_revenue?from=${Q4.from}&to=${Q4.to}&compare=yoy`,
    );
    // Q4 2026 runs 1 Oct–31 Dec; on 18 Nov it is measured 1 Oct–18 Nov, and a year earlier the same dates.
    const note = dash.page.getByTestId('period-note');
    await settled(() => note.textContent()).toBe(
      `Q4 2026 to date (${english.day('2026-10-01')} – ${english.day(TODAY)}) vs ${english.day('2025-10-01')} – ${english.day('2025-11-18')}`,
    );
    // the value and the year-earlier value are those of explicit spans that end on those days
    const [now, then] = await Promise.all([
      api<KpiResponse>(`/api/kpi?ids=social_revenue&from=${Q4_TO_DATE.from}&to=${TODAY}`),
      api<KpiResponse>('/api/kpi?ids=social_revenue&from=2025-10-01&to=2025-11-18'),
    ]);
    const value = now.results[0].rows[0].value;
    const earlier = then.results[0].rows[0].value!;
    await settled(() => dash.page.getByTestId('drill-value').getAttribute('data-value')).toBe(
      String(value),
    );
    const yoy = await api<KpiResponse>(
      `/api/kpi?ids=social_revenue&from=${Q4.from}&to=${Q4.to}&compare=yoy`,
    );
    expect(yoy.period).toMatchObject({ from: Q4.from, to: TODAY, toDate: true });
    expect(yoy.results[0].rows[0].yoy?.value).toBe(earlier);
  });

  it('draws no bucket after today and marks the running one', async () => {
    await dash.page.goto(
      `${dash.server.base}/kpi/impressions?from=${Q4.from}&to=${Q4.to}&compare=yoy`,
    );
    // 92 days → weekly points: the Mondays from 28 Sep (the week holding 1 Oct) to 16 Nov (holding
    // 18 Nov): 28 Sep, 5, 12, 19, 26 Oct, 2, 9, 16 Nov = 8 weeks; the week of 23 Nov has not started.
    await dash.page.getByTestId('trend-points').waitFor({ state: 'attached' });
    const points = await trendPoints();
    expect(points.map((point) => point.day)).toEqual([
      '2026-09-28',
      '2026-10-05',
      '2026-10-12',
      '2026-10-19',
      '2026-10-26',
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
    ]);
    expect(points.map((point) => point.running)).toEqual([...Array(7).fill(false), true]);
  });
});

describe('one request per drill-down', () => {
  it('loads the NPS drill-down in one /api/drilldown call with the numbers /api/kpi answers', async () => {
    const calls: string[] = [];
    const count = (request: { url(): string }) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/api/')) calls.push(path);
    };
    dash.page.on('request', count);
    await dash.page.goto(`${dash.server.base}/kpi/nps?from=${Q4.from}&to=${Q4.to}&compare=yoy`);
    await dash.page.getByTestId('trend-points').waitFor({ state: 'attached' });
    await dash.page.getByTestId('drill-value').waitFor();
    dash.page.off('request', count);
    // the panels' numbers come in one call; the rest is the session (who, catalog, filter choices)
    expect(calls.filter((path) => path === '/api/drilldown')).toHaveLength(1);
    expect(calls.filter((path) => path === '/api/kpi' || path === '/api/funnel')).toEqual([]);
    const [bundle, alone] = await Promise.all([
      api<{ summary: KpiResponse; breakdown: KpiResponse | null; funnel: unknown }>(
        `/api/drilldown?id=nps&from=${Q4.from}&to=${Q4.to}&grain=week`,
      ),
      api<KpiResponse>(`/api/kpi?ids=nps&from=${Q4.from}&to=${Q4.to}&compare=previous,yoy`),
    ]);
    expect(bundle.summary.results[0]).toEqual(alone.results[0]);
    // NPS cannot be split by platform or post, and is no funnel stage: neither is computed
    expect(bundle.breakdown).toBeNull();
    expect(bundle.funnel).toBeNull();
  });
});

describe('bases and margins', () => {
  const npsSql = `SELECT count(*)::INTEGER AS n,
      count(*) FILTER (WHERE score >= 9)::INTEGER AS promoters,
      count(*) FILTER (WHERE score <= 6)::INTEGER AS detractors
    FROM nps_responses
    WHERE answered_at >= TIMESTAMP '2026-10-01' AND answered_at < TIMESTAMP '2026-11-19'`;

  it('shows NPS with its answers and its margin of error, computed by hand', async () => {
    const { n, promoters, detractors } = (await one(npsSql)) as Record<string, number>;
    expect(n).toBeGreaterThan(0);
    // NPS = p_P − p_D; var = (p_P + p_D − (p_P − p_D)²) ÷ n; MoE = 1.96 × √var × 100 points
    const pP = promoters / n;
    const pD = detractors / n;
    const margin = 1.96 * Math.sqrt((pP + pD - (pP - pD) ** 2) / n) * 100;
    await dash.page.goto(`${dash.server.base}/kpi/nps?from=${Q4.from}&to=${Q4.to}&compare=yoy`);
    const base = dash.page.getByTestId('drill-base');
    await settled(() => base.getAttribute('data-base')).toBe(String(n));
    expect(await base.textContent()).toContain(`${english.number(n)} answers`);
    const shown = dash.page.getByTestId('drill-margin');
    expect(Number(await shown.getAttribute('data-margin'))).toBeCloseTo(margin, 9);
    expect(await shown.textContent()).toBe(`± ${english.number(margin, { digits: 1 })} pts (95 %)`);
    expect(
      Number(await dash.page.getByTestId('drill-value').getAttribute('data-value')),
    ).toBeCloseTo((100 * (promoters - detractors)) / n, 9);
  });

  it('shows sentiment with the comments it was read from', async () => {
    const response = await api<KpiResponse>(
      `/api/kpi?ids=sentiment_positive_share&from=${Q4.from}&to=${TODAY}`,
    );
    const inputs = response.results[0].rows[0].inputs;
    // the share is over positive + neutral + negative comments
    const comments =
      inputs.sentiment_positive! + inputs.sentiment_neutral! + inputs.sentiment_negative!;
    await dash.page.goto(
      `${dash.server.base}/kpi/sentiment_positive_share?from=${Q4.from}&to=${Q4.to}`,
    );
    const base = dash.page.getByTestId('drill-base');
    await settled(() => base.getAttribute('data-base')).toBe(String(comments));
    expect(await base.textContent()).toContain(`${english.number(comments)} comments`);
  });

  it('marks the weeks with fewer than 30 answers as low-base', async () => {
    const weekly = await dash.store.all(
      `SELECT strftime(date_trunc('week', answered_at), '%Y-%m-%d') AS week, count(*)::INTEGER AS n
       FROM nps_responses
       WHERE answered_at >= TIMESTAMP '2026-10-01' AND answered_at < TIMESTAMP '2026-11-19'
       GROUP BY 1`,
      [],
    );
    const answers = new Map(weekly.map((row) => [row.week as string, row.n as number]));
    await dash.page.goto(`${dash.server.base}/kpi/nps?from=${Q4.from}&to=${Q4.to}`);
    await dash.page.getByTestId('trend-points').waitFor({ state: 'attached' });
    const points = await trendPoints();
    expect(points.length).toBe(8);
    for (const point of points)
      expect(point.lowBase, point.day).toBe((answers.get(point.day) ?? 0) < 30);
    // at demo scale 0.2 every week is under 30 answers: the trend says so
    expect(points.some((point) => point.lowBase)).toBe(true);
    await dash.page.getByTestId('trend-low-base').waitFor();
  });
});

describe('null is not zero', () => {
  it('a counter the platform does not report reads "not reported", not 0', async () => {
    const { accounts } = await api<Dimensions>('/api/dimensions');
    const instagram = accounts.find(
      (account) => account.platform === 'instagram' && !account.is_competitor,
    )!;
    // A story with no link-click counter (Instagram reports none for stories) and the most reactions of Q4.
    await dash.store.transaction(async (tx) => {
      await tx.append(
        'posts',
        ['post_id', 'account_id', 'platform', 'published_at', 'content_type', 'text'],
        [
          [
            'story-no-clicks',
            instagram.id,
            'instagram',
            Date.parse('2026-11-02T10:00:00Z'),
            'story',
            'A story',
          ],
        ],
      );
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
          'link_clicks',
        ],
        [
          [
            'story-no-clicks',
            Date.parse('2026-11-03T00:00:00Z'),
            900000,
            800000,
            500000,
            1,
            1,
            1,
            null,
          ],
        ],
      );
    });
    await dash.page.goto(`${dash.server.base}/kpi/engagements?from=${Q4.from}&to=${Q4.to}`);
    const note = dash.page
      .locator('[data-testid="not-reported"][data-metric="link_clicks"]')
      .first();
    await settled(() => note.textContent()).toBe('— clicks, not reported by Instagram for story');
    // the same post's counters say "1 share", "1 save" in the singular
    const item = dash.page.locator('.post-item', { hasText: 'A story' }).first();
    expect(await item.locator('[data-metric="shares"]').textContent()).toBe('1 share');
    expect(await item.locator('[data-metric="saves"]').textContent()).toBe('1 save');
  });
});

describe('the scorecard period control', () => {
  it('changes which objectives show and what they are evaluated on', async () => {
    const objectives = await api<Objective[]>('/api/objectives');
    const revenue = objectives.find((objective) => objective.id === 'obj-social-revenue')!;
    expect(revenue.period).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    await dash.page.goto(`${dash.server.base}/`);
    await dash.page.getByTestId('tile-value').first().waitFor();
    const tile = dash.page.locator('[data-objective="obj-social-revenue"]');
    // own periods: the whole yearly target, no "part of"
    await settled(() => tile.getByTestId('tile-target-of').count()).toBe(0);
    const own = await tile.getByTestId('tile-value').getAttribute('data-value');

    await dash.page.getByRole('radio', { name: 'Quarter' }).click();
    await dash.page.waitForURL((url) => url.searchParams.get('from') === Q4.from);
    const quarter = await api<Scorecard>(`/api/scorecard?from=${Q4.from}&to=${Q4.to}`);
    const inQuarter = quarter.entries.find((entry) => entry.objective.id === revenue.id)!;
    // revenue is additive: Q4's 92 days of 2026's 365 → target × 92 ÷ 365
    expect(inQuarter.objective.target).toBeCloseTo((revenue.target * 92) / 365, 6);
    await settled(() => tile.getByTestId('tile-value').getAttribute('data-value')).toBe(
      String(inQuarter.value),
    );
    expect(String(inQuarter.value)).not.toBe(own);
    await settled(() => tile.locator('.tile-target').textContent()).toContain(
      english.value(inQuarter.objective.target, 'currency', { compact: true }),
    );

    await dash.page.getByRole('radio', { name: 'Month' }).click();
    await dash.page.waitForURL((url) => url.searchParams.get('from') === '2026-11-01');
    const month = await api<Scorecard>('/api/scorecard?from=2026-11-01&to=2026-11-30');
    const inMonth = month.entries.find((entry) => entry.objective.id === revenue.id)!;
    // November: 30 of 365 days
    expect(inMonth.objective.target).toBeCloseTo((revenue.target * 30) / 365, 6);
    await settled(() => tile.getByTestId('tile-value').getAttribute('data-value')).toBe(
      String(inMonth.value),
    );

    // a past quarter in which no objective runs shows none
    await dash.page.getByRole('button', { name: 'Previous period' }).click();
    await dash.page.getByRole('button', { name: 'Previous period' }).click();
    await dash.page.getByRole('radio', { name: 'Objectives’ periods' }).click();
    await dash.page.waitForURL((url) => !url.searchParams.has('from'));
    await settled(() => dash.page.getByTestId('tile').count()).toBe(
      (await api<Scorecard>('/api/scorecard')).entries.length,
    );
  });
});

describe('French on the error paths', () => {
  it('says a wrong password and a refused file in French', async () => {
    const context = await launchChromium({ locale: 'fr-FR' });
    try {
      const french = context.context.pages()[0] ?? (await context.context.newPage());
      french.setDefaultTimeout(10_000);
      await french.goto(`${dash.server.base}/`);
      await french.getByLabel('E-mail').fill(ADMIN.email);
      await french.getByLabel('Mot de passe').fill('not the password');
      await french.getByRole('button', { name: 'Se connecter' }).click();
      await settled(() => french.getByRole('alert').textContent()).toBe(
        'Adresse e-mail ou mot de passe incorrect.',
      );
      await french.getByLabel('Mot de passe').fill(ADMIN.password);
      await french.getByRole('button', { name: 'Se connecter' }).click();
      await french.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor();
      await french.goto(`${dash.server.base}/imports`);
      const file = join(import.meta.dirname, '..', 'fixtures', 'cli', 'bad_posts.csv');
      await french.locator('input[type="file"]').setInputFiles(file);
      await french.locator('button[type="submit"]').click();
      const message = french.getByTestId('upload-error-message');
      await settled(() => message.textContent()).toBe(
        'Une valeur du fichier n’est pas celle attendue :',
      );
      expect(await french.locator('.upload-error').textContent()).toContain(
        'bad_posts.csv n’a pas été importé',
      );
    } finally {
      await context.close();
    }
  });
});
