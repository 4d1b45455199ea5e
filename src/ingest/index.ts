import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { InputError } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import { parseCadranCsv, type CadranCsvOptions } from './cadran-csv.ts';
import { writeImport, type ImportSummary } from './write.ts';
import type { ParsedCadranCsv } from './sandbox/index.ts';
import { tableByName, type Cell } from '../store/index.ts';
import {
  CADRAN_CSV,
  chooseCsvFormat,
  chooseSheetFormat,
  closeExport,
  importExport,
  openExport,
  type ExportOptions,
  type ExportSummary,
} from './native/index.ts';

export {
  parseCadranCsv,
  detectTable,
  type ParsedRows,
  type CadranCsvOptions,
} from './cadran-csv.ts';
export { writeImport, type ImportSummary } from './write.ts';
export { describeLine, type ReconciliationLine } from './native/index.ts';
export { parseTimestamp } from './cells.ts';

/**
 * Imports one Cadran CSV file the caller trusts (fixtures, generated files), parsed in this
 * process: validated whole, then written in one transaction. Files from users go through importUpload.
 */
export async function importFile(
  store: Store,
  path: string,
  options: CadranCsvOptions = {},
): Promise<ImportSummary> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new InputError(
      `cannot read the file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      { file: path },
    );
  }
  return importCadranBytes(store, bytes, basename(path), options);
}

function importCadranBytes(
  store: Store,
  bytes: Uint8Array,
  file: string,
  options: CadranCsvOptions,
): Promise<ImportSummary> {
  const parsed = parseCadranCsv(bytes, file, options);
  return writeImport(store, parsed, { file, bytes, format: `cadran-csv/${parsed.table.name}` });
}

export interface ImportOptions extends ExportOptions {
  /** Options of Cadran CSV files (table when ambiguous, decimal mark). */
  cadran?: CadranCsvOptions;
}

/** What was imported: a Cadran CSV summary, or a platform export's with its format's label. */
export type FileSummary = ImportSummary &
  Partial<
    Pick<
      ExportSummary,
      'label' | 'tables' | 'extras' | 'reader' | 'reconciliation' | 'skipped' | 'notes'
    >
  >;

/**
 * Imports one file of any supported format, detected from its header unless options.format names
 * one; `originalName` is the name reported and recorded (uploads are stored under another name).
 * The file's bytes are parsed in a sandbox process (see sandbox/), never in this one.
 */
export async function importUpload(
  store: Store,
  path: string,
  originalName: string,
  options: ImportOptions = {},
): Promise<FileSummary> {
  const source = await openExport(path, originalName);
  try {
    if (source.kind === 'workbook')
      return await importExport(
        store,
        source,
        chooseSheetFormat(source.sheets, originalName, options.format),
        options,
      );
    const choice = chooseCsvFormat(source.csv, options.format);
    if (choice !== CADRAN_CSV)
      return await importExport(store, source, choice, { ...options, originalName });
    const rows: Cell[][] = [];
    const parsed = await source.parser.request<ParsedCadranCsv, Cell[]>(
      { task: 'cadran-csv', options: options.cadran ?? {} },
      async (batch) => void rows.push(...batch),
    );
    const table = tableByName(parsed.table)!;
    return await writeImport(
      store,
      { table, columns: parsed.columns, rows },
      { file: originalName, bytes: await readFile(path), format: `cadran-csv/${table.name}` },
    );
  } finally {
    closeExport(source);
  }
}

/** The files under a path: the file itself, or every file of a folder and its subfolders (hidden ones skipped). */
export async function listImportFiles(path: string): Promise<string[]> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(`cannot read "${path}": ${error.code ?? String(error)}`, { file: path });
  });
  if (!info.isDirectory()) return [path];
  const entries = (await readdir(path)).filter((name) => !name.startsWith('.')).sort();
  const nested = await Promise.all(entries.map((name) => listImportFiles(join(path, name))));
  return nested.flat();
}

/** Imports a file, or every file of a folder recursively, each all-or-nothing; stops at the first refused. */
export async function importPath(
  store: Store,
  path: string,
  options: ImportOptions & { onImported?: (summary: FileSummary) => void } = {},
): Promise<FileSummary[]> {
  const summaries: FileSummary[] = [];
  for (const file of await listImportFiles(path)) {
    const summary = await importUpload(store, file, basename(file), options);
    options.onImported?.(summary);
    summaries.push(summary);
  }
  return summaries;
}
export {
  NATIVE_FORMATS,
  removeImport,
  undoImport,
  type ExportSummary,
  type ImportProgress,
  type UndoSummary,
} from './native/index.ts';
export { landRows } from './write.ts';
export { parseJsonRows, type JsonRow } from './json-rows.ts';
