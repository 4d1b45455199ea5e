// X / Twitter: the classic post activity export and the newer account analytics content export.
import type { NativeFormat } from '../format.ts';
import { readDay } from './daily.ts';
import { accountOf, accountSql, bulkPost, handleInLink, readPost } from './posts.ts';

const HANDLE_IN_LINK = /(?:twitter|x)\.com\/([A-Za-z0-9_]+)\/status/i;
const HANDLE_IN_LINK_SQL = '(?:twitter|x)\\.com/([A-Za-z0-9_]+)/status';

const bulkXPost: NativeFormat['bulk'] = (row, context) =>
  bulkPost(row, {
    platform: 'x',
    postId: row.required('post_id'),
    account: accountSql(context, row.raw('permalink'), HANDLE_IN_LINK_SQL),
    contentType: 'text',
  });

export const xPostActivity: NativeFormat = {
  name: 'x-post-activity',
  label: 'X / Twitter post activity (tweet_activity_metrics_*.csv)',
  signature: [
    ['Tweet id'],
    ['Tweet permalink', 'Tweet text'],
    ['impressions'],
    ['retweets', 'engagements'],
  ],
  fields: {
    post_id: ['Tweet id'],
    permalink: ['Tweet permalink'],
    text: ['Tweet text'],
    published_at: ['time'],
    impressions: ['impressions'],
    reactions: ['likes', 'favorites'],
    comments: ['replies'],
    shares: ['retweets'],
    saves: ['bookmarks'],
    link_clicks: ['url clicks'],
    video_views: ['media views'],
  },
  repeats: 'latest',
  readRow(row, out, context) {
    const permalink = row.raw('permalink');
    readPost(row, out, {
      platform: 'x',
      postId: row.required('post_id'),
      account: accountOf(context, handleInLink(permalink, HANDLE_IN_LINK)),
      contentType: 'text',
    });
  },
  bulk: bulkXPost,
};

export const xAccountContent: NativeFormat = {
  name: 'x-account-content',
  label: 'X account analytics content export',
  signature: [['Post id'], ['Post Link', 'Post text'], ['Impressions'], ['Reposts']],
  fields: {
    post_id: ['Post id'],
    permalink: ['Post Link'],
    text: ['Post text'],
    published_at: ['Date'],
    impressions: ['Impressions'],
    reactions: ['Likes'],
    comments: ['Replies'],
    shares: ['Reposts'],
    saves: ['Bookmarks'],
    link_clicks: ['URL Clicks'],
    video_views: ['Video views', 'Media views'],
  },
  repeats: 'latest',
  readRow(row, out, context) {
    readPost(row, out, {
      platform: 'x',
      postId: row.required('post_id'),
      account: accountOf(context, handleInLink(row.raw('permalink'), HANDLE_IN_LINK)),
      contentType: 'text',
    });
  },
  bulk: bulkXPost,
};

/** The account overview export: one row per day ("Fri, Mar 21, 2025"); the counters are the day's. */
export const xAccountOverview: NativeFormat = {
  name: 'x-account-overview',
  label: 'X account analytics overview (one row per day)',
  signature: [['Date'], ['Impressions'], ['Profile visits'], ['New follows']],
  fields: {
    day: ['Date'],
    impressions: ['Impressions'],
    profile_visits: ['Profile visits'],
    video_views: ['Video views'],
  },
  readRow: (row, out, context) => readDay(row, out, context, 'x'),
};
