// SQL that reads one staged record (columns c0…cN, all text) the way RowReader reads a record in
// JavaScript. It reads only the cell forms it is sure of; every other cell becomes a doubt, and one
// doubt anywhere sends the whole file to the row reader, which reads or refuses it with its line.
import { PLATFORM_BY_SOURCE } from '../../model/index.ts';
import type { FileContext } from './format.ts';
import { MISSING } from './numbers.ts';

/** What String.prototype.trim and a JavaScript \s take for space. */
const JS_SPACES = '\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
const SPACE = `[${JS_SPACES.replace('\u2000-\u200a', '\\x{2000}-\\x{200a}')}]`;
const NOT_SPACE = `[^${SPACE.slice(1)}`;
const CONTROL = '[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]';
const FORMULA = `^(=${SPACE}*[A-Za-z_.]+${SPACE}*[(|!]|[=+\\-@]${NOT_SPACE}*\\|)`;
const PLAIN_COUNT = '\\d{1,15}';
const JSON_INTEGER = '0|[1-9]\\d{0,14}';
// Texts are at most 100 000 UTF-16 units: beyond half of that in code points, the row reader decides.
const SURE_TEXT_LENGTH = 50_000;
const ISO_TIME = `(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?)?${SPACE}*(Z|[+-]\\d{2}:?\\d{2})?`;

// The usual shape of an export's time, in UTC: read without ISO_TIME's costlier general case.
const UTC_MINUTE_OR_SECOND =
  '\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}(:\\d{2})?( ?([Zz]|[+-]00:?00))?';

/**
 * Computed column: every numeric cell of the record is in its plain form (digits, a plain decimal,
 * '-' or empty). Numeric values read such a record with a bare cast instead of a regex per cell.
 */
const ALL_PLAIN = 'cadran_all_plain';
/** Flags stagedCells sets on each record. */
const SUSPECT = 'cadran_suspect';
const RECORD_PLAIN = 'cadran_record_plain';
/** Joins a record's cells for the flags: a private-use character, neither space nor control. */
const RECORD_SEPARATOR = '\ue000';

export const sqlString = (text: string): string => `'${text.replaceAll("'", "''")}'`;
const sqlList = (values: readonly string[]) => values.map(sqlString).join(', ');

export class StagedRow {
  /**
   * SQL conditions true for a record the row reader must read instead (see doubtful); they may name
   * the plan's computed columns.
   */
  readonly doubts: string[] = [];
  /**
   * Values computed once per record that the plan's columns and the doubts both read (as
   * BulkPlan.columns, which may name them): a time is parsed once, not once more for its doubt.
   */
  readonly columns: Record<string, string> = {};
  /** Doubts about numeric cells, checked only when a record's cells are not all in a plain form. */
  private readonly cellDoubts: string[] = [];
  /** Each numeric cell's plain form; an absent field has no position and reads as ''. */
  private readonly plainForms: { position: number | undefined; form: string }[] = [];

  constructor(
    private readonly positions: Map<string, number>,
    private readonly context: FileContext,
  ) {}

  has(field: string): boolean {
    return this.positions.has(field);
  }

  /** The trimmed cell ('' when empty or absent), as RowReader.raw. */
  raw(field: string): string {
    const position = this.positions.get(field);
    return position === undefined ? "''" : rawCell(position);
  }

  /** Free text: NULL for '' and '-', a doubt when it could be refused. */
  text(field: string): string {
    const raw = this.raw(field);
    this.doubt(
      `CASE WHEN ${SUSPECT} THEN length(${raw}) > ${SURE_TEXT_LENGTH} OR regexp_matches(${raw}, ${sqlString(`${CONTROL}|${FORMULA}`)}) ELSE false END`,
    );
    return `CASE WHEN ${raw} IN ('', '-') THEN NULL ELSE ${raw} END`;
  }

  /** A value every record needs: a missing one is a doubt (the row reader reports it). */
  required(field: string): string {
    const text = this.text(field);
    this.doubt(`${text} IS NULL`);
    return text;
  }

  /** A whole count ≥ 0: digits, in groups of three or not, or a missing mark; other forms are doubts. */
  count(field: string): string {
    const raw = this.raw(field);
    const grouped = `regexp_full_match(${raw}, ${sqlString(groupedCount(this.context.decimal))})`;
    this.cellDoubt(
      this.positions.get(field),
      `${PLAIN_COUNT}|-`,
      `NOT (regexp_full_match(${raw}, '${PLAIN_COUNT}') OR ${grouped} OR ${isMissing(raw)})`,
    );
    return `CASE WHEN "${ALL_PLAIN}" THEN TRY_CAST(${raw} AS BIGINT)
      WHEN regexp_full_match(${raw}, '${PLAIN_COUNT}') THEN CAST(${raw} AS BIGINT)
      WHEN ${grouped} THEN CAST(regexp_replace(${raw}, '[^0-9]', '', 'g') AS BIGINT) END`;
  }

  /** A number written plainly (decimal mark of the file, at most 15 integer digits) or missing. */
  number(field: string): string {
    const raw = this.raw(field);
    const plain = plainNumber(raw, this.context.decimal);
    this.cellDoubt(
      this.positions.get(field),
      `${plain.pattern}|-`,
      `NOT (${plain.matches} OR ${isMissing(raw)})`,
    );
    return `CASE WHEN "${ALL_PLAIN}" THEN ${plain.valueOrNull} WHEN ${plain.matches} THEN ${plain.value} END`;
  }

  /** An ISO 8601 date or time (UTC unless it has an offset), or YYYYMMDD; other forms are doubts. */
  time(field: string): string {
    const raw = this.raw(field);
    const time = `(CASE WHEN regexp_full_match(${raw}, '\\d{8}') THEN try_strptime(${raw}, '%Y%m%d')
      WHEN regexp_full_match(${raw}, ${sqlString(UTC_MINUTE_OR_SECOND)}) THEN ${utcMinuteOrSecond(raw)}
      WHEN regexp_full_match(${raw}, ${sqlString(ISO_TIME)}, 'i') THEN ${isoTime(raw)} END)`;
    const column = `cadran_time_${field}`;
    this.columns[column] = time;
    this.doubt(`"${column}" IS NULL`);
    return `"${column}"`;
  }

  /**
   * The JSON object of the numeric cells at `columns` (name → number, as the row reader writes it),
   * NULL when none holds a number; a cell with digits in another form is a doubt.
   */
  extras(columns: { position: number; name: string }[]): string {
    const members = columns.map(({ position, name }) => {
      const raw = rawCell(position);
      const plain = plainNumber(raw, this.context.decimal);
      this.cellDoubt(
        position,
        `${plain.pattern}|-`,
        `NOT (${plain.matches} OR ${isMissing(raw)}) AND regexp_matches(${raw}, '\\d')`,
      );
      const key = sqlString(`${JSON.stringify(name)}:`);
      // Empty cells and whole numbers written as JSON writes them are the usual: no cast for them.
      // A cell with digits that is neither plain nor missing is a doubt, so its mapped value never
      // lands: the last branch need not check the form again, only drop what casts to no finite
      // number (missing marks, and words such as nan or inf, which the row reader skips too).
      return `CASE WHEN ${raw} IN ('', '-') THEN NULL
        WHEN regexp_full_match(${raw}, '${JSON_INTEGER}') THEN ${key} || ${raw}
        WHEN regexp_full_match(${raw}, '${PLAIN_COUNT}') THEN ${key} || CAST(CAST(${raw} AS BIGINT) AS VARCHAR)
        WHEN isfinite(${plain.valueOrNull}) THEN ${key} || CAST(${plain.valueOrNull} AS VARCHAR) END`;
    });
    if (members.length === 0) return 'NULL';
    return `'{' || nullif(concat_ws(',', ${members.join(', ')}), '') || '}'`;
  }

  /** True for a totals record: its first cell is one of `totals` (lower case), see NativeFormat. */
  static isTotal(totals: readonly string[]): string {
    return totals.length ? `lower(${rawCell(0)}) IN (${sqlList(totals)})` : 'false';
  }

  /** True for a record whose every cell is empty (a blank row, or the end of a report's first table). */
  static isBlank(width: number): string {
    return Array.from({ length: width }, (_, position) => `${rawCell(position)} = ''`).join(
      ' AND ',
    );
  }

  /**
   * True for a record the row reader must read instead; call it once the plan is built, as it
   * defines the ALL_PLAIN column the numeric values read. Checking each numeric cell costs a regex
   * per cell; one regex over the record's numeric cells, joined by a separator no plain form holds,
   * clears most records at once.
   */
  doubtful(): string {
    const doubts = [...this.doubts];
    if (this.cellDoubts.length) {
      const cells = this.plainForms.map(({ position }) =>
        position === undefined ? "''" : rawCell(position),
      );
      const joined = `concat_ws(chr(31), ${cells.join(', ')})`;
      const forms = this.plainForms.map(({ form }) => `(?:${form})?`).join('\\x1f');
      this.columns[ALL_PLAIN] = `CASE WHEN ${RECORD_PLAIN} THEN true
        WHEN ${SUSPECT} THEN regexp_full_match(${joined}, ${sqlString(forms)}) ELSE false END`;
      // CASE, not AND: DuckDB evaluates every operand of AND and OR outside a WHERE clause.
      doubts.push(`(CASE WHEN "${ALL_PLAIN}" THEN false ELSE ${this.cellDoubts.join(' OR ')} END)`);
    }
    return doubts.length ? doubts.join(' OR ') : 'false';
  }

  private doubt(condition: string): void {
    this.doubts.push(`(${condition})`);
  }

  /** Each numeric cell's plain form, by position (see stagedCells). */
  plainFormsByPosition(): Map<number, string> {
    const forms = new Map<number, string>();
    for (const { position, form } of this.plainForms)
      if (position !== undefined) forms.set(position, form);
    return forms;
  }

  /** A doubt about a numeric cell, which cannot hold `plainForm` (nor '') when it is true. */
  private cellDoubt(position: number | undefined, plainForm: string, condition: string): void {
    this.plainForms.push({ position, form: plainForm });
    this.cellDoubts.push(`(${condition})`);
  }
}

/**
 * SQL of a record's cells c0…c(width-1) as the row reader sees them, read from `from`: '' when
 * absent, trimmed of JavaScript's spaces; with two flags over the whole record, which spare most
 * records a regex per cell:
 * - SUSPECT: some cell may need trimming (a space at an edge), or may be refused as text (a control
 *   character, a formula's start, or a record long enough to hold an over-long cell). Only suspect
 *   records are trimmed and have their texts checked one by one.
 * - RECORD_PLAIN: every numeric cell (`plainForms`, by position) is in its plain form.
 * Both read the cells joined by a private-use character: a cell holding it only makes the record
 * suspect or not plain, which costs time, never a wrong value.
 */
export function stagedCells(width: number, from: string, plainForms: Map<number, string>): string {
  const cells = Array.from({ length: width }, (_, position) => `coalesce(c${position}, '')`);
  const joined = `SELECT *, concat_ws(${sqlString(RECORD_SEPARATOR)}, ${cells.join(', ')}) AS cadran_record FROM ${from}`;
  const notSeparator = `[^${RECORD_SEPARATOR}]*`;
  const recordForms = Array.from({ length: width }, (_, position) => {
    const form = plainForms.get(position);
    return form === undefined ? notSeparator : `(?:${form})?`;
  }).join(RECORD_SEPARATOR);
  const cellStart = `(?:^|${RECORD_SEPARATOR})`;
  const cellEnd = `(?:${RECORD_SEPARATOR}|$)`;
  const formulaStart = FORMULA.replace('^', '').replace(
    NOT_SPACE,
    `[^${RECORD_SEPARATOR}${SPACE.slice(1)}`,
  );
  const suspect = `${cellStart}${SPACE}|${SPACE}${cellEnd}|${CONTROL}|${cellStart}${formulaStart}`;
  const flagged = `SELECT *,
      strlen(cadran_record) > ${SURE_TEXT_LENGTH} OR regexp_matches(cadran_record, ${sqlString(suspect)}) AS ${SUSPECT},
      regexp_full_match(cadran_record, ${sqlString(recordForms)}) AS ${RECORD_PLAIN}
    FROM (${joined})`;
  const trimmed = cells.map(
    (cell, position) =>
      `CASE WHEN ${SUSPECT} THEN ${trimSpaces(cell)} ELSE ${cell} END AS c${position}`,
  );
  return `SELECT ${trimmed.join(', ')}, ${SUSPECT}, ${RECORD_PLAIN} FROM (${flagged})`;
}

const trimSpaces = (text: string) =>
  `regexp_replace(${text}, ${sqlString(`^${SPACE}+|${SPACE}+$`)}, '', 'g')`;

/** A cell of the record, already trimmed (see stagedCells). */
const rawCell = (position: number): string => `c${position}`;

/** 1,234,567 (or 1 234 567) where "." is the decimal mark; 1 234 567 or 1.234.567 where it is ",". */
function groupedCount(decimal: '.' | ','): string {
  const separators =
    decimal === '.'
      ? ",| |\\x{00a0}|\\x{202f}|\\x{2009}|'"
      : "\\.| |\\x{00a0}|\\x{202f}|\\x{2009}|'";
  return separators
    .split('|')
    .map((separator) => `\\d{1,3}(${separator}\\d{3}){1,4}`)
    .join('|');
}

// list_contains, not IN: DuckDB turns an IN list this long into a join that runs on every record,
// even where a CASE would not read it.
const isMissing = (raw: string) => `list_contains([${sqlList([...MISSING])}], lower(${raw}))`;

function plainNumber(
  raw: string,
  decimal: '.' | ',',
): { pattern: string; matches: string; value: string; valueOrNull: string } {
  const pattern =
    decimal === '.' ? '[+-]?(\\d{1,15}(\\.\\d*)?|\\.\\d+)' : '[+-]?(\\d{1,15}(,\\d*)?|,\\d+)';
  const normalised = decimal === '.' ? raw : `replace(${raw}, ',', '.')`;
  return {
    pattern,
    matches: `regexp_full_match(${raw}, '${pattern}')`,
    value: `CAST(${normalised} AS DOUBLE)`,
    /** The value, or NULL where the cell is not a number, without checking its form. */
    valueOrNull: `TRY_CAST(${normalised} AS DOUBLE)`,
  };
}

function utcMinuteOrSecond(raw: string): string {
  const seconds = `CASE WHEN substr(${raw}, 17, 1) = ':' THEN substr(${raw}, 17, 3) ELSE ':00' END`;
  return `try_strptime(left(${raw}, 10) || ' ' || substr(${raw}, 12, 5) || ${seconds}, '%Y-%m-%d %H:%M:%S')`;
}

/** The TIMESTAMP (UTC) of a cell matching ISO_TIME, NULL when the date or time does not exist. */
function isoTime(raw: string): string {
  const parts = `regexp_extract(${raw}, ${sqlString(ISO_TIME)}, ['y', 'mo', 'd', 'h', 'mi', 's', 'f', 'z'], 'i')`;
  return `list_transform([${parts}], p -> CASE
    WHEN coalesce(nullif(p.h, ''), '0')::INT > 23 OR coalesce(nullif(p.mi, ''), '0')::INT > 59
      OR coalesce(nullif(p.s, ''), '0')::INT > 59
      OR (p.z NOT IN ('', 'Z', 'z') AND (substr(p.z, 2, 2)::INT > 23 OR right(p.z, 2)::INT > 59))
    THEN NULL
    ELSE try_strptime(p.y || '-' || p.mo || '-' || p.d || ' ' || coalesce(nullif(p.h, ''), '00') || ':'
        || coalesce(nullif(p.mi, ''), '00') || ':' || coalesce(nullif(p.s, ''), '00'), '%Y-%m-%d %H:%M:%S')
      + to_milliseconds(rpad(left(p.f, 3), 3, '0')::INT)
      - CASE WHEN p.z IN ('', 'Z', 'z') THEN INTERVAL 0 MINUTE
          ELSE to_minutes((CASE WHEN left(p.z, 1) = '-' THEN -1 ELSE 1 END)
            * (substr(p.z, 2, 2)::INT * 60 + right(p.z, 2)::INT)) END
    END)[1]`;
}

/** SQL of the name platformOfSource looks up for a traffic source (see platformOfNameSql). */
export function sourceNameSql(source: string): string {
  const name = `split_part(regexp_replace(lower(${trimSpaces(`coalesce(${source}, '')`)}), '^www\\.', ''), ' / ', 1)`;
  return trimSpaces(name);
}

/**
 * SQL of platformOfSource over a computed sourceNameSql: the network a traffic source names, NULL
 * when it is not social. Kept apart so a record normalises its source once, not once per lookup.
 */
export function platformOfNameSql(name: string): string {
  const cases = (entries: [string, string][]) =>
    entries
      .map(([source, platform]) => `WHEN ${sqlString(source)} THEN ${sqlString(platform)}`)
      .join(' ');
  // platformOfSource's second lookup, of "www." + name, can only find the names listed with "www.":
  // those are looked up without it, rather than prefixing every name.
  const withWww = [...PLATFORM_BY_SOURCE]
    .filter(([source]) => source.startsWith('www.'))
    .map(([source, platform]): [string, string] => [source.slice(4), platform]);
  const second = withWww.length ? `CASE ${name} ${cases(withWww)} END` : 'NULL';
  return `coalesce(CASE ${name} ${cases([...PLATFORM_BY_SOURCE])} END, ${second})`;
}
