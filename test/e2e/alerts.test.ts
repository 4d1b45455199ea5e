// The alert history and the schedules admin page in Chromium, over a demo store whose negative-comment
// burst raised one alert: the row shows what the API holds, Acknowledge records it; a schedule added
// through the form is listed with its next run.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateRules } from '../../src/alerts/index.ts';
import { generateDemo } from '../../src/demo/index.ts';
import type { Store } from '../../src/store/index.ts';
import { makeFormat } from '../../web/src/i18n/format.ts';
import type { AlertRecord, ScheduleRecord } from '../../web/src/pages/alerts/types.ts';
import { tempStore } from '../helpers.ts';
import { launchChromium } from './browser.ts';
import { ADMIN, ensureWebBuilt, startServer, VIEWER, type RunningServer } from './server.ts';

const TODAY = '2026-03-15';
const SCREENSHOTS = process.env.CADRAN_SCREENSHOTS; // a folder to keep the pages' screenshots in
let store: Store;
let server: RunningServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;

async function api<T>(path: string): Promise<T> {
  const response = await fetch(`${server.base}${path}`, { headers: server.adminApi });
  expect(response.status, `${path}: ${await response.clone().text()}`).toBe(200);
  return (await response.json()) as T;
}

async function screenshot(name: string): Promise<void> {
  if (!SCREENSHOTS) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const language of ['EN', 'FR']) {
    await page
      .getByRole('group', { name: /Language|Langue/ })
      .getByRole('button', { name: language })
      .click();
    await page.screenshot({
      path: join(SCREENSHOTS, `${name}-${language.toLowerCase()}.png`),
      fullPage: true,
    });
  }
  await page
    .getByRole('group', { name: /Language|Langue/ })
    .getByRole('button', { name: 'EN' })
    .click();
}

beforeAll(async () => {
  await ensureWebBuilt();
  store = await tempStore();
  await generateDemo(store, { seed: 42, scale: 0.2, today: TODAY });
  const raised = await evaluateRules(store, { now: new Date(`${TODAY}T12:00:00Z`), today: TODAY });
  expect(raised).toHaveLength(1);
  server = await startServer(store);
  browser = await launchChromium();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  const login = await browser.context.request.post(`${server.base}/api/auth/login`, {
    data: ADMIN,
  });
  expect(login.status()).toBe(200);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  store?.close();
});

describe('the alert history page', () => {
  it('lists the burst alert with its value, usual range, base and drill-down, and acknowledges it', async () => {
    const [alert] = await api<AlertRecord[]>('/api/alerts');
    expect(alert.acknowledged_at).toBeNull();
    await page.goto(`${server.base}/alerts`);
    const row = page.getByTestId('alert-row');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    const english = makeFormat('en-US', 'en', 'EUR');
    // The burst alone is max(12, round(36 × 0.2)) = 12 negative comments under one post that day.
    expect(alert.value).toBeGreaterThanOrEqual(12);
    expect(alert.value).toBeGreaterThan(alert.high!);
    expect(await row.getByTestId('alert-value').textContent()).toBe(
      english.value(alert.value, 'count'),
    );
    expect(await row.getByTestId('alert-range').textContent()).toBe(
      `${english.value(alert.low, 'count')} to ${english.value(alert.high, 'count')}`,
    );
    // Negative share's base is the comments (the catalog's noun); the share shown is value ÷ base.
    expect(await row.getByTestId('alert-base').textContent()).toBe(
      `${english.number(alert.base)} comments`,
    );
    expect(await row.getByTestId('alert-share').textContent()).toBe(
      `${english.value(alert.value! / alert.base!, 'ratio')} of the base`,
    );
    // The burst sits under one post: the worst thread names at least its 12 negative comments.
    expect(await row.getByTestId('alert-thread').textContent()).toContain(
      `Worst thread: ${english.number(alert.threads[0].negatives)} negative`,
    );
    expect(alert.threads[0].negatives).toBeGreaterThanOrEqual(12);
    expect(await row.getByRole('link', { name: 'Drill down' }).getAttribute('href')).toBe(
      alert.link,
    );
    expect(await row.getByTestId('alert-state').textContent()).toBe('Open');
    await screenshot('alerts-open');

    await row.getByRole('button', { name: 'Acknowledge' }).click();
    await expect
      .poll(() => row.getByTestId('alert-state').textContent(), { timeout: 10_000 })
      .toMatch(/^Acknowledged /);
    expect(await row.getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);
    const [after] = await api<AlertRecord[]>('/api/alerts');
    expect(after.acknowledged_at).not.toBeNull();
    expect(after.acknowledged_by).not.toBeNull();
    await screenshot('alerts-acknowledged');
  }, 60_000);
});

describe('the schedules page', () => {
  it('adds a schedule and lists it with its next run; turns it off', async () => {
    await page.goto(`${server.base}/schedules`);
    await page.getByTestId('schedule-row').first().waitFor(); // the demo's weekly brief, off
    expect(await page.getByTestId('schedule-row').count()).toBe(1);
    await page.getByLabel('Name').fill('Monthly board pack');
    await page.getByLabel('When').fill('every Monday 08:00');
    await page.getByLabel('Report period').selectOption('previous_month');
    await page.getByLabel('Send to').fill('board@lumen.test, https://hooks.lumen.test/board');
    await page.getByRole('button', { name: 'Add a schedule' }).click();
    await page.locator('.notice-ok').waitFor();
    await expect.poll(() => page.getByTestId('schedule-row').count(), { timeout: 10_000 }).toBe(2);

    const schedules = await api<ScheduleRecord[]>('/api/schedules');
    const added = schedules.find((item) => item.name === 'Monthly board pack')!;
    expect(added).toMatchObject({
      period: 'previous_month',
      enabled: true,
      recipients: ['board@lumen.test', 'https://hooks.lumen.test/board'],
    });
    // The next Monday 08:00 in Paris after now is a Monday, at 07:00 or 06:00 UTC (winter or summer time).
    const next = new Date(added.next_run!);
    expect(next.getUTCDay()).toBe(1);
    expect([6, 7]).toContain(next.getUTCHours());
    const row = page.getByTestId('schedule-row').filter({ hasText: 'Monthly board pack' });
    // Shown in the schedule's own zone, as it was asked for: a Monday at 8:00.
    expect(await row.getByTestId('schedule-next').textContent()).toMatch(/^Mon, .* 8:00\sAM$/);
    expect(await row.getByTestId('schedule-state').textContent()).toBe('On');
    await screenshot('schedules');

    await row.getByRole('button', { name: 'Turn off' }).click();
    await expect
      .poll(() => row.getByTestId('schedule-state').textContent(), { timeout: 10_000 })
      .toBe('Off');
    const off = (await api<ScheduleRecord[]>('/api/schedules')).find(
      (item) => item.id === added.id,
    )!;
    expect(off).toMatchObject({ enabled: false, next_run: null });
  }, 60_000);
});

describe('a viewer', () => {
  it('reads the alerts without an Acknowledge button, and has no Schedules page', async () => {
    await browser.context.request.post(`${server.base}/api/auth/logout`);
    const login = await browser.context.request.post(`${server.base}/api/auth/login`, {
      data: VIEWER,
    });
    expect(login.status()).toBe(200);
    await page.goto(`${server.base}/alerts`);
    await page.getByTestId('alert-row').first().waitFor();
    expect(await page.getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Schedules' }).count()).toBe(0);
    await page.goto(`${server.base}/schedules`);
    await page.getByText('Page not found').or(page.locator('.notice-title')).first().waitFor();
    expect(await page.getByTestId('schedule-row').count()).toBe(0);
  }, 60_000);
});
