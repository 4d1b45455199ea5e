// Which lifetime counters each network reports for each kind of post. A counter a network does not
// report is written as NULL, never 0: the dashboard then says "not reported by Instagram for stories".
import type { ContentType, Platform } from '../model/index.ts';

export type PostCounter =
  | 'impressions'
  | 'reach'
  | 'reactions'
  | 'comments'
  | 'shares'
  | 'saves'
  | 'link_clicks'
  | 'video_views';

type Unreported = Partial<Record<ContentType | 'every', PostCounter[]>>;

/** What each network leaves out of its post exports and insights, by content type ("every": all types). */
const NOT_REPORTED: Record<Platform, Unreported> = {
  // Captions carry no clickable link, only a story's link sticker is counted; story replies arrive as
  // messages and stories cannot be saved.
  instagram: {
    image: ['link_clicks'],
    carousel: ['link_clicks'],
    video: ['link_clicks'],
    reel: ['link_clicks'],
    live: ['link_clicks'],
    story: ['saves', 'comments'],
  },
  facebook: { story: ['saves', 'comments'] },
  // LinkedIn's page analytics and YouTube Studio have no saves; TikTok videos carry no link.
  linkedin: { every: ['saves'] },
  youtube: { every: ['saves'] },
  tiktok: { every: ['link_clicks'] },
  x: {},
};

/** The counters the network does not report for this content type. */
export function notReported(platform: Platform, type: ContentType): ReadonlySet<PostCounter> {
  const table = NOT_REPORTED[platform];
  return new Set([...(table.every ?? []), ...(table[type] ?? [])]);
}
