// Prepared statements kept per read connection. Dashboards and scorecards send the same statements
// again and again with other values, and on a store of demo size preparing one (parsing, planning)
// costs about as much as running it. The engine plans a kept statement again by itself when a table
// it reads is replaced.
import type { DuckDBConnection, DuckDBPreparedStatement } from '@duckdb/node-api';

/** Statements kept per connection; the least recently used one goes beyond this. */
const KEPT_PER_CONNECTION = 64;

export class PreparedStatements {
  private readonly kept = new Map<DuckDBConnection, Map<string, DuckDBPreparedStatement>>();

  /** The connection's statement for `sql`, prepared on first use. */
  async get(connection: DuckDBConnection, sql: string): Promise<DuckDBPreparedStatement> {
    const statements = this.kept.get(connection) ?? new Map<string, DuckDBPreparedStatement>();
    this.kept.set(connection, statements);
    const kept = statements.get(sql);
    if (kept) {
      statements.delete(sql);
      statements.set(sql, kept);
      return kept;
    }
    const prepared = await connection.prepare(sql);
    statements.set(sql, prepared);
    if (statements.size > KEPT_PER_CONNECTION) {
      const [oldest, statement] = statements.entries().next().value!;
      statements.delete(oldest);
      statement.destroySync();
    }
    return prepared;
  }

  /** Drops the statement (after an error, so a broken one is not kept). */
  forget(connection: DuckDBConnection, sql: string): void {
    const statement = this.kept.get(connection)?.get(sql);
    if (!statement) return;
    this.kept.get(connection)!.delete(sql);
    statement.destroySync();
  }

  close(): void {
    for (const statements of this.kept.values())
      for (const statement of statements.values()) statement.destroySync();
    this.kept.clear();
  }
}
