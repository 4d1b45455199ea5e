// The canonical tables: one definition, read by the DDL of each engine, the CSV templates and the validators.
import {
  CONTENT_TYPES,
  CONVERSION_TYPES,
  DIRECTIONS,
  INTERACTION_KINDS,
  PLATFORMS,
  SENTIMENTS,
} from '../model/index.ts';
import { NOTICE_TABLES } from './notice-tables.ts';

export type ColumnType = 'text' | 'int' | 'float' | 'bool' | 'date' | 'timestamp';

export interface Column {
  name: string;
  type: ColumnType;
  required?: boolean;
  /** Closed list of accepted values (validated on import). */
  values?: readonly string[];
  /** Smallest accepted number (validated on import). */
  min?: number;
  max?: number;
  doc: string;
}

export interface Table {
  name: string;
  grain: string;
  columns: Column[];
  /** Columns that identify a row: a newer import of the same key replaces the row. */
  key: string[];
  /** Loaded from user files (false for tables the program writes itself). */
  importable: boolean;
}

const importId: Column = {
  name: 'import_id',
  type: 'text',
  doc: 'Import that wrote the row (set by Cadran).',
};
const platform = (required: boolean): Column => ({
  name: 'platform',
  type: 'text',
  required,
  values: PLATFORMS,
  doc: `One of ${PLATFORMS.join(', ')}.`,
});
const count = (name: string, doc: string): Column => ({ name, type: 'int', min: 0, doc });

export const TABLES: Table[] = [
  {
    name: 'accounts',
    grain: 'platform account',
    key: ['account_id'],
    importable: true,
    columns: [
      {
        name: 'account_id',
        type: 'text',
        required: true,
        doc: 'Unique id, e.g. instagram:maisonlumen.',
      },
      platform(true),
      { name: 'handle', type: 'text', required: true, doc: 'Public handle or page name.' },
      { name: 'name', type: 'text', doc: 'Display name.' },
      {
        name: 'is_competitor',
        type: 'bool',
        doc: 'true for a competitor followed for share of voice.',
      },
      importId,
    ],
  },
  {
    name: 'posts',
    grain: 'post',
    key: ['post_id'],
    importable: true,
    columns: [
      { name: 'post_id', type: 'text', required: true, doc: 'Unique id of the post.' },
      { name: 'account_id', type: 'text', required: true, doc: 'Account that published it.' },
      platform(true),
      {
        name: 'published_at',
        type: 'timestamp',
        required: true,
        doc: 'ISO 8601 time, with or without offset (UTC if none).',
      },
      {
        name: 'content_type',
        type: 'text',
        required: true,
        values: CONTENT_TYPES,
        doc: `One of ${CONTENT_TYPES.join(', ')}.`,
      },
      { name: 'text', type: 'text', doc: 'Post text.' },
      { name: 'permalink', type: 'text', doc: 'Link to the original post.' },
      { name: 'campaign', type: 'text', doc: 'Campaign name (same as utm_campaign).' },
      importId,
    ],
  },
  {
    name: 'post_metrics',
    grain: 'post + snapshot time',
    key: ['post_id', 'snapshot_at'],
    importable: true,
    columns: [
      { name: 'post_id', type: 'text', required: true, doc: 'Post measured.' },
      {
        name: 'snapshot_at',
        type: 'timestamp',
        required: true,
        doc: 'When the lifetime counters were read; the latest counts.',
      },
      count('impressions', 'Times the post was shown.'),
      count('reach', 'Unique people who saw the post.'),
      count('reactions', 'Likes and other reactions.'),
      count('comments', 'Comments and replies.'),
      count('shares', 'Shares, reposts, retweets.'),
      count('saves', 'Saves and bookmarks.'),
      count('link_clicks', 'Clicks on the link of the post.'),
      count('video_views', 'Video views.'),
      count('participation', 'Contest entries and other participation events.'),
      importId,
    ],
  },
  {
    name: 'account_daily',
    grain: 'account + day',
    key: ['account_id', 'day'],
    importable: true,
    columns: [
      { name: 'account_id', type: 'text', required: true, doc: 'Account measured.' },
      { name: 'day', type: 'date', required: true, doc: 'YYYY-MM-DD.' },
      count('followers', 'Followers at the end of the day (a gauge: never summed over days).'),
      count('profile_visits', 'Profile or page visits that day.'),
      count('impressions', 'Account-level impressions that day.'),
      count('reach', 'Account-level reach that day.'),
      count('video_views', 'Views of the account’s videos that day (all videos summed).'),
      {
        name: 'watch_time',
        type: 'float',
        doc: 'Seconds of the account’s videos watched that day.',
      },
      // Account-level daily counters of the per-day exports (X overview, LinkedIn's dailies).
      count('reactions', 'Likes and reactions on the account’s posts that day.'),
      count('comments', 'Replies and comments on the account’s posts that day.'),
      count('shares', 'Reposts of the account’s posts that day.'),
      count('link_shares', 'Posts shared by link or message that day (X’s Shares, not reposts).'),
      count('saves', 'Bookmarks and saves of the account’s posts that day.'),
      count('link_clicks', 'Clicks on the account’s posts that day.'),
      count('engagements', 'All engagements the platform counted that day.'),
      count('new_followers', 'Followers gained that day.'),
      count('lost_followers', 'Followers lost that day (X’s Unfollows).'),
      count('posts_published', 'Posts the account published that day.'),
      count('media_views', 'Views of the account’s images and videos that day (X’s Media views).'),
      count('unique_visitors', 'Unique visitors of the page that day (LinkedIn).'),
      importId,
    ],
  },
  {
    name: 'interactions',
    grain: 'one comment, reply, mention, message or share',
    key: ['interaction_id'],
    importable: true,
    columns: [
      { name: 'interaction_id', type: 'text', required: true, doc: 'Unique id.' },
      platform(true),
      {
        name: 'account_id',
        type: 'text',
        required: true,
        doc: 'Account commented, mentioned or messaged (a competitor account for their mentions).',
      },
      { name: 'post_id', type: 'text', doc: 'Post the interaction is under, if any.' },
      {
        name: 'kind',
        type: 'text',
        required: true,
        values: INTERACTION_KINDS,
        doc: `One of ${INTERACTION_KINDS.join(', ')}.`,
      },
      { name: 'author_id', type: 'text', required: true, doc: 'Author id on the platform.' },
      { name: 'author_name', type: 'text', doc: 'Author display name.' },
      count('author_audience', 'Author followers (for influencers).'),
      { name: 'created_at', type: 'timestamp', required: true, doc: 'ISO 8601 time.' },
      { name: 'text', type: 'text', doc: 'What was written.' },
      { name: 'lang', type: 'text', doc: 'fr, en or other.' },
      {
        name: 'sentiment',
        type: 'text',
        values: SENTIMENTS,
        doc: `One of ${SENTIMENTS.join(', ')}.`,
      },
      {
        name: 'sentiment_score',
        type: 'float',
        min: -1,
        max: 1,
        doc: '-1 (negative) to 1 (positive).',
      },
      { name: 'reply_to', type: 'text', doc: 'interaction_id this replies to.' },
      { name: 'is_brand', type: 'bool', doc: 'true when written by the brand itself.' },
      {
        name: 'sentiment_source',
        type: 'text',
        values: ['model', 'import', 'user'],
        doc: 'Who set the sentiment: model (Cadran), import (the file) or user (a correction).',
      },
      {
        name: 'recommends',
        type: 'text',
        values: ['promoter', 'detractor'],
        doc: 'Explicit recommendation language found in the text.',
      },
      {
        name: 'expects_reply',
        type: 'bool',
        doc: 'false for emoji-only or thanks-only texts that need no answer.',
      },
      {
        name: 'sentiment_probability',
        type: 'float',
        min: 0,
        max: 1,
        doc: 'The model’s probability of its sentiment label (0–1); empty when a file or a person set it.',
      },
      {
        name: 'sentiment_uncertain',
        type: 'bool',
        doc: 'true when the model’s probability is below its uncertainty threshold.',
      },
      importId,
    ],
  },
  {
    name: 'audience',
    grain: 'account + day + dimension + bucket',
    key: ['account_id', 'day', 'dimension', 'bucket'],
    importable: true,
    columns: [
      { name: 'account_id', type: 'text', required: true, doc: 'Account whose audience this is.' },
      { name: 'day', type: 'date', required: true, doc: 'Day of the snapshot.' },
      {
        name: 'dimension',
        type: 'text',
        required: true,
        values: [
          'age',
          'gender',
          'country',
          'industry',
          'seniority',
          'job_function',
          'company_size',
        ],
        doc: 'age, gender, country, industry, seniority, job_function or company_size.',
      },
      { name: 'bucket', type: 'text', required: true, doc: 'e.g. 25-34, female, FR.' },
      {
        name: 'members',
        type: 'float',
        required: true,
        min: 0,
        doc: 'Audience members in the bucket.',
      },
      importId,
    ],
  },
  {
    name: 'personas',
    grain: 'dimension + bucket',
    key: ['dimension', 'bucket'],
    importable: true,
    columns: [
      { name: 'dimension', type: 'text', required: true, doc: 'Audience dimension targeted.' },
      {
        name: 'bucket',
        type: 'text',
        required: true,
        doc: 'Bucket that belongs to the target personas.',
      },
      importId,
    ],
  },
  {
    name: 'web_sessions',
    grain: 'day + source/medium/campaign/content',
    key: ['day', 'source', 'medium', 'campaign', 'content'],
    importable: true,
    columns: [
      { name: 'day', type: 'date', required: true, doc: 'YYYY-MM-DD.' },
      { name: 'source', type: 'text', required: true, doc: 'utm_source or referrer.' },
      { name: 'medium', type: 'text', doc: 'utm_medium.' },
      { name: 'campaign', type: 'text', doc: 'utm_campaign.' },
      { name: 'content', type: 'text', doc: 'utm_content.' },
      {
        ...platform(false),
        doc: 'Social network the source belongs to (derived from source when empty).',
      },
      count('sessions', 'Sessions.'),
      count('users', 'Users.'),
      count('engaged_sessions', 'Engaged sessions.'),
      importId,
    ],
  },
  {
    name: 'conversions',
    grain: 'one conversion',
    key: ['conversion_id'],
    importable: true,
    columns: [
      { name: 'conversion_id', type: 'text', required: true, doc: 'Unique id (order or lead id).' },
      { name: 'occurred_at', type: 'timestamp', required: true, doc: 'ISO 8601 time.' },
      {
        name: 'type',
        type: 'text',
        required: true,
        values: CONVERSION_TYPES,
        doc: `One of ${CONVERSION_TYPES.join(', ')}.`,
      },
      { name: 'source', type: 'text', doc: 'utm_source.' },
      { name: 'medium', type: 'text', doc: 'utm_medium.' },
      { name: 'campaign', type: 'text', doc: 'utm_campaign.' },
      {
        ...platform(false),
        doc: 'Social network credited (derived from source when empty; empty when not social).',
      },
      { name: 'value', type: 'float', min: 0, doc: 'Revenue in the reporting currency.' },
      { name: 'currency', type: 'text', doc: 'ISO 4217 code, e.g. EUR.' },
      importId,
    ],
  },
  {
    name: 'spend',
    grain: 'day + platform + campaign',
    key: ['day', 'platform', 'campaign'],
    importable: true,
    columns: [
      { name: 'day', type: 'date', required: true, doc: 'YYYY-MM-DD.' },
      platform(true),
      { name: 'campaign', type: 'text', doc: 'Campaign name.' },
      {
        name: 'amount',
        type: 'float',
        required: true,
        min: 0,
        doc: 'Cost in the reporting currency.',
      },
      { name: 'currency', type: 'text', doc: 'ISO 4217 code.' },
      importId,
    ],
  },
  {
    name: 'nps_responses',
    grain: 'one survey answer',
    key: ['response_id'],
    importable: true,
    columns: [
      { name: 'response_id', type: 'text', required: true, doc: 'Unique id.' },
      { name: 'answered_at', type: 'timestamp', required: true, doc: 'ISO 8601 time.' },
      {
        name: 'score',
        type: 'int',
        required: true,
        min: 0,
        max: 10,
        doc: 'Likelihood to recommend, 0 to 10.',
      },
      { name: 'comment', type: 'text', doc: 'Free text answer.' },
      { name: 'channel', type: 'text', doc: 'Where the survey ran.' },
      importId,
    ],
  },
  {
    name: 'ssi',
    grain: 'person + day',
    key: ['person_id', 'day'],
    importable: true,
    columns: [
      { name: 'person_id', type: 'text', required: true, doc: 'Seller id.' },
      { name: 'person_name', type: 'text', doc: 'Seller name.' },
      { name: 'team', type: 'text', doc: 'Sales team.' },
      { name: 'day', type: 'date', required: true, doc: 'Day of the snapshot.' },
      {
        name: 'ssi',
        type: 'float',
        required: true,
        min: 0,
        max: 100,
        doc: 'Social Selling Index, 0-100.',
      },
      {
        name: 'brand',
        type: 'float',
        min: 0,
        max: 25,
        doc: 'Establish your professional brand, 0-25.',
      },
      { name: 'people', type: 'float', min: 0, max: 25, doc: 'Find the right people, 0-25.' },
      { name: 'insights', type: 'float', min: 0, max: 25, doc: 'Engage with insights, 0-25.' },
      { name: 'relationships', type: 'float', min: 0, max: 25, doc: 'Build relationships, 0-25.' },
      count('connections', 'LinkedIn connections.'),
      count('followers', 'LinkedIn followers.'),
      count('inbound_requests', 'Connection requests received that day.'),
      importId,
    ],
  },
  {
    name: 'links',
    grain: 'tracked short link',
    key: ['code'],
    importable: false,
    columns: [
      { name: 'code', type: 'text', required: true, doc: 'Short code served at /l/CODE.' },
      { name: 'target_url', type: 'text', required: true, doc: 'Destination with UTM parameters.' },
      platform(false),
      { name: 'campaign', type: 'text', doc: 'utm_campaign.' },
      { name: 'post_id', type: 'text', doc: 'Post the link is published in.' },
      { name: 'created_at', type: 'timestamp', required: true, doc: 'Creation time.' },
      { name: 'disabled', type: 'bool', doc: 'true when the link no longer redirects.' },
      {
        name: 'expires_at',
        type: 'timestamp',
        doc: 'Time after which the link no longer redirects.',
      },
      { name: 'source', type: 'text', doc: 'utm_source.' },
      { name: 'content', type: 'text', doc: 'utm_content (the post, or the creative).' },
      { name: 'created_by', type: 'text', doc: 'Token or user that created the link.' },
    ],
  },
  {
    name: 'clicks',
    grain: 'one click on a tracked link',
    key: ['click_id'],
    importable: false,
    columns: [
      { name: 'click_id', type: 'text', required: true, doc: 'Unique id.' },
      { name: 'code', type: 'text', required: true, doc: 'Link clicked.' },
      { name: 'clicked_at', type: 'timestamp', required: true, doc: 'Time of the click.' },
      { name: 'referrer_host', type: 'text', doc: 'Host of the referring page.' },
      { name: 'country', type: 'text', doc: 'Country code when known.' },
      { name: 'device', type: 'text', doc: 'desktop, mobile, tablet or bot.' },
      { name: 'visitor_key', type: 'text', doc: 'Daily-salted hash of IP and user agent.' },
      { name: 'is_bot', type: 'bool', doc: 'true for crawlers and link previews.' },
    ],
  },
  {
    name: 'objectives',
    grain: 'objective',
    key: ['objective_id'],
    importable: false,
    columns: [
      { name: 'objective_id', type: 'text', required: true, doc: 'Unique id.' },
      { name: 'name', type: 'text', required: true, doc: 'What the objective is for.' },
      { name: 'name_en', type: 'text', doc: 'Its name for English readers, if any.' },
      { name: 'name_fr', type: 'text', doc: 'Its name for French readers, if any.' },
      { name: 'kpi', type: 'text', required: true, doc: 'KPI id from the catalog.' },
      { name: 'target', type: 'float', required: true, doc: 'Target value of the KPI.' },
      { name: 'period_from', type: 'date', required: true, doc: 'First day.' },
      { name: 'period_to', type: 'date', required: true, doc: 'Last day.' },
      {
        name: 'direction',
        type: 'text',
        required: true,
        values: DIRECTIONS,
        doc: 'increase or decrease.',
      },
      { name: 'filters', type: 'text', doc: 'JSON object of filters.' },
      { name: 'baseline', type: 'float', doc: 'Starting value, if any.' },
    ],
  },
  {
    name: 'imports',
    grain: 'imported file',
    key: ['import_id'],
    importable: false,
    columns: [
      { name: 'import_id', type: 'text', required: true, doc: 'Unique id.' },
      { name: 'file_name', type: 'text', required: true, doc: 'Name of the file.' },
      { name: 'file_hash', type: 'text', required: true, doc: 'SHA-256 of the file.' },
      { name: 'format', type: 'text', required: true, doc: 'Format detected or chosen.' },
      { name: 'table_name', type: 'text', required: true, doc: 'Table written.' },
      { name: 'rows', type: 'int', required: true, doc: 'Rows written.' },
      { name: 'replaced', type: 'int', required: true, doc: 'Existing rows replaced.' },
      { name: 'imported_at', type: 'timestamp', required: true, doc: 'Time of the import.' },
    ],
  },
  {
    // Platform metrics with no canonical column (hashtag clicks, watch time…): kept, not dropped.
    name: 'extra_metrics',
    grain: 'canonical row + the platform metrics Cadran has no column for',
    key: ['table_name', 'entity_key', 'format'],
    importable: false,
    columns: [
      {
        name: 'table_name',
        type: 'text',
        required: true,
        doc: 'Table of the row the metrics describe.',
      },
      { name: 'format', type: 'text', required: true, doc: 'Export format the metrics came from.' },
      {
        name: 'entity_key',
        type: 'text',
        required: true,
        doc: 'That row: a post_id, account_id|day, or day|source|medium|campaign|content.',
      },
      platform(false),
      {
        name: 'metrics',
        type: 'text',
        required: true,
        doc: 'JSON object: the platform’s column name → number.',
      },
      importId,
    ],
  },
  {
    // Rows an import replaced, so that `cadran imports --undo` can put them back.
    name: 'replaced_rows',
    grain: 'row replaced by an import',
    key: ['import_id', 'table_name', 'row_json'],
    importable: false,
    columns: [
      { name: 'import_id', type: 'text', required: true, doc: 'Import that replaced the row.' },
      { name: 'table_name', type: 'text', required: true, doc: 'Table the row was in.' },
      { name: 'row_json', type: 'text', required: true, doc: 'The row as it was, as JSON.' },
    ],
  },
  {
    name: 'sentiment_corrections',
    grain: 'corrected interaction',
    key: ['interaction_id'],
    importable: false,
    columns: [
      { name: 'interaction_id', type: 'text', required: true, doc: 'Interaction corrected.' },
      {
        name: 'sentiment',
        type: 'text',
        required: true,
        values: SENTIMENTS,
        doc: 'The label a person gave.',
      },
      { name: 'corrected_by', type: 'text', doc: 'Who corrected it.' },
      { name: 'corrected_at', type: 'timestamp', required: true, doc: 'When.' },
    ],
  },
  {
    // A sentiment model retrained with this brand's corrections (`cadran nlp train --with-corrections`).
    name: 'sentiment_models',
    grain: 'trained model',
    key: ['name'],
    importable: false,
    columns: [
      { name: 'name', type: 'text', required: true, doc: 'brand: the one retrained here.' },
      { name: 'model_base64', type: 'text', required: true, doc: 'The model file, base64.' },
      { name: 'trained_at', type: 'timestamp', required: true, doc: 'When.' },
      { name: 'corrections', type: 'int', doc: 'Corrections it learnt from.' },
      { name: 'validation_json', type: 'text', doc: 'Validation macro-F1 per language, JSON.' },
    ],
  },
  {
    name: 'api_tokens',
    grain: 'API token',
    key: ['token_id'],
    importable: false,
    columns: [
      { name: 'token_id', type: 'text', required: true, doc: 'Public id of the token.' },
      { name: 'name', type: 'text', required: true, doc: 'What the token is for.' },
      {
        name: 'role',
        type: 'text',
        required: true,
        values: ['admin', 'analyst', 'viewer'],
        doc: 'admin, analyst or viewer.',
      },
      {
        name: 'token_hash',
        type: 'text',
        required: true,
        doc: 'SHA-256 of the secret (the secret is never stored).',
      },
      { name: 'created_at', type: 'timestamp', required: true, doc: 'Creation time.' },
      { name: 'revoked', type: 'bool', doc: 'true once revoked.' },
      {
        name: 'created_by',
        type: 'text',
        doc: 'User who created it; the token dies with their rights (empty: made at the command line).',
      },
    ],
  },
  {
    name: 'event_keys',
    grain: 'event received through the API',
    key: ['event_key'],
    importable: false,
    columns: [
      {
        name: 'event_key',
        type: 'text',
        required: true,
        doc: 'Idempotency key sent with the event.',
      },
      { name: 'table_name', type: 'text', required: true, doc: 'Table the event was written to.' },
      { name: 'received_at', type: 'timestamp', required: true, doc: 'When it was stored.' },
    ],
  },
  {
    name: 'settings',
    grain: 'setting',
    key: ['name'],
    importable: false,
    columns: [
      { name: 'name', type: 'text', required: true, doc: 'Setting name.' },
      { name: 'value', type: 'text', doc: 'Setting value.' },
    ],
  },
  {
    name: 'users',
    grain: 'person who logs in to the dashboard',
    key: ['user_id'],
    importable: false,
    columns: [
      { name: 'user_id', type: 'text', required: true, doc: 'Unique id.' },
      { name: 'email', type: 'text', required: true, doc: 'Login, stored in lower case.' },
      { name: 'name', type: 'text', doc: 'Display name.' },
      {
        name: 'role',
        type: 'text',
        required: true,
        values: ['admin', 'analyst', 'viewer'],
        doc: 'admin, analyst (read and import) or viewer (read).',
      },
      {
        name: 'password_hash',
        type: 'text',
        required: true,
        doc: 'Argon2id hash of the password (the password is never stored).',
      },
      { name: 'created_at', type: 'timestamp', required: true, doc: 'Creation time.' },
      { name: 'last_login_at', type: 'timestamp', doc: 'Last successful login.' },
      { name: 'disabled', type: 'bool', doc: 'true when the user can no longer log in.' },
      { name: 'is_demo', type: 'bool', doc: 'true for the login made by the demo mode.' },
    ],
  },
  {
    name: 'sessions',
    grain: 'dashboard login session',
    key: ['session_hash'],
    importable: false,
    columns: [
      {
        name: 'session_hash',
        type: 'text',
        required: true,
        doc: 'SHA-256 of the session cookie (the cookie itself is never stored).',
      },
      { name: 'user_id', type: 'text', required: true, doc: 'User logged in.' },
      { name: 'created_at', type: 'timestamp', required: true, doc: 'Login time.' },
      { name: 'expires_at', type: 'timestamp', required: true, doc: 'End of the session.' },
    ],
  },
  ...NOTICE_TABLES,
];

export function tableByName(name: string): Table | undefined {
  return TABLES.find((table) => table.name === name);
}

export const IMPORTABLE_TABLES = TABLES.filter((table) => table.importable);
