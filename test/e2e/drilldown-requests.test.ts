// How many requests a drill-down costs in Chromium, over a real server and demo store: the session's
// three and the drill-down's one, whatever lists its KPI shows (posts, comments, advocates).
import { describe, expect, it } from 'vitest';
import { demoData, openDashboard } from './dashboard-fixture.ts';

const TODAY = '2026-11-18';
const QUERY = `?from=2026-10-01&to=${TODAY}&compare=yoy`;
const SESSION_AND_VIEW = ['/api/auth/state', '/api/dimensions', '/api/drilldown', '/api/kpis'];

const dash = openDashboard({ today: TODAY, fill: demoData(TODAY) });

/** Opens the drill-down by its address and returns the API paths it asked, once every panel is drawn. */
async function apiCallsOf(kpi: string, lastPanel: string): Promise<string[]> {
  const calls: string[] = [];
  const count = (request: { url(): string }) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/api/')) calls.push(path);
  };
  dash.page.on('request', count);
  try {
    await dash.page.goto(`${dash.server.base}/kpi/${kpi}${QUERY}`);
    await dash.page.locator(lastPanel).first().waitFor();
    await dash.page.locator('[data-testid="trend-points"]').waitFor({ state: 'attached' });
    await expect.poll(() => dash.page.locator('.loading').count()).toBe(0);
  } finally {
    dash.page.off('request', count);
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
    const [worst] = await dash.store.all(
      `SELECT i.text FROM interactions i
       WHERE i.kind IN ('comment', 'reply', 'mention', 'message') AND NOT coalesce(i.is_brand, false)
         AND i.account_id NOT IN (SELECT account_id FROM accounts WHERE coalesce(is_competitor, false))
         AND i.created_at >= TIMESTAMP '2026-10-01' AND i.created_at < TIMESTAMP '2026-11-19'
       ORDER BY i.sentiment_score ASC NULLS LAST, i.created_at DESC, i.interaction_id LIMIT 1`,
    );
    expect(await dash.page.locator('.comments .comment-text').first().textContent()).toBe(
      worst.text,
    );
  });

  it('advocates, with the people lists: 4 calls', async () => {
    expect(await apiCallsOf('advocates', '.posts .post-item')).toEqual(SESSION_AND_VIEW);
  });

  it('another page of comments asks for that page alone', async () => {
    await apiCallsOf('sentiment_positive_share', '.comments .comment');
    const next = dash.page.waitForRequest(
      (request) => new URL(request.url()).pathname === '/api/interactions',
    );
    await dash.page.locator('.comments .pager button').last().click();
    expect(new URL((await next).url()).searchParams.get('offset')).toBe('10');
  });
});
