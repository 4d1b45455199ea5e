// Google Analytics 4 exported reports: a "#" preamble, then sessions by source / medium / campaign.
import { InputError, platformOfSource } from '../../../model/index.ts';
import { dayOf, parsePlatformTime } from '../dates.ts';
import type { CanonicalRow, FileContext, NativeFormat, RowOutput, RowReader } from '../format.ts';
import { replaceEarlierExport } from '../landing.ts';
import { addUpRepeatedSessions } from './ga4-repeats.ts';
import { platformOfNameSql, sourceNameSql, sqlString, type StagedRow } from '../staged-row.ts';
import { MAPPED, type BulkPlan } from '../bulk-plan.ts';

const NOT_SET = new Set(['(not set)', '(none)', '']);
// Each key event becomes a row: a bound keeps a corrupt cell from writing millions of them.
const MAX_KEY_EVENTS_PER_ROW = 100_000;

const dimension = (row: RowReader, field: string): string | null => {
  const value = row.has(field) ? row.text(field) : null;
  return value === null || NOT_SET.has(value.toLowerCase()) ? null : value;
};

/** The first day a report without a Date column covers: its "# Start date" line, else --from. */
function startDay(context: FileContext): string | null {
  const start = parsePlatformTime(context.preamble['start date'] ?? '', 'month-first');
  return start === null ? (context.period?.from ?? null) : dayOf(start);
}

/** Without a Date column a report's rows cover its whole range; they are filed on its first day. */
function reportDay(row: RowReader, context: FileContext): string | null {
  if (row.has('day')) {
    const time = row.time('day');
    return time === null ? null : dayOf(time);
  }
  const start = startDay(context);
  if (start !== null) return start;
  throw new InputError(
    'the report has no Date column and no "# Start date" line, so the period it covers is unknown; nothing was imported',
    {
      file: context.file,
      expected:
        'the period it covers: --from YYYY-MM-DD --to YYYY-MM-DD on cadran import, or the From and To fields of the upload form (or export the report with the Date dimension)',
      code: 'no-period',
    },
  );
}

function sourceAndMedium(row: RowReader): [string | null, string | null] {
  if (row.has('source_medium')) {
    const [source, medium] = (row.text('source_medium') ?? '').split(' / ');
    return [source?.trim() || null, medium?.trim() || null];
  }
  return [dimension(row, 'source') ?? dimension(row, 'channel'), dimension(row, 'medium')];
}

/** Key events become conversions (purchases when they bring revenue, leads otherwise), one row each. */
function emitConversions(row: RowReader, out: RowOutput, session: CanonicalRow, key: string) {
  const revenue = row.has('revenue') ? row.number('revenue') : null;
  const events = row.has('key_events') ? Math.round(row.number('key_events') ?? 0) : 0;
  if (revenue !== null && revenue < 0) return void row.fail('revenue', 'a revenue ≥ 0');
  if (events < 0 || events > MAX_KEY_EVENTS_PER_ROW)
    return void row.fail(
      'key_events',
      `between 0 and ${MAX_KEY_EVENTS_PER_ROW} key events per row`,
    );
  const count = events === 0 && revenue ? 1 : events;
  for (let index = 1; index <= count; index++) {
    out.emit('conversions', {
      conversion_id: `ga4:${key}:${index}`,
      occurred_at: Date.parse(`${session.day}T00:00:00Z`),
      type: revenue ? 'purchase' : 'lead',
      source: session.source,
      medium: session.medium,
      campaign: session.campaign,
      platform: session.platform,
      value: revenue ? revenue / count : null,
      currency: null,
    });
  }
}

/** dimension() in SQL. */
function dimensionSql(row: StagedRow, field: string): string {
  if (!row.has(field)) return 'NULL';
  const text = row.text(field);
  return `CASE WHEN lower(${text}) IN (${[...NOT_SET].map(sqlString).join(', ')}) THEN NULL ELSE ${text} END`;
}

/** readRow in SQL (see bulk.ts); computed columns use the ones before them by name. */
function bulkReport(row: StagedRow, context: FileContext): BulkPlan | null {
  let day: string;
  if (row.has('day')) day = `CAST(${row.time('day')} AS DATE)`;
  else {
    const start = startDay(context);
    if (start === null) return null;
    day = `DATE ${sqlString(start)}`;
  }
  let source: string;
  let medium: string;
  if (row.has('source_medium')) {
    const pair = `coalesce(${row.text('source_medium')}, '')`;
    source = `nullif(trim(split_part(${pair}, ' / ', 1)), '')`;
    medium = `nullif(trim(split_part(${pair}, ' / ', 2)), '')`;
  } else {
    source = `coalesce(${dimensionSql(row, 'source')}, ${dimensionSql(row, 'channel')})`;
    medium = dimensionSql(row, 'medium');
  }
  const revenue = row.has('revenue') ? row.number('revenue') : 'NULL';
  const events = row.has('key_events')
    ? `CAST(floor(coalesce(${row.number('key_events')}, 0) + 0.5) AS BIGINT)`
    : '0';
  row.doubts.push(
    `("revenue" < 0 OR "key_events" < 0 OR "key_events" > ${MAX_KEY_EVENTS_PER_ROW})`,
  );
  const optionalCount = (field: string) => (row.has(field) ? row.count(field) : 'NULL');
  const isPurchase = `coalesce("revenue", 0) <> 0`;
  return {
    columns: {
      day,
      source_or_none: source,
      source: `coalesce("source_or_none", '(direct)')`,
      medium,
      campaign: dimensionSql(row, 'campaign'),
      content: dimensionSql(row, 'content'),
      source_name: sourceNameSql('"source_or_none"'),
      platform: platformOfNameSql('"source_name"'),
      sessions: row.count('sessions'),
      users: optionalCount('users'),
      engaged_sessions: optionalCount('engaged_sessions'),
      session_key: `CAST("day" AS VARCHAR) || '|' || "source" || '|' || coalesce("medium", '') || '|' || coalesce("campaign", '') || '|' || coalesce("content", '')`,
      revenue,
      key_events: events,
      conversion_count: `CASE WHEN "key_events" = 0 AND ${isPurchase} THEN 1 ELSE "key_events" END`,
    },
    tables: [
      {
        table: 'web_sessions',
        columns: Object.fromEntries(
          [
            'day',
            'source',
            'medium',
            'campaign',
            'content',
            'platform',
            'sessions',
            'users',
            'engaged_sessions',
          ].map((column) => [column, `"${column}"`]),
        ),
      },
      {
        table: 'conversions',
        from: `(SELECT *, unnest(range(1, "conversion_count" + 1)) AS ordinal FROM ${MAPPED} WHERE "conversion_count" > 0)`,
        columns: {
          conversion_id: `'ga4:' || "session_key" || ':' || ordinal`,
          occurred_at: 'CAST("day" AS TIMESTAMP)',
          type: `CASE WHEN ${isPurchase} THEN 'purchase' ELSE 'lead' END`,
          source: '"source"',
          medium: '"medium"',
          campaign: '"campaign"',
          platform: '"platform"',
          value: `CASE WHEN ${isPurchase} THEN "revenue" / "conversion_count" END`,
          currency: 'NULL',
        },
      },
    ],
    extras: { table: 'web_sessions', entityKey: '"session_key"', platform: '"platform"' },
    recordKey: '"session_key"',
    day: '"day"',
  };
}

export const ga4Report: NativeFormat = {
  name: 'ga4-report',
  label: 'Google Analytics 4 exported report (CSV)',
  signature: [
    [
      'Session source / medium',
      'Session source',
      'First user source / medium',
      'Session default channel group',
      'Session campaign',
    ],
    ['Sessions'],
  ],
  fields: {
    day: ['Date'],
    source_medium: ['Session source / medium', 'First user source / medium'],
    source: ['Session source', 'First user source'],
    medium: ['Session medium', 'First user medium'],
    channel: ['Session default channel group', 'Default channel group'],
    campaign: ['Session campaign', 'Session campaign name', 'First user campaign'],
    content: ['Session manual ad content', 'Manual ad content'],
    sessions: ['Sessions'],
    users: ['Total users', 'Users', 'Active users'],
    engaged_sessions: ['Engaged sessions'],
    key_events: ['Key events', 'Conversions'],
    revenue: ['Total revenue', 'Purchase revenue'],
  },
  firstTableOnly: true,
  totalRows: ['grand total', 'total'],
  readRow(row, out, context) {
    const day = reportDay(row, context);
    const [source, medium] = sourceAndMedium(row);
    const platform = platformOfSource(source);
    const session: CanonicalRow = {
      day,
      source: source ?? '(direct)',
      medium,
      campaign: dimension(row, 'campaign'),
      content: dimension(row, 'content'),
      platform,
      sessions: row.count('sessions'),
      users: row.has('users') ? row.count('users') : null,
      engaged_sessions: row.has('engaged_sessions') ? row.count('engaged_sessions') : null,
    };
    if (day === null) return;
    const key = [day, session.source, medium, session.campaign, session.content].join('|');
    out.emit('web_sessions', session);
    emitConversions(row, out, session, key);
    out.extrasBelongTo('web_sessions', key, platform);
  },
  bulk: bulkReport,
  combineRepeats: addUpRepeatedSessions,
  async afterLanding(tx, importId, covered) {
    if (!covered.from || !covered.to) return 0;
    const sessions = await replaceEarlierExport(tx, importId, this.name, covered, 'web_sessions');
    const conversions = await replaceEarlierExport(tx, importId, this.name, covered, 'conversions');
    return sessions + conversions;
  },
};
