// One pass over a file's bytes: its SHA-256, and whether a second table follows a blank line.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export interface FileScan {
  hash: string;
  /** A blank line after the header is followed by more text (GA4 puts several tables in one file). */
  textAfterBlankLine: boolean;
  /** Line breaks after the header: the records, or a little more when texts span lines. */
  lines: number;
}

const NEWLINE = 0x0a;
const isSpace = (byte: number) =>
  byte === 0x20 || byte === 0x09 || byte === 0x0d || byte === NEWLINE;

/**
 * Watches the lines after the header for text after a blank one (a line of spaces only). Most lines
 * start with text, so reading each line's first byte settles them; only lines that start with a
 * space are read further, and a line cut by the end of a chunk is finished in the next.
 */
class BlankLineWatch {
  textAfterBlankLine = false;
  private blankLineSeen = false;
  /** The line being read began in an earlier chunk and holds only spaces so far. */
  private lineOpen = false;

  /** Reads the line that starts at `start`; returns where reading stopped. */
  readLine(chunk: Buffer, start: number): number {
    let at = start;
    while (at < chunk.length && chunk[at] !== NEWLINE && isSpace(chunk[at])) at++;
    this.lineOpen = at === chunk.length;
    if (this.lineOpen) return at;
    if (chunk[at] === NEWLINE) this.blankLineSeen = true;
    else this.textAfterBlankLine ||= this.blankLineSeen;
    return at;
  }

  /** Finishes a line that the previous chunk cut, if any. */
  continueLine(chunk: Buffer): void {
    if (this.lineOpen) this.readLine(chunk, 0);
  }
}

/**
 * Hashes the file and counts its lines; looks for text after a blank line only when
 * `watchBlankLines`.
 */
export async function scanFile(
  path: string,
  headerLine: number,
  watchBlankLines: boolean,
  onProgress: (bytes: number, lines: number) => void = () => {},
): Promise<FileScan> {
  const hash = createHash('sha256');
  const watch = watchBlankLines ? new BlankLineWatch() : null;
  let lines = -headerLine;
  let bytes = 0;
  for await (const chunk of createReadStream(path, {
    highWaterMark: 1 << 20,
  }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
    watch?.continueLine(chunk);
    for (let at = chunk.indexOf(NEWLINE); at >= 0; at = chunk.indexOf(NEWLINE, at + 1)) {
      lines++;
      if (lines >= 0 && watch && !watch.textAfterBlankLine) at = watch.readLine(chunk, at + 1) - 1;
    }
    onProgress(bytes, Math.max(0, lines));
  }
  return {
    hash: hash.digest('hex'),
    textAfterBlankLine: watch?.textAfterBlankLine ?? false,
    lines: Math.max(0, lines),
  };
}
