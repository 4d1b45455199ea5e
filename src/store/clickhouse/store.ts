// A Cadran store on a ClickHouse server, over HTTP. ClickHouse has no transactions: a
// "transaction" here runs its statements one after the other, alone, and refreshes the derived
// tables at its end; a failure part-way leaves the statements before it written (see README,
// "Clustered deployment").
import { InputError } from '../../model/index.ts';
import { readSignal } from '../cancel.ts';
import { staleDerivedTables, tablesWrittenBy } from '../derived.ts';
import { TABLES, tableByName, type ColumnType } from '../schema.ts';
import type {
  Cell,
  ExclusiveWriter,
  ReadStats,
  ResultRow,
  SqlValue,
  Store,
  Transaction,
} from '../types.ts';
import { WriteVersions } from '../write-versions.ts';
import {
  CLICKHOUSE_DERIVED_TABLES,
  CLICKHOUSE_ROLLUPS,
  clickHouseDefinitionHash,
  clickHouseSelect,
  sortingKey,
} from './derived.ts';
import { ClickHouseDialect, LANDED_ORDER } from './dialect.ts';
import { ClickHouseHttp } from './http.ts';
import { bindValues } from './literal.ts';
import { describeLocation, parseClickHouseLocation, type ClickHouseLocation } from './location.ts';
import { portableStatement } from './portable.ts';
import {
  columnDefinition,
  createTableSql,
  LANDED_ORDER_DEFINITION,
  numbersLandedRows,
} from './schema.ts';

const MUTATION_POLL_MS = 20;
const MUTATION_TIMEOUT_MS = 60_000;

/** A cell as JSONEachRow wants it: timestamps as 'YYYY-MM-DD hh:mm:ss' in UTC, booleans as 0/1. */
function jsonCell(type: ColumnType, cell: Cell): unknown {
  if (cell === null) return null;
  switch (type) {
    case 'timestamp':
      return new Date(Number(cell)).toISOString().slice(0, 19).replace('T', ' ');
    case 'date':
      return `${String(cell)} 00:00:00`;
    case 'bool':
      return cell ? 1 : 0;
    case 'int':
      return Math.round(Number(cell));
    case 'float':
      return Number(cell);
    default:
      return String(cell);
  }
}

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

export class ClickHouseTransaction implements Transaction {
  readonly written = new Set<string>();
  readonly dialect: ClickHouseDialect;

  private readonly undos: (() => Promise<void>)[] = [];

  constructor(private readonly store: ClickHouseStore) {
    this.dialect = store.dialect;
  }

  ifFailed(undo: () => Promise<void>): void {
    this.undos.push(undo);
  }

  /** Runs the work; should it fail, what ifFailed registered runs, the latest first. */
  async runOrUndo<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    try {
      return await work(this);
    } catch (error) {
      for (const undo of this.undos.reverse()) await undo();
      throw error;
    }
  }

  all(sql: string, params?: SqlValue[]): Promise<ResultRow[]> {
    tablesWrittenBy(sql).forEach((table) => this.written.add(table));
    return this.store.all(sql, params);
  }

  async run(sql: string, params?: SqlValue[]): Promise<void> {
    tablesWrittenBy(sql).forEach((table) => this.written.add(table));
    await this.store.execute(sql, params);
  }

  async append(tableName: string, columns: string[], rows: Cell[][], into = tableName) {
    const table = tableByName(tableName);
    if (!table) throw new Error(`unknown table ${tableName}`);
    this.written.add(into);
    const positions = table.columns.map((column) => columns.indexOf(column.name));
    const numbered = numbersLandedRows(table);
    const objects = rows.map((row) => {
      const object: Record<string, unknown> = {};
      table.columns.forEach((column, index) => {
        const position = positions[index];
        if (position >= 0) object[column.name] = jsonCell(column.type, row[position] ?? null);
      });
      if (numbered) object[LANDED_ORDER] = this.store.nextLandedOrder();
      return object;
    });
    await this.store.http.insertJsonRows(into, objects);
  }

  /** Numbers for `count` rows landing now (see ClickHouseStore.reserveLandedOrders). */
  reserveLandedOrders(count: number, after = 0): number {
    return this.store.reserveLandedOrders(count, after);
  }

  /** Bulk-writes a CSV file whose header names `columns` (see ClickHouseHttp.insertCsvFile). */
  async appendCsvFile(table: string, columns: string[], file: string): Promise<void> {
    this.written.add(table);
    await this.store.http.insertCsvFile(table, columns, file);
  }
}

export class ClickHouseStore implements Store {
  readonly dialect = new ClickHouseDialect();
  readonly location: string;
  readonly rollups = CLICKHOUSE_ROLLUPS;
  private readonly writeLock = new Mutex();
  private readonly versions = new WriteVersions();
  private readonly stats: ReadStats = { started: 0, cancelled: 0, waiting: 0 };
  /** Microseconds since 1970 at the first append, then one more per row: later rows number higher. */
  private landedOrder = Date.now() * 1000;

  private constructor(
    private readonly address: ClickHouseLocation,
    readonly http: ClickHouseHttp,
  ) {
    this.location = describeLocation(address);
  }

  /** Connects to clickhouse://user:password@host:port/database, creating the database and tables. */
  static async open(location: string): Promise<ClickHouseStore> {
    const address = parseClickHouseLocation(location);
    const http = new ClickHouseHttp(address);
    try {
      await http.ping();
    } catch (error) {
      throw new InputError(
        `cannot reach ClickHouse at ${describeLocation(address)}: ${(error as Error).message}`,
      );
    }
    const store = new ClickHouseStore(address, http);
    await store.migrate();
    return store;
  }

  nextLandedOrder(): number {
    this.landedOrder = Math.max(this.landedOrder + 1, Date.now() * 1000);
    return this.landedOrder;
  }

  /**
   * Numbers for `count` rows landing now, from the one returned, all above `after` (a number SQL
   * gave a row): later rows still number higher.
   */
  reserveLandedOrders(count: number, after = 0): number {
    const first = Math.max(this.nextLandedOrder(), after + 1);
    this.landedOrder = first + Math.max(count - 1, 0);
    return first;
  }

  /** Creates what is missing; an up-to-date database costs four round trips (each one counts at CLI start). */
  private async migrate(): Promise<void> {
    await this.http.exec(`CREATE DATABASE IF NOT EXISTS ${this.address.database}`, null);
    const existing = await this.tableNames();
    for (const table of TABLES)
      if (!existing.has(table.name)) await this.http.exec(createTableSql(table));
    await this.addMissingColumns();
    await this.rebuildStaleDerived(existing);
  }

  private async tableNames(): Promise<Set<string>> {
    const rows = await this.http.query(
      `SELECT name FROM system.tables WHERE database = '${this.address.database}'`,
    );
    return new Set(rows.map((row) => String(row.name)));
  }

  /** Builds the derived tables that are missing or were built from another definition. */
  private async rebuildStaleDerived(existing: Set<string>): Promise<void> {
    if (!existing.has('derived_tables'))
      await this.http.exec(
        'CREATE TABLE IF NOT EXISTS derived_tables (name String, definition_hash String, built_at UInt64) ENGINE = ReplacingMergeTree(built_at) ORDER BY name',
      );
    const built = new Map(
      (await this.http.query('SELECT name, definition_hash FROM derived_tables FINAL')).map(
        (row) => [String(row.name), String(row.definition_hash)],
      ),
    );
    for (const table of CLICKHOUSE_DERIVED_TABLES) {
      const hash = clickHouseDefinitionHash(table);
      if (existing.has(table.name) && built.get(table.name) === hash) continue;
      await this.refreshDerived([table.name]);
      await this.http.exec(
        `INSERT INTO derived_tables VALUES ('${table.name}', '${hash}', ${Date.now()})`,
      );
    }
  }

  /** Columns the schema gained since the database was created (18.16 has no ADD COLUMN IF NOT EXISTS). */
  private async addMissingColumns(): Promise<void> {
    const present = await this.http.query(
      `SELECT table, name FROM system.columns WHERE database = '${this.address.database}'`,
    );
    const has = new Set(present.map((row) => `${row.table}.${row.name}`));
    for (const table of TABLES) {
      const missing = table.columns
        .filter((column) => !has.has(`${table.name}.${column.name}`))
        .map((column) => columnDefinition(table, column));
      if (numbersLandedRows(table) && !has.has(`${table.name}.${LANDED_ORDER}`))
        missing.push(LANDED_ORDER_DEFINITION);
      for (const definition of missing)
        await this.http.exec(`ALTER TABLE ${table.name} ADD COLUMN ${definition}`);
    }
  }

  get dataVersion(): number {
    return this.versions.data;
  }

  get accessVersion(): number {
    return this.versions.access;
  }

  readStats(): ReadStats {
    return { ...this.stats };
  }

  async all(sql: string, params?: SqlValue[]): Promise<ResultRow[]> {
    this.stats.started++;
    const { sql: portable } = portableStatement(bindValues(sql, params));
    return this.http.query(portable, readSignal());
  }

  run(sql: string, params?: SqlValue[]): Promise<void> {
    return this.transaction((tx) => tx.run(sql, params));
  }

  /** Runs one statement, waiting for a mutation (ALTER … DELETE/UPDATE) to finish. */
  async execute(sql: string, params?: SqlValue[]): Promise<void> {
    const statement = portableStatement(bindValues(sql, params));
    await this.http.exec(statement.sql);
    if (statement.mutates) await this.waitForMutations(statement.mutates);
  }

  private async waitForMutations(table: string): Promise<void> {
    const deadline = Date.now() + MUTATION_TIMEOUT_MS;
    const pending = `SELECT count() AS pending FROM system.mutations
      WHERE database = '${this.address.database}' AND table = '${table}' AND is_done = 0`;
    while (Number((await this.http.query(pending))[0].pending) > 0) {
      if (Date.now() > deadline) throw new Error(`ClickHouse did not finish changing ${table}`);
      await new Promise((resolve) => setTimeout(resolve, MUTATION_POLL_MS));
    }
  }

  private staleDerivedNames(written: Iterable<string>): string[] {
    return staleDerivedTables(written, CLICKHOUSE_DERIVED_TABLES).map((table) => table.name);
  }

  /** Rebuilds derived tables under a new name, then swaps them in, so readers never see one empty. */
  private async refreshDerived(names: string[]): Promise<void> {
    for (const table of CLICKHOUSE_DERIVED_TABLES.filter((candidate) =>
      names.includes(candidate.name),
    )) {
      const next = `${table.name}_next`;
      await this.http.exec(`DROP TABLE IF EXISTS ${next}`);
      await this.http.exec(
        `CREATE TABLE ${next} ENGINE = MergeTree ORDER BY ${sortingKey(table)} AS ${clickHouseSelect(table)}`,
      );
      await this.http.exec(`DROP TABLE IF EXISTS ${table.name}`);
      await this.http.exec(`RENAME TABLE ${next} TO ${table.name}`);
    }
  }

  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const tx = new ClickHouseTransaction(this);
    return this.writeLock.lock(async () => {
      try {
        const result = await tx.runOrUndo(work);
        await this.refreshDerived(this.staleDerivedNames(tx.written));
        return result;
      } finally {
        this.versions.afterWrite(tx.written);
      }
    });
  }

  exclusive<T>(work: (writer: ExclusiveWriter) => Promise<T>): Promise<T> {
    return this.writeLock.lock(async () => {
      try {
        return await work({
          all: (sql, params) => this.all(sql, params),
          run: (sql, params) => this.execute(sql, params),
          transaction: async (transactionWork) => {
            const tx = new ClickHouseTransaction(this);
            const result = await tx.runOrUndo(transactionWork);
            await this.refreshDerived(this.staleDerivedNames(tx.written));
            return result;
          },
        });
      } finally {
        this.versions.afterWrite();
      }
    });
  }

  close(): void {
    // HTTP holds no connection to close.
  }
}
