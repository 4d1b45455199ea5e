// `cadran import` of each export shape prints the reconciliation lines: each mapped metric's total
// in the file beside what the store holds (values computed by hand from the fixtures).
import { describe, expect, it } from 'vitest';
import { terminalStoreAccess } from '../../../src/cli/local-store.ts';
import type { CommandIO } from '../../../src/cli/io.ts';
import { runCli } from '../../../src/cli/run.ts';
import { ENGINES, freshStoreLocation, type EngineName } from '../../engines.ts';
import { exportFixture } from './helpers.ts';

/** `cadran import` into a new store the CLI opens itself from CADRAN_STORE, as a terminal would. */
async function cadranImport(
  engine: EngineName,
  ...args: string[]
): Promise<{ code: number; out: string; err: string }> {
  const output = { out: '', err: '' };
  const io: CommandIO = {
    out: (text) => void (output.out += text),
    err: (text) => void (output.err += text),
    errIsTerminal: false,
    readStdin: async () => '',
    cwd: process.cwd(),
    env: { CADRAN_STORE: freshStoreLocation(engine) },
  };
  const command = ['import', ...args];
  const code = await runCli(command, io, terminalStoreAccess(command, io));
  return { code, ...output };
}

describe.each(ENGINES)('cadran import prints the reconciliation of each shape (%s)', (engine) => {
  it.each([
    // X post activity: impressions 1 200 + 800 + 1 500
    [
      'tweet_activity_metrics_maisonlumen_20250101_20250131_en.csv',
      'impressions: file 3 500 · stored 3 500',
    ],
    // X content late 2025, two placeholder rows left out: reposts 4 + 1
    ['account_analytics_content_2025-11-01_2025-11-30.csv', 'shares: file 5 · stored 5'],
    // X overview: new follows 2 + 5 + 3
    ['account_overview_analytics.csv', 'new_followers: file 10 · stored 10'],
    // YouTube chart data: 3 videos × 31 days, 10·v + d views
    ['Chart data.csv', 'video_views: file 3 348 · stored 3 348'],
    // YouTube totals: 100 + 200 + 300 + 400 + 500
    ['Totals.csv', 'video_views: file 1 500 · stored 1 500'],
    // TikTok overview: 12 000 + 15 000 + 9 000
    ['Overview.csv', 'video_views: file 36 000 · stored 36 000'],
    // GA4 channel groups: 300 + 25 + 15 + 100
    ['ga4_channel_groups_feb.csv', 'sessions: file 440 · stored 440'],
    // GA4 snapshot opening with another table: its source / medium table, 35 + 115
    ['ga4_snapshot_sessions_later.csv', 'sessions: file 150 · stored 150'],
    // LinkedIn visitors: total page views 70 + 90
    ['maisonlumen_visitors_1736700000000.xls', 'profile_visits: file 160 · stored 160'],
    // LinkedIn followers: followers gained 13 + 22 + 9
    ['maisonlumen_followers_1736700000000.xlsx', 'new_followers: file 44 · stored 44'],
  ])('%s', async (name, line) => {
    const { code, out, err } = await cadranImport(engine, exportFixture(name));
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain(`\n  ${line}`);
  });

  it('prints the skip rule and the note of a file that has them', async () => {
    const { out } = await cadranImport(
      engine,
      exportFixture('account_analytics_content_2025-11-01_2025-11-30.csv'),
    );
    expect(out).toContain(
      '\n  skipped 2 placeholder rows X writes (no id, no date, link to /status/undefined, zeros)',
    );
  });
});
