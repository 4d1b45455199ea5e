// Validates rows that arrive as JSON objects (events API, webhooks) against a canonical table.
import { InputError } from '../model/index.ts';
import { tableByName, type Cell } from '../store/index.ts';
import { derivePlatforms, type ParsedRows } from './cadran-csv.ts';
import { readCell } from './cells.ts';

export interface JsonRow {
  table: string;
  row: Record<string, unknown>;
  /** Where the row came from, for error messages: "events[3]". */
  where: string;
}

function asText(value: unknown): string | null {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return null;
}

/** Groups valid rows by table; throws one InputError listing every bad field (each named by its path). */
export function parseJsonRows(
  items: JsonRow[],
  importable: (table: string) => boolean,
): ParsedRows[] {
  const errors: InputError[] = [];
  const byTable = new Map<string, ParsedRows>();
  for (const { table: name, row, where } of items) {
    const table = tableByName(name);
    if (!table || !importable(name)) {
      errors.push(
        new InputError(`unknown table "${name}"`, { column: `${where}.table`, value: name }),
      );
      continue;
    }
    const known = table.columns.filter((column) => column.name !== 'import_id');
    for (const field of Object.keys(row).filter(
      (field) => !known.some((column) => column.name === field),
    )) {
      errors.push(
        new InputError('unknown field', {
          column: `${where}.row.${field}`,
          expected: `fields of ${name}: ${known.map((column) => column.name).join(', ')}`,
        }),
      );
    }
    const cells: Cell[] = [];
    for (const column of known) {
      const text = asText(row[column.name]);
      const result =
        text === null
          ? { ok: false as const, expected: 'a string, number or boolean' }
          : readCell(column, text, { decimal: '.' });
      if (result.ok) cells.push(result.value);
      else
        errors.push(
          new InputError('bad value', {
            column: `${where}.row.${column.name}`,
            value: String(row[column.name] ?? '').slice(0, 80),
            expected: result.expected,
          }),
        );
    }
    const parsed = byTable.get(name) ?? {
      table,
      columns: known.map((column) => column.name),
      rows: [],
    };
    parsed.rows.push(cells);
    byTable.set(name, parsed);
  }
  if (errors.length) {
    throw new InputError(
      `${errors.length} bad field${errors.length > 1 ? 's' : ''}; nothing was stored`,
      errors[0].location,
      errors.slice(0, 50),
    );
  }
  return [...byTable.values()].map(derivePlatforms);
}
