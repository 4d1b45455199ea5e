import type { DuckDBConnection } from '@duckdb/node-api';
import { derivedHash } from '../derived.ts';
import { DUCKDB_DERIVED_TABLES } from './derived.ts';
import { TABLES } from '../schema.ts';
import { DuckDbDialect } from './dialect.ts';

/**
 * Schema versions. Version 1 is the first canonical schema; a file written by an older Cadran is
 * brought forward by creating the tables and columns it lacks. Steps that must transform data are
 * listed in DATA_MIGRATIONS under the version that introduces them.
 */
export const SCHEMA_VERSION = 1;
const DATA_MIGRATIONS: Record<number, string[]> = {};

const dialect = new DuckDbDialect();

async function existingColumns(connection: DuckDBConnection): Promise<Map<string, Set<string>>> {
  const reader = await connection.runAndReadAll(
    "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main'",
  );
  const columns = new Map<string, Set<string>>();
  for (const [table, column] of reader.getRows() as [string, string][]) {
    if (!columns.has(table)) columns.set(table, new Set());
    columns.get(table)!.add(column);
  }
  return columns;
}

function createTableSql(name: string): string {
  const table = TABLES.find((candidate) => candidate.name === name)!;
  const columns = table.columns.map(
    (column) => `${dialect.quoteIdentifier(column.name)} ${dialect.columnType(column.type)}`,
  );
  return `CREATE TABLE ${dialect.quoteIdentifier(name)} (${columns.join(', ')})`;
}

async function currentVersion(connection: DuckDBConnection): Promise<number> {
  await connection.run(
    'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER, applied_at TIMESTAMP)',
  );
  const reader = await connection.runAndReadAll(
    'SELECT coalesce(max(version), 0) FROM schema_version',
  );
  return Number(reader.getRows()[0][0]);
}

/** Rebuilds derived tables that are missing, were defined differently, or whose inputs changed shape. */
async function staleDerivedStatements(
  connection: DuckDBConnection,
  schemaChanged: boolean,
): Promise<string[]> {
  await connection.run(
    'CREATE TABLE IF NOT EXISTS derived_tables (name VARCHAR, definition_hash VARCHAR)',
  );
  const reader = await connection.runAndReadAll('SELECT name, definition_hash FROM derived_tables');
  const built = new Map(reader.getRows().map(([name, hash]) => [String(name), String(hash)]));
  return DUCKDB_DERIVED_TABLES.filter(
    (table) => schemaChanged || built.get(table.name) !== derivedHash(table),
  ).flatMap((table) => [
    `CREATE OR REPLACE TABLE ${table.name} AS ${table.select}`,
    `DELETE FROM derived_tables WHERE name = '${table.name}'`,
    `INSERT INTO derived_tables VALUES ('${table.name}', '${derivedHash(table)}')`,
  ]);
}

/** Creates missing tables and columns and runs pending data migrations, in one transaction. */
export async function migrate(connection: DuckDBConnection): Promise<void> {
  const from = await currentVersion(connection);
  if (from > SCHEMA_VERSION) {
    throw new Error(
      `this store was written by a newer Cadran (schema ${from}, this one knows ${SCHEMA_VERSION})`,
    );
  }
  const present = await existingColumns(connection);
  const statements: string[] = [];
  for (const table of TABLES) {
    const columns = present.get(table.name);
    if (!columns) {
      statements.push(createTableSql(table.name));
      continue;
    }
    for (const column of table.columns.filter((candidate) => !columns.has(candidate.name))) {
      statements.push(
        `ALTER TABLE ${dialect.quoteIdentifier(table.name)} ADD COLUMN ${dialect.quoteIdentifier(column.name)} ${dialect.columnType(column.type)}`,
      );
    }
  }
  for (let version = from + 1; version <= SCHEMA_VERSION; version++)
    statements.push(...(DATA_MIGRATIONS[version] ?? []));
  statements.push(...(await staleDerivedStatements(connection, statements.length > 0)));
  if (statements.length === 0 && from === SCHEMA_VERSION) return;
  await connection.run('BEGIN TRANSACTION');
  try {
    for (const statement of statements) await connection.run(statement);
    if (from !== SCHEMA_VERSION)
      await connection.run(`INSERT INTO schema_version VALUES (${SCHEMA_VERSION}, now())`);
    await connection.run('COMMIT');
  } catch (error) {
    await connection.run('ROLLBACK');
    throw error;
  }
}
