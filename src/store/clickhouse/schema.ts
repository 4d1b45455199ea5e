// The canonical tables as ClickHouse DDL, read from the one schema definition (../schema.ts).
import type { Column, Table } from '../schema.ts';
import { ClickHouseDialect } from './dialect.ts';

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
 * Imported rows replace earlier rows with the same key: ReplacingMergeTree keeps the newest when
 * parts merge. Tables Cadran writes itself are MergeTree, sorted by their key; their changes go
 * through explicit deletions (see portable.ts).
 */
export function tableEngine(table: Table): string {
  const key = table.key.map((name) => table.columns.find((column) => column.name === name)!);
  const order = key.length ? `(${key.map(keyExpression).join(', ')})` : 'tuple()';
  return `${table.importable ? 'ReplacingMergeTree' : 'MergeTree'} ORDER BY ${order}`;
}

export function createTableSql(table: Table, engine = tableEngine(table)): string {
  return `CREATE TABLE IF NOT EXISTS ${dialect.quoteIdentifier(table.name)} (${table.columns.map((column) => columnDefinition(table, column)).join(', ')}) ENGINE = ${engine}`;
}
