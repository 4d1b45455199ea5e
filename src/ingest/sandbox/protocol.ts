// Messages between the server and the process that parses an untrusted file (see parser-process.ts).
import type { CadranCsvOptions } from '../cadran-csv.ts';
import type { CsvFile } from '../native/read-csv.ts';
import type { Sheet } from '../native/read-xlsx.ts';
import type { Cell } from '../../store/index.ts';
import type { Location } from '../../model/index.ts';

export type ParserRequest =
  | { task: 'open'; path: string; file: string; size: number; workbook: boolean }
  /** From a later table's header (see sections.ts) rather than the file's first one. */
  | { task: 'records'; from?: { headerLine: number; preambleChars: number } }
  | { task: 'cadran-csv'; options: CadranCsvOptions }
  | { task: 'ack' };

/** What `open` found: a CSV whose records are read on request, or a workbook read whole. */
export type OpenedFile = { kind: 'csv'; csv: CsvFile } | { kind: 'workbook'; sheets: Sheet[] };

/** A Cadran CSV once its rows were sent in batches (see ParserReply 'batch'). */
export interface ParsedCadranCsv {
  table: string;
  columns: string[];
}

/** A CSV record and the line it starts on. */
export type CsvRecord = [string[], number];

export interface SerialisedInputError {
  message: string;
  location: Location;
  details: SerialisedInputError[];
}

export type ParserReply =
  | { type: 'done'; value: unknown }
  /** Part of the answer: CSV records, or rows of a Cadran CSV; the next comes after an 'ack'. */
  | { type: 'batch'; items: CsvRecord[] | Cell[][]; bytes: number }
  | { type: 'failed'; inputError?: SerialisedInputError; tooLarge?: string; message: string };
