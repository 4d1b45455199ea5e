// The sales team behind the SSI KPIs: each seller's latest snapshot in the period, its 4 pillars and
// total, and the change against their latest snapshot in the comparison period.
import type { Period } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { Where } from './where.ts';

export const SSI_PARTS = ['ssi', 'brand', 'people', 'insights', 'relationships'] as const;
export type SsiPart = (typeof SSI_PARTS)[number];

function latestPerSeller(where: Where, period: Period, alias: string): string {
  const from = where.bind(period.from);
  const to = where.bind(period.to);
  return `(SELECT person_id, ${SSI_PARTS.map((part) => `arg_max(${part}, day) AS ${part}`).join(', ')},
                  max(day) AS day
           FROM ssi WHERE day >= CAST(${from} AS DATE) AND day <= CAST(${to} AS DATE)
           GROUP BY person_id) ${alias}`;
}

export async function listSsiTeam(
  store: Store,
  query: { period: Period; comparison: Period | undefined },
) {
  const where = new Where(store.dialect);
  const current = latestPerSeller(where, query.period, 'c');
  const earlier = query.comparison ? latestPerSeller(where, query.comparison, 'e') : null;
  const rows = await store.all(
    `SELECT c.person_id, n.person_name, n.team, CAST(c.day AS VARCHAR) AS day,
            ${SSI_PARTS.map((part) => `c.${part} AS ${part}, ${earlier ? `e.${part}` : 'NULL'} AS ${part}_before`).join(', ')}
     FROM ${current}
     ${earlier ? `LEFT JOIN ${earlier} ON e.person_id = c.person_id` : ''}
     LEFT JOIN (SELECT person_id, arg_max(person_name, day) AS person_name, arg_max(team, day) AS team
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
