import type { Dialect } from './dialect.ts';

/** A value bound to a query. Dates are 'YYYY-MM-DD' strings, timestamps epoch milliseconds in typed rows. */
export type SqlValue = string | number | boolean | null;
export type ResultRow = Record<string, unknown>;

/** A typed cell for bulk appends: text, number, boolean, date 'YYYY-MM-DD', timestamp epoch ms, or null. */
export type Cell = string | number | boolean | null;

export interface Queryable {
  all(sql: string, params?: SqlValue[]): Promise<ResultRow[]>;
  run(sql: string, params?: SqlValue[]): Promise<void>;
}

export interface Transaction extends Queryable {
  readonly dialect: Dialect;
  /** Bulk-writes rows whose cells follow `columns` of a canonical table, through the engine's fast path. */
  /** `into` names another table with the same columns (a staging copy). */
  append(table: string, columns: string[], rows: Cell[][], into?: string): Promise<void>;
  /**
   * Work that takes this transaction's writes back should it fail, on an engine without
   * transactions (ClickHouse). DuckDB rolls back instead and never runs it.
   */
  ifFailed(undo: () => Promise<void>): void;
  /**
   * On an engine that numbers landed rows (ClickHouse's landed_order): `count` numbers after every
   * number given so far and after `after`, from the one returned, for rows written by SQL.
   */
  reserveLandedOrders?(count: number, after?: number): number;
}

/** The store's writer held by one piece of work (see Store.exclusive). */
export interface ExclusiveWriter extends Queryable {
  /** As Store.transaction, within the exclusive hold. */
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
}

export interface Store extends Queryable {
  readonly dialect: Dialect;
  readonly location: string;
  /**
   * Moves on after every write (import, undo, objective, correction, setting, clicks, events…):
   * a result read at one version stays true until it changes.
   */
  readonly dataVersion: number;
  /** Moves on after every write that may touch users, sessions or API tokens: who may read. */
  readonly accessVersion: number;
  /** Roll-up tables this store keeps up to date (see ROLLUP_TABLES); none when absent. */
  readonly rollups?: ReadonlySet<string>;
  /** Counts of reads run and called off (see withReadSignal), for tests and the load benchmark. */
  readStats(): ReadStats;
  /** Runs the work in one transaction: everything lands, or nothing does. */
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /**
   * Gives the writer to the work alone, for scratch temp tables built before a transaction: each
   * statement run outside the transaction commits by itself, which costs the engine half as much
   * for a large table as writing it inside one.
   */
  exclusive<T>(work: (writer: ExclusiveWriter) => Promise<T>): Promise<T>;
  close(): void;
}

export interface ReadStats {
  /** Statements given a connection. */
  started: number;
  /** Statements dropped from the queue, or interrupted, because their work was called off. */
  cancelled: number;
  /** Reads waiting for a connection right now. */
  waiting: number;
}
