// GA4 reports broken down by a dimension Cadran does not map (device, country, landing page…)
// repeat each day + source + medium + campaign + content once per value.
import { tableByName, type Dialect, type Transaction } from '../../../store/index.ts';
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
  // 18.16 has no window functions, and key columns cannot be updated: ClickHouse ranks the import's
  // rows in their group itself, copies those whose key changes under the new key, then deletes
  // them, so that no row passes through Node however large the file.
  clickhouse: async (tx, importId) => {
    await rekeyInFileOrder(tx, importId, {
      table: 'conversions',
      keyColumn: 'conversion_id',
      where: '',
      group: `replaceRegexpOne(conversion_id, ':[0-9]+$', '')`,
      rekeyed: (group, repeat) => `concat(${group}, ':', toString(${repeat}))`,
    });
    await rekeyInFileOrder(tx, importId, {
      table: 'extra_metrics',
      keyColumn: 'entity_key',
      where: "AND table_name = 'web_sessions'",
      group: 'entity_key',
      rekeyed: (group, repeat) =>
        `if(${repeat} > 1, concat(${group}, '#', toString(${repeat})), ${group})`,
    });
  },
};

/** How one table's rows of an import get new keys, as ClickHouse expressions. */
interface Rekeying {
  table: string;
  keyColumn: string;
  /** Narrows the import's rows (`AND …`). */
  where: string;
  /** The group of a row's current key. */
  group: string;
  /** The new key of the row that comes `repeat`-th (from 1, in file order) in its `group`. */
  rekeyed: (group: string, repeat: string) => string;
}

/** The import's rows whose key changes, with the new key as `rekeyed` ($1 the import). */
function changedRows({ table, keyColumn, where, group, rekeyed }: Rekeying, order: string): string {
  const rows = `FROM ${table} WHERE import_id = $1 ${where}`;
  const ranks = `SELECT ${order}, ${rekeyed('key_group', 'repeat')} AS rekeyed
    FROM (SELECT ${group} AS key_group, arraySort(groupArray(${order})) AS orders ${rows} GROUP BY key_group)
    ARRAY JOIN orders AS ${order}, arrayEnumerate(orders) AS repeat`;
  return `(SELECT * ${rows}) ANY INNER JOIN (${ranks}) USING ${order} WHERE rekeyed <> "${keyColumn}"`;
}

/**
 * Gives each row of the import the key its rank in its group makes. A changed row lands again
 * under landed orders the store reserves, after every row of the import and in file order as
 * before, then the row it replaces is deleted: should that fail, undoing the import removes both.
 */
async function rekeyInFileOrder(
  tx: Transaction,
  importId: string,
  rekeying: Rekeying,
): Promise<void> {
  const { table, keyColumn, where } = rekeying;
  const order = tx.dialect.landedOrder;
  const rows = `FROM ${table} WHERE import_id = $1 ${where}`;
  const [span] = await tx.all(`SELECT min(${order}) AS first, max(${order}) AS last ${rows}`, [
    importId,
  ]);
  if (!Number(span.last)) return; // no row: ClickHouse gives 0 as the max of nothing
  const first = Number(span.first);
  const last = Number(span.last);
  // The store hands out the numbers, so rows landing later (this import's or the next) still
  // number higher than the copies.
  const base = tx.reserveLandedOrders!(last - first + 1, last);
  const shift = base - first;
  const names = tableByName(table)!.columns.map((column) => column.name);
  const values = names.map((name) => (name === keyColumn ? 'rekeyed' : `"${name}"`));
  await tx.run(
    `INSERT INTO ${table} (${[...names.map((name) => `"${name}"`), order].join(', ')})
     SELECT ${[...values, `${order} + ${shift}`].join(', ')} FROM ${changedRows(rekeying, order)}`,
    [importId],
  );
  const moved = `${rows} AND ${order} >= ${base}`;
  const [{ changed }] = await tx.all(`SELECT count() AS changed ${moved}`, [importId]);
  if (Number(changed) === 0) return;
  await tx.run(`DELETE ${rows} AND ${order} IN (SELECT toUInt64(${order} - ${shift}) ${moved})`, [
    importId,
  ]);
}

/**
 * Those rows add up: the last of them gets the sums (users too, though GA4 counts a person once
 * per value), conversions and extra metrics are renumbered (see RENUMBER).
 */
export async function addUpRepeatedSessions(tx: Transaction, importId: string): Promise<void> {
  await sumRepeatedRows(tx, importId, 'web_sessions', ['sessions', 'users', 'engaged_sessions']);
  await RENUMBER[tx.dialect.name](tx, importId);
}
