// The drill-down sections that apply to a KPI, in Chromium over a real server and demo store: the
// response-time page explains its number with the slowest threads, not with top posts.
import { describe, expect, it } from 'vitest';
import { demoData, openDashboard } from './dashboard-fixture.ts';

const TODAY = '2026-11-18';
const PERIOD = { from: '2026-10-01', to: TODAY };

const dash = openDashboard({ today: TODAY, fill: demoData(TODAY) });

describe('response time drill-down', () => {
  it('shows the slowest threads with their reply times, and no top posts', async () => {
    await dash.page.goto(
      `${dash.server.base}/kpi/response_time_median?from=${PERIOD.from}&to=${PERIOD.to}`,
    );
    const section = dash.page.locator('[data-testid="slowest-threads"]');
    await expect.poll(() => section.locator('h2').textContent()).toBe('Slowest threads');
    await section.locator('li[data-reply-seconds]').first().waitFor();
    expect(await dash.page.locator('main').textContent()).not.toContain('Top posts');
    // The first thread is the longest wait to a brand reply among comments and messages of the period.
    const [slowest] = await dash.store.all(
      `SELECT max(date_diff('second', created_at, first_reply_at)) AS seconds FROM inbound_facts
       WHERE NOT is_competitor AND first_reply_at IS NOT NULL
         AND created_at >= TIMESTAMP '${PERIOD.from}' AND created_at < TIMESTAMP '2026-11-19'`,
    );
    const shown = await section
      .locator('li[data-reply-seconds]')
      .evaluateAll((items) => items.map((item) => Number(item.getAttribute('data-reply-seconds'))));
    expect(shown[0]).toBe(Number(slowest.seconds));
    expect(shown).toEqual([...shown].sort((a, b) => b - a));
  });
});

describe('objective names in the reader’s language', () => {
  it('the English scorecard names the demo objectives in English', async () => {
    await dash.page.goto(`${dash.server.base}/`);
    const names = dash.page.locator('.tile-name');
    await expect.poll(() => names.count()).toBe(6);
    const shown = await names.allTextContents();
    expect(shown).toContain('NPS this year');
    expect(shown).not.toContain('NPS de l’année');
  });
});
