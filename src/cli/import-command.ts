import type { Command } from 'commander';
import {
  importPath,
  NATIVE_FORMATS,
  undoImport,
  type FileSummary,
  type ImportProgress,
} from '../ingest/index.ts';
import { evaluateAndNotify } from '../alerts/index.ts';
import { InputError } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import { renderTable } from './format.ts';

type WithStore = <T>(work: (store: Store) => Promise<T>) => Promise<T>;

const print = (text: string): void => void process.stdout.write(`${text}\n`);
const FORMAT_NAMES = [...NATIVE_FORMATS.map((format) => format.name), 'cadran-csv'];

const READER_NAMES = { bulk: 'read in bulk by DuckDB', rows: 'read row by row' };

function describeImport(summary: FileSummary): string {
  const tables = summary.tables
    ? Object.entries(summary.tables)
        .map(([table, rows]) => `${rows} ${table}`)
        .join(', ')
    : `${summary.rows} ${summary.table}`;
  const label = summary.label ? ` — ${summary.label}` : '';
  const replaced = summary.replaced ? `, ${summary.replaced} replaced` : '';
  const reader = summary.reader ? `, ${READER_NAMES[summary.reader]}` : '';
  return `${summary.file}: format ${summary.format}${label}\n  ${summary.rows} rows (${tables})${replaced}${reader}, import ${summary.importId.slice(0, 8)}`;
}

/** A progress line on stderr, redrawn in place; only when stderr is a terminal. */
function progressBar(): ((progress: ImportProgress) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  const started = performance.now();
  return ({ file, rows, bytes, totalBytes, landing }) => {
    const share = totalBytes ? bytes / totalBytes : 0;
    const filled = Math.round(share * 30);
    const rate = rows / Math.max(0.001, (performance.now() - started) / 1000);
    const status = landing
      ? `${rows.toLocaleString('en-US')} rows read, checking and writing them`
      : `${rows.toLocaleString('en-US')} rows ${Math.round(rate).toLocaleString('en-US')} rows/s`;
    process.stderr.write(
      `\r${file} [${'#'.repeat(filled)}${'.'.repeat(30 - filled)}] ${Math.round(share * 100)} % ${status}\x1b[K`,
    );
  };
}

function clearProgress(): void {
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
}

async function listImports(store: Store, json: boolean): Promise<void> {
  const rows = await store.all(
    'SELECT import_id, imported_at, file_name, format, rows, replaced FROM imports ORDER BY imported_at',
  );
  if (json) return print(JSON.stringify(rows, null, 2));
  print(
    rows.length
      ? renderTable(
          [
            ['id', 'imported at', 'file', 'format', 'rows', 'replaced'],
            ...rows.map((row) => [
              String(row.import_id).slice(0, 8),
              String(row.imported_at).slice(0, 19),
              String(row.file_name),
              String(row.format),
              String(row.rows),
              String(row.replaced),
            ]),
          ],
          [false, false, false, false, true, true],
        )
      : 'No imports yet.',
  );
}

export function registerImportCommands(program: Command, withStore: WithStore): void {
  program
    .command('import')
    .description(
      'import platform exports and Cadran CSV files (the format is detected from the header)',
    )
    .argument('<paths...>', 'files, or folders imported recursively')
    .option('--format <name>', `format instead of detection: ${FORMAT_NAMES.join(', ')}`)
    .option('--account <handle>', 'account handle, for exports that do not name it')
    .option('--table <name>', 'Cadran CSV: canonical table, when the header alone is ambiguous')
    .option(
      '--decimal <mark>',
      'Cadran CSV: decimal mark of numbers, "." or "," (default: "," for ;-separated files)',
    )
    .action((paths: string[], options) =>
      withStore(async (store) => {
        if (options.decimal && options.decimal !== '.' && options.decimal !== ',')
          throw new InputError('--decimal must be "." or ","');
        for (const path of paths) {
          await importPath(store, path, {
            format: options.format,
            account: options.account,
            cadran: { table: options.table, decimal: options.decimal },
            onProgress: progressBar(),
            onImported: (summary) => {
              clearProgress();
              print(describeImport(summary));
            },
          }).catch((error: unknown) => {
            clearProgress();
            throw error;
          });
        }
        await evaluateAndNotify(store, { log: print });
      }),
    );

  program
    .command('imports')
    .description('list the imported files, or undo one')
    .option('--json', 'machine-readable output')
    .option(
      '--undo <id>',
      'remove the rows of one import and restore those it replaced (id prefix accepted)',
    )
    .action((options) =>
      withStore(async (store) => {
        if (!options.undo) return listImports(store, Boolean(options.json));
        const undone = await undoImport(store, options.undo);
        if (options.json) return print(JSON.stringify(undone, null, 2));
        print(
          `Undid import ${undone.importId.slice(0, 8)} (${undone.file}): ${undone.deleted} rows removed, ${undone.restored} restored`,
        );
      }),
    );
}
