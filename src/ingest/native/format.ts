// What a platform export format declares: how to recognise its header and how to read one row.
import type { Platform } from '../../model/index.ts';
import type { Cell, Transaction } from '../../store/index.ts';
import type { DayOrder, YearRule } from './dates.ts';
import type { DecimalMark } from './numbers.ts';
import type { RowReader } from './row-reader.ts';
import type { BulkPlan } from './bulk-plan.ts';
import type { StagedRow } from './staged-row.ts';
import type { RepeatRule } from './reconcile.ts';
import type { SkipCode, YearChoice } from './messages.ts';

export interface FileContext {
  file: string;
  decimal: DecimalMark;
  dayOrder: DayOrder;
  /** Account the export belongs to, when the file names it (handle in the file name, page name…). */
  accountHint: string | null;
  /** `key: value` lines of a `#` preamble (GA4), keys normalised. */
  preamble: Record<string, string>;
  today: number;
  /** The days a report without a date dimension covers, from --from/--to (see ExportOptions). */
  period: CoveredRange | null;
  /** Where dates written without a year take it from, and that source in words. */
  years: YearRule;
  /** That source in words (for errors), and as a value (for the summary's note). */
  yearSource: string;
  yearChoice: YearChoice;
}

/** A canonical row for one table, by column name; import_id is set by the landing. */
export type CanonicalRow = Record<string, Cell>;

export interface RowOutput {
  emit(table: string, row: CanonicalRow): void;
  /** The row the platform's other numeric columns belong to (kept in extra_metrics). */
  extrasBelongTo(table: string, entityKey: string, platform: Platform | null): void;
}

/** Rows a platform writes that are not data (placeholders): left out and counted under `reason`. */
export interface SkipRule {
  code: SkipCode;
  applies(row: RowReader): boolean;
}

export interface NativeFormat {
  name: string;
  label: string;
  /** Each group lists names of one column; the header must hold one name of every group. */
  signature: readonly (readonly string[])[];
  /** Canonical field → the platform's names for it (English and French). Unlisted columns are extras. */
  fields: Record<string, readonly string[]>;
  /** Columns that are neither canonical nor metrics (labels, ids…): never kept as extras. */
  ignored?: readonly string[];
  /** Header names only a French export has: its numbers use "," decimals and its dates put the day first. */
  frenchHeaders?: readonly string[];
  /** The order of day and month in numeric dates, when the format always writes one. */
  dayOrder?: DayOrder;
  /** Several tables may follow each other in one file (GA4); the first one is read. */
  firstTableOnly?: boolean;
  /** Rows whose first cell is one of these (lower case) are totals, not data. */
  totalRows?: readonly string[];
  skipRows?: readonly SkipRule[];
  readRow(row: RowReader, out: RowOutput, context: FileContext): void;
  /**
   * The same reading in SQL, for large files (see bulk.ts); null when this file needs readRow.
   * Every format may leave it out: the row reader reads any file.
   */
  bulk?(row: StagedRow, context: FileContext): BulkPlan | null;
  /** How rows sharing a key combine when combineRepeats does not apply (see reconcile.ts); 'refuse' by default. */
  repeats?: RepeatRule;
  /**
   * Combines the rows of this import that share a key, before the last of them replaces the others
   * (see mergeImport): a report that repeats a key over a dimension Cadran does not map adds up.
   */
  combineRepeats?(tx: Transaction, importId: string): Promise<void>;
  /** Work after every row landed, e.g. replacing what an earlier export of the same days wrote. */
  afterLanding?(tx: Transaction, importId: string, covered: CoveredRange): Promise<number>;
}

export interface CoveredRange {
  from: string | null;
  to: string | null;
}

export type { RowReader };
