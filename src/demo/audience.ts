// audience and personas: monthly demographics of each own account, drifting slowly toward the target personas.
import type { Cell } from '../store/index.ts';
import type { Platform } from '../model/index.ts';
import { OWN_ACCOUNTS } from './brand.ts';
import type { Calendar } from './calendar.ts';
import type { Followers } from './followers.ts';
import type { Random } from './random.ts';

export const AUDIENCE_COLUMNS = [
  'account_id',
  'day',
  'dimension',
  'bucket',
  'members',
  'import_id',
];
export const PERSONA_COLUMNS = ['dimension', 'bucket', 'import_id'];

type Buckets = [bucket: string, share: number][];

const AGE = ['13-17', '18-24', '25-34', '35-44', '45-54', '55-64', '65+'];
const AGE_SHARES: Record<Platform, number[]> = {
  instagram: [2, 18, 36, 24, 12, 5, 3],
  facebook: [1, 8, 22, 26, 21, 14, 8],
  linkedin: [0, 10, 38, 28, 15, 7, 2],
  x: [2, 17, 33, 25, 13, 7, 3],
  youtube: [3, 20, 30, 22, 14, 7, 4],
  tiktok: [8, 34, 30, 16, 8, 3, 1],
};
const GENDER_SHARES: Record<Platform, number> = {
  instagram: 68,
  facebook: 64,
  linkedin: 55,
  x: 47,
  youtube: 52,
  tiktok: 66,
};
const COUNTRY: Buckets = [
  ['FR', 74],
  ['BE', 7],
  ['CH', 5],
  ['CA', 3],
  ['LU', 1.5],
  ['DE', 1.5],
  ['ES', 1.5],
  ['IT', 1.5],
  ['GB', 1.5],
  ['US', 1.5],
  ['other', 2],
];
const LINKEDIN_ONLY: Record<string, Buckets> = {
  industry: [
    ['Architecture & Planning', 16],
    ['Design Services', 14],
    ['Retail', 18],
    ['Furniture and Home Furnishings Manufacturing', 9],
    ['Real Estate', 8],
    ['Hospitality', 7],
    ['Construction', 6],
    ['Marketing Services', 8],
    ['Other', 14],
  ],
  seniority: [
    ['Entry', 22],
    ['Senior', 30],
    ['Manager', 18],
    ['Director', 9],
    ['VP', 3],
    ['CXO', 4],
    ['Partner', 3],
    ['Owner', 11],
  ],
  job_function: [
    ['Arts and Design', 22],
    ['Marketing', 15],
    ['Sales', 14],
    ['Purchasing', 7],
    ['Business Development', 10],
    ['Operations', 8],
    ['Entrepreneurship', 9],
    ['Real Estate', 5],
    ['Other', 10],
  ],
  company_size: [
    ['1', 12],
    ['2-10', 22],
    ['11-50', 20],
    ['51-200', 16],
    ['201-500', 10],
    ['501-1000', 6],
    ['1001-5000', 7],
    ['5001+', 7],
  ],
};

/** Who the brand wants to reach: women 25–44 in France, and architects and designers on LinkedIn. */
export const PERSONAS: [dimension: string, bucket: string][] = [
  ['age', '25-34'],
  ['age', '35-44'],
  ['gender', 'female'],
  ['country', 'FR'],
  ['industry', 'Architecture & Planning'],
  ['industry', 'Design Services'],
];

function dimensionsOf(platform: Platform): Record<string, Buckets> {
  const female = GENDER_SHARES[platform];
  const dimensions: Record<string, Buckets> = {
    age: AGE.map((bucket, index) => [bucket, AGE_SHARES[platform][index]]),
    gender: [
      ['female', female],
      ['male', 98 - female],
      ['unknown', 2],
    ],
    country: COUNTRY,
  };
  return platform === 'linkedin' ? { ...dimensions, ...LINKEDIN_ONLY } : dimensions;
}

/** First day of each month in the calendar (the day platforms refresh their demographics). */
function snapshotDays(calendar: Calendar): number[] {
  return calendar.dayNames.flatMap((name, day) => (name.endsWith('-01') ? [day] : []));
}

export function audienceRows(calendar: Calendar, followers: Followers, random: Random): Cell[][] {
  const rows: Cell[][] = [];
  const targeted = new Set(PERSONAS.map(([dimension, bucket]) => `${dimension}|${bucket}`));
  for (const account of OWN_ACCOUNTS) {
    const series = followers.get(account.accountId)!;
    for (const [dimension, buckets] of Object.entries(dimensionsOf(account.platform))) {
      for (const day of snapshotDays(calendar)) {
        // Target buckets gain up to 12 % of their share over two years, others hold; each month adds noise.
        const progress = day / calendar.days;
        const weights = buckets.map(
          ([bucket, share]) =>
            share *
            (targeted.has(`${dimension}|${bucket}`) ? 1 + 0.12 * progress : 1) *
            random.logNormal(1, 0.03),
        );
        const total = weights.reduce((sum, weight) => sum + weight, 0);
        buckets.forEach(([bucket], index) => {
          rows.push([
            account.accountId,
            calendar.dayNames[day],
            dimension,
            bucket,
            Math.round((series[day] * weights[index]) / total),
            'demo',
          ]);
        });
      }
    }
  }
  return rows;
}

export function personaRows(): Cell[][] {
  return PERSONAS.map(([dimension, bucket]) => [dimension, bucket, 'demo']);
}
