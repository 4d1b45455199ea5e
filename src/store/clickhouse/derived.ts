// The derived tables of ../derived.ts written for ClickHouse 18.16, side by side with DuckDB's:
// one join per SELECT (18.16 joins two row sets at a time), argMax for the latest snapshot, and
// business hours parsed from 'HH:MM' text.
import {
  DEFAULT_BUSINESS_HOURS,
  definitionHash,
  DERIVED_TABLES,
  ROLLUP_TABLES,
  type DerivedTable,
} from '../derived.ts';

const postFacts = `
  SELECT post_id, account_id, platform, published_at, content_type, campaign, is_competitor,
         impressions, reach, reactions, comments, shares, saves, link_clicks, video_views, participation
  FROM (
    SELECT post_id, account_id, platform, published_at, content_type, campaign,
           ifNull(is_competitor, 0) AS is_competitor
    FROM (SELECT post_id, account_id, platform, published_at, content_type, campaign FROM posts)
    ANY LEFT JOIN (SELECT account_id, is_competitor FROM accounts) USING account_id
  )
  ANY LEFT JOIN (
    SELECT post_id, argMax(impressions, snapshot_at) AS impressions, argMax(reach, snapshot_at) AS reach,
           argMax(reactions, snapshot_at) AS reactions, argMax(comments, snapshot_at) AS comments,
           argMax(shares, snapshot_at) AS shares, argMax(saves, snapshot_at) AS saves,
           argMax(link_clicks, snapshot_at) AS link_clicks, argMax(video_views, snapshot_at) AS video_views,
           argMax(participation, snapshot_at) AS participation
    FROM post_metrics GROUP BY post_id
  ) USING post_id`;

const secondsOfDay = (value: string) =>
  `toNullable(toInt64OrNull(substring(${value}, 1, 2)) * 3600 + toInt64OrNull(substring(${value}, 4, 2)) * 60)`;

/** The default hours as a plain number (18.16 cannot mix a Nullable constant into if()). */
const defaultSeconds = (time: string) => {
  const [hours, minutes] = time.split(':').map(Number);
  return String(hours * 3600 + minutes * 60);
};

const businessHours = `
  SELECT open_at, greatest(close_at - open_at, 0) AS open_seconds FROM (
    SELECT ifNull(max(if(name = 'business_hours_open', ${secondsOfDay('value')}, NULL)), ${defaultSeconds(DEFAULT_BUSINESS_HOURS.open)}) AS open_at,
           ifNull(max(if(name = 'business_hours_close', ${secondsOfDay('value')}, NULL)), ${defaultSeconds(DEFAULT_BUSINESS_HOURS.close)}) AS close_at
    FROM settings)`;

/** As businessSecondsUntil in ../derived.ts: business seconds since Monday 1970-01-05. */
function businessSecondsUntil(time: string): string {
  const since = `(toInt64(toUnixTimestamp(${time})) - 345600)`;
  // Whole numbers throughout: 18.16's least() and greatest() refuse to mix Float64 and Int64.
  const day = `intDiv(${since}, 86400)`;
  const weekday = `(${day} - 7 * intDiv(${day}, 7))`;
  const secondOfDay = `(${since} - 86400 * ${day})`;
  return `(intDiv(${day}, 7) * 5 * open_seconds + least(${weekday}, 5) * open_seconds
     + if(${weekday} < 5, least(greatest(${secondOfDay} - open_at, 0), open_seconds), 0))`;
}

const competitorAccounts = 'SELECT account_id FROM accounts WHERE ifNull(is_competitor, 0) = 1';

/** As DuckDB's TRY_CAST to INTEGER: NULL beyond 32 bits (toInt32OrNull wraps on 18.16). */
const int32OrNull = (value: string) =>
  `if(abs(${value}) < 2147483648, toNullable(toInt32(${value})), CAST(NULL AS Nullable(Int32)))`;

const inboundFacts = `
  SELECT interaction_id, platform, account_id, post_id, created_at, first_reply_at, is_competitor,
         ${int32OrNull(`dateDiff('second', created_at, first_reply_at)`)} AS response_seconds,
         ${int32OrNull(`${businessSecondsUntil('first_reply_at')} - ${businessSecondsUntil('created_at')}`)} AS business_response_seconds
  FROM (
    SELECT interaction_id, platform, account_id, post_id, created_at, is_competitor, open_at, open_seconds
    FROM (
      SELECT interaction_id, platform, account_id, post_id, created_at,
             toUInt8(account_id IN (${competitorAccounts})) AS is_competitor
      FROM interactions
      WHERE kind IN ('comment', 'message') AND ifNull(is_brand, 0) = 0 AND ifNull(expects_reply, 1) = 1
    ) CROSS JOIN (${businessHours})
  )
  ANY LEFT JOIN (
    SELECT assumeNotNull(reply_to) AS interaction_id, min(created_at) AS first_reply_at FROM interactions
    WHERE ifNull(is_brand, 0) = 1 AND reply_to IS NOT NULL GROUP BY interaction_id
  ) USING interaction_id`;

const authorFirstMentions = `
  SELECT author_id, min(created_at) AS first_mention_at, max(author_audience) AS audience,
         argMin(platform, created_at) AS platform
  FROM interactions
  WHERE account_id NOT IN (${competitorAccounts}) AND kind = 'mention' AND ifNull(is_brand, 0) = 0
  GROUP BY author_id`;

// Days are midnight times, as the store's dates (18.16 compares a Date with a DateTime wrongly).
const interactionDays = `
  SELECT day, platform, account_id, is_competitor, kind, is_brand, sentiment, sentiment_uncertain,
         toInt64(count()) AS interactions
  FROM (
    SELECT toDateTime(toDate(assumeNotNull(created_at)), 'UTC') AS day, platform, account_id,
           toUInt8(account_id IN (${competitorAccounts})) AS is_competitor,
           kind, is_brand, sentiment, sentiment_uncertain
    FROM interactions
  )
  GROUP BY day, platform, account_id, is_competitor, kind, is_brand, sentiment, sentiment_uncertain`;

export const CLICKHOUSE_DERIVED_SELECTS: Record<string, string> = {
  post_facts: postFacts,
  inbound_facts: inboundFacts,
  author_first_mentions: authorFirstMentions,
  interaction_days: interactionDays,
};

/** The derived tables ClickHouse keeps: every engine's, and the roll-ups. */
export const CLICKHOUSE_DERIVED_TABLES: DerivedTable[] = [...DERIVED_TABLES, ...ROLLUP_TABLES];

export const CLICKHOUSE_ROLLUPS: ReadonlySet<string> = new Set(
  ROLLUP_TABLES.map((table) => table.name),
);

/** Sorting keys of derived tables read by time window: a window's scan skips the other days. */
const SORTING_KEYS: Record<string, string> = { interaction_days: 'day' };

export const sortingKey = (table: DerivedTable): string => SORTING_KEYS[table.name] ?? 'tuple()';

export function clickHouseSelect(table: DerivedTable): string {
  const select = CLICKHOUSE_DERIVED_SELECTS[table.name];
  if (!select) throw new Error(`no ClickHouse form for the derived table ${table.name}`);
  return select;
}

/** What the table is built from on ClickHouse: its select and its sorting key. */
export const clickHouseDefinitionHash = (table: DerivedTable): string =>
  definitionHash(`${clickHouseSelect(table)}\nORDER BY ${sortingKey(table)}`);
