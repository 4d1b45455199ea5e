// Picks the format of an opened export from its header, or explains why none fits.
import { InputError } from '../../model/index.ts';
import { detectTable } from '../cadran-csv.ts';
import type { NativeFormat } from './format.ts';
import { findColumn, normaliseHeader } from './headers.ts';
import type { CsvFile } from './read-csv.ts';
import type { Sheet } from './read-xlsx.ts';
import {
  formatByName,
  matchFormat,
  NATIVE_FORMATS,
  rankFormats,
  type FormatMatch,
} from './registry.ts';

export const CADRAN_CSV = 'cadran-csv';
/** A note or title may sit above a spreadsheet's header (LinkedIn puts one on row 1). */
const HEADER_SEARCH_ROWS = 10;

export interface Choice {
  format: NativeFormat;
  header: string[];
  headerLine: number;
  preamble: string[];
  separator: string;
  sheet?: Sheet;
  /** The CSV read from the chosen table's header on, when that is not the file's first table. */
  csv?: CsvFile;
  /** The chosen table's title, and the tables before it that were not read (GA4's Reports snapshot). */
  table?: string;
  sectionsBefore?: string[];
}

function requireFormat(name: string): NativeFormat {
  const format = formatByName(name);
  if (!format)
    throw new InputError(`unknown format "${name}"`, {
      expected: `one of ${[...NATIVE_FORMATS.map((known) => known.name), CADRAN_CSV].join(', ')}`,
    });
  return format;
}

function fitsCadranCsv(header: string[], file: string): boolean {
  try {
    detectTable(header, file);
    return true;
  } catch {
    return false;
  }
}

/** A format is named as the closest only when the header holds most of its signature. */
const CLOSE_SHARE = 0.5;

/**
 * Says no known export fits: the closest format when the header holds most of its signature, and
 * the columns it needs that the file lacks. No column is given as the place: the header is at fault.
 */
function unknownFormat(
  closest: FormatMatch,
  header: string[],
  file: string,
  line: number,
): InputError {
  const normalised = header.map(normaliseHeader);
  const tried = [...NATIVE_FORMATS.map((format) => format.name), CADRAN_CSV].join(', ');
  if (closest.share <= CLOSE_SHARE)
    return new InputError(`the columns match no export Cadran knows (tried ${tried})`, {
      file,
      line,
      expected:
        'the header of a supported export (see the format table in the README), or pass --format',
      code: 'unknown-format',
    });
  const missing = closest.format.signature
    .filter((names) => findColumn(normalised, names) < 0)
    .map((names) => names.map((name) => `"${name}"`).join(' or '));
  return new InputError(
    `the columns match no export Cadran knows; closest is ${closest.format.name}, ${closest.format.label}, with ${Math.round(closest.share * 100)} % of its identifying columns`,
    {
      file,
      line,
      expected: `for ${closest.format.name}, the columns it lacks: ${missing.join(', ')}`,
      code: 'unknown-format-closest',
      params: {
        format: closest.format.name,
        share: Math.round(closest.share * 100),
        missing: missing.join(', '),
      },
    },
  );
}

/**
 * The first later table a format that reads one table of several recognises (GA4's Reports snapshot
 * may open with users by country and hold the sessions further down).
 */
function laterTable(csv: CsvFile): Choice | null {
  const found = csv.sections.findIndex((section) => {
    const [best] = rankFormats(section.header);
    return best.complete && best.format.firstTableOnly;
  });
  if (found < 0) return null;
  const section = csv.sections[found];
  const firstColumns = csv.header.slice(0, 3).join(', ');
  return {
    format: rankFormats(section.header)[0].format,
    header: section.header,
    headerLine: section.headerLine,
    preamble: csv.preamble,
    separator: csv.separator,
    csv: { ...csv, ...section, sections: csv.sections.slice(found + 1) },
    table: section.title,
    sectionsBefore: [firstColumns, ...csv.sections.slice(0, found).map((before) => before.title)],
  };
}

/** The CSV's format: the one forced, the best complete match, else Cadran CSV when its header fits one. */
export function chooseCsvFormat(csv: CsvFile, forced?: string): Choice | typeof CADRAN_CSV {
  if (forced === CADRAN_CSV) return CADRAN_CSV;
  const [best] = rankFormats(csv.header);
  const format = forced ? requireFormat(forced) : best.complete ? best.format : null;
  if (!format) {
    const later = laterTable(csv);
    if (later) return later;
    if (fitsCadranCsv(csv.header, csv.file)) return CADRAN_CSV;
    throw unknownFormat(best, csv.header, csv.file, csv.headerLine);
  }
  return {
    format,
    header: csv.header,
    headerLine: csv.headerLine,
    preamble: csv.preamble,
    separator: csv.separator,
  };
}

/** The sheet and row holding the header that best matches a format (or the forced one). */
export function chooseSheetFormat(sheets: Sheet[], file: string, forced?: string): Choice {
  const only = forced ? requireFormat(forced) : null;
  let best: { match: FormatMatch; sheet: Sheet; row: number } | null = null;
  for (const sheet of sheets) {
    for (let row = 0; row < Math.min(HEADER_SEARCH_ROWS, sheet.rows.length); row++) {
      const match = only ? matchFormat(only, sheet.rows[row]) : rankFormats(sheet.rows[row])[0];
      if (!best || isBetter(match, best.match)) best = { match, sheet, row };
    }
  }
  if (!best)
    throw new InputError('the spreadsheet is empty', {
      file,
      expected: 'a sheet with a header and rows',
    });
  if (!best.match.complete && !only)
    throw unknownFormat(best.match, best.sheet.rows[best.row], file, best.row + 1);
  return {
    format: best.match.format,
    header: best.sheet.rows[best.row],
    headerLine: best.row + 1,
    preamble: [],
    separator: '',
    sheet: best.sheet,
  };
}

function isBetter(candidate: FormatMatch, current: FormatMatch): boolean {
  if (candidate.complete !== current.complete) return candidate.complete;
  if (candidate.share !== current.share) return candidate.share > current.share;
  return candidate.format.signature.length > current.format.signature.length;
}
