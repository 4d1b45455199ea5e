import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import {
  DuckDBConnection,
  DuckDBDateValue,
  DuckDBInstance,
  DuckDBTimestampValue,
  type DuckDBAppender,
  type DuckDBResultReader,
} from '@duckdb/node-api';
import { InputError } from '../../model/index.ts';
import { tableByName, type ColumnType } from '../schema.ts';
import { readSignal } from '../cancel.ts';
import type {
  Cell,
  ExclusiveWriter,
  ReadStats,
  ResultRow,
  SqlValue,
  Store,
  Transaction,
} from '../types.ts';
import { staleDerivedTables, tablesWrittenBy, type DerivedTable } from '../derived.ts';
import { WriteVersions } from '../write-versions.ts';
import { DuckDbDialect } from './dialect.ts';
import { DUCKDB_DERIVED_TABLES, DUCKDB_ROLLUPS } from './derived.ts';
import { migrate } from './migrate.ts';
import { PreparedStatements } from './prepared.ts';
import { ReadPool } from './read-pool.ts';
import { toJsValue } from './values.ts';

const DAY_MS = 86_400_000;

/** Serialises writers: DuckDB allows one open transaction per connection. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();

  async lock<T>(work: () => Promise<T>): Promise<T> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise((resolve) => (release = resolve));
    await previous;
    try {
      return await work();
    } finally {
      release();
    }
  }
}

async function readAll(
  connection: DuckDBConnection,
  sql: string,
  params: SqlValue[] = [],
): Promise<ResultRow[]> {
  return rowsOf(await connection.runAndReadAll(sql, params.length ? (params as never) : undefined));
}

/** A read with values through the connection's kept statement (see PreparedStatements). */
async function readPrepared(
  statements: PreparedStatements,
  connection: DuckDBConnection,
  sql: string,
  params: SqlValue[] = [],
): Promise<ResultRow[]> {
  if (params.length === 0) return readAll(connection, sql);
  const statement = await statements.get(connection, sql);
  try {
    statement.bind(params as never);
    return rowsOf(await statement.runAndReadAll());
  } catch (error) {
    statements.forget(connection, sql);
    throw error;
  }
}

function rowsOf(reader: DuckDBResultReader): ResultRow[] {
  const columns = reader.columnNames();
  return reader.getRows().map((row) => {
    const record: ResultRow = {};
    columns.forEach((name, index) => (record[name] = toJsValue(row[index])));
    return record;
  });
}

function appendCell(appender: DuckDBAppender, type: ColumnType, cell: Cell): void {
  if (cell === null) return appender.appendNull();
  switch (type) {
    case 'text':
      return appender.appendVarchar(String(cell));
    case 'int':
      return appender.appendBigInt(BigInt(Math.round(Number(cell))));
    case 'float':
      return appender.appendDouble(Number(cell));
    case 'bool':
      return appender.appendBoolean(Boolean(cell));
    case 'date':
      return appender.appendDate(
        new DuckDBDateValue(Math.floor(Date.parse(`${cell}T00:00:00Z`) / DAY_MS)),
      );
    case 'timestamp':
      return appender.appendTimestamp(
        new DuckDBTimestampValue(BigInt(Math.round(Number(cell))) * 1000n),
      );
  }
}

const APPEND_SLICE_ROWS = 4096;

class DuckDbTransaction implements Transaction {
  /** Base tables written so far, to refresh the derived tables that read them before commit. */
  readonly written = new Set<string>();
  readonly dialect = new DuckDbDialect();

  constructor(private readonly connection: DuckDBConnection) {}

  ifFailed(): void {
    // A failed DuckDB transaction rolls back.
  }

  all(sql: string, params?: SqlValue[]): Promise<ResultRow[]> {
    tablesWrittenBy(sql).forEach((table) => this.written.add(table));
    return readAll(this.connection, sql, params);
  }

  async run(sql: string, params?: SqlValue[]): Promise<void> {
    tablesWrittenBy(sql).forEach((table) => this.written.add(table));
    await this.connection.run(sql, params?.length ? (params as never) : undefined);
  }

  async append(
    tableName: string,
    columns: string[],
    rows: Cell[][],
    into: string = tableName,
  ): Promise<void> {
    const table = tableByName(tableName);
    if (!table) throw new Error(`unknown table ${tableName}`);
    const types = table.columns.map((column) => column.type);
    const positions = table.columns.map((column) => columns.indexOf(column.name));
    this.written.add(into);
    const appender = await this.connection.createAppender(into);
    try {
      for (let count = 0; count < rows.length; count++) {
        // The appender works on the event loop: let other requests in between slices of rows.
        if (count > 0 && count % APPEND_SLICE_ROWS === 0) await new Promise(setImmediate);
        const row = rows[count];
        for (let index = 0; index < types.length; index++) {
          const position = positions[index];
          appendCell(appender, types[index], position < 0 ? null : (row[position] ?? null));
        }
        appender.endRow();
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
  }
}

export async function refreshDerived(
  connection: DuckDBConnection,
  tables: DerivedTable[],
): Promise<void> {
  for (const table of tables)
    await connection.run(`CREATE OR REPLACE TABLE ${table.name} AS ${table.select}`);
}

/** Statements a scorecard of the demo objectives sends at once: one per source it reads. */
const SCORECARD_STATEMENTS = 6;

/**
 * Read connections when CADRAN_READ_CONNECTIONS does not say: one per core, and at least one per
 * statement of a scorecard. On a store of demo size most of a statement's time goes to steps that do
 * not keep a core busy (binding, planning, hand-offs between threads), so six statements on six
 * connections overlap even on two cores. bin/cadran.cjs sizes Node's thread pool to match.
 */
export function defaultReadConnections(): number {
  const configured = Number(process.env.CADRAN_READ_CONNECTIONS);
  if (Number.isInteger(configured) && configured > 0) return configured;
  return Math.max(SCORECARD_STATEMENTS, availableParallelism());
}

export class DuckDbStore implements Store {
  readonly dialect = new DuckDbDialect();
  readonly rollups = DUCKDB_ROLLUPS;
  private readonly writeLock = new Mutex();
  private readonly versions = new WriteVersions();
  private readonly statements = new PreparedStatements();
  /** Reads and writes under way (see inFlight). */
  private running = 0;
  private closing = false;

  private constructor(
    readonly location: string,
    private readonly instance: DuckDBInstance,
    private readonly writer: DuckDBConnection,
    private readonly readers: ReadPool,
  ) {}

  /** Opens (creating and migrating if needed) the store at `location`, or in memory for ':memory:'. */
  static async open(
    location: string,
    memoryLimit?: string,
    readConnections = defaultReadConnections(),
  ): Promise<DuckDbStore> {
    if (location !== ':memory:') mkdirSync(dirname(location), { recursive: true });
    if (memoryLimit !== undefined && !/^\d+(\.\d+)?\s*(KB|MB|GB|TB)$/i.test(memoryLimit))
      throw new InputError(`the memory limit must read like 512MB or 2GB, got "${memoryLimit}"`);
    const instance = await DuckDBInstance.create(
      location,
      memoryLimit ? { memory_limit: memoryLimit } : undefined,
    );
    const writer = await instance.connect();
    await migrate(writer);
    const readers = await ReadPool.open(instance, readConnections);
    return new DuckDbStore(location, instance, writer, readers);
  }

  get dataVersion(): number {
    return this.versions.data;
  }

  get accessVersion(): number {
    return this.versions.access;
  }

  readStats(): ReadStats {
    return this.readers.readStats();
  }

  all(sql: string, params?: SqlValue[]): Promise<ResultRow[]> {
    return this.inFlight(() =>
      this.readers.use(
        (connection) => readPrepared(this.statements, connection, sql, params),
        readSignal(),
      ),
    );
  }

  run(sql: string, params?: SqlValue[]): Promise<void> {
    return this.transaction((tx) => tx.run(sql, params));
  }

  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const tx = new DuckDbTransaction(this.writer);
    return this.write(() => this.transact(work, tx), tx.written);
  }

  exclusive<T>(work: (writer: ExclusiveWriter) => Promise<T>): Promise<T> {
    return this.write(() =>
      work({
        all: (sql, params) => readAll(this.writer, sql, params),
        run: async (sql, params) => {
          await this.writer.run(sql, params?.length ? (params as never) : undefined);
        },
        transaction: (transactionWork) => this.transact(transactionWork),
      }),
    );
  }

  /**
   * Every write passes here, one at a time. The version moves on once the write is over (committed,
   * rolled back or, for exclusive work, partly committed), so a read started afterwards is never
   * served a result computed before it.
   */
  private async write<T>(work: () => Promise<T>, written?: Set<string>): Promise<T> {
    return this.inFlight(() =>
      this.writeLock.lock(async () => {
        try {
          return await work();
        } finally {
          this.versions.afterWrite(written);
        }
      }),
    );
  }

  private async transact<T>(
    work: (tx: Transaction) => Promise<T>,
    tx = new DuckDbTransaction(this.writer),
  ): Promise<T> {
    await this.writer.run('BEGIN TRANSACTION');
    try {
      const result = await work(tx);
      await refreshDerived(this.writer, staleDerivedTables(tx.written, DUCKDB_DERIVED_TABLES));
      await this.writer.run('COMMIT');
      return result;
    } catch (error) {
      await this.writer.run('ROLLBACK');
      throw error;
    }
  }

  /**
   * Counts the reads and writes under way, so that closing waits for them: the engine deadlocks when
   * a connection is closed while it runs a statement (the statement's end drops the connection's
   * last reference, whose release waits on the lock the statement holds), and the process then never
   * exits. A server stopped while an alert or a request reads is the usual case.
   */
  private async inFlight<T>(work: () => Promise<T>): Promise<T> {
    if (this.closing) throw new Error(`the store ${this.location} is closed`);
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
      if (this.closing && this.running === 0) this.release();
    }
  }

  /** Closes the store now, or once the reads and writes under way are over; none can start after. */
  close(): void {
    if (this.closing) return;
    this.closing = true;
    if (this.running === 0) this.release();
  }

  private release(): void {
    this.statements.close();
    this.readers.close();
    this.writer.closeSync();
    this.instance.closeSync();
  }
}
