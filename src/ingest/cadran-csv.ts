// Cadran CSV: one documented template per canonical table. Every row is validated before anything is written.
import { parse } from 'csv-parse/sync';
import { InputError, platformOfSource } from '../model/index.ts';
import { IMPORTABLE_TABLES, tableByName, type Cell, type Table } from '../store/index.ts';
import { readCell, visibleText, type CellOptions } from './cells.ts';
import { decodeUtf8, detectSeparator } from './text.ts';

export interface ParsedRows {
  table: Table;
  /** Canonical column names, in the order of the cells of each row. */
  columns: string[];
  rows: Cell[][];
}

export interface CadranCsvOptions {
  table?: string;
  decimal?: '.' | ',';
}

const MAX_REPORTED_ERRORS = 20;

function normaliseHeader(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/^\uFEFF/, '');
}

/** Picks the table whose template the header matches: all its columns known and all required ones present. */
export function detectTable(header: string[], file: string): Table {
  const names = header.map(normaliseHeader);
  const candidates = IMPORTABLE_TABLES.filter((table) => {
    const known = new Set(table.columns.map((column) => column.name));
    const required = table.columns.filter((column) => column.required).map((column) => column.name);
    return names.every((name) => known.has(name)) && required.every((name) => names.includes(name));
  });
  if (candidates.length === 1) return candidates[0];
  const ranked = IMPORTABLE_TABLES.map((table) => ({
    table,
    overlap: names.filter((name) => table.columns.some((column) => column.name === name)).length,
  })).sort((a, b) => b.overlap - a.overlap);
  if (candidates.length > 1) {
    throw new InputError(
      `the header fits several tables (${candidates.map((table) => table.name).join(', ')}); name one with --table`,
      { file, line: 1 },
    );
  }
  throw new InputError(
    `the header matches no Cadran CSV template; closest is "${ranked[0].table.name}"`,
    {
      file,
      line: 1,
      column: firstMisfit(ranked[0].table, header),
      expected: `the columns of a template, e.g. ${ranked[0].table.name}: ${ranked[0].table.columns
        .filter((c) => c.name !== 'import_id')
        .map((c) => c.name)
        .join(', ')}`,
    },
  );
}

/** The first header cell the table does not know, else the first required column the header lacks. */
function firstMisfit(table: Table, header: string[]): string | undefined {
  const known = (name: string) => table.columns.some((column) => column.name === name);
  const names = header.map(normaliseHeader);
  const unknown = names.findIndex((name) => !known(name));
  if (unknown >= 0) return header[unknown];
  return table.columns.find((column) => column.required && !names.includes(column.name))?.name;
}

function checkHeader(table: Table, header: string[], file: string): string[] {
  const names = header.map(normaliseHeader);
  const known = table.columns
    .filter((column) => column.name !== 'import_id')
    .map((column) => column.name);
  names.forEach((name, index) => {
    if (!known.includes(name)) {
      throw new InputError(`unknown column "${header[index]}" for table ${table.name}`, {
        file,
        line: 1,
        column: header[index],
        expected: `one of ${known.join(', ')}`,
      });
    }
    if (names.indexOf(name) !== index)
      throw new InputError(`column "${name}" appears twice`, { file, line: 1, column: name });
  });
  const missing = table.columns.filter((column) => column.required && !names.includes(column.name));
  if (missing.length) {
    throw new InputError(
      `required column${missing.length > 1 ? 's' : ''} missing: ${missing.map((column) => column.name).join(', ')}`,
      {
        file,
        line: 1,
        column: missing[0].name,
        expected: `a header with ${missing.map((column) => column.name).join(', ')}`,
      },
    );
  }
  return names;
}

interface CsvRecord {
  record: string[];
  line: number;
}

function parseRecords(text: string, separator: string, file: string): CsvRecord[] {
  try {
    const records = parse(text, {
      delimiter: separator,
      bom: true,
      info: true,
      skip_empty_lines: true,
      // Field counts are checked against the header afterwards, where the missing column has a name.
      relax_column_count: true,
    }) as unknown as { record: string[]; info: { bytes: number } }[];
    const lines = startLines(
      text,
      records.map(({ info }) => info.bytes),
    );
    return records.map(({ record }, index) => ({ record, line: lines[index] }));
  } catch (error) {
    const detail = error as { message: string; code?: string; bytes?: number; index?: number };
    const line =
      detail.code === 'CSV_QUOTE_NOT_CLOSED'
        ? lineOfUnclosedQuote(text)
        : lineAtByte(text, detail.bytes ?? 0);
    throw new InputError(`the CSV is malformed: ${syntaxProblem(detail)}`, {
      file,
      line,
      column: detail.index === undefined ? undefined : headerOf(text, separator)[detail.index],
      expected: 'every quote closed, and quotes inside a quoted field doubled ("")',
    });
  }
}

// csv-parse's messages carry its own line numbers, which drift (see startLines); ours are in the location.
const SYNTAX_PROBLEMS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quote is never closed',
  INVALID_OPENING_QUOTE: 'a quote opens in the middle of a field',
  CSV_INVALID_CLOSING_QUOTE: 'a closing quote is followed by more text',
};

function syntaxProblem(error: { message: string; code?: string }): string {
  return SYNTAX_PROBLEMS[error.code ?? ''] ?? error.message.replace(/,? (?:at|on) line \d+/g, '');
}

/**
 * The line each record starts on, from the byte offsets where records end. csv-parse's own line
 * count drifts on CRLF inside quoted text and names a record's last line, not its first.
 */
function startLines(text: string, ends: number[]): number[] {
  const bytes = Buffer.from(text);
  const lines: number[] = [];
  let line = 1;
  let position = 0;
  for (const end of ends) {
    for (; position < end && (bytes[position] === 0x0a || bytes[position] === 0x0d); position++)
      if (bytes[position] === 0x0a) line++;
    lines.push(line);
    for (; position < end; position++) if (bytes[position] === 0x0a) line++;
  }
  return lines;
}

function lineAtByte(text: string, offset: number): number {
  return (
    Buffer.from(text)
      .subarray(0, offset)
      .filter((byte) => byte === 0x0a).length + 1
  );
}

function headerOf(text: string, separator: string): string[] {
  try {
    const [header] = parse(text, { delimiter: separator, bom: true, to_line: 1 }) as string[][];
    return (header ?? []).map(normaliseHeader);
  } catch {
    return [];
  }
}

/** An unclosed quote swallows the rest of the file, so the parser stops at the end; find where it opened. */
function lineOfUnclosedQuote(text: string): number | undefined {
  let line = 1;
  let openedOn: number | undefined;
  for (let index = 0; index < text.length; index++) {
    if (text[index] === '\n') line++;
    else if (text[index] !== '"') continue;
    else if (openedOn === undefined) openedOn = line;
    else if (text[index + 1] === '"') index++;
    else openedOn = undefined;
  }
  return openedOn;
}

/** Every row has the header's number of fields; the first that does not is refused with its place. */
function checkFieldCounts(header: string[], body: CsvRecord[], file: string, separator: string) {
  const bad = body.find(({ record }) => record.length !== header.length);
  if (!bad) return;
  const fields = bad.record.length;
  throw new InputError(
    `the CSV is malformed: line ${bad.line} has ${fields} fields, the header ${header.length}`,
    {
      file,
      line: bad.line,
      // Too few fields: the first column left without a value; too many: the first field past the header.
      column:
        fields < header.length ? normaliseHeader(header[fields]) : `field ${header.length + 1}`,
      expected: `${header.length} fields as in the header; text containing "${separator}" must be quoted`,
    },
  );
}

/** Parses and validates a Cadran CSV file; throws one InputError listing every bad cell (first 20). */
export function parseCadranCsv(
  bytes: Uint8Array,
  file: string,
  options: CadranCsvOptions = {},
): ParsedRows {
  const text = decodeUtf8(bytes, file);
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
  const separator = detectSeparator(firstLine);
  const records = parseRecords(text, separator, file);
  if (records.length === 0)
    throw new InputError('the file is empty', {
      file,
      line: 1,
      expected: 'a header line and rows',
    });
  const [{ record: header }, ...body] = records;
  checkFieldCounts(header, body, file, separator);
  if (body.length === 0)
    throw new InputError('the file has a header but no rows', {
      file,
      line: 2,
      expected: 'at least one row under the header',
    });
  const table = options.table ? requireImportable(options.table) : detectTable(header, file);
  const names = checkHeader(table, header, file);
  // A semicolon-separated file is the French spreadsheet convention, where the decimal mark is a comma.
  const cellOptions: CellOptions = { decimal: options.decimal ?? (separator === ';' ? ',' : '.') };
  const columns = names.map((name) => table.columns.find((column) => column.name === name)!);
  const errors: InputError[] = [];
  let badCells = 0;
  const rows: Cell[][] = [];
  for (const { record, line } of body) {
    const row: Cell[] = [];
    record.forEach((raw, index) => {
      const result = readCell(columns[index], raw, cellOptions);
      if (result.ok) return row.push(result.value);
      if (++badCells <= MAX_REPORTED_ERRORS) {
        errors.push(
          new InputError('bad value', {
            file,
            line,
            column: columns[index].name,
            value: visibleText(raw.slice(0, 80)),
            expected: result.expected,
          }),
        );
      }
    });
    rows.push(row);
  }
  if (badCells) {
    throw new InputError(
      `${badCells} bad value${badCells > 1 ? 's' : ''} in ${file}; nothing was imported`,
      errors[0].location,
      errors,
    );
  }
  checkUniqueKeys(table, names, rows, body, file);
  return derivePlatforms({ table, columns: names, rows });
}

/** A key twice in one file would be stored twice and counted twice; which row is right is the user's call. */
function checkUniqueKeys(
  table: Table,
  names: string[],
  rows: Cell[][],
  body: CsvRecord[],
  file: string,
): void {
  const positions = table.key.map((column) => names.indexOf(column));
  const key = table.key.join(' + ');
  const seen = new Map<string, number>();
  rows.forEach((row, index) => {
    const { line, record } = body[index];
    const cells = JSON.stringify(positions.map((position) => row[position] ?? null));
    const first = seen.get(cells);
    if (first === undefined) return void seen.set(cells, line);
    throw new InputError(
      `${key} appears twice in ${file} (lines ${first} and ${line}); nothing was imported`,
      {
        file,
        line,
        column: key,
        value: positions.map((position) => record[position] ?? '').join(' + '),
        expected: `each ${key} once per file`,
      },
    );
  });
}

function requireImportable(name: string): Table {
  const table = tableByName(name);
  if (!table?.importable) {
    throw new InputError(`unknown table "${name}"`, {
      expected: `one of ${IMPORTABLE_TABLES.map((t) => t.name).join(', ')}`,
    });
  }
  return table;
}

/** Web sessions and conversions name their source; the network it belongs to is filled in when missing. */
export function derivePlatforms(parsed: ParsedRows): ParsedRows {
  if (parsed.table.name !== 'web_sessions' && parsed.table.name !== 'conversions') return parsed;
  let platformIndex = parsed.columns.indexOf('platform');
  const sourceIndex = parsed.columns.indexOf('source');
  if (sourceIndex < 0) return parsed;
  const columns = platformIndex < 0 ? [...parsed.columns, 'platform'] : parsed.columns;
  if (platformIndex < 0) platformIndex = columns.length - 1;
  const rows = parsed.rows.map((row) => {
    const copy = [...row];
    copy[platformIndex] =
      copy[platformIndex] ?? platformOfSource(copy[sourceIndex] as string | null);
    return copy;
  });
  return { ...parsed, columns, rows };
}
