// Meta Business Suite post exports (Facebook Page, Instagram), English and French locales.
import type { NativeFormat, RowReader } from '../format.ts';
import { normaliseHeader } from '../headers.ts';
import { accountOf, contentTypeOf, readPost } from './posts.ts';

const POST_ID = ['Post ID', 'Identifiant de la publication', 'ID de la publication'];
const PUBLISHED = ['Publish time', 'Heure de publication', 'Date de publication'];
const PERMALINK = ['Permalink', 'Lien permanent'];
const POST_TYPE = ['Post type', 'Type de publication'];
const DESCRIPTION = ['Description'];
const META_LABELS = [
  'Page ID',
  'Account ID',
  'Title',
  'Titre',
  'Caption type',
  'Is crosspost',
  'Is share',
  'Languages',
  'Langues',
  'Custom labels',
  'Funded content status',
  'Data comment',
  'Commentaire sur les données',
];
const LIFETIME = new Set(['', 'lifetime', 'duree de vie', 'total']);

/** Lifetime rows only: a daily breakdown repeats each post, and its days are not lifetime counters. */
function isLifetime(row: RowReader): boolean {
  if (LIFETIME.has(normaliseHeader(row.raw('period')))) return true;
  row.fail('period', 'Lifetime: export lifetime values, not a breakdown by day');
  return false;
}

export const facebookPosts: NativeFormat = {
  name: 'facebook-posts',
  label: 'Facebook Page posts (Meta Business Suite)',
  signature: [
    POST_ID,
    ['Page ID', 'Page name', 'Identifiant de la Page', 'Nom de la Page'],
    ['Reactions', 'Réactions'],
  ],
  fields: {
    post_id: POST_ID,
    period: ['Date'],
    page: ['Page name', 'Nom de la Page'],
    published_at: PUBLISHED,
    permalink: PERMALINK,
    post_type: POST_TYPE,
    text: DESCRIPTION,
    impressions: ['Impressions', 'Vues'],
    reach: ['Reach', 'Couverture'],
    reactions: ['Reactions', 'Réactions'],
    comments: ['Comments', 'Commentaires'],
    shares: ['Shares', 'Partages'],
    link_clicks: ['Link clicks', 'Clics sur un lien', 'Clics sur le lien'],
    video_views: ['3-second video views', 'Vues de vidéo de 3 secondes'],
  },
  ignored: [...META_LABELS, 'Identifiant de la Page'],
  frenchHeaders: ['Identifiant de la publication', 'Heure de publication', 'Couverture'],
  readRow(row, out, context) {
    if (!isLifetime(row)) return;
    readPost(row, out, {
      platform: 'facebook',
      postId: row.required('post_id'),
      account: accountOf(context, row.raw('page')),
      contentType: contentTypeOf(row.raw('post_type')),
    });
  },
};

export const instagramPosts: NativeFormat = {
  name: 'instagram-posts',
  label: 'Instagram posts (Meta Business Suite)',
  signature: [
    POST_ID,
    ['Account username', 'Account ID', "Nom d'utilisateur du compte", 'Identifiant du compte'],
    ['Likes', "J'aime", 'Saves', 'Enregistrements'],
  ],
  fields: {
    post_id: POST_ID,
    period: ['Date'],
    username: ['Account username', "Nom d'utilisateur du compte"],
    published_at: PUBLISHED,
    permalink: PERMALINK,
    post_type: POST_TYPE,
    text: DESCRIPTION,
    impressions: ['Impressions', 'Views', 'Vues'],
    reach: ['Reach', 'Couverture'],
    reactions: ['Likes', "J'aime", 'Mentions J’aime'],
    comments: ['Comments', 'Commentaires'],
    shares: ['Shares', 'Partages'],
    saves: ['Saves', 'Enregistrements'],
    video_views: ['Plays', 'Lectures'],
  },
  ignored: [...META_LABELS, 'Account name', 'Nom du compte', 'Identifiant du compte'],
  frenchHeaders: ['Identifiant de la publication', 'Heure de publication', 'Couverture'],
  readRow(row, out, context) {
    if (!isLifetime(row)) return;
    readPost(row, out, {
      platform: 'instagram',
      postId: row.required('post_id'),
      account: accountOf(context, row.raw('username')),
      contentType: contentTypeOf(row.raw('post_type'), 'image'),
    });
  },
};
