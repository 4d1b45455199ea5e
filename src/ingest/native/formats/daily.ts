// Account-level daily exports: one row per day of followers, visits and views.
import { ACCOUNT_DAY_COUNTERS, type Platform } from '../../../model/index.ts';
import type { Transaction } from '../../../store/index.ts';
import type { FileContext, NativeFormat, RowOutput, RowReader } from '../format.ts';
import { dayOf } from '../dates.ts';
import { accountOf } from './posts.ts';

/**
 * The account_daily columns a per-day export may bring under their canonical name: the followers
 * gauge and the counters (watch time comes in hours, see readDay).
 */
export const DAILY_COUNTERS = [
  'followers',
  ...ACCOUNT_DAY_COUNTERS.filter((counter) => counter !== 'watch_time'),
];
const SECONDS_PER_HOUR = 3600;

/** Emits the account's day; returns its account id and day, or null when the date is bad. */
export function readDay(
  row: RowReader,
  out: RowOutput,
  context: FileContext,
  platform: Platform,
  account = accountOf(context),
): void {
  const time = row.time('day');
  if (time === null) return;
  const accountId = `${platform}:${account}`;
  const day = dayOf(time);
  const counters: Record<string, number | null> = {};
  for (const counter of DAILY_COUNTERS)
    if (row.has(counter)) counters[counter] = row.count(counter);
  if (row.has('watch_time_hours')) {
    const hours = row.number('watch_time_hours');
    counters.watch_time = hours === null ? null : hours * SECONDS_PER_HOUR;
  }
  // Columns this export lacks keep the values other exports gave the same day (see Landing).
  if (Object.keys(counters).length > 0)
    out.emit('account_daily', { account_id: accountId, day, ...counters });
  out.extrasBelongTo('account_daily', `${accountId}|${day}`, platform);
}

/**
 * A file with one row per day and per item Cadran does not keep daily (a video): the rows of a
 * day add up to the account's day, for the columns the file brings (others keep other exports').
 */
export function sumRepeatedDays(columns: readonly string[]) {
  return async (tx: Transaction, importId: string): Promise<void> => {
    await tx.run(
      `UPDATE account_daily SET ${columns.map((c) => `"${c}" = r."${c}"`).join(', ')}
       FROM (SELECT max(rowid) AS last, ${columns.map((c) => `sum("${c}") AS "${c}"`).join(', ')}
             FROM account_daily WHERE import_id = $1
             GROUP BY account_id, day HAVING count(*) > 1) r
       WHERE account_daily.rowid = r.last`,
      [importId],
    );
  };
}

export const tiktokOverview: NativeFormat = {
  name: 'tiktok-overview',
  label: 'TikTok analytics overview (Overview.csv, one row per day)',
  signature: [['Date'], ['Video Views'], ['Profile Views']],
  fields: { day: ['Date'], profile_visits: ['Profile Views'], video_views: ['Video Views'] },
  readRow: (row, out, context) => readDay(row, out, context, 'tiktok'),
};

export const tiktokFollowers: NativeFormat = {
  name: 'tiktok-followers',
  label: 'TikTok follower history (FollowerHistory.csv)',
  signature: [['Date'], ['Followers'], ['Difference in followers from previous day']],
  fields: { day: ['Date'], followers: ['Followers'] },
  readRow: (row, out, context) => readDay(row, out, context, 'tiktok'),
};

// LinkedIn's daily "Total followers" are the followers gained that day (organic + sponsored…), not
// the page's total: they land as new followers, never as the followers gauge.
export const linkedinFollowers: NativeFormat = {
  name: 'linkedin-followers',
  label: 'LinkedIn page followers export (.xls, new followers per day)',
  signature: [['Date'], ['Organic followers'], ['Total followers']],
  fields: { day: ['Date'], new_followers: ['Total followers'] },
  readRow: (row, out, context) => readDay(row, out, context, 'linkedin'),
};

export const linkedinVisitors: NativeFormat = {
  name: 'linkedin-visitors',
  label: 'LinkedIn page visitors export (.xls)',
  signature: [['Date'], ['Total page views (total)'], ['Total unique visitors (total)']],
  fields: {
    day: ['Date'],
    profile_visits: ['Total page views (total)'],
    unique_visitors: ['Total unique visitors (total)'],
  },
  readRow: (row, out, context) => readDay(row, out, context, 'linkedin'),
};

/**
 * The "Metrics" sheet of the page content export: the page's posts summed per day. The same
 * workbook's "All posts" sheet is picked first; `--format linkedin-content-daily` reads this one.
 */
export const linkedinContentDaily: NativeFormat = {
  name: 'linkedin-content-daily',
  label: 'LinkedIn page content export, sheet "Metrics" (one row per day)',
  signature: [
    ['Date'],
    ['Impressions (total)', 'Impressions (organic)'],
    ['Reactions (total)', 'Reactions (organic)'],
  ],
  // The total when the sheet has one (organic + sponsored), else the organic column alone.
  fields: {
    day: ['Date'],
    impressions: ['Impressions (total)', 'Impressions (organic)'],
    link_clicks: ['Clicks (total)', 'Clicks (organic)'],
    reactions: ['Reactions (total)', 'Reactions (organic)'],
    comments: ['Comments (total)', 'Comments (organic)'],
    shares: ['Reposts (total)', 'Reposts (organic)'],
  },
  readRow: (row, out, context) => readDay(row, out, context, 'linkedin'),
};
