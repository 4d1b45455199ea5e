// The shape of a format's bulk mapping: the SQL that makes its rows of a file DuckDB reads (see
// bulk.ts, which maps the file, and bulk-land.ts, which lands what it mapped).

/** The rows a format makes of a file DuckDB reads, in SQL. */
export interface BulkPlan {
  /** Columns computed once per record, in order: one may use those before it by name. */
  columns: Record<string, string>;
  /** Each table's rows: column → SQL over the computed columns, read from `from` when given. */
  tables: { table: string; columns: Record<string, string>; from?: string }[];
  /** The row the file's other numeric columns belong to, as SQL over the computed columns. */
  extras: { table: string; entityKey: string; platform: string };
  /**
   * SQL over the computed columns that two records share whenever their rows share a key in any
   * table: when no two records share it, the landed rows need no deduplication.
   */
  recordKey: string;
  /** Computed column holding each record's day, when the import covers days (see afterLanding). */
  day?: string;
}

/** The computed columns of every record, which BulkPlan.tables read (their `from` may name it). */
export const MAPPED = 'cadran_mapped';
/** The JSON of each record's other numeric columns, a column of MAPPED. */
export const EXTRAS = 'cadran_extras';
