// The shape every post export shares: a post, and its lifetime counters as one snapshot.
import type { ContentType, Platform } from '../../../model/index.ts';
import type { CanonicalRow, FileContext, RowOutput, RowReader } from '../format.ts';

export const POST_COUNTERS = [
  'impressions',
  'reach',
  'reactions',
  'comments',
  'shares',
  'saves',
  'link_clicks',
  'video_views',
] as const;

const CONTENT_KEYWORDS: [RegExp, ContentType][] = [
  [/reel/i, 'reel'],
  [/stor(y|ies)/i, 'story'],
  [/car+ou?s+el|album|multi/i, 'carousel'],
  [/live|direct/i, 'live'],
  [/vid[eé]o|short/i, 'video'],
  [/photo|image/i, 'image'],
  [/link|lien|article/i, 'link'],
  [/document|pdf/i, 'document'],
];

/** The canonical content type a platform's label names ("IG reel", "Photos", "Vidéos"…); text by default. */
export function contentTypeOf(label: string | null, fallback: ContentType = 'text'): ContentType {
  if (!label) return fallback;
  return CONTENT_KEYWORDS.find(([pattern]) => pattern.test(label))?.[1] ?? fallback;
}

export interface PostIdentity {
  platform: Platform;
  postId: string | null;
  account: string;
  contentType: ContentType;
}

/** Emits the post and its counters; a post's export date is unknown, so the snapshot sits at publication. */
export function readPost(row: RowReader, out: RowOutput, identity: PostIdentity): void {
  const publishedAt = row.time('published_at');
  const text = row.has('text') ? row.text('text') : null;
  const permalink = row.has('permalink') ? row.text('permalink') : null;
  const campaign = row.has('campaign') ? row.text('campaign') : null;
  if (identity.postId === null || publishedAt === null) return;
  const postId = `${identity.platform}:${identity.postId}`;
  out.emit('posts', {
    post_id: postId,
    account_id: `${identity.platform}:${identity.account}`,
    platform: identity.platform,
    published_at: publishedAt,
    content_type: identity.contentType,
    text,
    permalink,
    campaign,
  });
  const metrics: CanonicalRow = { post_id: postId, snapshot_at: publishedAt, participation: null };
  for (const counter of POST_COUNTERS)
    metrics[counter] = row.has(counter) ? row.count(counter) : null;
  out.emit('post_metrics', metrics);
  out.extrasBelongTo('post_metrics', postId, identity.platform);
}

/** The handle in a post link: x.com/<handle>/status/…, tiktok.com/@<handle>/video/…. */
export function handleInLink(link: string | null, pattern: RegExp): string | null {
  return (link && pattern.exec(link)?.[1]?.toLowerCase()) || null;
}

export function accountOf(context: FileContext, ...candidates: (string | null)[]): string {
  const found = candidates.find((candidate) => candidate && candidate.trim() !== '');
  return (found ?? context.accountHint ?? 'main').trim().toLowerCase().replace(/^@/, '');
}
