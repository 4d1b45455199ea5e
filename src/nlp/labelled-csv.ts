// Reads a labelled CSV (text,label[,lang]) or a text-only one (text[,lang]); any fault names the file, line and column.
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { InputError } from '../model/index.ts';
import type { Sentiment } from './lexicon.ts';

export interface LabelledExample {
  text: string;
  label: Sentiment;
  /** Language as labelled in the set (fr, en, …), "unknown" when the file has no lang column. */
  lang: string;
}

export interface TextRow {
  text: string;
  lang: string | null;
  line: number;
}

const LABELS = new Set(['positive', 'neutral', 'negative']);

interface CsvFault {
  code?: string;
  lines?: number;
  index?: number;
  message: string;
}

function fault(path: string, line: number, column: number | string, message: string): InputError {
  return new InputError(`${path}: line ${line}, column ${column}: ${message}`);
}

function parseRows(path: string, content: string): { header: string[]; rows: string[][] } {
  try {
    const rows = parse(content, { bom: true, skip_empty_lines: true, relax_column_count: false });
    const [header = [], ...body] = rows as string[][];
    return { header: header.map((name) => name.trim().toLowerCase()), rows: body };
  } catch (error) {
    const csv = error as CsvFault;
    const reason = csv.message.replace(/\s+at line \d+.*$|\s+on line \d+$/, '');
    throw fault(path, csv.lines ?? 1, (csv.index ?? 0) + 1, `malformed CSV: ${reason}`);
  }
}

/** The rows of a CSV with a `text` column (and `label` when `needLabel`); lines count from 1, the header being line 1. */
async function readRows(
  path: string,
  needLabel: boolean,
): Promise<{ rows: string[][]; at: Record<string, number> }> {
  let content: string;
  try {
    content = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(`${path}: cannot read the file (${(error as Error).message})`);
  }
  const { header, rows } = parseRows(path, content);
  const at = {
    text: header.indexOf('text'),
    label: header.indexOf('label'),
    lang: header.indexOf('lang'),
  };
  const expected = needLabel ? 'text and label (lang optional)' : 'text (lang optional)';
  if (at.text < 0 || (needLabel && at.label < 0))
    throw fault(
      path,
      1,
      1,
      `expected a header with columns ${expected}, got "${header.join(',')}"`,
    );
  return { rows, at };
}

// csv-parse skips empty lines, so a record's line is counted from the records before it only when none is multi-line;
// the reader below counts physical lines itself to stay exact.
function recordLines(content: string): number[] {
  const starts: number[] = [];
  let line = 1;
  let quoted = false;
  let atRecordStart = true;
  for (let i = 0; i < content.length; i++) {
    const ch = content[i];
    if (atRecordStart && ch !== '\n' && ch !== '\r') {
      starts.push(line);
      atRecordStart = false;
    }
    if (ch === '"') quoted = !quoted;
    else if (ch === '\n') {
      line++;
      if (!quoted) atRecordStart = true;
    }
  }
  return starts;
}

export async function readLabelledCsv(path: string): Promise<LabelledExample[]> {
  const { rows, at } = await readRows(path, true);
  const lines = recordLines(await readFile(path, 'utf8')).slice(1);
  return rows.map((row, k) => {
    const line = lines[k] ?? k + 2;
    const label = (row[at.label] ?? '').trim().toLowerCase();
    if (!LABELS.has(label))
      throw fault(
        path,
        line,
        `${at.label + 1} (label)`,
        `label must be positive, neutral or negative, got "${row[at.label] ?? ''}"`,
      );
    const text = (row[at.text] ?? '').trim();
    if (text === '')
      throw fault(path, line, `${at.text + 1} (text)`, 'text is empty, expected the comment');
    const lang = at.lang >= 0 ? (row[at.lang] ?? '').trim().toLowerCase() : '';
    return { text, label: label as Sentiment, lang: lang || 'unknown' };
  });
}

export async function readTextCsv(path: string): Promise<TextRow[]> {
  const { rows, at } = await readRows(path, false);
  const lines = recordLines(await readFile(path, 'utf8')).slice(1);
  return rows.map((row, k) => ({
    text: row[at.text] ?? '',
    lang: at.lang >= 0 ? (row[at.lang] ?? '').trim().toLowerCase() || null : null,
    line: lines[k] ?? k + 2,
  }));
}
