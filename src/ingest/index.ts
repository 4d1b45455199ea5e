import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { InputError } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import { parseCadranCsv, type CadranCsvOptions } from './cadran-csv.ts';
import { writeImport, type ImportSummary } from './write.ts';

export {
  parseCadranCsv,
  detectTable,
  type ParsedRows,
  type CadranCsvOptions,
} from './cadran-csv.ts';
export { writeImport, type ImportSummary } from './write.ts';
export { parseTimestamp } from './cells.ts';

/** Imports one Cadran CSV file: validated whole, then written in one transaction. */
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
  const file = basename(path);
  const parsed = parseCadranCsv(bytes, file, options);
  return writeImport(store, parsed, { file, bytes, format: `cadran-csv/${parsed.table.name}` });
}
export { landRows } from './write.ts';
export { parseJsonRows, type JsonRow } from './json-rows.ts';
