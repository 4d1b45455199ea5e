// Copies every canonical table of one store into another (DuckDB to ClickHouse), then checks
// that each table holds as many rows on both sides.
import { InputError } from '../model/index.ts';
import { cellFromStored } from './cells.ts';
import { TABLES, type Table } from './schema.ts';
import type { Queryable, Store, Transaction } from './types.ts';

const COPY_SLICE_ROWS = 50_000;

export interface TableCopy {
  table: string;
  rows: number;
}

/** A copy that cannot start or did not land whole: the user's to fix, so an input error. */
export class CopyMismatch extends InputError {}

async function rowCount(store: Store, table: string): Promise<number> {
  const [{ rows }] = await store.all(`SELECT count(*) AS rows FROM ${table}`);
  return Number(rows);
}

/**
 * Copies into a store whose tables are empty; refuses one that already holds rows. DuckDB to
 * ClickHouse goes through CSV files (see clickhouse/copy-from-duckdb.ts); other pairs page the
 * rows through JavaScript, which is slow past a few hundred thousand rows.
 */
export async function copyStore(from: Store, to: Store): Promise<TableCopy[]> {
  for (const table of TABLES)
    if ((await rowCount(to, table.name)) > 0)
      throw new CopyMismatch(`the target store already holds rows in ${table.name}`);
  let copied: TableCopy[];
  if (from.dialect.name === 'duckdb' && to.dialect.name === 'clickhouse') {
    const { copyDuckDbToClickHouse } = await import('./clickhouse/copy-from-duckdb.ts');
    copied = await copyDuckDbToClickHouse(from, to);
  } else {
    copied = await to.transaction(async (tx) => {
      const tables: TableCopy[] = [];
      for (const table of TABLES) tables.push(await copyTableByPages(from, tx, table));
      return tables;
    });
  }
  for (const { table, rows } of copied) {
    const landed = await rowCount(to, table);
    if (landed !== rows)
      throw new CopyMismatch(`${table}: ${rows} rows in the source, ${landed} in the target`);
  }
  return copied;
}

/**
 * Appends the rows of the named tables of a DuckDB (a scratch store) to a ClickHouse store within
 * its transaction, through CSV files (see clickhouse/copy-from-duckdb.ts).
 */
export async function appendFromDuckDb(
  from: Queryable,
  tx: Transaction,
  tables: Iterable<string>,
): Promise<void> {
  const route = await import('./clickhouse/copy-from-duckdb.ts');
  await route.appendFromDuckDb(from, tx, tables);
}

/** The route for other pairs of engines, one page of rows at a time through JavaScript. */
export async function copyTableByPages(
  from: Store,
  tx: Transaction,
  table: Table,
): Promise<TableCopy> {
  const names = table.columns.map((column) => column.name);
  const total = await rowCount(from, table.name);
  for (let offset = 0; offset < total; offset += COPY_SLICE_ROWS) {
    const rows = await from.all(
      `SELECT ${names.map((name) => `"${name}"`).join(', ')} FROM ${table.name}
       ORDER BY ${table.key.map((name) => `"${name}"`).join(', ') || '1'} LIMIT ${COPY_SLICE_ROWS} OFFSET ${offset}`,
    );
    await tx.append(
      table.name,
      names,
      rows.map((row) =>
        table.columns.map((column) => cellFromStored(column.type, row[column.name])),
      ),
    );
  }
  return { table: table.name, rows: total };
}
