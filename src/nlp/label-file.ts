// Bulk labelling of a CSV with a `text` column: the same rows back with label, probability, language and uncertainty.
import { readTextCsv } from './labelled-csv.ts';
import { type Labeller, labelText } from './sentiment.ts';

const HEADER = ['text', 'label', 'probability', 'language', 'uncertain'];

/** RFC 4180 quoting; a cell that starts like a formula is prefixed so spreadsheets show it as text. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export async function labelCsvFile(
  path: string,
  label: Labeller = labelText,
): Promise<{ csv: string; rows: number; seconds: number }> {
  const rows = await readTextCsv(path);
  const started = performance.now();
  const lines = [HEADER.join(',')];
  for (const row of rows) {
    const result = label(row.text);
    lines.push(
      [
        csvCell(row.text),
        result.sentiment,
        result.probability.toFixed(3),
        result.lang,
        String(result.uncertain),
      ].join(','),
    );
  }
  return {
    csv: `${lines.join('\n')}\n`,
    rows: rows.length,
    seconds: (performance.now() - started) / 1000,
  };
}
