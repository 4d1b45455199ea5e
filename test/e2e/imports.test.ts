// The Imports page in Chromium: a large export is sent, the page follows its import job with a
// progress bar of the file read so far, and ends on the number of rows the server landed.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.ts';
import { tempStore } from '../helpers.ts';
import { launchChromium } from './browser.ts';
import { ADMIN, ensureWebBuilt, startServer, type RunningServer } from './server.ts';

const ROWS = 200_000;
let store: Store;
let server: RunningServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;

/** A GA4 report of ROWS rows, one source per row, 1 000 rows a day from 2024-01-01. */
function ga4Report(): string {
  const lines = [
    '# Start date: 20240101',
    '# End date: 20241231',
    '',
    'Date,Session source / medium,Session campaign,Sessions,Total users,Engaged sessions,Engagement rate,Event count,Key events,Total revenue',
  ];
  for (let index = 0; index < ROWS; index++) {
    const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(index / 1000) * 86_400_000);
    const date = day.toISOString().slice(0, 10).replaceAll('-', '');
    lines.push(`${date},source${index % 1000} / referral,(not set),10,9,6,0.6,70,0,0`);
  }
  return `${lines.join('\n')}\n`;
}

beforeAll(async () => {
  await ensureWebBuilt();
  store = await tempStore();
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

describe('the Imports page', () => {
  it('shows the import job reading the file, then the rows landed', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cadran-e2e-import-')), 'ga4-2024.csv');
    writeFileSync(path, ga4Report());
    await page.goto(`${server.base}/imports`);
    await page.locator('input[type="file"]').setInputFiles(path);
    await page.getByRole('button', { name: 'Import' }).click();
    // While the server works, the page shows a bar fed by the job (queued, reading, or writing).
    const bar = page.locator('progress');
    await bar.first().waitFor({ timeout: 30_000 });
    const done = page.locator('.notice-ok');
    await done.waitFor({ timeout: 120_000 });
    // 200 000 rows written, shown the way English writes the number.
    expect(await done.textContent()).toContain('200,000');
    expect(await bar.count()).toBe(0);
  }, 180_000);
});
