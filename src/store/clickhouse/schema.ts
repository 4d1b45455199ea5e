// The canonical tables as ClickHouse DDL, read from the one schema definition (../schema.ts).
import type { Column, Table } from '../schema.ts';
import { ClickHouseDialect, LANDED_ORDER } from './dialect.ts';

const dialect = new ClickHouseDialect();

/** Key columns may be unset (a web session without medium); sorting keys cannot be Nullable. */
const keyExpression = (column: Column) =>
  column.required ? column.name : `ifNull(${column.name}, ${column.type === 'text' ? "''" : '0'})`;

/** Only required key columns are plain types; the rest are Nullable, like every DuckDB column. */
export function columnDefinition(table: Table, column: Column): string {
  const type = dialect.columnType(column.type);
  const plain = column.required && table.key.includes(column.name);
  return `${dialect.quoteIdentifier(column.name)} ${plain ? type : `Nullable(${type})`}`;
}

/**
 * Every table is a MergeTree sorted by its key. Imported rows replace earlier rows with the same
 * key through Cadran's own archive and deletion (see ingest/write.ts), not a ReplacingMergeTree:
 * its merges (and current releases' merge on insert) would fold an import's repeated rows before
 * they are checked and reconciled, and drop replaced rows before they are archived for undo.
 */
export function tableEngine(table: Table): string {
  const key = table.key.map((name) => table.columns.find((column) => column.name === name)!);
  const order = key.length ? `(${key.map(keyExpression).join(', ')})` : 'tuple()';
  return `MergeTree ORDER BY ${order}`;
}

/** Tables that take imported rows number them as they land (DuckDB's rowid; see dialect.ts). */
export const numbersLandedRows = (table: Table): boolean =>
  table.columns.some((column) => column.name === 'import_id');

export const LANDED_ORDER_DEFINITION = `${LANDED_ORDER} UInt64 DEFAULT 0`;

export function createTableSql(table: Table, engine = tableEngine(table)): string {
  const columns = table.columns.map((column) => columnDefinition(table, column));
  if (numbersLandedRows(table)) columns.push(LANDED_ORDER_DEFINITION);
  return `CREATE TABLE IF NOT EXISTS ${dialect.quoteIdentifier(table.name)} (${columns.join(', ')}) ENGINE = ${engine}`;
}
