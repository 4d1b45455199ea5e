// LinkedIn company page content export (.xls/.xlsx): the header sits under a note row.
import type { NativeFormat } from '../format.ts';
import { accountOf, contentTypeOf, readPost } from './posts.ts';

const ACTIVITY_ID = /(?:activity|share|ugcPost)[:-](\d+)/i;

export const linkedinContent: NativeFormat = {
  name: 'linkedin-content',
  label: 'LinkedIn page content export (.xls, sheet "All posts")',
  signature: [['Post title'], ['Post link'], ['Created date'], ['Impressions']],
  fields: {
    text: ['Post title'],
    permalink: ['Post link'],
    post_type: ['Content Type'],
    published_at: ['Created date'],
    campaign: ['Campaign name'],
    impressions: ['Impressions'],
    video_views: ['Views (excluding off-site video views)'],
    link_clicks: ['Clicks'],
    reactions: ['Likes'],
    comments: ['Comments'],
    shares: ['Reposts'],
  },
  ignored: ['Post type', 'Posted by', 'Campaign start date', 'Campaign end date', 'Audience'],
  readRow(row, out, context) {
    const link = row.required('permalink');
    const postId = link && (ACTIVITY_ID.exec(link)?.[1] ?? link);
    readPost(row, out, {
      platform: 'linkedin',
      postId,
      account: accountOf(context),
      contentType: contentTypeOf(row.raw('post_type')),
    });
  },
};
