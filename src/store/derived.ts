// Derived tables: joins that every KPI query would otherwise redo on millions of rows, kept
// up to date by the store itself at the end of any transaction that wrote one of their inputs.
// Each is written in time order: a window's scan then skips the row groups outside it, which the
// joins' scattered output would not let it do.
import { createHash } from 'node:crypto';

export interface DerivedTable {
  name: string;
  /** Base tables whose writes make this table stale. */
  inputs: string[];
  select: string;
}

/** Business hours when the settings name none. */
export const DEFAULT_BUSINESS_HOURS = { open: '09:00', close: '18:00' };

/** Business hours as seconds after midnight UTC, Monday to Friday; 09:00–18:00 unless set. */
const BUSINESS_HOURS = `
  SELECT open_at, greatest(close_at - open_at, 0) AS open_seconds FROM (
    SELECT coalesce(max(CASE WHEN name = 'business_hours_open' THEN ${secondsOfDay('value')} END), ${secondsOfDay(`'${DEFAULT_BUSINESS_HOURS.open}'`)}) AS open_at,
           coalesce(max(CASE WHEN name = 'business_hours_close' THEN ${secondsOfDay('value')} END), ${secondsOfDay(`'${DEFAULT_BUSINESS_HOURS.close}'`)}) AS close_at
    FROM settings)`;

function secondsOfDay(value: string): string {
  const time = `TRY_CAST(${value} AS TIME)`;
  return `(hour(${time}) * 3600 + minute(${time}) * 60)`;
}

/**
 * Business seconds from a fixed Monday (1970-01-05) to a time: whole weeks give five open days,
 * then the open days of the current week, then the open part of today. The difference of two such
 * counts is the business time between them, without a calendar table.
 */
function businessSecondsUntil(time: string): string {
  const since = `(epoch(${time}) - 345600)`;
  const day = `floor(${since} / 86400)`;
  const weekday = `(${day} - 7 * floor(${day} / 7))`;
  const secondOfDay = `(${since} - 86400 * ${day})`;
  return `(floor(${day} / 7) * 5 * h.open_seconds + least(${weekday}, 5) * h.open_seconds
     + CASE WHEN ${weekday} < 5 THEN least(greatest(${secondOfDay} - h.open_at, 0), h.open_seconds) ELSE 0 END)`;
}

export const DERIVED_TABLES: DerivedTable[] = [
  {
    // Each post with its latest metrics snapshot (the newest snapshot of lifetime counters counts).
    name: 'post_facts',
    inputs: ['posts', 'post_metrics', 'accounts'],
    select: `
      SELECT p.post_id, p.account_id, p.platform, p.published_at, p.content_type, p.campaign,
             coalesce(a.is_competitor, false) AS is_competitor,
             m.impressions, m.reach, m.reactions, m.comments, m.shares, m.saves,
             m.link_clicks, m.video_views, m.participation
      FROM posts p
      LEFT JOIN accounts a ON a.account_id = p.account_id
      LEFT JOIN (SELECT post_id, max(snapshot_at) AS latest FROM post_metrics GROUP BY post_id) l ON l.post_id = p.post_id
      LEFT JOIN post_metrics m ON m.post_id = l.post_id AND m.snapshot_at = l.latest
      ORDER BY p.published_at`,
  },
  {
    // Inbound items that expect an answer, with the time of the brand's first reply to each, in
    // elapsed seconds and in business seconds (the business hours are read from the settings).
    // Seconds are kept as 32-bit integers: the engine takes their medians twice as fast as 64-bit
    // ones, and a gap too long for them (68 years) is no response time.
    name: 'inbound_facts',
    inputs: ['interactions', 'accounts', 'settings'],
    select: `
      SELECT i.interaction_id, i.platform, i.account_id, i.post_id, i.created_at, r.first_reply_at,
             coalesce(a.is_competitor, false) AS is_competitor,
             TRY_CAST(date_diff('second', i.created_at, r.first_reply_at) AS INTEGER) AS response_seconds,
             TRY_CAST(${businessSecondsUntil('r.first_reply_at')} - ${businessSecondsUntil('i.created_at')} AS INTEGER) AS business_response_seconds
      FROM interactions i
      CROSS JOIN (${BUSINESS_HOURS}) h
      LEFT JOIN accounts a ON a.account_id = i.account_id
      LEFT JOIN (
        SELECT reply_to, min(created_at) AS first_reply_at FROM interactions
        WHERE coalesce(is_brand, false) AND reply_to IS NOT NULL GROUP BY reply_to
      ) r ON r.reply_to = i.interaction_id
      WHERE i.kind IN ('comment', 'message') AND NOT coalesce(i.is_brand, false) AND coalesce(i.expects_reply, true)
      ORDER BY i.created_at`,
  },
  {
    // Each author's first mention of the brand over the whole history, with their largest known audience.
    name: 'author_first_mentions',
    inputs: ['interactions', 'accounts'],
    select: `
      SELECT i.author_id, min(i.created_at) AS first_mention_at, max(i.author_audience) AS audience,
             arg_min(i.platform, i.created_at) AS platform
      FROM interactions i
      LEFT JOIN accounts a ON a.account_id = i.account_id
      WHERE NOT coalesce(a.is_competitor, false) AND i.kind = 'mention' AND NOT coalesce(i.is_brand, false)
      GROUP BY i.author_id`,
  },
];

/**
 * Roll-ups: a large table's rows counted per day and per value of the columns KPIs split and filter
 * counts by, so that a count over months reads thousands of rows instead of millions. Kept only by
 * the engines that list them in Store.rollups; elsewhere the metric layer reads the base table.
 */
export const ROLLUP_TABLES: DerivedTable[] = [
  {
    // Whether the account is a competitor's is kept as the interactions' reading of it (NOT IN the
    // competitor accounts), so that counts need no subquery, which costs more to plan than to run.
    name: 'interaction_days',
    inputs: ['interactions', 'accounts'],
    select: `
      SELECT day, platform, account_id, is_competitor, kind, is_brand, sentiment, sentiment_uncertain,
             count(*) AS interactions
      FROM (
        SELECT CAST(created_at AS DATE) AS day, platform, account_id,
               account_id IN (SELECT account_id FROM accounts WHERE coalesce(is_competitor, false)) AS is_competitor,
               kind, is_brand, sentiment, sentiment_uncertain
        FROM interactions
      ) i
      GROUP BY day, platform, account_id, is_competitor, kind, is_brand, sentiment, sentiment_uncertain
      ORDER BY day`,
  },
];

export function derivedHash(table: DerivedTable): string {
  return definitionHash(table.select);
}

/** A short fingerprint of a derived table's definition, to tell when a store built it otherwise. */
export function definitionHash(definition: string): string {
  return createHash('sha256').update(definition).digest('hex').slice(0, 16);
}

/** Derived tables (of the engine's list) made stale by writes to the given base tables. */
export function staleDerivedTables(
  written: Iterable<string>,
  tables: DerivedTable[] = DERIVED_TABLES,
): DerivedTable[] {
  const names = new Set(written);
  return tables.filter((table) => table.inputs.some((input) => names.has(input)));
}

const WRITE_STATEMENT =
  /\b(?:INSERT\s+INTO|DELETE\s+FROM|UPDATE|TRUNCATE(?:\s+TABLE)?|CREATE\s+OR\s+REPLACE\s+TABLE|RENAME\s+TABLE)\s+"?([a-z_]+)"?/gi;

/** Base tables a statement writes to, so derived tables can be refreshed at commit. */
export function tablesWrittenBy(sql: string): string[] {
  return [...sql.matchAll(WRITE_STATEMENT)].map((match) => match[1].toLowerCase());
}
