// The slowest threads behind the response-time KPIs: inbound comments and messages with the brand's
// first reply, longest wait first, each with its reply time (the same items the catalog's measures read).
import type { Filters, Period } from '../../model/index.ts';
import { type Store, Where } from '../../store/index.ts';

export interface SlowThread {
  interaction_id: string;
  platform: string;
  account_id: string;
  post_id: string | null;
  permalink: string | null;
  kind: string;
  author_name: string | null;
  text: string | null;
  created_at: string;
  first_reply_at: string;
  reply_seconds: number;
  business_reply_seconds: number | null;
}

export async function listSlowestThreads(
  store: Store,
  query: { period: Period; filters: Filters; limit: number },
): Promise<SlowThread[]> {
  const where = new Where(store.dialect)
    .add('NOT f.is_competitor')
    .add('f.first_reply_at IS NOT NULL');
  where.during('f.created_at', query.period);
  where
    .oneOf('f.platform', query.filters.platform)
    .oneOf('f.account_id', query.filters.account)
    .oneOf('p.campaign', query.filters.campaign)
    .oneOf('p.content_type', query.filters.content_type);
  // One join per SELECT, and no output named like a column it reads: ClickHouse 18.16 joins two
  // row sets at a time and reads such a name as the output, even with a table prefix.
  const rows = await store.all(
    `SELECT f.interaction_id, f.platform, f.account_id, f.post_id, p.permalink, f.kind, f.author_name,
            f.text, ${store.dialect.isoSeconds('f.created_at')} AS created_text,
            ${store.dialect.isoSeconds('f.first_reply_at')} AS first_reply_text,
            f.reply_seconds, f.business_response_seconds AS business_reply_seconds
     FROM (
       SELECT f.interaction_id AS interaction_id, f.platform AS platform, f.account_id AS account_id,
              f.post_id AS post_id, f.created_at AS created_at, f.first_reply_at AS first_reply_at,
              dateDiff('second', f.created_at, f.first_reply_at) AS reply_seconds,
              f.is_competitor AS is_competitor, f.business_response_seconds AS business_response_seconds,
              i.kind AS kind, i.author_name AS author_name, i.text AS text
       FROM inbound_facts f JOIN interactions i ON i.interaction_id = f.interaction_id
     ) f
     LEFT JOIN posts p ON p.post_id = f.post_id
     ${where}
     ORDER BY f.reply_seconds DESC, f.interaction_id
     LIMIT ${where.bind(query.limit)}`,
    where.params,
  );
  return rows.map(({ created_text, first_reply_text, ...row }) => ({
    ...(row as unknown as SlowThread),
    created_at: String(created_text),
    first_reply_at: String(first_reply_text),
    reply_seconds: Number(row.reply_seconds),
    business_reply_seconds:
      row.business_reply_seconds === null ? null : Number(row.business_reply_seconds),
  }));
}
