// CSV downloads of the tables the dashboard shows: RFC 4180 quoting, UTF-8 with a BOM for spreadsheets,
// and text that a spreadsheet would run as a formula (=, +, -, @, tab, CR) neutralised with a leading quote.
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A table to send as a CSV attachment instead of JSON. */
export class CsvFile {
  constructor(
    readonly filename: string,
    readonly header: string[],
    readonly rows: CsvCell[][],
  ) {}

  toString(): string {
    const lines = [this.header, ...this.rows].map((row) => row.map(csvCell).join(','));
    return `\uFEFF${lines.join('\r\n')}\r\n`;
  }

  /** Rows of records as a CSV file with the given columns, in that order. */
  static of(filename: string, columns: string[], records: Record<string, unknown>[]): CsvFile {
    return new CsvFile(
      filename,
      columns,
      records.map((record) => columns.map((column) => record[column] as CsvCell)),
    );
  }

  /** A file name safe in a Content-Disposition header. */
  get safeFilename(): string {
    return `${this.filename.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 120) || 'cadran'}.csv`;
  }
}
