// The one place where a value becomes ClickHouse SQL text: the HTTP interface of the ClickHouse
// release Debian ships (18.16) has no server-side query parameters, so values are written as
// escaped literals, never pasted as they come.
import type { SqlValue } from '../types.ts';

const ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\0': '\\0',
  '\b': '\\b',
  '\f': '\\f',
};

/** A value as a ClickHouse literal: NULL, a finite number, 1/0 for a boolean, or a quoted string. */
export function sqlLiteral(value: SqlValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} as a SQL number`);
    return String(value);
  }
  return `'${value.replace(/[\\'\n\r\t\0\b\f]/g, (character) => ESCAPES[character])}'`;
}

/**
 * Replaces the placeholders $1, $2… with the literals of their values. Placeholders inside quoted
 * strings or identifiers are left alone; a placeholder without a value is an error.
 */
export function bindValues(sql: string, params: SqlValue[] = []): string {
  return sql.replace(
    /'(?:[^'\\]|\\.|'')*'|"(?:[^"]|"")*"|`[^`]*`|\$(\d+)/g,
    (match, index: string | undefined) => {
      if (index === undefined) return match;
      const position = Number(index) - 1;
      if (position >= params.length)
        throw new Error(`placeholder $${index} has no value (${params.length} given)`);
      return sqlLiteral(params[position]);
    },
  );
}
