// One data row of an export, read field by field with the format's names; bad cells are recorded
// with their place (file, line, column, value, expected) instead of stopping at the first.
import { InputError } from '../../model/index.ts';
import { isYearless, parsePlatformTime } from './dates.ts';
import type { FileContext } from './format.ts';
import { NotANumber, parseCount, parseNumber } from './numbers.ts';

const MAX_TEXT = 100_000;
// Control characters other than tab and line breaks: invisible, and a way to smuggle text past a reader.
const hasControlCharacter = (text: string): boolean => {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f)
      return true;
  }
  return false;
};
// A cell a spreadsheet would run: =HYPERLINK(…), =cmd|' /C calc'!A0, +cmd|…, @SUM(…).
const FORMULA = /^(=\s*[A-Za-z_.]+\s*[(|!]|[=+\-@]\S*\|)/;

export class RowReader {
  cells: string[] = [];
  line = 0;
  readonly errors: InputError[] = [];
  badCells = 0;
  /** Dates read without a year (the year came from FileContext.years). */
  yearlessDates = 0;

  constructor(
    readonly header: string[],
    private readonly positions: Map<string, number>,
    private readonly context: FileContext,
  ) {}

  has(field: string): boolean {
    return this.positions.has(field);
  }

  raw(field: string): string {
    const position = this.positions.get(field);
    return position === undefined ? '' : (this.cells[position] ?? '').trim();
  }

  /** Free text (post text, campaign…): refused when it could run in a spreadsheet or hides control characters. */
  text(field: string): string | null {
    const value = this.raw(field);
    if (value === '' || value === '-') return null;
    if (value.length > MAX_TEXT) return this.fail(field, `text of at most ${MAX_TEXT} characters`);
    if (hasControlCharacter(value)) return this.fail(field, 'text without control characters');
    if (FORMULA.test(value))
      return this.fail(
        field,
        'text, not a spreadsheet formula (it would run when the data is opened)',
      );
    return value;
  }

  count(field: string): number | null {
    const value = parseCount(this.raw(field), this.context.decimal);
    return value instanceof NotANumber ? this.fail(field, value.expected) : value;
  }

  number(field: string): number | null {
    const value = parseNumber(this.raw(field), this.context.decimal);
    return value instanceof NotANumber ? this.fail(field, value.expected) : value;
  }

  time(field: string, required = true): number | null {
    const value = this.raw(field);
    if (value === '' && !required) return null;
    const { dayOrder, today, years, yearSource } = this.context;
    const time = parsePlatformTime(value, dayOrder, today, years);
    if (time !== null && isYearless(value)) this.yearlessDates++;
    if (time === null && isYearless(value) && years.range)
      return this.fail(field, `a day within ${yearSource}`);
    return time ?? this.fail(field, 'a date such as 2026-09-18, 09/18/2026 or Jan 5, 2026');
  }

  /** A value every row needs (an id): missing, it is reported. */
  required(field: string): string | null {
    const before = this.badCells;
    const value = this.text(field);
    return value === null && this.badCells === before ? this.fail(field, 'a value') : value;
  }

  fail(field: string, expected: string): null {
    this.badCells++;
    if (this.errors.length < 20) {
      const position = this.positions.get(field);
      this.errors.push(
        new InputError('bad value', {
          file: this.context.file,
          line: this.line,
          column: position === undefined ? field : this.header[position],
          value: (position === undefined ? '' : (this.cells[position] ?? '')).slice(0, 80),
          expected,
        }),
      );
    }
    return null;
  }
}
