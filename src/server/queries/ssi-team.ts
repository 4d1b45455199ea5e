// The sales team behind the SSI KPIs: each seller's latest snapshot in the period, its 4 pillars and
// total, and the change against their latest snapshot in the comparison period.
import type { Period } from '../../model/index.ts';
import { type Store, Where } from '../../store/index.ts';

export const SSI_PARTS = ['ssi', 'brand', 'people', 'insights', 'relationships'] as const;
export type SsiPart = (typeof SSI_PARTS)[number];

/** Each seller's latest snapshot in the period: `latest_day`, not `day`, which ClickHouse would read in WHERE. */
function latestPerSeller(store: Store, where: Where, period: Period): string {
  const { dialect } = store;
  const from = dialect.timestamp(where.bind(period.from));
  const to = dialect.timestamp(where.bind(period.to));
  return `SELECT person_id, ${SSI_PARTS.map((part) => `${dialect.argMax(part, 'day')} AS ${part}`).join(', ')},
                 max(day) AS latest_day
          FROM ssi WHERE day >= ${from} AND day <= ${to}
          GROUP BY person_id`;
}

/** The latest snapshots with, beside each pillar, its value in the comparison period (NULL without one). */
function withEarlier(store: Store, where: Where, query: { period: Period; comparison?: Period }) {
  const current = latestPerSeller(store, where, query.period);
  const parts = SSI_PARTS.map((part) => `c.${part} AS ${part}`).join(', ');
  if (!query.comparison)
    return `SELECT c.person_id AS person_id, c.latest_day AS latest_day, ${parts},
                   ${SSI_PARTS.map((part) => `NULL AS ${part}_before`).join(', ')}
            FROM (${current}) c`;
  const earlier = latestPerSeller(store, where, query.comparison);
  return `SELECT c.person_id AS person_id, c.latest_day AS latest_day, ${parts},
                 ${SSI_PARTS.map((part) => `e.${part} AS ${part}_before`).join(', ')}
          FROM (${current}) c LEFT JOIN (${earlier}) e ON e.person_id = c.person_id`;
}

export async function listSsiTeam(
  store: Store,
  query: { period: Period; comparison: Period | undefined },
) {
  const where = new Where(store.dialect);
  const { dialect } = store;
  // One join per SELECT: ClickHouse 18.16 joins two row sets at a time.
  const rows = await store.all(
    `SELECT c.person_id AS person_id, n.person_name AS person_name, n.team AS team,
            ${dialect.text('c.latest_day', 'date')} AS day,
            ${SSI_PARTS.map((part) => `c.${part}, c.${part}_before`).join(', ')}
     FROM (${withEarlier(store, where, query)}) c
     LEFT JOIN (SELECT person_id, ${dialect.argMax('person_name', 'day')} AS person_name,
                       ${dialect.argMax('team', 'day')} AS team
                FROM ssi GROUP BY person_id) n ON n.person_id = c.person_id
     ORDER BY c.ssi DESC, c.person_id`,
    where.params,
  );
  return rows.map((row) => ({
    person_id: String(row.person_id),
    person_name: (row.person_name as string | null) ?? null,
    team: (row.team as string | null) ?? null,
    day: String(row.day),
    pillars: Object.fromEntries(
      SSI_PARTS.map((part) => {
        const value = row[part] as number | null;
        const before = row[`${part}_before`] as number | null;
        return [part, { value, change: value === null || before === null ? null : value - before }];
      }),
    ) as Record<SsiPart, { value: number | null; change: number | null }>,
  }));
}
