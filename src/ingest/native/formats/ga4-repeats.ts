// GA4 reports broken down by a dimension Cadran does not map (device, country, landing page…)
// repeat each day + source + medium + campaign + content once per value.
import {
  cellFromStored,
  tableByName,
  type Dialect,
  type ResultRow,
  type Transaction,
} from '../../../store/index.ts';
import { sumRepeatedRows } from '../sum-repeats.ts';

type Renumber = (tx: Transaction, importId: string) => Promise<void>;

/**
 * Numbers conversions on from one repeated row to the next (session:1, session:2…), and keys the
 * second and later extra metrics of a session with #2, #3…, in file order.
 */
const RENUMBER: Record<Dialect['name'], Renumber> = {
  duckdb: async (tx, importId) => {
    const session = `regexp_replace(conversion_id, ':\\d+$', '')`;
    await tx.run(
      `UPDATE conversions SET conversion_id = r.renumbered
       FROM (SELECT rowid AS row, ${session} || ':' || row_number() OVER (PARTITION BY ${session} ORDER BY rowid) AS renumbered
             FROM conversions WHERE import_id = $1) r
       WHERE conversions.rowid = r.row AND conversions.conversion_id <> r.renumbered`,
      [importId],
    );
    await tx.run(
      `UPDATE extra_metrics SET entity_key = r.entity_key || '#' || r.repeat
       FROM (SELECT rowid AS row, entity_key, row_number() OVER (PARTITION BY entity_key ORDER BY rowid) AS repeat
             FROM extra_metrics WHERE import_id = $1 AND table_name = 'web_sessions') r
       WHERE extra_metrics.rowid = r.row AND r.repeat > 1`,
      [importId],
    );
  },
  // 18.16 has no window functions, and key columns cannot be updated: the import's rows are
  // numbered here, and those whose key changes are deleted and appended again.
  clickhouse: async (tx, importId) => {
    await rekeyInFileOrder(tx, importId, 'conversions', 'conversion_id', '', (id, repeat) => {
      const session = id.replace(/:\d+$/, '');
      return { group: session, key: `${session}:${repeat}` };
    });
    const sessionsOnly = "AND table_name = 'web_sessions'";
    await rekeyInFileOrder(
      tx,
      importId,
      'extra_metrics',
      'entity_key',
      sessionsOnly,
      (key, repeat) => ({
        group: key,
        key: repeat > 1 ? `${key}#${repeat}` : key,
      }),
    );
  },
};

/** Gives each row of the import the key `rekey` makes of its current key and its rank in its group. */
async function rekeyInFileOrder(
  tx: Transaction,
  importId: string,
  tableName: string,
  keyColumn: string,
  where: string,
  rekey: (key: string, repeat: number) => { group: string; key: string },
): Promise<void> {
  const table = tableByName(tableName)!;
  const order = tx.dialect.landedOrder;
  const names = table.columns.map((column) => column.name);
  const rows = await tx.all(
    `SELECT ${[...names, order].map((name) => `"${name}"`).join(', ')} FROM ${tableName}
     WHERE import_id = $1 ${where} ORDER BY ${order}`,
    [importId],
  );
  const repeats = new Map<string, number>();
  const changed: ResultRow[] = [];
  for (const row of rows) {
    const current = String(row[keyColumn]);
    const group = rekey(current, 1).group;
    const repeat = (repeats.get(group) ?? 0) + 1;
    repeats.set(group, repeat);
    const key = rekey(current, repeat).key;
    if (key !== current) changed.push({ ...row, [keyColumn]: key });
  }
  if (changed.length === 0) return;
  const orders = changed.map((row) => Number(row[order])).join(', ');
  await tx.run(`DELETE FROM ${tableName} WHERE import_id = $1 AND ${order} IN (${orders})`, [
    importId,
  ]);
  const cells = changed.map((row) =>
    table.columns.map((column) => cellFromStored(column.type, row[column.name])),
  );
  await tx.append(tableName, names, cells);
}

/**
 * Those rows add up: the last of them gets the sums (users too, though GA4 counts a person once
 * per value), conversions and extra metrics are renumbered (see RENUMBER).
 */
export async function addUpRepeatedSessions(tx: Transaction, importId: string): Promise<void> {
  await sumRepeatedRows(tx, importId, 'web_sessions', ['sessions', 'users', 'engaged_sessions']);
  await RENUMBER[tx.dialect.name](tx, importId);
}
