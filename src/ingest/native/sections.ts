// Several tables in one CSV, one after the other, each under its own "#" title and header (GA4's
// Reports snapshot). Only the file's first 256 KiB (the head read to open it) is searched.

export interface CsvSection {
  /** The "#" title above the header, else its first columns. */
  title: string;
  header: string[];
  /** Line of the header, counted from 1. */
  headerLine: number;
  /** Characters of decoded text before the header. */
  preambleChars: number;
}

/** Comment, dashes, blank, or a blank line a spreadsheet padded with separators (",,,,"). */
export const PREAMBLE_LINE = /^\s*(#(\s.*|-*)?)?[,;\t]*\r?$/;

const titleOf = (line: string) =>
  line
    .replace(/^\s*#[\s-]*/, '')
    .replace(/[,;\t\s]+$/, '')
    .trim();

/**
 * The tables after the first one: a line that is no comment, after a run of comment or blank lines,
 * is another table's header. The last line of the head may be cut, so it is never taken as one.
 */
export function laterSections(
  lines: readonly string[],
  firstHeaderIndex: number,
  parseHeader: (line: string, lineNumber: number) => string[],
): CsvSection[] {
  const sections: CsvSection[] = [];
  let chars = lines.slice(0, firstHeaderIndex + 1).reduce((sum, line) => sum + line.length + 1, 0);
  let betweenTables = false;
  let title = '';
  for (let index = firstHeaderIndex + 1; index < lines.length - 1; index++) {
    const line = lines[index];
    if (PREAMBLE_LINE.test(line)) {
      betweenTables = true;
      if (titleOf(line) && !titleOf(line).includes(':')) title = titleOf(line);
    } else if (betweenTables) {
      const header = parseHeader(line.replace(/\r$/, ''), index + 1);
      const columns = header.slice(0, 3).join(', ');
      sections.push({
        title: title || columns,
        header,
        headerLine: index + 1,
        preambleChars: chars,
      });
      betweenTables = false;
      title = '';
    }
    chars += line.length + 1;
  }
  return sections;
}
