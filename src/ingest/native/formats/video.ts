// Video platforms: YouTube Studio's advanced-mode table and TikTok's analytics exports.
import type { NativeFormat } from '../format.ts';
import { accountOf, handleInLink, readPost } from './posts.ts';

export const youtubeContent: NativeFormat = {
  name: 'youtube-content',
  label: 'YouTube Studio content export (Table data.csv)',
  signature: [['Content'], ['Video title'], ['Views']],
  fields: {
    post_id: ['Content'],
    text: ['Video title'],
    published_at: ['Video publish time'],
    impressions: ['Impressions'],
    video_views: ['Views'],
    reactions: ['Likes'],
    comments: ['Comments added'],
    shares: ['Shares'],
  },
  ignored: ['Duration'],
  totalRows: ['total'],
  readRow(row, out, context) {
    const videoId = row.required('post_id');
    readPost(row, out, {
      platform: 'youtube',
      postId: videoId,
      account: accountOf(context),
      contentType: 'video',
    });
  },
};

const TIKTOK_HANDLE = /tiktok\.com\/@([A-Za-z0-9_.]+)/i;
const TIKTOK_VIDEO_ID = /\/video\/(\d+)/;

export const tiktokContent: NativeFormat = {
  name: 'tiktok-content',
  label: 'TikTok analytics content export (Content.csv)',
  signature: [['Video link', 'Video title'], ['Post time'], ['Total views', 'Total likes']],
  fields: {
    permalink: ['Video link'],
    text: ['Video title'],
    published_at: ['Post time'],
    video_views: ['Total views'],
    reactions: ['Total likes'],
    comments: ['Total comments'],
    shares: ['Total shares'],
  },
  ignored: ['Time'],
  readRow(row, out, context) {
    const link = row.required('permalink');
    const videoId = link && (TIKTOK_VIDEO_ID.exec(link)?.[1] ?? null);
    if (link && !videoId)
      row.fail('permalink', 'a TikTok video link, https://www.tiktok.com/@handle/video/123');
    readPost(row, out, {
      platform: 'tiktok',
      postId: videoId,
      account: accountOf(context, handleInLink(link, TIKTOK_HANDLE)),
      contentType: 'video',
    });
  },
};
