// The people behind the advocacy KPIs: advocates (≥ 2 positive interactions or shares in the period)
// and new influencers (audience ≥ 10 000, first mention of the brand in the period), ranked.
import type { Filters, Period } from '../../model/index.ts';
import { type Store, Where } from '../../store/index.ts';
import { ON_OWN_ACCOUNTS } from './interactions.ts';

export const ADVOCATE_THRESHOLD = 2;
export const INFLUENCER_AUDIENCE = 10_000;

function interactionFilters(where: Where, filters: Filters): Where {
  return where
    .oneOf('i.platform', filters.platform)
    .oneOf('i.account_id', filters.account)
    .oneOf('p.campaign', filters.campaign)
    .oneOf('p.content_type', filters.content_type);
}

/** Advocates with what makes them one, the strongest supporters first. */
export async function listAdvocates(
  store: Store,
  query: { period: Period; filters: Filters; limit: number },
) {
  const where = new Where(store.dialect)
    .add(ON_OWN_ACCOUNTS)
    .add('NOT coalesce(i.is_brand, false)');
  where.during('i.created_at', query.period);
  interactionFilters(where, query.filters);
  const { dialect } = store;
  const supports = "i.sentiment = 'positive' OR i.kind = 'share'";
  return store.all(
    `SELECT i.author_id, ${dialect.argMax('i.author_name', 'i.created_at')} AS author_name,
            max(i.author_audience) AS audience, ${dialect.distinctTextList('i.platform')} AS platforms,
            ${dialect.count(supports)} AS support,
            ${dialect.count("i.sentiment = 'positive'")} AS positive,
            ${dialect.count("i.kind = 'share'")} AS shares,
            ${dialect.count("i.sentiment = 'negative'")} AS negative,
            count(*) AS interactions, ${dialect.text('max(i.created_at)')} AS last_seen
     FROM interactions i LEFT JOIN posts p ON p.post_id = i.post_id
     ${where}
     GROUP BY i.author_id
     HAVING support >= ${ADVOCATE_THRESHOLD}
     ORDER BY support DESC, audience DESC NULLS LAST, i.author_id
     LIMIT ${where.bind(query.limit)}`,
    where.params,
  );
}

/** Authors with a large audience whose first mention of the brand falls in the period, largest first. */
export async function listNewInfluencers(
  store: Store,
  query: { period: Period; filters: Filters; limit: number },
) {
  const where = new Where(store.dialect).add(`f.audience >= ${INFLUENCER_AUDIENCE}`);
  where.during('f.first_mention_at', query.period);
  where.oneOf('f.platform', query.filters.platform);
  const mentions = new Where(store.dialect)
    .add(ON_OWN_ACCOUNTS)
    .add("i.kind = 'mention'")
    .add('NOT coalesce(i.is_brand, false)');
  const { dialect } = store;
  // Outputs are not named like the columns they read, which ClickHouse 18.16 would read in WHERE.
  const rows = await store.all(
    `SELECT f.author_id, a.author_name, f.audience, f.platform,
            ${dialect.text('f.first_mention_at')} AS first_mention_text, a.first_text,
            coalesce(a.mentions, 0) AS mention_count
     FROM author_first_mentions f
     LEFT JOIN (
       SELECT i.author_id AS author_id, ${dialect.argMax('i.author_name', 'i.created_at')} AS author_name,
              count(*) AS mentions, ${dialect.argMin('i.text', 'i.created_at')} AS first_text
       FROM interactions i ${mentions} GROUP BY i.author_id
     ) a ON a.author_id = f.author_id
     ${where}
     ORDER BY f.audience DESC, f.first_mention_at, f.author_id
     LIMIT ${where.bind(query.limit)}`,
    where.params,
  );
  return rows.map(({ first_mention_text, mention_count, ...row }) => ({
    ...row,
    first_mention_at: first_mention_text,
    mentions: mention_count,
  }));
}
