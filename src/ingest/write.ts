// Writes parsed rows in one transaction: rows with the same key as existing ones replace them.
import { createHash, randomUUID } from 'node:crypto';
import type { Store, Table, Transaction } from '../store/index.ts';
import type { ParsedRows } from './cadran-csv.ts';
import { applyCorrections, labelInteractions } from './enrich.ts';

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
 * Deletes the rows the staged ones replace. Rows written by earlier imports are counted and kept in
 * replaced_rows so the import can be undone; a key repeated across batches of one import is not.
 */
async function replaceKeys(
  tx: Transaction,
  parsed: ParsedRows,
  staging: string,
  importId: string,
): Promise<number> {
  const table = quote(parsed.table.name);
  const matches = parsed.table.key
    .map((column) => `t.${quote(column)} IS NOT DISTINCT FROM ${staging}.${quote(column)}`)
    .join(' AND ');
  const replacedRows = `FROM ${table} t WHERE EXISTS (SELECT 1 FROM ${staging} WHERE ${matches})`;
  const tracked = parsed.table.columns.some((column) => column.name === 'import_id');
  const earlier = tracked ? `${replacedRows} AND t.import_id IS DISTINCT FROM $1` : replacedRows;
  const params = tracked ? [importId] : [];
  const [{ replaced }] = await tx.all(`SELECT count(*) AS replaced ${earlier}`, params);
  if (Number(replaced) > 0)
    await tx.run(
      `INSERT INTO replaced_rows SELECT $1, '${parsed.table.name}', to_json(t)::VARCHAR ${earlier}`,
      [importId],
    );
  await tx.run(`DELETE ${replacedRows}`);
  return Number(replaced);
}

/** A key stored twice would be counted twice; within one batch the last row wins, as a later import would. */
async function keepLastOfEachKey(
  tx: Transaction,
  parsed: ParsedRows,
  staging: string,
): Promise<void> {
  const key = parsed.table.key.map(quote).join(', ');
  await tx.run(
    `DELETE FROM ${staging} WHERE rowid NOT IN (SELECT max(rowid) FROM ${staging} GROUP BY ${key})`,
  );
}

/**
 * Writes rows inside an open transaction, replacing existing rows with the same key; returns how
 * many were replaced. Identifiers come from the schema only.
 */
export async function landRows(
  tx: Transaction,
  incoming: ParsedRows,
  importId: string,
): Promise<number> {
  const parsed = labelInteractions(incoming);
  const staging = `staging_${importId.replaceAll('-', '')}_${parsed.table.name}`;
  const table = quote(parsed.table.name);
  const hasImportId = parsed.table.columns.some((column) => column.name === 'import_id');
  const columns = hasImportId ? [...parsed.columns, 'import_id'] : parsed.columns;
  const rows = hasImportId ? parsed.rows.map((row) => [...row, importId]) : parsed.rows;
  await tx.run(`CREATE TABLE ${staging} AS SELECT * FROM ${table} LIMIT 0`);
  await tx.append(parsed.table.name, columns, rows, staging);
  await keepLastOfEachKey(tx, parsed, staging);
  const replaced = await replaceKeys(tx, parsed, staging, importId);
  await tx.run(`INSERT INTO ${table} SELECT * FROM ${staging}`);
  await tx.run(`DROP TABLE ${staging}`);
  if (parsed.table.name === 'interactions') await applyCorrections(tx, importId);
  return replaced;
}

/**
 * Appends a batch of a large import straight into its table, tagged with the import; mergeImport
 * applies the keys once every batch is in. No staging table per batch: their memory would only be
 * given back at commit.
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
): Promise<number> {
  const name = quote(table.name);
  const key = table.key.map(quote).join(', ');
  await tx.run(
    `DELETE FROM ${name} WHERE import_id = $1
     AND rowid NOT IN (SELECT max(rowid) FROM ${name} WHERE import_id = $1 GROUP BY ${key})`,
    [importId],
  );
  const matches = table.key
    .map((column) => `s.${quote(column)} IS NOT DISTINCT FROM t.${quote(column)}`)
    .join(' AND ');
  const earlier = `FROM ${name} t WHERE t.import_id IS DISTINCT FROM $1
    AND EXISTS (SELECT 1 FROM ${name} s WHERE s.import_id = $1 AND ${matches})`;
  const [{ replaced }] = await tx.all(`SELECT count(*) AS replaced ${earlier}`, [importId]);
  if (Number(replaced) > 0) {
    await tx.run(
      `INSERT INTO replaced_rows SELECT $1, '${table.name}', to_json(t)::VARCHAR ${earlier}`,
      [importId],
    );
    await tx.run(`DELETE ${earlier}`, [importId]);
  }
  if (table.name === 'interactions') await applyCorrections(tx, importId);
  return Number(replaced);
}

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
