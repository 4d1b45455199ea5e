import type { TimeGrain } from '../model/index.ts';
import type { ColumnType } from './schema.ts';

/**
 * What differs between SQL engines. The metric compiler writes SQL only through this interface,
 * so a second engine is one more class overriding these methods, not a change to the catalog.
 * Aggregates take an optional condition: DuckDB writes FILTER (WHERE …), ClickHouse the -If combinators.
 */
export interface Dialect {
  readonly name: 'duckdb' | 'clickhouse';
  columnType(type: ColumnType): string;
  quoteIdentifier(name: string): string;
  /** Placeholder for the n-th (1-based) bound value. */
  placeholder(index: number): string;
  /** A bound 'YYYY-MM-DD' string as a timestamp at midnight UTC. */
  timestamp(placeholder: string): string;
  /** An integer that numbers the grain's buckets (see bucketKeyToStart for its meaning). */
  bucketKey(grain: TimeGrain, expression: string): string;
  sum(value: string, condition?: string): string;
  count(condition?: string): string;
  avg(value: string): string;
  quantile(value: string, fraction: number, condition?: string): string;
  argMax(value: string, orderBy: string, condition?: string): string;
  argMin(value: string, orderBy: string, condition?: string): string;
  epochSeconds(expression: string): string;
  /** A count of the distinct values where the condition holds (NULLs not counted). */
  countDistinct(value: string, condition?: string): string;
  /** A timestamp as 'YYYY-MM-DDThh:mm:ssZ' text. */
  isoSeconds(expression: string): string;
  /** Milliseconds since 1970 of a timestamp, NULL staying NULL. */
  epochMs(expression: string): string;
  /** A timestamp from a number of milliseconds since 1970 (a bound Date.now()). */
  timestampFromMs(expression: string): string;
  /** Whether the text contains the search, whatever the case (false when the text is NULL). */
  containsText(text: string, search: string): string;
  /** A column numbering a table's rows in the order they landed (the last of a key wins). */
  readonly landedOrder: string;
  /** The value as text, NULL staying NULL; a date as 'YYYY-MM-DD'. */
  text(expression: string, type?: ColumnType): string;
  /** The distinct values of a text column in a group, sorted and joined by ', '. */
  distinctTextList(value: string): string;
  /** A top-level text field of a JSON object held as text. */
  jsonText(json: string, field: string): string;
}
