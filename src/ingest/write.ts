// Writes parsed rows in one transaction: rows with the same key as existing ones replace them.
import { createHash, randomUUID } from 'node:crypto';
import {
  tableByName,
  type Dialect,
  type SqlValue,
  type Store,
  type Table,
  type Transaction,
} from '../store/index.ts';
import type { ParsedRows } from './cadran-csv.ts';
import { applyCorrections, labelInteractions } from './enrich.ts';
import { removeImport } from './native/undo.ts';

export interface ImportSummary {
  importId: string;
  file: string;
  format: string;
  table: string;
  rows: number;
  replaced: number;
}

const quote = (name: string) => `"${name}"`;

/**
 * Moves the rows `rows` selects ("FROM <table> WHERE …", no alias, with $1 the import) to
 * replaced_rows as JSON, so the import that replaced them can be undone; returns how many.
 */
export async function archiveReplaced(
  tx: Transaction,
  table: string,
  rows: string,
  params: SqlValue[],
): Promise<number> {
  const [{ replaced }] = await tx.all(`SELECT count(*) AS replaced ${rows}`, params);
  if (Number(replaced) === 0) return 0;
  await ARCHIVE[tx.dialect.name](tx, table, rows, params);
  await tx.run(`DELETE ${rows}`, params);
  return Number(replaced);
}

/** Copies rows into replaced_rows, one JSON object per row (see undo.ts for the way back). */
type Archive = (tx: Transaction, table: string, rows: string, params: SqlValue[]) => Promise<void>;
const ARCHIVE: Record<Dialect['name'], Archive> = {
  duckdb: async (tx, table, rows, params) => {
    await tx.run(
      `INSERT INTO replaced_rows SELECT $1, '${table}', to_json("${table}")::VARCHAR ${rows}`,
      params,
    );
  },
  // 18.16 cannot make JSON of a row: the rows pass through here, as the store returns them.
  clickhouse: async (tx, table, rows, params) => {
    const columns = tableByName(table)!.columns.map((column) => quote(column.name));
    const found = await tx.all(`SELECT ${columns.join(', ')} ${rows}`, params);
    const archived = found.map((row) => [params[0], table, JSON.stringify(row)]);
    await tx.append('replaced_rows', ['import_id', 'table_name', 'row_json'], archived);
  },
};

/**
 * Writes rows inside an open transaction, replacing existing rows with the same key; returns how
 * many were replaced. Identifiers come from the schema only.
 */
export async function landRows(
  tx: Transaction,
  parsed: ParsedRows,
  importId: string,
): Promise<number> {
  await appendImported(tx, parsed, importId);
  return mergeImport(tx, parsed.table, importId);
}

/**
 * Appends rows straight into their table, tagged with the import; mergeImport applies the keys once
 * every batch is in (a staging table per batch would hold its memory until commit).
 */
export async function appendImported(
  tx: Transaction,
  incoming: ParsedRows,
  importId: string,
): Promise<void> {
  const parsed = labelInteractions(incoming);
  await tx.append(
    parsed.table.name,
    [...parsed.columns, 'import_id'],
    parsed.rows.map((row) => [...row, importId]),
  );
}

/**
 * Applies the table's key to an import appended whole: within the import the last row of a key wins,
 * and rows of earlier imports with a key it brings are archived in replaced_rows, then deleted.
 * Returns how many rows of earlier imports were replaced.
 */
export async function mergeImport(
  tx: Transaction,
  table: Table,
  importId: string,
  { keysAreUnique = false }: { keysAreUnique?: boolean } = {},
): Promise<number> {
  const name = quote(table.name);
  const key = table.key.map(quote).join(', ');
  const order = tx.dialect.landedOrder;
  if (!keysAreUnique)
    await tx.run(
      `DELETE FROM ${name} WHERE import_id = $1
       AND ${order} NOT IN (SELECT max(${order}) FROM ${name} WHERE import_id = $1 GROUP BY ${key})`,
      [importId],
    );
  const earlier = `FROM ${name} WHERE coalesce(import_id, '') <> $1 AND ${BROUGHT_AGAIN[tx.dialect.name](table)}`;
  const replaced = await archiveReplaced(tx, table.name, earlier, [importId]);
  if (table.name === 'interactions') await applyCorrections(tx, importId);
  return replaced;
}

/** A row whose key the import $1 brings too (a key column may be NULL: NULL matches NULL). */
const BROUGHT_AGAIN: Record<Dialect['name'], (table: Table) => string> = {
  duckdb: (table) => {
    const matches = table.key
      .map(
        (column) => `s.${quote(column)} IS NOT DISTINCT FROM ${quote(table.name)}.${quote(column)}`,
      )
      .join(' AND ');
    return `EXISTS (SELECT 1 FROM ${quote(table.name)} s WHERE s.import_id = $1 AND ${matches})`;
  },
  // 18.16 has no correlated subqueries (and no alias in a mutation): the key as a tuple.
  clickhouse: (table) => {
    const key = `(${table.key.map((column) => `ifNull(toString(${quote(column)}), '')`).join(', ')})`;
    return `${key} IN (SELECT ${key} FROM ${quote(table.name)} WHERE import_id = $1)`;
  },
};

/** Records an import in the imports table, inside the transaction that landed its rows. */
export async function recordImport(
  tx: Transaction,
  summary: ImportSummary,
  fileHash: string,
): Promise<void> {
  await tx.run(
    'INSERT INTO imports (import_id, file_name, file_hash, format, table_name, rows, replaced, imported_at) VALUES ($1, $2, $3, $4, $5, $6, $7, now())',
    [
      summary.importId,
      summary.file,
      fileHash,
      summary.format,
      summary.table,
      summary.rows,
      summary.replaced,
    ],
  );
}

/** Lands the rows whole or not at all, and records the import. */
export async function writeImport(
  store: Store,
  parsed: ParsedRows,
  source: { file: string; bytes: Uint8Array; format: string },
): Promise<ImportSummary> {
  const importId = randomUUID();
  return store.transaction(async (tx) => {
    tx.ifFailed(async () => void (await removeImport(tx, importId)));
    const replaced = await landRows(tx, parsed, importId);
    const summary: ImportSummary = {
      importId,
      file: source.file,
      format: source.format,
      table: parsed.table.name,
      rows: parsed.rows.length,
      replaced,
    };
    await recordImport(tx, summary, createHash('sha256').update(source.bytes).digest('hex'));
    return summary;
  });
}
