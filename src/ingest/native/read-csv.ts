// Streams a CSV export record by record: encoding sniffed from its first bytes, "#" preamble skipped,
// each record given the line it starts on.
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { InputError } from '../../model/index.ts';
import { detectSeparator } from '../text.ts';
import { chunkDecoder, sniffEncoding, type SniffedEncoding } from './decode.ts';
// GA4's comment lines: "#", "# Account: …", "# ----"; a header may start with a "#" column (Typeform).
import { laterSections, PREAMBLE_LINE, type CsvSection } from './sections.ts';

const HEAD_BYTES = 256 * 1024;
const MAX_RECORD_CHARS = 1_000_000;

export interface CsvFile {
  path: string;
  file: string;
  size: number;
  encoding: SniffedEncoding;
  separator: ',' | ';' | '\t';
  header: string[];
  /** Line of the header (after any preamble). */
  headerLine: number;
  /** Characters of preamble before the header, in decoded text. */
  preambleChars: number;
  preamble: string[];
  /** The tables after the first one in the file's head (GA4's Reports snapshot), if any. */
  sections: CsvSection[];
}

export type RecordHandler = (cells: string[], line: number) => void | Promise<void>;

export async function readHead(path: string): Promise<{ head: Uint8Array; size: number }> {
  const handle = await open(path);
  try {
    const { size } = await handle.stat();
    const head = new Uint8Array(Math.min(size, HEAD_BYTES));
    await handle.read(head, 0, head.length, 0);
    return { head, size };
  } finally {
    await handle.close();
  }
}

/** Reads the start of the file: encoding, preamble, separator and header. */
export async function openCsv(
  path: string,
  file: string,
  head: Uint8Array,
  size: number,
): Promise<CsvFile> {
  const encoding = sniffEncoding(head);
  const text = chunkDecoder(encoding.encoding, file).write(head.subarray(encoding.bomLength));
  const lines = text.split('\n');
  let index = 0;
  let preambleChars = 0;
  while (index < lines.length - 1 && PREAMBLE_LINE.test(lines[index]))
    preambleChars += lines[index++].length + 1;
  const headerLine = lines[index].replace(/\r$/, '');
  if (headerLine.trim() === '')
    throw new InputError('the file is empty', {
      file,
      line: index + 1,
      expected: 'a header line and rows',
    });
  const separator = detectSeparator(headerLine);
  return {
    path,
    file,
    size,
    encoding,
    separator,
    header: parseHeader(headerLine, separator, file, index + 1),
    headerLine: index + 1,
    preambleChars,
    preamble: lines.slice(0, index).map((line) => line.trim()),
    sections: laterSections(lines, index, (line, lineNumber) => {
      try {
        return parseHeader(line, separator, file, lineNumber);
      } catch {
        return [];
      }
    }),
  };
}

function parseHeader(line: string, separator: string, file: string, lineNumber: number): string[] {
  try {
    const [header] = parseSync(line, { delimiter: separator, relax_quotes: true }) as string[][];
    return header ?? [];
  } catch (error) {
    throw new InputError(`the header line is malformed: ${(error as Error).message}`, {
      file,
      line: lineNumber,
      expected: 'a line of column names separated by , ; or tab',
    });
  }
}

const newlinesIn = (cells: string[]) =>
  cells.reduce((count, cell) => count + (cell.includes('\n') ? cell.split('\n').length - 1 : 0), 0);

const CSV_PROBLEMS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quote is never closed',
  INVALID_OPENING_QUOTE: 'a quote opens in the middle of a field',
  CSV_INVALID_CLOSING_QUOTE: 'a closing quote is followed by more text',
  CSV_MAX_RECORD_SIZE: `a record is longer than ${MAX_RECORD_CHARS.toLocaleString('en-US')} characters`,
};

/** The decoded text of the file after its preamble, chunk by chunk, hashing the raw bytes on the way. */
function decodedText(csv: CsvFile, watch: StreamWatch) {
  return async function* (chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
    const decoder = chunkDecoder(csv.encoding.encoding, csv.file);
    let bomToSkip = csv.encoding.bomLength;
    let preambleToSkip = csv.preambleChars;
    for await (const chunk of chunks) {
      watch.hash.update(chunk);
      watch.onBytes(chunk.length);
      let text = decoder.write(chunk.subarray(bomToSkip));
      bomToSkip = 0;
      if (preambleToSkip > 0) {
        const skipped = Math.min(preambleToSkip, text.length);
        text = text.slice(skipped);
        preambleToSkip -= skipped;
      }
      if (text) yield text;
    }
    const rest = decoder.end();
    if (rest) yield rest;
  };
}

export interface StreamWatch {
  hash: Hash;
  onBytes(bytes: number): void;
}

function isParseError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('CSV_') || code.startsWith('INVALID_'));
}

function malformed(error: unknown, csv: CsvFile, line: number): InputError {
  const detail = error as { code: string; message?: string; index?: number };
  const problem =
    CSV_PROBLEMS[detail.code] ?? (detail.message ?? '').replace(/,? (?:at|on) line \d+/g, '');
  return new InputError(`the CSV is malformed: ${problem}`, {
    file: csv.file,
    line,
    column: detail.index === undefined ? undefined : csv.header[detail.index],
    expected: 'every quote closed, and quotes inside a quoted field doubled ("")',
  });
}

function csvParser(csv: CsvFile, onRecord?: (record: string[]) => void) {
  return parse({
    delimiter: csv.separator,
    relax_column_count: true,
    max_record_size: MAX_RECORD_CHARS,
    skip_empty_lines: false,
    ...(onRecord && {
      on_record: (record: string[]) => {
        onRecord(record);
        return record;
      },
    }),
  });
}

/**
 * The line where the record the parser choked on starts. The parser reads ahead of the consumer,
 * so on an error the file is parsed again, counting lines record by record (slower, errors only).
 */
async function lineOfParseError(csv: CsvFile): Promise<number> {
  let line = csv.headerLine;
  const ignoreBytes = { hash: createHash('sha256'), onBytes: () => {} };
  const countLines = (record: string[]) => void (line += 1 + newlinesIn(record));
  await pipeline(
    createReadStream(csv.path, { highWaterMark: 1 << 20 }),
    decodedText(csv, ignoreBytes),
    csvParser(csv, countLines),
    async (records: AsyncIterable<string[]>) => {
      for await (const record of records) void record;
    },
  ).catch(() => undefined);
  return line;
}

/** Calls `onRecord` for every record after the header, in order, waiting when it returns a promise. */
export async function streamCsvRecords(
  csv: CsvFile,
  onRecord: RecordHandler,
  watch: StreamWatch,
): Promise<void> {
  let line = csv.headerLine;
  try {
    await pipeline(
      createReadStream(csv.path, { highWaterMark: 1 << 20 }),
      decodedText(csv, watch),
      csvParser(csv),
      async (records: AsyncIterable<string[]>) => {
        let isHeader = true;
        for await (const cells of records) {
          const start = line;
          line += 1 + newlinesIn(cells);
          if (isHeader) isHeader = false;
          else {
            const landing = onRecord(cells, start);
            if (landing) await landing;
          }
        }
      },
    );
  } catch (error) {
    throw isParseError(error) ? malformed(error, csv, await lineOfParseError(csv)) : error;
  }
}
