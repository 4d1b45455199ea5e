// Comments, replies, mentions and messages behind the tonality KPIs, newest or most negative first.
import type { Filters, Period } from '../../model/index.ts';
import { type Store, Where } from '../../store/index.ts';

export const INTERACTION_SORTS = ['recent', 'negative', 'positive'] as const;
export type InteractionSort = (typeof INTERACTION_SORTS)[number];
export const OPINION_KINDS = ['comment', 'reply', 'mention', 'message'];
/** Interactions on the brand's own accounts, not its competitors'. */
export const ON_OWN_ACCOUNTS =
  'i.account_id NOT IN (SELECT account_id FROM accounts WHERE coalesce(is_competitor, false))';

export interface InteractionsQuery {
  period?: Period;
  filters: Filters;
  kinds: string[];
  sentiments: string[];
  /** Words the text must contain (case-insensitive, literal). */
  text?: string;
  includeBrand: boolean;
  sort: InteractionSort;
  limit: number;
  offset: number;
}

const ORDER: Record<InteractionSort, string> = {
  recent: 'i.created_at DESC',
  negative: 'i.sentiment_score ASC NULLS LAST, i.created_at DESC',
  positive: 'i.sentiment_score DESC NULLS LAST, i.created_at DESC',
};

const FROM = 'interactions i LEFT JOIN posts p ON p.post_id = i.post_id';

export async function listInteractions(store: Store, query: InteractionsQuery) {
  const where = new Where(store.dialect);
  // Competitors' mentions count for share of voice, not for the brand's tonality, unless asked by account.
  if (!query.filters.account?.length) where.add(ON_OWN_ACCOUNTS);
  if (query.period) where.during('i.created_at', query.period);
  if (!query.includeBrand) where.add('NOT coalesce(i.is_brand, false)');
  if (query.text) where.containing('i.text', query.text);
  where
    .oneOf('i.kind', query.kinds.length ? query.kinds : OPINION_KINDS)
    .oneOf('i.sentiment', query.sentiments)
    .oneOf('i.platform', query.filters.platform)
    .oneOf('i.account_id', query.filters.account)
    .oneOf('p.campaign', query.filters.campaign)
    .oneOf('p.content_type', query.filters.content_type);
  const [{ total }] = await store.all(
    `SELECT count(*) AS total FROM ${FROM} ${where}`,
    where.params,
  );
  const rows = await store.all(
    `SELECT i.interaction_id, i.platform, i.account_id, i.post_id, p.permalink, i.kind, i.author_name,
            i.author_audience, i.created_at, i.text, i.lang, i.sentiment, i.sentiment_score,
            i.sentiment_source, i.recommends, i.sentiment_probability,
            coalesce(i.sentiment_uncertain, false) AS sentiment_uncertain,
            coalesce(i.is_brand, false) AS is_brand, i.reply_to
     FROM ${FROM} ${where}
     ORDER BY ${ORDER[query.sort]}, i.interaction_id
     LIMIT ${where.bind(query.limit)} OFFSET ${where.bind(query.offset)}`,
    where.params,
  );
  return { total: Number(total), rows };
}
