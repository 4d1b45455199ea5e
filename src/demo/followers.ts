// account_daily: followers grow day by day (faster during campaigns), with profile visits and account reach.
import type { Platform } from '../model/index.ts';
import { OWN_ACCOUNTS, type DemoAccount } from './brand.ts';
import type { Calendar } from './calendar.ts';
import type { Marketing } from './campaigns.ts';
import type { Random } from './random.ts';
import type { TableWriter } from './writer.ts';

export const ACCOUNT_DAILY_COLUMNS = [
  'account_id',
  'day',
  'followers',
  'profile_visits',
  'impressions',
  'reach',
  'import_id',
];

const VISITS_PER_FOLLOWER: Record<Platform, number> = {
  instagram: 0.006,
  facebook: 0.003,
  linkedin: 0.004,
  x: 0.002,
  youtube: 0.003,
  tiktok: 0.008,
};
const IMPRESSIONS_PER_FOLLOWER: Record<Platform, number> = {
  instagram: 0.45,
  facebook: 0.25,
  linkedin: 0.35,
  x: 0.3,
  youtube: 0.5,
  tiktok: 1.2,
};

/** Followers at the end of each day, per account id. */
export type Followers = Map<string, Float64Array>;

/** Daily log-growth: the trend spread over the days in proportion to activity and campaigns, with noise. */
function dailyGrowth(
  account: DemoAccount,
  calendar: Calendar,
  marketing: Marketing,
  random: Random,
): Float64Array {
  const weights = new Float64Array(calendar.days);
  let total = 0;
  for (let day = 0; day < calendar.days; day++) {
    const campaign = marketing.running[account.platform][day] >= 0 ? 2.2 : 1;
    weights[day] = Math.max(0, calendar.audience[day] * campaign * (1 + 0.45 * random.normal()));
    total += weights[day];
  }
  const trend = Math.log(account.followersTo / account.followersFrom);
  for (let day = 0; day < calendar.days; day++) {
    // The delivery incident costs some unfollows; a day never loses more than 0.4 %.
    const growth =
      (trend * weights[day]) / total -
      0.0012 * marketing.incident[day] -
      0.0002 * Math.max(0, random.normal() - 1.5);
    weights[day] = Math.max(-0.004, growth);
  }
  return weights;
}

function followerSeries(
  account: DemoAccount,
  calendar: Calendar,
  marketing: Marketing,
  random: Random,
): Float64Array {
  const growth = dailyGrowth(account, calendar, marketing, random);
  const series = new Float64Array(calendar.days);
  let logFollowers = Math.log(account.followersFrom);
  for (let day = 0; day < calendar.days; day++) {
    logFollowers += growth[day];
    series[day] = Math.round(Math.exp(logFollowers));
  }
  return series;
}

export function writeAccountDaily(
  writer: TableWriter,
  calendar: Calendar,
  marketing: Marketing,
  random: Random,
): Followers {
  const followers: Followers = new Map();
  for (const account of OWN_ACCOUNTS) {
    const series = followerSeries(account, calendar, marketing, random);
    followers.set(account.accountId, series);
    for (let day = 0; day < calendar.days; day++) {
      const boost =
        (marketing.running[account.platform][day] >= 0 ? 1.4 : 1) * calendar.audience[day];
      const impressions = Math.round(
        series[day] * IMPRESSIONS_PER_FOLLOWER[account.platform] * boost * random.logNormal(1, 0.3),
      );
      const row = writer.row();
      row[0] = account.accountId;
      row[1] = calendar.dayNames[day];
      row[2] = series[day];
      row[3] = Math.round(
        series[day] * VISITS_PER_FOLLOWER[account.platform] * boost * random.logNormal(1, 0.25),
      );
      row[4] = impressions;
      row[5] = Math.round(impressions * random.between(0.45, 0.7));
      row[6] = 'demo';
    }
  }
  return followers;
}

/** Followers of an account on a day: the series for own accounts, a straight line for competitors. */
export function followersOn(
  followers: Followers,
  account: DemoAccount,
  calendar: Calendar,
  day: number,
): number {
  const series = followers.get(account.accountId);
  if (series) return series[day];
  return (
    account.followersFrom + ((account.followersTo - account.followersFrom) * day) / calendar.days
  );
}
