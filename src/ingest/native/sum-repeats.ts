// Rows an import brings more than once for a key, whose counters add up (a video's views on every
// day of a daily file, a GA4 report broken down by a dimension Cadran does not map).
import { tableByName, type Dialect, type Transaction } from '../../store/index.ts';

const quote = (name: string) => `"${name}"`;

type SumRepeats = (
  tx: Transaction,
  table: string,
  summed: readonly string[],
  importId: string,
) => Promise<string>;

/** The statement that gives each repeated key's last row the sums of the key's rows, with $1 the import. */
const SUM_REPEATS: Record<Dialect['name'], SumRepeats> = {
  duckdb: async (tx, table, summed) => {
    const key = tableByName(table)!.key.map(quote).join(', ');
    return `UPDATE ${quote(table)} SET ${summed.map((c) => `"${c}" = r."${c}"`).join(', ')}
       FROM (SELECT max(rowid) AS last, ${summed.map((c) => `sum("${c}") AS "${c}"`).join(', ')}
             FROM ${quote(table)} WHERE import_id = $1 GROUP BY ${key} HAVING count(*) > 1) r
       WHERE ${quote(table)}.rowid = r.last`;
  },
  // No UPDATE … FROM, and key columns cannot change: a row holding the sums lands after the key's
  // rows, so that mergeImport keeps it as the last of its key.
  clickhouse: async (tx, table, summed, importId) => {
    const { key, columns } = tableByName(table)!;
    const order = tx.dialect.landedOrder;
    const first = await firstOrderAfterImport(tx, table, key, importId);
    const others = columns
      .map((c) => c.name)
      .filter((c) => !key.includes(c) && !summed.includes(c));
    const names = [...key, ...others, ...summed, order].map(quote);
    const values = [
      ...key.map(quote),
      ...others.map((c) => tx.dialect.argMax(quote(c), order)),
      ...summed.map((c) => `sum(${quote(c)})`),
      // After every row of the import, and unique: mergeImport keeps the orders that are a key's last.
      `${first} + rowNumberInAllBlocks()`,
    ];
    return `INSERT INTO ${quote(table)} (${names.join(', ')})
       SELECT ${values.join(', ')} FROM ${quote(table)}
       WHERE import_id = $1 GROUP BY ${key.map(quote).join(', ')} HAVING count(*) > 1`;
  },
};

/**
 * The first of the landed orders the store reserves for the sum rows: after every row of the import,
 * and below any row landing later.
 */
async function firstOrderAfterImport(
  tx: Transaction,
  table: string,
  key: readonly string[],
  importId: string,
): Promise<number> {
  const order = tx.dialect.landedOrder;
  const [{ last }] = await tx.all(
    `SELECT max(${order}) AS last FROM ${quote(table)} WHERE import_id = $1`,
    [importId],
  );
  const [{ repeated }] = await tx.all(
    `SELECT count() AS repeated FROM (SELECT 1 FROM ${quote(table)} WHERE import_id = $1
       GROUP BY ${key.map(quote).join(', ')} HAVING count() > 1)`,
    [importId],
  );
  return tx.reserveLandedOrders!(Number(repeated), Number(last));
}

/** Gives each key the import repeats one row, the last, holding the sum of its rows' counters. */
export async function sumRepeatedRows(
  tx: Transaction,
  importId: string,
  table: string,
  summed: readonly string[],
): Promise<void> {
  await tx.run(await SUM_REPEATS[tx.dialect.name](tx, table, summed, importId), [importId]);
}
