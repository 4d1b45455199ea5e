// The drill-down's best and worst posts by its KPI (engagements when the KPI cannot be split by post),
// with each post's latest counters: what the page used to ask in three calls.
import { describeCatalog, queryKpis, type ComparisonSpan } from '../../metrics/index.ts';
import type { Filters, Period } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { listPosts } from './posts.ts';

export const RANKED_POSTS = 5;
/** A ratio ranks only posts whose denominator reaches this: one comment must not make a post 100 %. */
export const RANKING_MINIMUM_BASE = 10;

type CatalogEntry = ReturnType<typeof describeCatalog>[number];

/** The KPI posts are ranked by: the drill-down's own when it splits by post, else engagements. */
export function rankingOf(entry: CatalogEntry): CatalogEntry {
  if (entry.rankable && (entry.breakdowns as string[]).includes('post')) return entry;
  return describeCatalog().find((kpi) => kpi.id === 'engagements')!;
}

export async function listRankedPosts(
  store: Store,
  request: {
    kpi: CatalogEntry;
    period: Period;
    filters: Filters;
    comparisonSpan?: ComparisonSpan;
  },
) {
  const ranking = rankingOf(request.kpi);
  const minimumBase = ranking.unit === 'ratio' ? RANKING_MINIMUM_BASE : undefined;
  const ranked = (ascending: boolean) =>
    queryKpis(store, {
      kpis: [ranking.id],
      period: request.period,
      filters: request.filters,
      comparisonSpan: request.comparisonSpan,
      breakdown: ['post'],
      top: { limit: RANKED_POSTS, ascending, minimumBase },
    });
  const [top, bottom] = await Promise.all([ranked(false), ranked(true)]);
  const ids = [top, bottom].flatMap((response) =>
    (response.results[0]?.rows ?? []).map((row) => row.key.post).filter(Boolean),
  ) as string[];
  const posts = ids.length
    ? await listPosts(store, {
        filters: {},
        ids: [...new Set(ids)],
        sort: 'published_at',
        descending: true,
        limit: ids.length,
        offset: 0,
      })
    : { rows: [] };
  return { ranking: ranking.id, minimumBase: minimumBase ?? null, top, bottom, posts: posts.rows };
}
