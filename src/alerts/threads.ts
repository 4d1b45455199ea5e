// The threads behind a tonality alert: the posts (or conversations) that drew the most negative
// opinions on the day, with a sample of what was written.
import { addDays } from '../model/index.ts';
import type { Store } from '../store/index.ts';

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
  const negative = "i.sentiment = 'negative'";
  const rows = await store.all(
    `SELECT i.post_id AS post_id,
            min(p.text) AS post_text,
            min(p.permalink) AS permalink,
            ${dialect.count(negative)} AS negatives,
            ${dialect.count()} AS opinions,
            ${dialect.argMin('i.text', 'coalesce(i.sentiment_score, 0)')} AS sample
       FROM interactions i
       LEFT JOIN posts p ON p.post_id = i.post_id
      WHERE NOT coalesce(i.is_brand, false)
        AND i.kind IN ('comment', 'reply', 'mention', 'message')
        AND i.account_id NOT IN (SELECT account_id FROM accounts WHERE coalesce(is_competitor, false))
        AND i.created_at >= ${dialect.timestamp('$1')} AND i.created_at < ${dialect.timestamp('$2')}
      GROUP BY i.post_id
     HAVING ${dialect.count(negative)} > 0
      ORDER BY negatives DESC, opinions DESC, post_id
      LIMIT ${Math.max(1, Math.floor(limit))}`,
    [from, addDays(to, 1)],
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
