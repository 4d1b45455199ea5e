// How many requests a drill-down costs in Chromium, over a real server and demo store: the session's
// three and the drill-down's one, whatever lists its KPI shows (posts, comments, advocates).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../src/demo/index.ts';
import type { Store } from '../../src/store/index.ts';
import { tempStore } from '../helpers.ts';
import { adminTab, launchChromium, pinToday } from './browser.ts';
import { ensureWebBuilt, startServer, type RunningServer } from './server.ts';

const TODAY = '2026-11-18';
const QUERY = `?from=2026-10-01&to=${TODAY}&compare=yoy`;
const SESSION_AND_VIEW = ['/api/auth/state', '/api/dimensions', '/api/drilldown', '/api/kpis'];

let store: Store;
let server: RunningServer;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
let restoreToday: (() => void) | undefined;

beforeAll(async () => {
  restoreToday = pinToday(TODAY);
  await ensureWebBuilt();
  store = await tempStore();
  await generateDemo(store, { seed: 7, scale: 0.2, today: TODAY });
  server = await startServer(store);
  ({ browser, page } = await adminTab(server.base));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await store?.close();
  restoreToday?.();
});

/** Opens the drill-down by its address and returns the API paths it asked, once every panel is drawn. */
async function apiCallsOf(kpi: string, lastPanel: string): Promise<string[]> {
  const calls: string[] = [];
  const count = (request: { url(): string }) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/api/')) calls.push(path);
  };
  page.on('request', count);
  try {
    await page.goto(`${server.base}/kpi/${kpi}${QUERY}`);
    await page.locator(lastPanel).first().waitFor();
    await page.locator('[data-testid="trend-points"]').waitFor({ state: 'attached' });
    await expect.poll(() => page.locator('.loading').count()).toBe(0);
  } finally {
    page.off('request', count);
  }
  return calls.sort();
}

describe('requests per drill-down', () => {
  it('engagement rate, with its ranked posts: 4 calls', async () => {
    expect(await apiCallsOf('engagement_rate_impressions', '.posts .post-item')).toEqual(
      SESSION_AND_VIEW,
    );
  });

  it('positive sentiment share, with posts and comments: 4 calls, the comments worst first', async () => {
    expect(await apiCallsOf('sentiment_positive_share', '.comments .comment')).toEqual(
      SESSION_AND_VIEW,
    );
    const [worst] = await store.all(
      `SELECT i.text FROM interactions i
       WHERE i.kind IN ('comment', 'reply', 'mention', 'message') AND NOT coalesce(i.is_brand, false)
         AND i.account_id NOT IN (SELECT account_id FROM accounts WHERE coalesce(is_competitor, false))
         AND i.created_at >= TIMESTAMP '2026-10-01' AND i.created_at < TIMESTAMP '2026-11-19'
       ORDER BY i.sentiment_score ASC NULLS LAST, i.created_at DESC, i.interaction_id LIMIT 1`,
    );
    expect(await page.locator('.comments .comment-text').first().textContent()).toBe(worst.text);
  });

  it('advocates, with the people lists: 4 calls', async () => {
    expect(await apiCallsOf('advocates', '.posts .post-item')).toEqual(SESSION_AND_VIEW);
  });

  it('another page of comments asks for that page alone', async () => {
    await apiCallsOf('sentiment_positive_share', '.comments .comment');
    const next = page.waitForRequest(
      (request) => new URL(request.url()).pathname === '/api/interactions',
    );
    await page.locator('.comments .pager button').last().click();
    expect(new URL((await next).url()).searchParams.get('offset')).toBe('10');
  });
});
