// X / Twitter: the classic post activity export, the newer account analytics content export (two
// variants: "Post Link" late 2025, "Link" early 2025) and the daily account overview.
import type { NativeFormat, RowReader, SkipRule } from '../format.ts';
import { readDay } from './daily.ts';
import { POST_COUNTERS } from '../../../model/index.ts';
import { accountOf, accountSql, bulkPost, handleInLink, readPost } from './posts.ts';

const HANDLE_IN_LINK = /(?:twitter|x)\.com\/([A-Za-z0-9_]+)\/status/i;
const HANDLE_IN_LINK_SQL = '(?:twitter|x)\\.com/([A-Za-z0-9_]+)/status';
const STATUS_ID = /\/status\/(\d+)/;
// Excel turns an 18-digit id into 6.49E+17, dropping its last digits: the id is lost.
const SCIENTIFIC = /^\d+(?:[.,]\d+)?E\+?\d+$/i;
const SCIENTIFIC_SQL = '[0-9]+([.,][0-9]+)?[eE][+]?[0-9]+';

const EXCEL_IDS =
  'the post id as X wrote it: Excel rewrote the ids in scientific notation (6.49E+17), which loses their last digits. Import the CSV as downloaded, or open it in Excel with Data › From Text/CSV and set the id column to Text';

/** The post's id; an id Excel destroyed is taken from the permalink when there is one. */
function postIdOf(row: RowReader): string | null {
  const id = row.required('post_id');
  if (id === null || !SCIENTIFIC.test(id)) return id;
  return STATUS_ID.exec(row.raw('permalink'))?.[1] ?? row.fail('post_id', EXCEL_IDS);
}

/** Rows X writes itself with no post behind them: no id, no date, a link to status/undefined, zeros. */
const xPlaceholder: SkipRule = {
  code: 'x-placeholder',
  applies: (row) =>
    row.raw('post_id') === '' &&
    row.raw('published_at') === '' &&
    /(^|\/status\/undefined)$/.test(row.raw('permalink')) &&
    POST_COUNTERS.every((counter) => ['', '0', '-'].includes(row.raw(counter))),
};

function readXPost(...[row, out, context]: Parameters<NativeFormat['readRow']>): void {
  readPost(row, out, {
    platform: 'x',
    postId: postIdOf(row),
    account: accountOf(context, handleInLink(row.raw('permalink'), HANDLE_IN_LINK)),
    contentType: 'text',
  });
}

const bulkXPost: NativeFormat['bulk'] = (row, context) => {
  const postId = row.required('post_id');
  // Ids Excel rewrote, and placeholder rows (no id), are left to the row reader.
  row.doubts.push(`regexp_full_match(coalesce(${postId}, ''), '${SCIENTIFIC_SQL}')`);
  return bulkPost(row, {
    platform: 'x',
    postId,
    account: accountSql(context, row.raw('permalink'), HANDLE_IN_LINK_SQL),
    contentType: 'text',
  });
};

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
  readRow: readXPost,
  bulk: bulkXPost,
};

export const xAccountContent: NativeFormat = {
  name: 'x-account-content',
  label: 'X account analytics content export',
  signature: [['Post id'], ['Post Link', 'Link', 'Post text'], ['Impressions'], ['Reposts']],
  fields: {
    post_id: ['Post id'],
    permalink: ['Post Link', 'Link'],
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
  skipRows: [xPlaceholder],
  readRow: readXPost,
  bulk: bulkXPost,
};

/** The account overview export: one row per day ("Fri, Mar 21, 2025"); the counters are the day's. */
export const xAccountOverview: NativeFormat = {
  name: 'x-account-overview',
  label: 'X account analytics overview (one row per day)',
  signature: [['Date'], ['Impressions'], ['Profile visits'], ['New follows']],
  // X's Reposts are the shares of posts elsewhere in Cadran; its Shares (by link or message) are apart.
  fields: {
    day: ['Date'],
    impressions: ['Impressions'],
    reactions: ['Likes'],
    engagements: ['Engagements'],
    saves: ['Bookmarks'],
    link_shares: ['Shares'],
    new_followers: ['New follows'],
    lost_followers: ['Unfollows'],
    comments: ['Replies'],
    shares: ['Reposts'],
    profile_visits: ['Profile visits'],
    posts_published: ['Create Post'],
    video_views: ['Video views'],
    media_views: ['Media views'],
  },
  readRow: (row, out, context) => readDay(row, out, context, 'x'),
};
