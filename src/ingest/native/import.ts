// Imports one platform export: format detected from its header, rows landed in one transaction.
import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { InputError } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { recordImport, type ImportSummary } from '../write.ts';
import { canLandInBulk, importInBulk } from './bulk.ts';
import { ExportReader } from './export-reader.ts';
import type { CoveredRange, FileContext, NativeFormat } from './format.ts';
import { dayOf, parsePlatformTime } from './dates.ts';
import { findColumn, normaliseHeader } from './headers.ts';
import { Landing } from './landing.ts';
import { removeImport } from './undo.ts';
import { readHead, type CsvFile } from './read-csv.ts';
import { isWorkbook, type Sheet } from './read-xlsx.ts';
import { ParserSandbox, type CsvRecord, type OpenedFile } from '../sandbox/index.ts';
import type { Choice } from './choose.ts';
import {
  landedTablesLabel,
  sectionsNote,
  skippedRows,
  yearChoiceText,
  yearlessDatesNote,
  type ImportNote,
  type SkippedRows,
  type YearChoice,
} from './messages.ts';
import { checkRepeats, NO_REPEATS, reconcile, type ReconciliationLine } from './reconcile.ts';

export interface ImportProgress {
  file: string;
  rows: number;
  bytes: number;
  totalBytes: number;
  /** The file is read and its rows are being checked and written (bulk reads, see bulk.ts). */
  landing?: boolean;
}

export interface ExportOptions {
  /** A format name (see NATIVE_FORMATS) instead of detection. */
  format?: string;
  /** Account handle when the export does not name it. */
  account?: string;
  /** The days a report without a date dimension covers (YYYY-MM-DD), when its file does not say. */
  from?: string;
  to?: string;
  /** The year of dates written without one (TikTok's "April 12"), instead of guessing it. */
  year?: number;
  /** The name the user gave the file (uploads are stored under another name). */
  originalName?: string;
  onProgress?: (progress: ImportProgress) => void;
  /** false reads every file row by row in JavaScript (the reference the bulk path is tested against). */
  bulk?: boolean;
}

export interface ExportSummary extends ImportSummary {
  label: string;
  tables: Record<string, number>;
  extras: number;
  /** How the file was read: by DuckDB and the format's SQL, or row by row (see bulk.ts). */
  reader: 'bulk' | 'rows';
  /** Each mapped metric's total in the file beside the store's (see reconcile.ts). */
  reconciliation: ReconciliationLine[];
  /** Rows left out by a documented rule (placeholder rows…; repeated rows), each rule by its code. */
  skipped: SkippedRows[];
  /** What Cadran chose where the file was silent (the year of dates without one…), by code. */
  notes: ImportNote[];
}

// The handle X puts in its file names: tweet_activity_metrics_<handle>_…, <handle>_account_analytics_content_….
const X_FILE_HANDLE =
  /^tweet_activity_metrics_(.+?)_\d{8}_\d{8}|^(.+?)_account_analytics_content_/i;

function contextFor(
  format: NativeFormat,
  choice: Choice,
  file: string,
  options: ExportOptions,
): FileContext {
  const header = choice.header.map(normaliseHeader);
  const french = findColumn(header, format.frenchHeaders ?? []) >= 0;
  const preamble: Record<string, string> = {};
  for (const line of choice.preamble) {
    const match = /^#\s*([^:]+):\s*(.*)$/.exec(line);
    // A spreadsheet may have padded the line with separators: "# Start date: 20250101,,,,".
    if (match) preamble[normaliseHeader(match[1])] = match[2].replace(/[,;\t\s]+$/, '');
  }
  return {
    file,
    decimal: french || choice.separator === ';' ? ',' : '.',
    dayOrder: format.dayOrder ?? (french ? 'day-first' : 'month-first'),
    accountHint: options.account ?? fileHandle(file),
    preamble,
    today: Date.now(),
    period: options.from && options.to ? { from: options.from, to: options.to } : null,
    ...yearRuleFor(file, options.year),
  };
}

const FILE_RANGE = /(20\d{2})-?(\d{2})-?(\d{2})\D{1,4}(20\d{2})-?(\d{2})-?(\d{2})/;
const FILE_YEAR = /(?<!\d)(20\d{2})(?!\d)/;

type YearRuleParts = Pick<FileContext, 'years' | 'yearSource' | 'yearChoice'>;

const yearRule = (years: FileContext['years'], yearChoice: YearChoice): YearRuleParts => ({
  years,
  yearChoice,
  yearSource: yearChoiceText(yearChoice),
});

/** Where dates without a year take it: --year, the range or year in the file name, else today. */
function yearRuleFor(file: string, year?: number): YearRuleParts {
  if (year) return yearRule({ year }, { how: 'option', year });
  const range = FILE_RANGE.exec(file);
  if (range) {
    const [, y1, m1, d1, y2, m2, d2] = range.map(Number);
    const from = Date.UTC(y1, m1 - 1, d1);
    const to = Date.UTC(y2, m2 - 1, d2);
    if (from <= to)
      return yearRule(
        { range: { from, to } },
        { how: 'file-range', from: dayOf(from), to: dayOf(to) },
      );
  }
  const single = FILE_YEAR.exec(file);
  if (single)
    return yearRule({ year: Number(single[1]) }, { how: 'file-year', year: Number(single[1]) });
  return yearRule({}, { how: 'latest' });
}

function fileHandle(file: string): string | null {
  const match = X_FILE_HANDLE.exec(file);
  return match?.[1] ?? match?.[2] ?? null;
}

/** The days a report says it covers (GA4's "# Start date" and "# End date"), even those without rows. */
function reportRange(context: FileContext): CoveredRange | null {
  const from = parsePlatformTime(context.preamble['start date'] ?? '', 'month-first');
  const to = parsePlatformTime(context.preamble['end date'] ?? '', 'month-first');
  return from === null || to === null ? context.period : { from: dayOf(from), to: dayOf(to) };
}

/** Reads every record through the format and lands it; returns the file's SHA-256. */
type RecordSource = (reader: ExportReader) => Promise<string>;

async function landExport(
  store: Store,
  choice: Choice,
  context: FileContext,
  readRecords: RecordSource,
): Promise<ExportSummary> {
  const { format } = choice;
  return store.transaction(async (tx) => {
    const landing = new Landing(tx, randomUUID());
    tx.ifFailed(async () => void (await removeImport(tx, landing.importId)));
    const reader = new ExportReader(format, choice.header, context, landing);
    const hash = await readRecords(reader);
    reader.finish();
    if (reader.rows === 0)
      throw new InputError('the file has a header but no rows', {
        file: context.file,
        line: choice.headerLine + 1,
        expected: 'at least one row under the header',
        code: 'no-rows',
      });
    await landing.flush();
    // A format that says how its repeats combine has none left; any other repeat is checked.
    const repeats = format.combineRepeats
      ? (await format.combineRepeats(tx, landing.importId), NO_REPEATS)
      : await checkRepeats(
          tx,
          landing.importId,
          context.file,
          landing.written.keys(),
          format.repeats,
        );
    await landing.merge();
    const replaced =
      landing.replaced +
      ((await format.afterLanding?.(
        tx,
        landing.importId,
        reportRange(context) ?? landing.covered,
      )) ?? 0);
    const reconciliation = await reconcile(
      tx,
      landing.importId,
      context.file,
      reader.fileTotals,
      repeats,
    );
    const tables = Object.fromEntries(landing.written);
    const skipped = [...reader.skipped].map(([code, rows]) => skippedRows(code, rows));
    const notes: ImportNote[] = [];
    if (reader.reader.yearlessDates > 0)
      notes.push(yearlessDatesNote(reader.reader.yearlessDates, context.yearChoice));
    const skippedSections = [...(choice.sectionsBefore ?? []), ...reader.skippedSections];
    if (skippedSections.length > 0)
      notes.push(
        sectionsNote(choice.table ?? choice.header.slice(0, 3).join(', '), skippedSections),
      );
    if (repeats.rows > 0) skipped.push(skippedRows(repeats.rule, repeats.rows));
    const summary: ExportSummary = {
      importId: landing.importId,
      file: context.file,
      format: format.name,
      label: format.label,
      table: landedTablesLabel(tables),
      rows: reader.rows,
      replaced,
      tables,
      extras: reader.extras,
      reader: 'rows',
      reconciliation,
      skipped,
      notes,
    };
    await recordImport(tx, summary, hash);
    return summary;
  });
}

const PROGRESS_EVERY_ROWS = 50_000;

/** The records of a CSV, parsed in the sandbox process and read here batch by batch. */
function csvRecords(csv: CsvFile, parser: ParserSandbox, options: ExportOptions): RecordSource {
  return async (reader) => {
    let bytes = 0;
    let reported = 0;
    const report = () =>
      options.onProgress?.({ file: csv.file, rows: reader.rows, bytes, totalBytes: csv.size });
    const { headerLine, preambleChars } = csv;
    const { hash } = await parser.request<{ hash: string }, CsvRecord>(
      { task: 'records', from: { headerLine, preambleChars } },
      async (records, bytesRead) => {
        bytes = bytesRead;
        for (const [cells, line] of records) {
          const landing = reader.read(cells, line);
          if (landing) await landing;
        }
        if (reader.rows - reported >= PROGRESS_EVERY_ROWS) {
          reported = reader.rows;
          report();
        }
      },
    );
    bytes = csv.size;
    report();
    return hash;
  };
}

function sheetRecords(
  sheet: Sheet,
  headerIndex: number,
  width: number,
  bytes: Uint8Array,
): RecordSource {
  return async (reader) => {
    for (let index = headerIndex + 1; index < sheet.rows.length; index++) {
      const cells = sheet.rows[index];
      const padded =
        cells.length < width ? [...cells, ...Array(width - cells.length).fill('')] : cells;
      await reader.read(padded, index + 1);
    }
    return createHash('sha256').update(bytes).digest('hex');
  };
}

/** An opened export; a CSV keeps its parsing process until closeExport. */
export type ExportSource =
  | { kind: 'csv'; csv: CsvFile; parser: ParserSandbox }
  | { kind: 'workbook'; sheets: Sheet[]; bytes: Uint8Array; file: string };

/**
 * Opens an export: its header (or its whole workbook) is parsed in a sandbox process, never here.
 * Call closeExport when done.
 */
export async function openExport(path: string, file: string): Promise<ExportSource> {
  const { head, size } = await readHead(path).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(`cannot read the file: ${error.code ?? String(error)}`, { file });
  });
  if (size === 0)
    throw new InputError('the file is empty', {
      file,
      line: 1,
      expected: 'a header line and rows',
    });
  const workbook = isWorkbook(head);
  const parser = new ParserSandbox(file, size);
  try {
    const opened = await parser.request<OpenedFile>({ task: 'open', path, file, size, workbook });
    if (opened.kind === 'csv') return { kind: 'csv', csv: opened.csv, parser };
    parser.close();
    return { kind: 'workbook', sheets: opened.sheets, bytes: await readFile(path), file };
  } catch (error) {
    parser.close();
    throw error;
  }
}

export function closeExport(source: ExportSource): void {
  if (source.kind === 'csv') source.parser.close();
}

/** Imports a native export already opened and recognised (see openExport, chooseFormat). */
export async function importExport(
  store: Store,
  source: ExportSource,
  choice: Choice,
  options: ExportOptions = {},
): Promise<ExportSummary> {
  const file = source.kind === 'csv' ? source.csv.file : source.file;
  const context = contextFor(choice.format, choice, file, options);
  const csv = source.kind === 'csv' ? (choice.csv ?? source.csv) : null;
  if (csv && options.bulk !== false && canLandInBulk(csv, choice.format)) {
    const landed = await importInBulk(
      store,
      csv,
      choice.format,
      context,
      reportRange(context),
      options.onProgress,
    );
    if (landed && choice.sectionsBefore)
      landed.notes.push(sectionsNote(choice.table!, choice.sectionsBefore));
    if (landed) return landed;
  }
  const records =
    source.kind === 'csv'
      ? csvRecords(csv!, source.parser, options)
      : sheetRecords(choice.sheet!, choice.headerLine - 1, choice.header.length, source.bytes);
  return landExport(store, choice, context, records);
}
