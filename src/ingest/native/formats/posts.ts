// The shape every post export shares: a post, and its lifetime counters as one snapshot.
import { POST_COUNTERS, type ContentType, type Platform } from '../../../model/index.ts';
import type { BulkPlan } from '../bulk-plan.ts';
import type { CanonicalRow, FileContext, RowOutput, RowReader } from '../format.ts';
import { sqlString, type StagedRow } from '../staged-row.ts';

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

export interface PostIdentitySql {
  platform: Platform;
  /** SQL of the platform's post id and of the account handle. */
  postId: string;
  account: string;
  contentType: ContentType;
}

/** readPost in SQL (see bulk.ts). */
export function bulkPost(row: StagedRow, identity: PostIdentitySql): BulkPlan {
  const platform = sqlString(identity.platform);
  const optionalText = (field: string) => (row.has(field) ? row.text(field) : 'NULL');
  const counters = Object.fromEntries(
    POST_COUNTERS.map((counter) => [counter, row.has(counter) ? row.count(counter) : 'NULL']),
  );
  return {
    columns: {
      post_id: `${sqlString(`${identity.platform}:`)} || ${identity.postId}`,
      account_id: `${sqlString(`${identity.platform}:`)} || ${identity.account}`,
      published_at: row.time('published_at'),
      text: optionalText('text'),
      permalink: optionalText('permalink'),
      campaign: optionalText('campaign'),
      ...counters,
    },
    tables: [
      {
        table: 'posts',
        columns: {
          post_id: '"post_id"',
          account_id: '"account_id"',
          platform,
          published_at: '"published_at"',
          content_type: sqlString(identity.contentType),
          text: '"text"',
          permalink: '"permalink"',
          campaign: '"campaign"',
        },
      },
      {
        table: 'post_metrics',
        columns: {
          post_id: '"post_id"',
          snapshot_at: '"published_at"',
          participation: 'NULL',
          ...Object.fromEntries(POST_COUNTERS.map((counter) => [counter, `"${counter}"`])),
        },
      },
    ],
    extras: { table: 'post_metrics', entityKey: '"post_id"', platform },
    recordKey: '"post_id"',
  };
}

/** handleInLink in SQL, falling back to the account the file names (accountOf). */
export function accountSql(context: FileContext, link: string, pattern: string): string {
  return `coalesce(nullif(lower(regexp_extract(${link}, ${sqlString(pattern)}, 1, 'i')), ''), ${sqlString(accountOf(context))})`;
}
