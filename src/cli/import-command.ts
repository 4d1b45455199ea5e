import { resolve } from 'node:path';
import type { Command } from 'commander';
import { describeCommand } from './command-table.ts';
import type { CliContext } from './context.ts';
import {
  describeLine,
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
import { printTo, type CommandIO } from './io.ts';

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
  const skipped = (summary.skipped ?? []).map(({ rows, text }) => `\n  skipped ${rows} ${text}`);
  const notes = (summary.notes ?? []).map((note) => `\n  ${note.text}`);
  const reconciled = (summary.reconciliation ?? []).map((line) => `\n  ${describeLine(line)}`);
  return `${summary.file}: format ${summary.format}${label}\n  ${summary.rows} rows (${tables})${replaced}${reader}, import ${summary.importId.slice(0, 8)}${skipped.join('')}${notes.join('')}${reconciled.join('')}`;
}

/** A progress line on stderr, redrawn in place; only when stderr is a terminal. */
function progressBar(io: CommandIO): ((progress: ImportProgress) => void) | undefined {
  if (!io.errIsTerminal) return undefined;
  const started = performance.now();
  return ({ file, rows, bytes, totalBytes, landing }) => {
    const share = totalBytes ? bytes / totalBytes : 0;
    const filled = Math.round(share * 30);
    const rate = rows / Math.max(0.001, (performance.now() - started) / 1000);
    const status = landing
      ? `${rows.toLocaleString('en-US')} rows read, checking and writing them`
      : `${rows.toLocaleString('en-US')} rows ${Math.round(rate).toLocaleString('en-US')} rows/s`;
    io.err(
      `\r${file} [${'#'.repeat(filled)}${'.'.repeat(30 - filled)}] ${Math.round(share * 100)} % ${status}\x1b[K`,
    );
  };
}

function clearProgress(io: CommandIO): void {
  if (io.errIsTerminal) io.err('\r\x1b[K');
}

async function listImports(store: Store, json: boolean, io: CommandIO): Promise<void> {
  const print = printTo(io);
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

/** --from and --to: both or neither, days, the first not after the last. */
function reportPeriod(from?: string, to?: string): { from?: string; to?: string } {
  if (from === undefined && to === undefined) return {};
  const day = /^\d{4}-\d{2}-\d{2}$/;
  if (!from || !to || !day.test(from) || !day.test(to) || from > to)
    throw new InputError(
      '--from and --to go together: two days such as 2025-01-01 and 2025-01-31, in order',
    );
  return { from, to };
}

function parseYear(text: string): number {
  if (!/^\d{4}$/.test(text)) throw new InputError('--year must be a year such as 2025');
  return Number(text);
}

export function registerImportCommands(program: Command, { io, withStore }: CliContext): void {
  const print = printTo(io);
  program
    .command('import')
    .description(describeCommand('import'))
    .argument('<paths...>', 'files, or folders imported recursively')
    .option('--format <name>', `format instead of detection: ${FORMAT_NAMES.join(', ')}`)
    .option('--account <handle>', 'account handle, for exports that do not name it')
    .option('--from <day>', 'first day (YYYY-MM-DD) a report without a date dimension covers')
    .option('--to <day>', 'last day (YYYY-MM-DD) of that period')
    .option('--year <year>', 'year of dates written without one (e.g. TikTok’s "April 12")')
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
          await importPath(store, resolve(io.cwd, path), {
            format: options.format,
            account: options.account,
            year: options.year === undefined ? undefined : parseYear(options.year),
            ...reportPeriod(options.from, options.to),
            cadran: { table: options.table, decimal: options.decimal },
            onProgress: progressBar(io),
            onImported: (summary) => {
              clearProgress(io);
              print(describeImport(summary));
            },
          }).catch((error: unknown) => {
            clearProgress(io);
            throw error;
          });
        }
        await evaluateAndNotify(store, { log: print });
      }),
    );

  program
    .command('imports')
    .description(describeCommand('imports'))
    .option('--json', 'machine-readable output')
    .option(
      '--undo <id>',
      'remove the rows of one import and restore those it replaced (id prefix accepted)',
    )
    .action((options) =>
      withStore(async (store) => {
        if (!options.undo) return listImports(store, Boolean(options.json), io);
        const undone = await undoImport(store, options.undo);
        if (options.json) return print(JSON.stringify(undone, null, 2));
        print(
          `Undid import ${undone.importId.slice(0, 8)} (${undone.file}): ${undone.deleted} rows removed, ${undone.restored} restored`,
        );
      }),
    );
}
