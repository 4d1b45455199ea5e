// Where measures are read from: a row set, its time column and the SQL of each dimension.
// Every SQL fragment here is fixed text written by us; user values never reach it.
import type { EntityDimension } from '../../model/index.ts';

export interface Dimension {
  sql: string;
  /** A join needed only when the dimension is used (kept out of queries that do not need it). */
  join?: string;
}

export interface Source {
  id: string;
  /** FROM clause, aliased `s`. */
  from: string;
  /** Which rows of `from` the source keeps, on `s`: a plain condition plans faster than a subquery. */
  where?: string;
  /** Time column on `s`; rows belong to the window that contains it. */
  time: string;
  dimensions: Partial<Record<EntityDimension, Dimension>>;
  /** The same rows counted per day, for counts whose conditions and scope it keeps (see ROLLUP_TABLES). */
  rollup?: Rollup;
}

/** A roll-up read in place of its source where the store keeps it: a source whose rows carry a count. */
export interface Rollup extends Source {
  /** The roll-up table's name in src/store/derived.ts. */
  table: string;
  /** How many of the source's rows each row stands for. */
  rows: string;
  /** Columns of the source kept: a count's condition may use only these. */
  columns: string[];
}

const OWN_ACCOUNT = 'NOT coalesce(a.is_competitor, false)';
const POST_JOIN = 'LEFT JOIN posts sp ON sp.post_id = s.post_id';
// Derived tables (src/store/derived.ts) mark the rows of competitors' accounts: post_facts (posts
// joined to their latest metrics snapshot), inbound_facts (comments and messages with the time of
// the brand's first reply) and the interaction_days roll-up.
const OWN_ROWS = 'NOT s.is_competitor';

// A semi-join on the few competitor accounts costs a third less than joining accounts to every interaction.
const COMPETITOR_ACCOUNTS =
  '(SELECT account_id FROM accounts WHERE coalesce(is_competitor, false))';
const ownInteractions = `(SELECT i.* FROM interactions i WHERE i.account_id NOT IN ${COMPETITOR_ACCOUNTS})`;

// Sentiment and mention counts over quarters read a few thousand rows per month instead of millions.
const ownInteractionDays: Rollup = {
  id: 'interactions',
  table: 'interaction_days',
  from: 'interaction_days',
  where: OWN_ROWS,
  time: 's.day',
  rows: 's.interactions',
  columns: ['kind', 'is_brand', 'sentiment', 'sentiment_uncertain'],
  dimensions: { platform: { sql: 's.platform' }, account: { sql: 's.account_id' } },
};

const allMentions = `(
  SELECT i.platform, i.created_at, coalesce(a.is_competitor, false) AS about_competitor
  FROM interactions i LEFT JOIN accounts a ON a.account_id = i.account_id
  WHERE i.kind = 'mention' AND NOT coalesce(i.is_brand, false)
)`;

const ownAccountDays = `(
  SELECT d.*, a.platform FROM account_daily d
  LEFT JOIN accounts a ON a.account_id = d.account_id
  WHERE ${OWN_ACCOUNT}
)`;

const ownAudience = `(
  SELECT u.*, a.platform,
         concat(u.dimension, '|', u.bucket) IN (SELECT concat(dimension, '|', bucket) FROM personas) AS in_persona,
         u.dimension IN (SELECT dimension FROM personas) AS dimension_targeted
  FROM audience u LEFT JOIN accounts a ON a.account_id = u.account_id
  WHERE ${OWN_ACCOUNT}
)`;

const humanClicks = `(
  SELECT c.clicked_at, l.platform, l.campaign, l.post_id
  FROM clicks c JOIN links l ON l.code = c.code
  WHERE NOT coalesce(c.is_bot, false)
)`;

const postDimensions: Source['dimensions'] = {
  platform: { sql: 's.platform' },
  account: { sql: 's.account_id' },
  campaign: { sql: 'sp.campaign', join: POST_JOIN },
  content_type: { sql: 'sp.content_type', join: POST_JOIN },
  post: { sql: 's.post_id' },
};

export const SOURCES = {
  posts: {
    id: 'posts',
    from: 'post_facts',
    where: OWN_ROWS,
    time: 's.published_at',
    dimensions: {
      platform: { sql: 's.platform' },
      account: { sql: 's.account_id' },
      campaign: { sql: 's.campaign' },
      content_type: { sql: 's.content_type' },
      post: { sql: 's.post_id' },
    },
  },
  interactions: {
    id: 'interactions',
    from: ownInteractions,
    time: 's.created_at',
    dimensions: postDimensions,
    rollup: ownInteractionDays,
  },
  inbound: {
    id: 'inbound',
    from: 'inbound_facts',
    where: OWN_ROWS,
    time: 's.created_at',
    dimensions: postDimensions,
  },
  first_mentions: {
    id: 'first_mentions',
    from: 'author_first_mentions',
    time: 's.first_mention_at',
    dimensions: { platform: { sql: 's.platform' } },
  },
  mentions_all: {
    id: 'mentions_all',
    from: allMentions,
    time: 's.created_at',
    dimensions: { platform: { sql: 's.platform' } },
  },
  account_daily: {
    id: 'account_daily',
    from: ownAccountDays,
    time: 's.day',
    dimensions: { platform: { sql: 's.platform' }, account: { sql: 's.account_id' } },
  },
  audience: {
    id: 'audience',
    from: ownAudience,
    time: 's.day',
    dimensions: { platform: { sql: 's.platform' }, account: { sql: 's.account_id' } },
  },
  web_sessions: {
    id: 'web_sessions',
    from: 'web_sessions',
    time: 's.day',
    dimensions: { platform: { sql: 's.platform' }, campaign: { sql: 's.campaign' } },
  },
  conversions: {
    id: 'conversions',
    from: 'conversions',
    time: 's.occurred_at',
    dimensions: {
      platform: { sql: 's.platform' },
      campaign: { sql: 's.campaign' },
      conversion_type: { sql: 's.type' },
    },
  },
  spend: {
    id: 'spend',
    from: 'spend',
    time: 's.day',
    dimensions: { platform: { sql: 's.platform' }, campaign: { sql: 's.campaign' } },
  },
  clicks: {
    id: 'clicks',
    from: humanClicks,
    time: 's.clicked_at',
    dimensions: {
      platform: { sql: 's.platform' },
      campaign: { sql: 's.campaign' },
      post: { sql: 's.post_id' },
      account: { sql: 'sp.account_id', join: POST_JOIN },
      content_type: { sql: 'sp.content_type', join: POST_JOIN },
    },
  },
  nps_responses: {
    id: 'nps_responses',
    from: 'nps_responses',
    time: 's.answered_at',
    dimensions: {},
  },
  ssi: { id: 'ssi', from: 'ssi', time: 's.day', dimensions: {} },
} satisfies Record<string, Source>;

export type SourceId = keyof typeof SOURCES;
