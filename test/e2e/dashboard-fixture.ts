// The set-up the dashboard's test files share: a temporary store the file fills, a real server on it and
// Chromium logged in as the administrator, today pinned when the file asks; all closed after the file.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { generateDemo } from '../../src/demo/index.ts';
import type { Store } from '../../src/store/index.ts';
import { tempStore } from '../helpers.ts';
import { adminTab, pinToday, type launchChromium } from './browser.ts';
import { ensureWebBuilt, startServer, type RunningServer } from './server.ts';

/** Set before the file's first test runs. */
export interface Dashboard {
  store: Store;
  server: RunningServer;
  /** Chromium's tab, logged in as the administrator. */
  page: Page;
}

/** The demo data set the e2e files read, as generated on `today`. */
export const demoData = (today: string) => (store: Store) =>
  generateDemo(store, { seed: 7, scale: 0.2, today });

/** Registers the file's beforeAll and afterAll; the object returned is filled in by the first. */
export function openDashboard(options: {
  fill: (store: Store) => Promise<unknown>;
  today?: string;
}): Dashboard {
  const dashboard = {} as Dashboard;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  let restoreToday: (() => void) | undefined;
  beforeAll(async () => {
    if (options.today) restoreToday = pinToday(options.today);
    await ensureWebBuilt();
    dashboard.store = await tempStore();
    await options.fill(dashboard.store);
    dashboard.server = await startServer(dashboard.store);
    const tab = await adminTab(dashboard.server.base);
    browser = tab.browser;
    dashboard.page = tab.page;
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await dashboard.server?.close();
    await dashboard.store?.close();
    restoreToday?.();
  });
  return dashboard;
}
