// What an import says beside its totals, as codes with parameters: the CLI prints the English text,
// the Imports page words each code in the reader's language (web/src/pages/imports/import-messages.ts).

/** Rows left out by a documented rule. */
export type SkipCode = 'x-placeholder' | 'repeat-latest' | 'repeat-identical';

export const SKIP_TEXTS: Record<SkipCode, string> = {
  'x-placeholder': 'placeholder rows X writes (no id, no date, link to /status/undefined, zeros)',
  'repeat-latest': 'earlier readings of a key listed again (the last row counts)',
  'repeat-identical': 'identical repeated rows, kept once',
};

export interface SkippedRows {
  code: SkipCode;
  rows: number;
  /** The rule in English (the CLI's wording). */
  text: string;
}

/** The tables a summary names: those the rows landed in, extra metrics only when nothing else. */
export const landedTablesLabel = (tables: Record<string, number>): string =>
  Object.keys(tables)
    .filter((table) => table !== 'extra_metrics')
    .join(',') || 'extra_metrics';

export const skippedRows = (code: SkipCode, rows: number): SkippedRows => ({
  code,
  rows,
  text: SKIP_TEXTS[code],
});

/** Where dates written without a year took theirs. */
export type YearChoice =
  | { how: 'option'; year: number }
  | { how: 'file-range'; from: string; to: string }
  | { how: 'file-year'; year: number }
  | { how: 'latest' };

export function yearChoiceText(choice: YearChoice): string {
  switch (choice.how) {
    case 'option':
      return `${choice.year} (--year)`;
    case 'file-range':
      return `the file name’s range ${choice.from} – ${choice.to}`;
    case 'file-year':
      return `${choice.year} (the file name)`;
    case 'latest':
      return 'the latest year that puts no date in the future (pass --year to choose)';
  }
}

/** A choice Cadran made where the file was silent. */
export type ImportNote =
  | { code: 'yearless-dates'; params: { dates: number } & YearChoice; text: string }
  | { code: 'sections-skipped'; params: { read: string; skipped: string[] }; text: string };

export const yearlessDatesNote = (dates: number, choice: YearChoice): ImportNote => ({
  code: 'yearless-dates',
  params: { dates, ...choice },
  text: `${dates} dates without a year: year from ${yearChoiceText(choice)}`,
});

export const sectionsNote = (read: string, skipped: string[]): ImportNote => ({
  code: 'sections-skipped',
  params: { read, skipped },
  text: `read the table "${read}" only; skipped the sections ${skipped.map((name) => `"${name}"`).join(', ')} (other breakdowns of the same sessions count them again, or Cadran has no table for them)`,
});
