// What the filters can choose from: platforms, accounts, campaigns and content types present in the store,
// and the days the store holds data for (every dated table, so a store of survey answers alone has a span).
import type { Store } from '../../store/index.ts';

export async function listDimensions(store: Store) {
  const [accounts, campaigns, contentTypes, [range], [currency]] = await Promise.all([
    store.all(
      `SELECT account_id AS id, platform, handle, name, coalesce(is_competitor, false) AS is_competitor
       FROM accounts ORDER BY is_competitor, platform, handle`,
    ),
    store.all(
      `SELECT DISTINCT campaign FROM (
         SELECT campaign FROM posts UNION ALL SELECT campaign FROM web_sessions
         UNION ALL SELECT campaign FROM conversions UNION ALL SELECT campaign FROM spend
       ) WHERE campaign IS NOT NULL AND campaign <> '' ORDER BY campaign`,
    ),
    store.all('SELECT DISTINCT content_type FROM posts ORDER BY content_type'),
    store.all(
      `SELECT CAST(min(day) AS VARCHAR) AS first_day, CAST(max(day) AS VARCHAR) AS last_day FROM (
         SELECT CAST(published_at AS DATE) AS day FROM posts UNION ALL SELECT day FROM account_daily
         UNION ALL SELECT day FROM web_sessions UNION ALL SELECT CAST(created_at AS DATE) FROM interactions
         UNION ALL SELECT CAST(answered_at AS DATE) FROM nps_responses
         UNION ALL SELECT CAST(occurred_at AS DATE) FROM conversions
         UNION ALL SELECT day FROM spend UNION ALL SELECT day FROM ssi
       )`,
    ),
    store.all(
      `SELECT currency FROM conversions WHERE currency IS NOT NULL
       GROUP BY currency ORDER BY count(*) DESC, currency LIMIT 1`,
    ),
  ]);
  const own = accounts.filter((account) => !account.is_competitor);
  return {
    first_day: (range?.first_day as string | null) ?? null,
    last_day: (range?.last_day as string | null) ?? null,
    currency: (currency?.currency as string | undefined) ?? 'EUR',
    platforms: [...new Set(own.map((account) => String(account.platform)))].sort(),
    accounts: accounts as unknown as {
      id: string;
      platform: string;
      handle: string;
      name: string | null;
      is_competitor: boolean;
    }[],
    campaigns: campaigns.map((row) => String(row.campaign)),
    content_types: contentTypes.map((row) => String(row.content_type)),
  };
}
