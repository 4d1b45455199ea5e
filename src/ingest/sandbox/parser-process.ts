// The process that parses one untrusted file for the server and then exits: whatever a parser does
// to this process (prototype pollution, runaway memory, a regular expression that never ends) stays
// here. It answers the requests of ParserSandbox (see protocol.ts) one at a time.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { InputError } from '../../model/index.ts';
import { openCsv, readHead, streamCsvRecords, type CsvFile } from '../native/read-csv.ts';
import type { Cell } from '../../store/index.ts';
import type {
  CsvRecord,
  OpenedFile,
  ParsedCadranCsv,
  ParserReply,
  ParserRequest,
  SerialisedInputError,
} from './protocol.ts';
import { workbookOverLimits } from './zip-limits.ts';

const RECORDS_PER_MESSAGE = 5_000;
type RecordsFrom = Extract<ParserRequest, { task: 'records' }>['from'];

let opened: { path: string; file: string; csv?: CsvFile } | null = null;
let acknowledge: (() => void) | null = null;

const reply = (message: ParserReply) =>
  new Promise<void>((resolve, reject) =>
    process.send!(message, undefined, {}, (error) => (error ? reject(error) : resolve())),
  );

async function open(request: Extract<ParserRequest, { task: 'open' }>): Promise<OpenedFile> {
  opened = { path: request.path, file: request.file };
  if (!request.workbook) {
    const { head, size } = await readHead(request.path);
    opened.csv = await openCsv(request.path, request.file, head, size);
    return { kind: 'csv', csv: opened.csv };
  }
  const bytes = await readFile(request.path);
  const refusal = bytes[0] === 0x50 ? workbookOverLimits(bytes) : null;
  if (refusal) throw new TooLarge(refusal);
  // Loaded on demand: the spreadsheet and Cadran CSV readers take long to load for a CSV export.
  const { readWorkbook } = await import('../native/read-xlsx.ts');
  return { kind: 'workbook', sheets: readWorkbook(bytes, request.file) };
}

/** Sends one batch of the answer and waits until the server took it. */
async function sendBatch(items: CsvRecord[] | Cell[][], bytes: number): Promise<void> {
  const taken = new Promise<void>((resolve) => (acknowledge = resolve));
  await reply({ type: 'batch', items, bytes });
  await taken;
}

/** Sends the records in batches, each after the server took the previous one. */
async function records(from?: RecordsFrom): Promise<{ hash: string }> {
  const hash = createHash('sha256');
  let batch: CsvRecord[] = [];
  let bytes = 0;
  const send = async () => {
    const sent = batch;
    batch = [];
    await sendBatch(sent, bytes);
  };
  await streamCsvRecords(
    { ...opened!.csv!, ...from },
    (cells, line) => {
      batch.push([cells, line]);
      return batch.length >= RECORDS_PER_MESSAGE ? send() : undefined;
    },
    { hash, onBytes: (count) => void (bytes += count) },
  );
  if (batch.length > 0) await send();
  return { hash: hash.digest('hex') };
}

async function cadranCsv(options: ParsedCadranCsvRequest['options']): Promise<ParsedCadranCsv> {
  const { parseCadranCsv } = await import('../cadran-csv.ts');
  const parsed = parseCadranCsv(await readFile(opened!.path), opened!.file, options);
  for (let start = 0; start < parsed.rows.length; start += RECORDS_PER_MESSAGE)
    await sendBatch(parsed.rows.slice(start, start + RECORDS_PER_MESSAGE), 0);
  return { table: parsed.table.name, columns: parsed.columns };
}
type ParsedCadranCsvRequest = Extract<ParserRequest, { task: 'cadran-csv' }>;

/** A refusal of the file as a whole, reported to the user as too large or too complex. */
class TooLarge extends Error {}

function serialise(error: InputError): SerialisedInputError {
  return {
    message: error.message,
    location: { ...error.location },
    details: error.details.map(serialise),
  };
}

async function handle(request: ParserRequest): Promise<unknown> {
  switch (request.task) {
    case 'open':
      return open(request);
    case 'records':
      return records(request.from);
    case 'cadran-csv':
      return cadranCsv(request.options);
    default:
      return undefined;
  }
}

process.on('message', (request: ParserRequest) => {
  if (request.task === 'ack') return acknowledge?.();
  handle(request).then(
    (value) => reply({ type: 'done', value }),
    (error: unknown) =>
      reply({
        type: 'failed',
        message: String(error),
        ...(error instanceof TooLarge && { tooLarge: error.message }),
        ...(error instanceof InputError && { inputError: serialise(error) }),
      }),
  );
});
