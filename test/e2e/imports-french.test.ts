// The Imports page in French: skip rules, notes and the commonest refusals are worded from their
// codes, not shown in the server's English.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.ts';
import { tempStore } from '../helpers.ts';
import { launchChromium } from './browser.ts';
import { ADMIN, ensureWebBuilt, startServer, type RunningServer } from './server.ts';

let store: Store;
let server: RunningServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;

const exportFixture = (name: string) =>
  join(import.meta.dirname, '..', 'fixtures', 'exports', name);

beforeAll(async () => {
  await ensureWebBuilt();
  store = await tempStore();
  server = await startServer(store);
  browser = await launchChromium({ locale: 'fr-FR' });
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(20_000);
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

async function upload(name: string): Promise<void> {
  await page.goto(`${server.base}/imports`);
  await page.locator('input[type="file"]').setInputFiles(exportFixture(name));
  await page.locator('button[type="submit"]').click();
}

describe('the Imports page in French', () => {
  it('words the placeholder rows X writes, with the plural', async () => {
    await upload('account_analytics_content_2025-11-01_2025-11-30.csv');
    const done = page.locator('.upload-reconciliation');
    await done.waitFor();
    expect(await done.textContent()).toContain(
      '2 lignes factices écrites par X ignorées (sans id ni date, lien vers /status/undefined, zéros)',
    );
  });

  it('says in French that a report without dates needs its period', async () => {
    await upload('ga4_source_medium_no_dates.csv');
    const message = page.getByTestId('upload-error-message');
    await message.waitFor();
    expect(await message.textContent()).toBe(
      'Le rapport n’a ni colonne Date ni ligne « # Start date » : la période qu’il couvre est inconnue.',
    );
    expect(await page.locator('.upload-error').textContent()).toContain(
      'La période qu’il couvre, dans les champs Du et Au ci-dessus',
    );
  });
});
