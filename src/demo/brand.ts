// Maison Lumen, a French home-décor and lighting retailer, its accounts and two competitors.
import type { ContentType, Platform } from '../model/index.ts';

export const BRAND_NAME = 'Maison Lumen';
export const SITE = 'https://www.maisonlumen.fr';

export interface DemoAccount {
  accountId: string;
  platform: Platform;
  handle: string;
  name: string;
  competitor: boolean;
  /** Followers two years ago and today. */
  followersFrom: number;
  followersTo: number;
  /** Posts per day at scale 1. */
  postsPerDay: number;
}

/** How a platform behaves: reach, engagement, what its audience does. */
export interface PlatformProfile {
  /** Content types published, with their weights. */
  contentTypes: [ContentType, number][];
  /** Impressions per post as a share of followers. */
  impressionsPerFollower: number;
  /** Engagements ÷ impressions for an average post. */
  engagementRate: number;
  shareRatio: number;
  saveRatio: number;
  /** Comments per post at scale 1 (an average post). */
  comments: number;
  /** Share of the platform's shares that are visible as interactions (retweets, public shares). */
  visibleShares: number;
  /** Link clicks ÷ impressions for posts whose link is clickable. */
  clickRate: number;
  /** Host that refers clicks from this platform. */
  referrer: string;
  /** utm_source written in the links and web analytics. */
  utmSource: string;
}

export const PROFILES: Record<Platform, PlatformProfile> = {
  instagram: {
    contentTypes: [
      ['image', 3],
      ['carousel', 3],
      ['reel', 3],
      ['story', 4],
      ['live', 0.2],
    ],
    impressionsPerFollower: 0.32,
    engagementRate: 0.042,
    shareRatio: 0.012,
    saveRatio: 0.09,
    comments: 6.5,
    visibleShares: 0.08,
    clickRate: 0.006,
    referrer: 'l.instagram.com',
    utmSource: 'instagram',
  },
  facebook: {
    contentTypes: [
      ['image', 3],
      ['carousel', 1],
      ['video', 1.5],
      ['reel', 1],
      ['link', 2.5],
      ['text', 0.6],
      ['story', 0.8],
      ['live', 0.2],
    ],
    impressionsPerFollower: 0.14,
    engagementRate: 0.016,
    shareRatio: 0.035,
    saveRatio: 0,
    comments: 5,
    visibleShares: 0.35,
    clickRate: 0.011,
    referrer: 'l.facebook.com',
    utmSource: 'facebook',
  },
  linkedin: {
    contentTypes: [
      ['text', 1.5],
      ['image', 3],
      ['document', 1.5],
      ['video', 1],
      ['link', 2],
    ],
    impressionsPerFollower: 0.45,
    engagementRate: 0.038,
    shareRatio: 0.018,
    saveRatio: 0.01,
    comments: 3.6,
    visibleShares: 0.4,
    clickRate: 0.012,
    referrer: 'lnkd.in',
    utmSource: 'linkedin',
  },
  x: {
    contentTypes: [
      ['text', 3],
      ['image', 3],
      ['video', 1],
      ['link', 2],
    ],
    impressionsPerFollower: 0.22,
    engagementRate: 0.011,
    shareRatio: 0.07,
    saveRatio: 0.03,
    comments: 2.5,
    visibleShares: 0.5,
    clickRate: 0.009,
    referrer: 't.co',
    utmSource: 't.co',
  },
  youtube: {
    contentTypes: [
      ['video', 3],
      ['reel', 2],
      ['live', 0.3],
    ],
    impressionsPerFollower: 0.7,
    engagementRate: 0.03,
    shareRatio: 0.012,
    saveRatio: 0,
    comments: 7,
    visibleShares: 0.05,
    clickRate: 0.002,
    referrer: 'www.youtube.com',
    utmSource: 'youtube',
  },
  tiktok: {
    contentTypes: [
      ['video', 6],
      ['carousel', 1],
      ['live', 0.3],
    ],
    impressionsPerFollower: 1.1,
    engagementRate: 0.042,
    shareRatio: 0.008,
    saveRatio: 0.06,
    comments: 6.5,
    visibleShares: 0.05,
    clickRate: 0.001,
    referrer: 'www.tiktok.com',
    utmSource: 'tiktok',
  },
};

// Impressions and engagement of each content type, relative to the platform's average post.
export const CONTENT_REACH: Record<ContentType, number> = {
  text: 0.7,
  image: 1,
  carousel: 1.15,
  video: 1.2,
  reel: 1.6,
  story: 0.3,
  link: 0.6,
  live: 0.8,
  document: 1.3,
};
export const CONTENT_ENGAGEMENT: Record<ContentType, number> = {
  text: 0.8,
  image: 1,
  carousel: 1.25,
  video: 1.05,
  reel: 1.15,
  story: 0.5,
  link: 0.55,
  live: 1.3,
  document: 1.2,
};
export const VIDEO_TYPES = new Set<ContentType>(['video', 'reel', 'live', 'story']);

const own = (
  platform: Platform,
  handle: string,
  followersFrom: number,
  followersTo: number,
  postsPerDay: number,
): DemoAccount => ({
  accountId: `${platform}:maisonlumen`,
  platform,
  handle,
  name: BRAND_NAME,
  competitor: false,
  followersFrom,
  followersTo,
  postsPerDay,
});
const rival = (
  platform: Platform,
  slug: string,
  handle: string,
  name: string,
  followers: number,
): DemoAccount => ({
  accountId: `${platform}:${slug}`,
  platform,
  handle,
  name,
  competitor: true,
  followersFrom: followers * 0.8,
  followersTo: followers,
  postsPerDay: 0.35,
});

export const OWN_ACCOUNTS: DemoAccount[] = [
  own('facebook', 'maisonlumen', 48_000, 56_000, 1.0),
  own('instagram', 'maisonlumen', 36_000, 64_000, 1.5),
  own('linkedin', 'maison-lumen', 11_000, 21_000, 0.7),
  own('x', 'MaisonLumen', 14_000, 15_500, 1.2),
  own('youtube', '@maisonlumen', 12_000, 19_000, 0.35),
  own('tiktok', 'maisonlumen', 12_000, 47_000, 0.9),
];

export const COMPETITORS: DemoAccount[] = [
  rival('instagram', 'ateliernova', 'ateliernova', 'Atelier Nova', 52_000),
  rival('facebook', 'ateliernova', 'AtelierNova', 'Atelier Nova', 31_000),
  rival('tiktok', 'ateliernova', 'atelier.nova', 'Atelier Nova', 22_000),
  rival('instagram', 'briseandco', 'brise.and.co', 'Brise & Co', 28_000),
  rival('facebook', 'briseandco', 'BriseEtCo', 'Brise & Co', 40_000),
  rival('linkedin', 'briseandco', 'brise-co', 'Brise & Co', 9_000),
];

export const ALL_ACCOUNTS = [...OWN_ACCOUNTS, ...COMPETITORS];

export function ownAccount(platform: Platform): DemoAccount {
  return OWN_ACCOUNTS.find((account) => account.platform === platform)!;
}

/** How the brand is tagged in a mention on each platform. */
export function mentionTag(account: DemoAccount): string {
  if (account.platform === 'facebook' || account.platform === 'linkedin') return account.name;
  return `@${account.handle.replace(/^@/, '')}`;
}
