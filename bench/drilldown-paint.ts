// A drill-down as a user meets it: from navigation start to the frame that paints its last panel (no
// loading placeholder left, the summary value and trend drawn), and how many API calls it made.
import type { Page } from 'playwright-core';
import { launchChromium } from '../test/e2e/browser.ts';
import { ADMIN } from '../test/e2e/server.ts';
import type { Timing } from './harness.ts';

// Runs in the page before its scripts: each frame checks whether every panel has its content; the first
// frame where they all do stamps the time since navigation start.
const STAMP_LAST_PANEL = `
  window.__lastPanel = null;
  const check = () => {
    const ready = document.querySelector('[data-testid="drill-value"]')
      && document.querySelector('[data-testid="trend-points"]')
      && !document.querySelector('.loading');
    if (ready) window.__lastPanel = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);`;

const median = (samples: number[]) =>
  [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)];

async function loadDrilldown(page: Page, url: string) {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as { __lastPanel?: number | null }).__lastPanel, null, {
    polling: 50,
    timeout: 20_000,
  });
  return page.evaluate(() => ({
    lastPanel: (window as unknown as { __lastPanel: number }).__lastPanel,
    firstContentfulPaint:
      performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
  }));
}

/** Each path loaded once to warm caches, then `runs` times; the API calls of one load are counted. */
export async function benchDrilldownPaint(base: string, paths: string[], runs: number) {
  const browser = await launchChromium();
  try {
    const login = await browser.context.request.post(`${base}/api/auth/login`, { data: ADMIN });
    if (login.status() !== 200) throw new Error(`login: ${login.status()}`);
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.addInitScript(STAMP_LAST_PANEL);
    const results: { path: string; timing: Timing; floor: Timing; apiCalls: number }[] = [];
    for (const path of paths) {
      const calls: string[] = [];
      const count = (request: { url(): string }) => {
        if (new URL(request.url()).pathname.startsWith('/api/')) calls.push(request.url());
      };
      page.on('request', count);
      await loadDrilldown(page, `${base}${path}`);
      page.off('request', count);
      const samples = [];
      for (let run = 0; run < runs; run++)
        samples.push(await loadDrilldown(page, `${base}${path}`));
      const timing = (name: string, values: number[]): Timing => ({
        name,
        median_ms: median(values),
        min_ms: Math.min(...values),
        runs: values.length,
      });
      results.push({
        path,
        timing: timing(
          `(d) drill-down ${path.split('?')[0]}: last panel painted`,
          samples.map((s) => s.lastPanel),
        ),
        floor: timing(
          '(d) floor: first contentful paint',
          samples.map((s) => s.firstContentfulPaint),
        ),
        apiCalls: calls.length,
      });
    }
    return results;
  } finally {
    await browser.close();
  }
}
