// Values read back from a store, as the cells appends take (see Cell).
import type { ColumnType } from './schema.ts';
import type { Cell } from './types.ts';

/** A time without a zone ('2025-01-02 10:00:00', DuckDB's JSON) is UTC, as everything stored. */
const ZONELESS_TIME = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/** A stored value (stores give timestamps as ISO text) as a cell: timestamps in epoch milliseconds. */
export function cellFromStored(type: ColumnType, value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (type === 'timestamp') {
    const text = String(value);
    return Date.parse(ZONELESS_TIME.test(text) ? `${text.replace(' ', 'T')}Z` : text);
  }
  if (type === 'bool') return Boolean(value);
  if (type === 'int' || type === 'float') return Number(value);
  return String(value);
}
