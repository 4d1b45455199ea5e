// The threads behind a tonality alert: the posts (or conversations) that drew the most negative
// opinions on the day, with a sample of what was written.
import { type Store, Where } from '../store/index.ts';

export interface WorstThread {
  post_id: string | null;
  post_text: string | null;
  permalink: string | null;
  negatives: number;
  opinions: number;
  sample: string | null;
}

export async function worstThreads(
  store: Store,
  from: string,
  to: string,
  limit = 3,
): Promise<WorstThread[]> {
  const { dialect } = store;
  const where = new Where(dialect)
    .add('NOT coalesce(i.is_brand, false)')
    .add("i.kind IN ('comment', 'reply', 'mention', 'message')")
    .add(
      'i.account_id NOT IN (SELECT account_id FROM accounts WHERE coalesce(is_competitor, false))',
    )
    .during('i.created_at', { from, to });
  // Through the dialect, as ClickHouse 18.16 has no FILTER, any_value or arg_min; a post's text
  // is one value per group, so max() reads it on both engines.
  const rows = await store.all(
    `SELECT i.post_id, max(p.text) AS post_text, max(p.permalink) AS permalink,
            ${dialect.count("i.sentiment = 'negative'")} AS negatives,
            count(*) AS opinions,
            ${dialect.argMin('i.text', 'coalesce(i.sentiment_score, 0)')} AS sample
       FROM interactions i
       LEFT JOIN posts p ON p.post_id = i.post_id
      ${where}
      GROUP BY i.post_id
     HAVING negatives > 0
      ORDER BY negatives DESC, opinions DESC, i.post_id
      LIMIT ${Math.max(1, Math.floor(limit))}`,
    where.params,
  );
  return rows.map((row) => ({
    post_id: row.post_id === null ? null : String(row.post_id),
    post_text: row.post_text === null ? null : String(row.post_text),
    permalink: row.permalink === null ? null : String(row.permalink),
    negatives: Number(row.negatives),
    opinions: Number(row.opinions),
    sample: row.sample === null ? null : String(row.sample),
  }));
}
