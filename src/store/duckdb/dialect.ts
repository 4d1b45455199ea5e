import type { TimeGrain } from '../../model/index.ts';
import type { Dialect } from '../dialect.ts';
import type { ColumnType } from '../schema.ts';

const COLUMN_TYPES: Record<ColumnType, string> = {
  text: 'VARCHAR',
  int: 'BIGINT',
  float: 'DOUBLE',
  bool: 'BOOLEAN',
  date: 'DATE',
  timestamp: 'TIMESTAMP',
};

const filtered = (aggregate: string, condition?: string): string =>
  condition ? `${aggregate} FILTER (WHERE ${condition})` : aggregate;

export class DuckDbDialect implements Dialect {
  readonly name = 'duckdb' as const;

  columnType(type: ColumnType): string {
    return COLUMN_TYPES[type];
  }

  quoteIdentifier(name: string): string {
    return `"${name.replaceAll('"', '""')}"`;
  }

  placeholder(index: number): string {
    return `$${index}`;
  }

  timestamp(placeholder: string): string {
    return `CAST(${placeholder} AS TIMESTAMP)`;
  }

  bucketKey(grain: TimeGrain, expression: string): string {
    // Arithmetic on date parts is three times faster than date_trunc on 10 M rows. DuckDB's `//` on
    // doubles is not floor division, hence the explicit floor.
    switch (grain) {
      case 'day':
        return `CAST(floor(epoch(CAST(${expression} AS DATE)) / 86400) AS BIGINT)`;
      case 'week':
        return `CAST(floor((epoch(CAST(${expression} AS DATE)) / 86400 + 3) / 7) AS BIGINT)`;
      case 'month':
        return `(year(${expression}) * 12 + month(${expression}) - 1)`;
      case 'quarter':
        return `(year(${expression}) * 4 + CAST(floor((month(${expression}) - 1) / 3) AS BIGINT))`;
      case 'year':
        return `year(${expression})`;
    }
  }

  sum(value: string, condition?: string): string {
    return filtered(`sum(${value})`, condition);
  }

  count(condition?: string): string {
    // count_if gives NULL, not 0, when the condition is NULL on every row of a group; FILTER is
    // about 40 % slower than this sum on ten million rows.
    return condition ? `sum(CASE WHEN ${condition} THEN 1 ELSE 0 END)::BIGINT` : 'count(*)';
  }

  avg(value: string): string {
    return `avg(${value})`;
  }

  quantile(value: string, fraction: number, condition?: string): string {
    return filtered(`quantile_cont(${value}, ${Number(fraction)})`, condition);
  }

  argMax(value: string, orderBy: string, condition?: string): string {
    return filtered(`arg_max(${value}, ${orderBy})`, condition);
  }

  argMin(value: string, orderBy: string, condition?: string): string {
    return filtered(`arg_min(${value}, ${orderBy})`, condition);
  }

  epochSeconds(expression: string): string {
    return `epoch(${expression})`;
  }

  countDistinct(value: string, condition?: string): string {
    return filtered(`count(DISTINCT ${value})`, condition);
  }

  isoSeconds(expression: string): string {
    return `strftime(${expression}, '%Y-%m-%dT%H:%M:%SZ')`;
  }

  epochMs(expression: string): string {
    return `epoch_ms(${expression})`;
  }

  timestampFromMs(expression: string): string {
    return `epoch_ms(CAST(${expression} AS BIGINT))`;
  }

  containsText(text: string, search: string): string {
    return `contains(lower(${text}), lower(${search}))`;
  }

  readonly landedOrder = 'rowid';

  text(expression: string, type?: ColumnType): string {
    return `CAST(${type === 'date' ? `CAST(${expression} AS DATE)` : expression} AS VARCHAR)`;
  }

  distinctTextList(value: string): string {
    return `string_agg(DISTINCT ${value}, ', ' ORDER BY ${value})`;
  }

  jsonText(json: string, field: string): string {
    return `json_extract_string(${json}, '$.${field}')`;
  }
}
