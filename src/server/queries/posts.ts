// The brand's posts of a period with their latest metrics: the drill-down's top and bottom posts and the posts table.
import { POST_COUNTERS, type Filters, type Period } from '../../model/index.ts';
import { type Store, Where } from '../../store/index.ts';

export const POST_SORTS = ['published_at', ...POST_COUNTERS] as const;
export type PostSort = (typeof POST_SORTS)[number];

export interface PostsQuery {
  period?: Period;
  filters: Filters;
  ids?: string[];
  sort: PostSort;
  descending: boolean;
  limit: number;
  offset: number;
}

export interface PostRow {
  post_id: string;
  account_id: string;
  platform: string;
  published_at: string;
  content_type: string;
  campaign: string | null;
  text: string | null;
  permalink: string | null;
  impressions: number | null;
  reach: number | null;
  reactions: number | null;
  comments: number | null;
  shares: number | null;
  saves: number | null;
  link_clicks: number | null;
  video_views: number | null;
}

const FROM = 'posts p JOIN post_facts f ON f.post_id = p.post_id';

export async function listPosts(store: Store, query: PostsQuery) {
  const where = new Where(store.dialect).add('NOT f.is_competitor');
  if (query.period) where.during('p.published_at', query.period);
  where
    .oneOf('p.platform', query.filters.platform)
    .oneOf('p.account_id', query.filters.account)
    .oneOf('p.campaign', query.filters.campaign)
    .oneOf('p.content_type', query.filters.content_type)
    .oneOf('p.post_id', query.ids);
  const order = query.sort === 'published_at' ? 'p.published_at' : `f.${query.sort}`;
  const [{ total }] = await store.all(
    `SELECT count(*) AS total FROM ${FROM} ${where}`,
    where.params,
  );
  const rows = await store.all(
    `SELECT p.post_id, p.account_id, p.platform, p.published_at, p.content_type, p.campaign, p.text, p.permalink,
            f.impressions, f.reach, f.reactions, f.comments, f.shares, f.saves, f.link_clicks, f.video_views
     FROM ${FROM} ${where}
     ORDER BY ${order} ${query.descending ? 'DESC' : 'ASC'} NULLS LAST, p.post_id
     LIMIT ${where.bind(query.limit)} OFFSET ${where.bind(query.offset)}`,
    where.params,
  );
  return { total: Number(total), rows: rows as unknown as PostRow[] };
}
