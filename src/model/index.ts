// Domain vocabulary shared by every stage.

export const PLATFORMS = ['facebook', 'instagram', 'linkedin', 'x', 'youtube', 'tiktok'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const CONTENT_TYPES = [
  'text',
  'image',
  'carousel',
  'video',
  'reel',
  'story',
  'link',
  'live',
  'document',
] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

export const INTERACTION_KINDS = [
  'comment',
  'reply',
  'mention',
  'message',
  'share',
  'participation',
] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

/** A post's lifetime counters, as post exports report them (one snapshot per import). */
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
export type PostCounter = (typeof POST_COUNTERS)[number];

/** An account's additive counters for one day (watch_time in seconds); followers is a gauge, not among them. */
export const ACCOUNT_DAY_COUNTERS = [
  'profile_visits',
  'impressions',
  'reach',
  'video_views',
  'watch_time',
  'reactions',
  'comments',
  'shares',
  'link_shares',
  'saves',
  'link_clicks',
  'engagements',
  'new_followers',
  'lost_followers',
  'posts_published',
  'media_views',
  'unique_visitors',
] as const;

export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

export const CONVERSION_TYPES = [
  'purchase',
  'newsletter',
  'download',
  'info_request',
  'call',
  'lead',
  'meeting',
  'referral',
  'signup',
] as const;
export type ConversionType = (typeof CONVERSION_TYPES)[number];

export const DIRECTIONS = ['increase', 'decrease'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const TIME_GRAINS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type TimeGrain = (typeof TIME_GRAINS)[number];

export const ENTITY_DIMENSIONS = [
  'platform',
  'account',
  'campaign',
  'content_type',
  'post',
  'conversion_type',
] as const;
export type EntityDimension = (typeof ENTITY_DIMENSIONS)[number];

export type Breakdown = TimeGrain | EntityDimension;
export const BREAKDOWNS: readonly Breakdown[] = [...TIME_GRAINS, ...ENTITY_DIMENSIONS];

export const FILTER_DIMENSIONS = ['platform', 'account', 'campaign', 'content_type'] as const;
export type FilterDimension = (typeof FILTER_DIMENSIONS)[number];
/** Each filter keeps the rows whose dimension is one of the listed values. */
export type Filters = Partial<Record<FilterDimension, string[]>>;

export const COMPARISONS = ['previous', 'yoy'] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** A calendar range of whole days, both ends included, in UTC. */
export interface Period {
  from: string; // YYYY-MM-DD
  to: string; // YYYY-MM-DD
}

export interface ObjectiveNames {
  en?: string;
  fr?: string;
}

export interface Objective {
  id: string;
  name: string;
  /** The name in each reader's language, when given; `name` is shown otherwise. */
  names?: ObjectiveNames;
  kpi: string;
  target: number;
  period: Period;
  direction: Direction;
  filters: Filters;
  baseline: number | null;
}

/** An objective's name in the reader's language when it has one, else the name it was given. */
export function objectiveNameIn(
  objective: Pick<Objective, 'name' | 'names'>,
  language: keyof ObjectiveNames,
): string {
  return objective.names?.[language] ?? objective.name;
}

export * from './dates.ts';
export * from './errors.ts';
export * from './social-sources.ts';
