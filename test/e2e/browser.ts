// Headless Chromium (Debian's package) driven by playwright-core, launched the same way by the e2e tests and the bench.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../src/report/index.ts';
import { ADMIN } from './server.ts';

export const CHROMIUM = '/usr/bin/chromium';

/** A browser with a fresh profile; close() also deletes the profile. */
export async function launchChromium(
  options: { viewport?: { width: number; height: number }; locale?: string } = {},
): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'cadran-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: options.viewport ?? { width: 1366, height: 768 },
    locale: options.locale ?? 'en-US',
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Chromium logged in as the e2e administrator (see server.ts) on `base`, with its first tab. */
export async function adminTab(base: string) {
  const browser = await launchChromium();
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(10_000);
  const login = await browser.context.request.post(`${base}/api/auth/login`, { data: ADMIN });
  if (login.status() !== 200) throw new Error(`login of ${ADMIN.email}: ${login.status()}`);
  return { browser, page };
}

/** Pins CADRAN_TODAY for a test file; the function returned puts back what was there. */
export function pinToday(day: string): () => void {
  const before = process.env.CADRAN_TODAY;
  process.env.CADRAN_TODAY = day;
  return () => {
    if (before === undefined) delete process.env.CADRAN_TODAY;
    else process.env.CADRAN_TODAY = before;
  };
}
