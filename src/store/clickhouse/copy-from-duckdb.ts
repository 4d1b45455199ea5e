// copyStore's route from DuckDB to ClickHouse: DuckDB writes each table as CSV in a temporary
// folder, and the file is streamed to the server as the body of one INSERT, so memory stays flat
// and the server may be on another machine. (Paging the rows through JavaScript with LIMIT …
// OFFSET sorted the whole table once per page: about 2 h for 10 M rows.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CopyMismatch, type TableCopy } from '../copy.ts';
import { TABLES, tableByName, type Column, type Table } from '../schema.ts';
import type { Queryable, Store, Transaction } from '../types.ts';
import { LANDED_ORDER } from './dialect.ts';
import { numbersLandedRows } from './schema.ts';
import { ClickHouseStore, ClickHouseTransaction } from './store.ts';

/** A column as DuckDB writes it for ClickHouse 18.16's CSV reader. */
function csvColumn(column: Column): string {
  const name = `"${column.name}"`;
  switch (column.type) {
    case 'timestamp': // to the second: 18.16 has no DateTime64
      return `strftime(${name}, '%Y-%m-%d %H:%M:%S')`;
    case 'date': // dates are stored as midnight times (see dialect.ts)
      return `strftime(${name}, '%Y-%m-%d 00:00:00')`;
    case 'bool':
      return `CAST(${name} AS INTEGER)`;
    default:
      return name;
  }
}

/** DuckDB's COPY of one table; `firstLanded` numbers the rows in the order they landed (rowid). */
function exportSql(table: Table, file: string, firstLanded: number | null): string {
  const columns = table.columns.map((column) => `${csvColumn(column)} AS "${column.name}"`);
  if (firstLanded !== null) columns.push(`${firstLanded} + rowid AS ${LANDED_ORDER}`);
  // Text is always quoted: 18.16 reads an unquoted field that starts with a backslash as a
  // broken \N, and a quoted "\N" as the text it is.
  const text = table.columns.filter((column) => column.type === 'text');
  const forceQuote = text.length
    ? `, FORCE_QUOTE (${text.map((column) => `"${column.name}"`).join(', ')})`
    : '';
  return `COPY (SELECT ${columns.join(', ')} FROM "${table.name}")
    TO '${file.replaceAll("'", "''")}' (FORMAT CSV, HEADER true, NULLSTR '\\N'${forceQuote})`;
}

/**
 * Appends every row of a DuckDB table to the same table in ClickHouse, in the order they landed
 * there, through a CSV file in `folder`; returns how many. A refusal throws CopyMismatch.
 */
export async function appendDuckDbTable(
  from: Queryable,
  tx: ClickHouseTransaction,
  table: Table,
  folder: string,
): Promise<number> {
  const [source] = await from.all(
    `SELECT count(*) AS rows, max(rowid) AS last FROM "${table.name}"`,
  );
  const rows = Number(source.rows);
  if (rows === 0) return 0;
  const numbered = numbersLandedRows(table);
  const file = join(folder, `${table.name}.csv`);
  await from.all(
    exportSql(table, file, numbered ? tx.reserveLandedOrders(Number(source.last) + 1) : null),
  );
  const columns = table.columns.map((column) => column.name);
  if (numbered) columns.push(LANDED_ORDER);
  try {
    await tx.appendCsvFile(table.name, columns, file);
  } catch (error) {
    throw new CopyMismatch(
      `${table.name}: ClickHouse refused the rows: ${(error as Error).message}`,
    );
  } finally {
    rmSync(file, { force: true });
  }
  return rows;
}

async function copyTable(
  from: Store,
  to: ClickHouseStore,
  tx: ClickHouseTransaction,
  table: Table,
  folder: string,
): Promise<TableCopy> {
  tx.ifFailed(() => to.http.exec(`TRUNCATE TABLE ${table.name}`));
  return { table: table.name, rows: await appendDuckDbTable(from, tx, table, folder) };
}

/** Copies every table of a DuckDB store into an empty ClickHouse store, in one transaction. */
export async function copyDuckDbToClickHouse(from: Store, to: Store): Promise<TableCopy[]> {
  if (!(to instanceof ClickHouseStore)) throw new Error('the target is not a ClickHouse store');
  const folder = mkdtempSync(join(tmpdir(), 'cadran-copy-'));
  try {
    return await to.transaction(async (tx) => {
      const copied: TableCopy[] = [];
      for (const table of TABLES)
        copied.push(await copyTable(from, to, tx as ClickHouseTransaction, table, folder));
      return copied;
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Appends every row of the named tables of a DuckDB (a scratch store an import landed in) to the
 * same tables within a ClickHouse transaction.
 */
export async function appendFromDuckDb(
  from: Queryable,
  tx: Transaction,
  tables: Iterable<string>,
): Promise<void> {
  if (!(tx instanceof ClickHouseTransaction))
    throw new Error('the target is not a ClickHouse store');
  const folder = mkdtempSync(join(tmpdir(), 'cadran-append-'));
  try {
    for (const name of tables) await appendDuckDbTable(from, tx, tableByName(name)!, folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
