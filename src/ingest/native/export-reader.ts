// Turns each record of an export into canonical rows and extra metrics, through its format.
import type { Platform } from '../../model/index.ts';
import { InputError } from '../../model/index.ts';
import type { CanonicalRow, FileContext, NativeFormat, RowOutput } from './format.ts';
import { extraColumns, fieldPositions } from './columns.ts';
import type { Landing } from './landing.ts';
import { parseNumber } from './numbers.ts';
import type { SkipCode } from './messages.ts';
import { FileTotals } from './reconcile.ts';
import { RowReader } from './row-reader.ts';

const MAX_REPORTED_ERRORS = 20;

interface ExtrasTarget {
  table: string;
  entityKey: string;
  platform: Platform | null;
}

export class ExportReader implements RowOutput {
  readonly reader: RowReader;
  private readonly extraColumns: number[];
  private readonly extraNames: string[];
  private readonly totals: Set<string>;
  private target: ExtrasTarget | null = null;
  private pendingRows: { table: string; row: CanonicalRow }[] = [];
  private tableEnded = false;
  /** After the first table: the next line that is no comment is another section's header. */
  private sectionTitle: string | null = null;
  private awaitingHeader = false;
  /** Sections after the first table (GA4 snapshots): named by their "#" title or their columns. */
  readonly skippedSections: string[] = [];
  rows = 0;
  extras = 0;
  /** The mapped metrics' totals over the rows landed, for the reconciliation. */
  readonly fileTotals = new FileTotals();
  /** Rows left out on purpose, by the rule that left them out. */
  readonly skipped = new Map<SkipCode, number>();

  constructor(
    private readonly format: NativeFormat,
    private readonly header: string[],
    private readonly context: FileContext,
    private readonly landing: Landing,
  ) {
    const positions = fieldPositions(format, header);
    const extras = extraColumns(format, header, positions);
    this.extraColumns = extras.map((column) => column.position);
    this.extraNames = extras.map((column) => JSON.stringify(column.name));
    this.totals = new Set(format.totalRows ?? []);
    this.reader = new RowReader(header, positions, context);
  }

  emit(table: string, row: CanonicalRow): void {
    this.pendingRows.push({ table, row });
  }

  extrasBelongTo(table: string, entityKey: string, platform: Platform | null): void {
    this.target = { table, entityKey, platform };
  }

  /** Reads one record; returns a promise only when a full batch is being landed. */
  read(cells: string[], line: number): Promise<void> | undefined {
    if (this.tableEnded) return this.noteSection(cells);
    if (cells.every((cell) => cell.trim() === '')) {
      this.tableEnded = this.rows > 0 && Boolean(this.format.firstTableOnly);
      this.awaitingHeader = this.tableEnded;
      return;
    }
    if (this.totals.size > 0 && this.totals.has((cells[0] ?? '').trim().toLowerCase())) return;
    this.checkFieldCount(cells, line);
    const reader = this.reader;
    const badBefore = reader.badCells;
    reader.cells = cells;
    reader.line = line;
    const skip = this.format.skipRows?.find((rule) => rule.applies(reader));
    if (skip) return void this.skipped.set(skip.code, (this.skipped.get(skip.code) ?? 0) + 1);
    this.format.readRow(reader, this, this.context);
    if (reader.badCells > badBefore) {
      this.pendingRows = [];
      this.target = null;
      if (reader.badCells >= MAX_REPORTED_ERRORS) throw this.badValues();
    } else this.land(cells);
    return this.landing.isFull ? this.landing.flush() : undefined;
  }

  /**
   * The tables after the first are other breakdowns of the same sessions (or data with no table in
   * Cadran): reading them would count the sessions again, so each is named in the summary instead.
   */
  private noteSection(cells: string[]): undefined {
    const filled = cells.map((cell) => cell.trim()).filter(Boolean);
    if (filled.length === 0) this.awaitingHeader = true;
    else if (this.awaitingHeader && filled[0].startsWith('#')) {
      const title = filled[0].replace(/^#[\s-]*/, '');
      if (title) this.sectionTitle = title;
    } else if (this.awaitingHeader) {
      this.skippedSections.push(this.sectionTitle ?? filled.slice(0, 3).join(', '));
      this.awaitingHeader = false;
      this.sectionTitle = null;
    }
    return undefined;
  }

  private land(cells: string[]): void {
    for (const { table, row } of this.pendingRows) {
      this.landing.add(table, row);
      this.fileTotals.add(table, row);
    }
    this.pendingRows = [];
    this.rows++;
    if (this.target) this.landExtras(cells, this.target);
    this.target = null;
  }

  /** The JSON object is written by hand: the names are escaped once per file, not once per row. */
  private landExtras(cells: string[], target: ExtrasTarget): void {
    let json = '';
    for (let position = 0; position < this.extraColumns.length; position++) {
      const value = parseNumber(cells[this.extraColumns[position]] ?? '', this.context.decimal);
      if (typeof value !== 'number') continue;
      json += `${json ? ',' : '{'}${this.extraNames[position]}:${value}`;
    }
    if (!json) return;
    this.extras++;
    this.landing.add('extra_metrics', {
      table_name: target.table,
      format: this.format.name,
      entity_key: target.entityKey,
      platform: target.platform,
      metrics: `${json}}`,
    });
  }

  /** Throws the bad values found, if any; call once every record was read. */
  finish(): void {
    if (this.reader.badCells > 0) throw this.badValues();
  }

  private badValues(): InputError {
    const { errors, badCells } = this.reader;
    const counted = badCells >= MAX_REPORTED_ERRORS ? `${badCells} or more` : String(badCells);
    return new InputError(
      `${counted} bad value${badCells > 1 ? 's' : ''} in ${this.context.file}; nothing was imported`,
      { ...errors[0].location, code: 'bad-values', params: { count: badCells } },
      errors,
    );
  }

  private checkFieldCount(cells: string[], line: number): void {
    if (cells.length === this.header.length) return;
    const extra = cells.slice(this.header.length).some((cell) => cell.trim() !== '');
    if (cells.length >= this.header.length && !extra) return;
    const fields = cells.length;
    throw new InputError(
      `the file is malformed: line ${line} has ${fields} fields, the header ${this.header.length}`,
      {
        file: this.context.file,
        line,
        column:
          fields < this.header.length ? this.header[fields] : `field ${this.header.length + 1}`,
        expected: `${this.header.length} fields as in the header; text containing the separator must be quoted`,
      },
    );
  }
}
