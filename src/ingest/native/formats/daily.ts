// Account-level daily exports: one row per day of followers, visits and views.
import type { Platform } from '../../../model/index.ts';
import type { FileContext, NativeFormat, RowOutput, RowReader } from '../format.ts';
import { dayOf } from '../dates.ts';
import { accountOf } from './posts.ts';

const DAILY_COUNTERS = ['followers', 'profile_visits', 'impressions', 'reach'] as const;

function readDay(row: RowReader, out: RowOutput, context: FileContext, platform: Platform): void {
  const time = row.time('day');
  if (time === null) return;
  const accountId = `${platform}:${accountOf(context)}`;
  const day = dayOf(time);
  const counters: Record<string, number | null> = {};
  for (const counter of DAILY_COUNTERS)
    if (row.has(counter)) counters[counter] = row.count(counter);
  // Columns this export lacks keep the values other exports gave the same day (see Landing).
  if (Object.keys(counters).length > 0)
    out.emit('account_daily', { account_id: accountId, day, ...counters });
  out.extrasBelongTo('account_daily', `${accountId}|${day}`, platform);
}

export const tiktokOverview: NativeFormat = {
  name: 'tiktok-overview',
  label: 'TikTok analytics overview (Overview.csv)',
  signature: [['Date'], ['Video Views'], ['Profile Views']],
  fields: { day: ['Date'], profile_visits: ['Profile Views'] },
  readRow: (row, out, context) => readDay(row, out, context, 'tiktok'),
};

export const tiktokFollowers: NativeFormat = {
  name: 'tiktok-followers',
  label: 'TikTok follower history (FollowerHistory.csv)',
  signature: [['Date'], ['Followers'], ['Difference in followers from previous day']],
  fields: { day: ['Date'], followers: ['Followers'] },
  readRow: (row, out, context) => readDay(row, out, context, 'tiktok'),
};

// LinkedIn's daily follower counts are new followers that day, not the total: kept as extras.
export const linkedinFollowers: NativeFormat = {
  name: 'linkedin-followers',
  label: 'LinkedIn page followers export (.xls, new followers per day)',
  signature: [['Date'], ['Organic followers'], ['Total followers']],
  fields: { day: ['Date'] },
  readRow: (row, out, context) => readDay(row, out, context, 'linkedin'),
};

export const linkedinVisitors: NativeFormat = {
  name: 'linkedin-visitors',
  label: 'LinkedIn page visitors export (.xls)',
  signature: [['Date'], ['Total page views (total)'], ['Total unique visitors (total)']],
  fields: { day: ['Date'], profile_visits: ['Total page views (total)'] },
  readRow: (row, out, context) => readDay(row, out, context, 'linkedin'),
};
