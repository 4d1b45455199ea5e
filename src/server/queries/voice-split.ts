// Share of voice split by who is mentioned: the brand (all its own accounts) and each tracked competitor
// (by name, all its accounts together),
// over the same mentions the catalog's share-of-voice measures count.
import type { Filters, Period } from '../../model/index.ts';
import { type Store, Where } from '../../store/index.ts';

export async function listVoiceSplit(store: Store, query: { period: Period; filters: Filters }) {
  const where = new Where(store.dialect)
    .add("i.kind = 'mention'")
    .add('NOT coalesce(i.is_brand, false)');
  where.during('i.created_at', query.period);
  where.oneOf('i.platform', query.filters.platform);
  // A competitor is followed on several networks, one account each: its accounts count together.
  const rows = await store.all(
    `SELECT CASE WHEN coalesce(a.is_competitor, false)
                 THEN coalesce(a.name, a.handle, i.account_id) END AS competitor,
            count(*) AS mentions
     FROM interactions i LEFT JOIN accounts a ON a.account_id = i.account_id
     ${where}
     GROUP BY competitor
     ORDER BY competitor IS NOT NULL, mentions DESC, competitor`,
    where.params,
  );
  const total = rows.reduce((sum, row) => sum + Number(row.mentions), 0);
  return rows.map((row) => ({
    competitor: (row.competitor as string | null) ?? null,
    mentions: Number(row.mentions),
    share: total ? Number(row.mentions) / total : null,
  }));
}
