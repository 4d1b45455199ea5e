// The lists a drill-down shows under its numbers, in the same answer: ranked posts, the first page of
// comments (most negative first), advocates and new influencers, each only where the catalog shows it.
import { z } from 'zod';
import type { describeCatalog, ComparisonSpan } from '../../metrics/index.ts';
import type { Filters, Period } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { listAdvocates, listNewInfluencers } from '../queries/advocates.ts';
import { listInteractions } from '../queries/interactions.ts';
import { listRankedPosts } from '../queries/ranked-posts.ts';
import { advocate, influencer, interaction, kpiResponse, paged, post } from '../schemas.ts';

/** What the comments panel and the people lists show before anyone pages or filters. */
export const FIRST_COMMENTS = 10;
export const FIRST_PEOPLE = 10;

export const drilldownLists = {
  rankedPosts: z
    .object({
      ranking: z.string().meta({ description: 'the KPI the posts are ranked by' }),
      minimumBase: z.number().nullable(),
      top: kpiResponse,
      bottom: kpiResponse,
      posts: z.array(post),
    })
    .nullable(),
  comments: paged(interaction).nullable(),
  people: z.object({ advocates: z.array(advocate), influencers: z.array(influencer) }).nullable(),
};

export async function listsOf(
  store: Store,
  entry: ReturnType<typeof describeCatalog>[number],
  request: { period: Period; filters: Filters; comparisonSpan?: ComparisonSpan },
) {
  const shows = (section: string) => (entry.sections as string[]).includes(section);
  const people = { period: request.period, filters: request.filters, limit: FIRST_PEOPLE };
  const [rankedPosts, comments, advocates, influencers] = await Promise.all([
    shows('posts') ? listRankedPosts(store, { kpi: entry, ...request }) : null,
    shows('comments')
      ? listInteractions(store, {
          period: request.period,
          filters: request.filters,
          kinds: [],
          sentiments: [],
          includeBrand: false,
          sort: 'negative',
          limit: FIRST_COMMENTS,
          offset: 0,
        })
      : null,
    shows('people') ? listAdvocates(store, people) : null,
    shows('people') ? listNewInfluencers(store, people) : null,
  ]);
  return {
    rankedPosts,
    comments: comments && {
      ...comments,
      rows: comments.rows as z.output<typeof interaction>[],
      limit: FIRST_COMMENTS,
      offset: 0,
    },
    people:
      advocates && influencers
        ? {
            advocates: advocates as z.input<typeof advocate>[],
            influencers: influencers as z.input<typeof influencer>[],
          }
        : null,
  };
}
