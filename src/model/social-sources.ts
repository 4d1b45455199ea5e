import type { Platform } from './index.ts';

// utm_source values and referrer hosts that belong to each network (lower case).
const SOURCES_BY_PLATFORM: Record<Platform, string[]> = {
  facebook: [
    'facebook',
    'facebook.com',
    'm.facebook.com',
    'l.facebook.com',
    'lm.facebook.com',
    'fb',
    'meta',
  ],
  instagram: ['instagram', 'instagram.com', 'l.instagram.com', 'ig'],
  linkedin: ['linkedin', 'linkedin.com', 'www.linkedin.com', 'lnkd.in'],
  x: ['x', 'x.com', 'twitter', 'twitter.com', 't.co'],
  youtube: ['youtube', 'youtube.com', 'm.youtube.com', 'youtu.be'],
  tiktok: ['tiktok', 'tiktok.com', 'vm.tiktok.com'],
};

/** GA4's default channel groups that are social by definition, whichever network (lower case). */
export const SOCIAL_CHANNEL_GROUPS: readonly string[] = ['organic social', 'paid social'];

export const PLATFORM_BY_SOURCE: ReadonlyMap<string, Platform> = new Map(
  Object.entries(SOURCES_BY_PLATFORM).flatMap(([platform, sources]) =>
    sources.map((source) => [source, platform as Platform]),
  ),
);

/** The social network a traffic source names (utm_source or referrer host), or null when it is not social. */
export function platformOfSource(source: string | null | undefined): Platform | null {
  if (!source) return null;
  const normalised = source
    .trim()
    .toLowerCase()
    .replace(/^www\./, '')
    .split(' / ')[0]
    .trim();
  return PLATFORM_BY_SOURCE.get(normalised) ?? PLATFORM_BY_SOURCE.get(`www.${normalised}`) ?? null;
}
