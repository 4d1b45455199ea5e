// Measures: the aggregations KPIs are built from. How each one aggregates is declared here and
// enforced by the compiler: a gauge is never summed over days, a median is never averaged.
import { SOCIAL_CHANNEL_GROUPS } from '../../model/index.ts';
import type { SourceId } from './sources.ts';

export type Aggregate =
  /** A fractional sum (money, hours) is summed per window in one go, never from partial sums, so it
   * matches one SUM over the window to the last bit. */
  | { kind: 'sum'; value: string; fractional?: true }
  | { kind: 'count' }
  | { kind: 'quantile'; value: string; fraction: number }
  /** Last value per entity at the end (or start) of the window, then combined across entities. */
  | { kind: 'gauge'; value: string; entity: string[]; at: 'end' | 'start'; combine: 'sum' | 'avg' }
  /** Aggregates per entity first (e.g. per author), then counts or sums the entities that qualify. */
  | {
      kind: 'per_entity';
      entity: string;
      inner: Record<string, { countIf: string }>;
      qualifies: string;
      outer: { count: true } | { sum: string };
    };

export interface Measure {
  source: SourceId;
  /** Only rows meeting this condition are aggregated. */
  where?: string;
  aggregate: Aggregate;
}

const sum = (source: SourceId, value: string, where?: string): Measure => ({
  source,
  where,
  aggregate: { kind: 'sum', value },
});
const fractionalSum = (source: SourceId, value: string, where?: string): Measure => ({
  source,
  where,
  aggregate: { kind: 'sum', value, fractional: true },
});
const count = (source: SourceId, where?: string): Measure => ({
  source,
  where,
  aggregate: { kind: 'count' },
});
const gauge = (
  source: SourceId,
  value: string,
  entity: string[],
  at: 'end' | 'start',
  combine: 'sum' | 'avg',
  where?: string,
): Measure => ({
  source,
  where,
  aggregate: { kind: 'gauge', value, entity, at, combine },
});

const NOT_BRAND = 'NOT coalesce(s.is_brand, false)';
const OPINION_KINDS = "s.kind IN ('comment', 'reply', 'mention', 'message')";
// Explicit recommendation language ("je recommande", "never buying again") weighs as two opinions.
const AUTHOR_OPINION = {
  entity: 's.author_id',
  inner: {
    positives: { countIf: "s.sentiment = 'positive'" },
    negatives: { countIf: "s.sentiment = 'negative'" },
    // Aliases differ from column names: ClickHouse lets an alias shadow a column of the same name.
    recommendations: { countIf: "s.recommends = 'promoter'" },
    discouragements: { countIf: "s.recommends = 'detractor'" },
  },
};
const NET_OPINION = '(positives + 2 * recommendations) - (negatives + 2 * discouragements)';
const AUTHOR_SUPPORT = {
  entity: 's.author_id',
  inner: {
    support: { countIf: "s.sentiment = 'positive' OR s.kind = 'share'" },
    shares: { countIf: "s.kind = 'share'" },
  },
  qualifies: 'support >= 2',
};
// A session from a known network, or from a GA4 channel group that is social whatever the network
// (a report by channel group files the group as the source).
const SOCIAL_SESSION = `(s.platform IS NOT NULL OR lower(s.source) IN (${SOCIAL_CHANNEL_GROUPS.map((group) => `'${group}'`).join(', ')}))`;
// dateDiff is the spelling both engines know (DuckDB's names ignore case; ClickHouse has no date_diff).
const RESPONSE_SECONDS = 's.response_seconds';

export const MEASURES = {
  posts: count('posts'),
  impressions: sum('posts', 's.impressions'),
  reach: sum('posts', 's.reach'),
  reactions: sum('posts', 's.reactions'),
  comments: sum('posts', 's.comments'),
  shares: sum('posts', 's.shares'),
  saves: sum('posts', 's.saves'),
  post_link_clicks: sum('posts', 's.link_clicks'),
  post_participation: sum('posts', 's.participation'),

  followers_end: gauge(
    'account_daily',
    's.followers',
    ['s.account_id'],
    'end',
    'sum',
    's.followers IS NOT NULL',
  ),
  followers_start: gauge(
    'account_daily',
    's.followers',
    ['s.account_id'],
    'start',
    'sum',
    's.followers IS NOT NULL',
  ),
  profile_visits: sum('account_daily', 's.profile_visits'),
  // Daily views and watch time of the account's videos, not the posts' lifetime counters: a period's
  // sum is right, and a lifetime table of the same videos is not counted again.
  video_views: sum('account_daily', 's.video_views'),
  watch_time: fractionalSum('account_daily', 's.watch_time'),

  mentions: count('interactions', `s.kind = 'mention' AND ${NOT_BRAND}`),
  brand_mentions: count('mentions_all', 'NOT s.about_competitor'),
  all_mentions: count('mentions_all'),
  participation_events: count('interactions', `s.kind = 'participation' AND ${NOT_BRAND}`),

  audience_in_persona: gauge(
    'audience',
    's.members',
    ['s.account_id', 's.dimension', 's.bucket'],
    'end',
    'sum',
    's.in_persona',
  ),
  audience_targeted: gauge(
    'audience',
    's.members',
    ['s.account_id', 's.dimension', 's.bucket'],
    'end',
    'sum',
    's.dimension_targeted',
  ),

  sentiment_positive: count('interactions', `s.sentiment = 'positive' AND ${NOT_BRAND}`),
  sentiment_neutral: count('interactions', `s.sentiment = 'neutral' AND ${NOT_BRAND}`),
  sentiment_negative: count('interactions', `s.sentiment = 'negative' AND ${NOT_BRAND}`),
  sentiment_uncertain: count(
    'interactions',
    `s.sentiment IS NOT NULL AND coalesce(s.sentiment_uncertain, false) AND ${NOT_BRAND}`,
  ),

  opinion_promoters: {
    source: 'interactions',
    where: `${NOT_BRAND} AND ${OPINION_KINDS} AND s.sentiment IS NOT NULL`,
    aggregate: {
      kind: 'per_entity',
      ...AUTHOR_OPINION,
      qualifies: `${NET_OPINION} > 0`,
      outer: { count: true },
    },
  },
  opinion_detractors: {
    source: 'interactions',
    where: `${NOT_BRAND} AND ${OPINION_KINDS} AND s.sentiment IS NOT NULL`,
    aggregate: {
      kind: 'per_entity',
      ...AUTHOR_OPINION,
      qualifies: `${NET_OPINION} < 0`,
      outer: { count: true },
    },
  },
  opinion_authors: {
    source: 'interactions',
    where: `${NOT_BRAND} AND ${OPINION_KINDS} AND s.sentiment IS NOT NULL`,
    aggregate: { kind: 'per_entity', ...AUTHOR_OPINION, qualifies: 'true', outer: { count: true } },
  },

  inbound_items: count('inbound'),
  replied_items: count('inbound', 's.first_reply_at IS NOT NULL'),
  response_time_median: {
    source: 'inbound',
    where: 's.first_reply_at IS NOT NULL',
    aggregate: { kind: 'quantile', value: RESPONSE_SECONDS, fraction: 0.5 },
  },
  response_time_p90: {
    source: 'inbound',
    where: 's.first_reply_at IS NOT NULL',
    aggregate: { kind: 'quantile', value: RESPONSE_SECONDS, fraction: 0.9 },
  },
  business_response_time_median: {
    source: 'inbound',
    where: 's.first_reply_at IS NOT NULL',
    aggregate: { kind: 'quantile', value: 's.business_response_seconds', fraction: 0.5 },
  },
  business_response_time_p90: {
    source: 'inbound',
    where: 's.first_reply_at IS NOT NULL',
    aggregate: { kind: 'quantile', value: 's.business_response_seconds', fraction: 0.9 },
  },

  tracked_clicks: count('clicks'),
  social_sessions: sum('web_sessions', 's.sessions', SOCIAL_SESSION),
  social_conversions: count('conversions', 's.platform IS NOT NULL'),
  social_revenue: fractionalSum('conversions', 's.value', 's.platform IS NOT NULL'),
  referral_conversions: count('conversions', "s.type = 'referral'"),
  spend: fractionalSum('spend', 's.amount'),

  advocates: {
    source: 'interactions',
    where: NOT_BRAND,
    aggregate: { kind: 'per_entity', ...AUTHOR_SUPPORT, outer: { count: true } },
  },
  advocate_shares: {
    source: 'interactions',
    where: NOT_BRAND,
    aggregate: { kind: 'per_entity', ...AUTHOR_SUPPORT, outer: { sum: 'shares' } },
  },
  new_influencers: count('first_mentions', 's.audience >= 10000'),

  nps_promoters: count('nps_responses', 's.score >= 9'),
  nps_detractors: count('nps_responses', 's.score <= 6'),
  nps_answers: count('nps_responses'),

  ssi_total: gauge('ssi', 's.ssi', ['s.person_id'], 'end', 'avg'),
  ssi_brand: gauge('ssi', 's.brand', ['s.person_id'], 'end', 'avg'),
  ssi_people: gauge('ssi', 's.people', ['s.person_id'], 'end', 'avg'),
  ssi_insights: gauge('ssi', 's.insights', ['s.person_id'], 'end', 'avg'),
  ssi_relationships: gauge('ssi', 's.relationships', ['s.person_id'], 'end', 'avg'),
  network_size: gauge(
    'ssi',
    'coalesce(s.connections, 0) + coalesce(s.followers, 0)',
    ['s.person_id'],
    'end',
    'sum',
  ),
} satisfies Record<string, Measure>;

export type MeasureId = keyof typeof MEASURES;
