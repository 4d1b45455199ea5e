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
 * Hashes the file and counts its lines; looks for text after a blank line only when
 * `watchBlankLines` (a byte loop).
 */
export async function scanFile(
  path: string,
  headerLine: number,
  watchBlankLines: boolean,
  onProgress: (bytes: number, lines: number) => void = () => {},
): Promise<FileScan> {
  const hash = createHash('sha256');
  let linesToSkip = headerLine;
  let lineIsBlank = false;
  let blankLineSeen = false;
  let textAfterBlankLine = false;
  let lines = -headerLine;
  let bytes = 0;
  for await (const chunk of createReadStream(path, {
    highWaterMark: 1 << 20,
  }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
    for (let at = chunk.indexOf(NEWLINE); at >= 0; at = chunk.indexOf(NEWLINE, at + 1)) lines++;
    onProgress(bytes, Math.max(0, lines));
    if (textAfterBlankLine || !watchBlankLines) continue;
    let at = 0;
    while (linesToSkip > 0 && at < chunk.length) {
      const newline = chunk.indexOf(NEWLINE, at);
      if (newline < 0) at = chunk.length;
      else {
        at = newline + 1;
        if (--linesToSkip === 0) lineIsBlank = true;
      }
    }
    for (; at < chunk.length && !textAfterBlankLine; at++) {
      const byte = chunk[at];
      if (byte === NEWLINE) {
        blankLineSeen ||= lineIsBlank;
        lineIsBlank = true;
      } else if (!isSpace(byte)) {
        textAfterBlankLine = blankLineSeen;
        lineIsBlank = false;
      }
    }
  }
  return { hash: hash.digest('hex'), textAfterBlankLine, lines: Math.max(0, lines) };
}
