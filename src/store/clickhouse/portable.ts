// Cadran's statements outside the metric compiler are written once, in the SQL both engines share
// where it exists. A few write forms have no ClickHouse 18.16 equivalent; this file maps them:
// DELETE and UPDATE become mutations, a DELETE of every row a TRUNCATE, and true/false 1/0.

export interface PortableStatement {
  sql: string;
  /** A mutation (ALTER … DELETE/UPDATE) runs in the background: wait for it on this table. */
  mutates?: string;
}

const STRINGS_OR_BOOLEANS = /'(?:[^'\\]|\\.|'')*'|"(?:[^"]|"")*"|\b(true|false)\b/gi;

/** true/false as 1/0 outside quoted text (18.16 has no boolean literals). */
export function booleansAsNumbers(sql: string): string {
  return sql.replace(STRINGS_OR_BOOLEANS, (match, word: string | undefined) =>
    word === undefined ? match : word.toLowerCase() === 'true' ? '1' : '0',
  );
}

export function portableStatement(sql: string): PortableStatement {
  const text = booleansAsNumbers(sql.trim());
  const deleteAll = /^DELETE\s+FROM\s+("?[A-Za-z_]+"?)\s*$/i.exec(text);
  if (deleteAll) return { sql: `TRUNCATE TABLE ${deleteAll[1]}` };
  const deleteWhere = /^DELETE\s+FROM\s+("?([A-Za-z_]+)"?)\s+WHERE\s+([\s\S]+)$/i.exec(text);
  if (deleteWhere)
    return {
      sql: `ALTER TABLE ${deleteWhere[1]} DELETE WHERE ${deleteWhere[3]}`,
      mutates: deleteWhere[2],
    };
  const update = /^UPDATE\s+("?([A-Za-z_]+)"?)\s+SET\s+([\s\S]+?)\s+WHERE\s+([\s\S]+)$/i.exec(text);
  if (update && !/\bFROM\b/i.test(update[3]))
    return {
      sql: `ALTER TABLE ${update[1]} UPDATE ${update[3]} WHERE ${update[4]}`,
      mutates: update[2],
    };
  return { sql: text };
}
