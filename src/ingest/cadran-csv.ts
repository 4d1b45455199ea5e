// Cadran CSV: one documented template per canonical table. Every row is validated before anything is written.
import { parse } from 'csv-parse/sync';
import { InputError, platformOfSource } from '../model/index.ts';
import { IMPORTABLE_TABLES, tableByName, type Cell, type Table } from '../store/index.ts';
import { readCell, type CellOptions } from './cells.ts';
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
      expected: `the columns of a template, e.g. ${ranked[0].table.name}: ${ranked[0].table.columns
        .filter((c) => c.name !== 'import_id')
        .map((c) => c.name)
        .join(', ')}`,
    },
  );
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
        expected: `a header with ${missing.map((column) => column.name).join(', ')}`,
      },
    );
  }
  return names;
}

function parseRecords(
  text: string,
  separator: string,
  file: string,
): { record: string[]; line: number }[] {
  try {
    const records = parse(text, {
      delimiter: separator,
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: false,
    }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    return records.map(({ record, info }) => ({ record, line: info.lines }));
  } catch (error) {
    const detail = error as { message: string; lines?: number };
    throw new InputError(
      `the CSV is malformed: ${detail.message.replace(/^Invalid Record Length: /, '')}`,
      {
        file,
        line: detail.lines,
        expected: 'the same number of fields on every line, quotes closed',
      },
    );
  }
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
    throw new InputError('the file is empty', { file, expected: 'a header line and rows' });
  const [{ record: header }, ...body] = records;
  if (body.length === 0)
    throw new InputError('the file has a header but no rows', { file, line: 2 });
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
            value: raw.slice(0, 80),
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
  return derivePlatforms({ table, columns: names, rows });
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
