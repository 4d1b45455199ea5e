import type { TimeGrain } from '../../model/index.ts';
import type { Dialect } from '../dialect.ts';
import type { ColumnType } from '../schema.ts';

export const LANDED_ORDER = 'landed_order';

const COLUMN_TYPES: Record<ColumnType, string> = {
  text: 'String',
  int: 'Int64',
  float: 'Float64',
  bool: 'UInt8',
  // Dates are midnight times: 18.16 compares a Date with a DateTime wrongly. The zone's other name
  // tells them apart in results (see http.ts), both being UTC.
  date: "DateTime('Etc/UTC')",
  // Seconds: ClickHouse 18.16 has no DateTime64.
  timestamp: "DateTime('UTC')",
};

/** `value` where the condition holds, NULL elsewhere: aggregates skip NULLs, as FILTER does. */
/** (18.16 needs both branches Nullable: toNullable is a no-op on a Nullable column.) */
const when = (value: string, condition?: string): string =>
  condition ? `if(${condition}, toNullable(${value}), NULL)` : value;

/**
 * ClickHouse SQL that both the 18.16 release Debian ships and current releases accept: conditional
 * aggregates as agg(if(c, v, NULL)) rather than FILTER or -If combinators on Nullable columns,
 * date parts through toYear/toMonth rather than date_trunc, and exact quantiles interpolated the
 * way DuckDB's quantile_cont does, so both engines give the same number.
 */
export class ClickHouseDialect implements Dialect {
  readonly name = 'clickhouse' as const;

  columnType(type: ColumnType): string {
    return COLUMN_TYPES[type];
  }

  quoteIdentifier(name: string): string {
    return `"${name.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
  }

  placeholder(index: number): string {
    // Bound by the store as escaped literals (see literal.ts): 18.16 has no query parameters.
    return `$${index}`;
  }

  timestamp(placeholder: string): string {
    return `toDateTime(toDate(${placeholder}), 'UTC')`;
  }

  bucketKey(grain: TimeGrain, expression: string): string {
    switch (grain) {
      case 'day':
        return `toInt64(toRelativeDayNum(toDate(${expression})) - toRelativeDayNum(toDate('1970-01-01')))`;
      case 'week':
        // Weeks start on Monday; 1970-01-01 was a Thursday, hence the +3 as in DuckDB's dialect.
        return `toInt64(intDiv(toRelativeDayNum(toDate(${expression})) - toRelativeDayNum(toDate('1970-01-01')) + 3, 7))`;
      case 'month':
        return `toInt64(toYear(${expression}) * 12 + toMonth(${expression}) - 1)`;
      case 'quarter':
        return `toInt64(toYear(${expression}) * 4 + intDiv(toMonth(${expression}) - 1, 3))`;
      case 'year':
        return `toInt64(toYear(${expression}))`;
    }
  }

  sum(value: string, condition?: string): string {
    return `sum(${when(value, condition)})`;
  }

  count(condition?: string): string {
    // A NULL condition counts as false, as in DuckDB's CASE WHEN (18.16's if() would give NULL).
    return condition ? `toInt64(sum(if(ifNull(${condition}, 0), 1, 0)))` : 'toInt64(count())';
  }

  avg(value: string): string {
    return `avg(${value})`;
  }

  quantile(value: string, fraction: number, condition?: string): string {
    // Linear interpolation between the two nearest ranks of the sorted values (quantile_cont).
    const f = Number(fraction);
    if (!(f >= 0 && f <= 1)) throw new Error(`a quantile lies between 0 and 1, got ${fraction}`);
    const v = 'sorted_values';
    const position = `(${f} * (length(${v}) - 1))`;
    const below = `toUInt64(floor(${position})) + 1`;
    const above = `least(toUInt64(floor(${position})) + 2, length(${v}))`;
    const interpolated = `${v}[${below}] + (${position} - floor(${position})) * (${v}[${above}] - ${v}[${below}])`;
    const sorted = `arraySort(groupArray(${when(`toFloat64(${value})`, condition)}))`;
    return `arrayElement(arrayMap(${v} -> if(length(${v}) = 0, NULL, ${interpolated}), [${sorted}]), 1)`;
  }

  argMax(value: string, orderBy: string, condition?: string): string {
    return this.argExtreme('argMax', value, orderBy, condition);
  }

  argMin(value: string, orderBy: string, condition?: string): string {
    return this.argExtreme('argMin', value, orderBy, condition);
  }

  epochSeconds(expression: string): string {
    return `toInt64(toUnixTimestamp(${expression}))`;
  }

  countDistinct(value: string, condition?: string): string {
    // uniqExact of nothing but NULLs is NULL; DuckDB's count is 0.
    return `toInt64(ifNull(uniqExact(${when(value, condition)}), 0))`;
  }

  isoSeconds(expression: string): string {
    return `formatDateTime(${expression}, '%Y-%m-%dT%H:%M:%SZ')`;
  }

  epochMs(expression: string): string {
    return `toInt64(toUnixTimestamp(${expression})) * 1000`;
  }

  timestampFromMs(expression: string): string {
    return `toDateTime(intDiv(toInt64(${expression}), 1000), 'UTC')`;
  }

  containsText(text: string, search: string): string {
    return `positionCaseInsensitiveUTF8(${text}, ${search}) > 0`;
  }

  /** ClickHouse has no row ids: appends number imported rows in this column (see schema.ts). */
  readonly landedOrder = LANDED_ORDER;

  text(expression: string, type?: ColumnType): string {
    // CAST(NULL AS String) is an error on 18.16; toString keeps NULL. Dates are stored as times.
    return `toString(${type === 'date' ? `toDate(${expression})` : expression})`;
  }

  distinctTextList(value: string): string {
    // groupUniqArray skips NULLs, as string_agg does; an empty group gives '' rather than NULL.
    return `arrayStringConcat(arraySort(groupUniqArray(${value})), ', ')`;
  }

  jsonText(json: string, field: string): string {
    return `visitParamExtractString(${json}, '${field}')`;
  }

  /** Rows whose value or order is NULL do not count, and no row gives NULL, as in DuckDB. */
  private argExtreme(
    name: 'argMax' | 'argMin',
    value: string,
    orderBy: string,
    condition?: string,
  ) {
    return `${name}(${when(value, condition)}, ${when(orderBy, condition)})`;
  }
}
