import { InputError } from '../model/index.ts';

/** Decodes a file's bytes as UTF-8 (BOM optional), refusing anything else with a clear message. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0)
    throw new InputError('the file is empty', {
      file,
      line: 1,
      expected: 'a header line and rows',
    });
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new InputError(
      'the file is not valid UTF-8 text (was it saved as Windows-1252 or UTF-16?)',
      { file, ...locateInvalidByte(bytes), expected: 'UTF-8 text; in Excel use "CSV UTF-8"' },
    );
  }
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Lines of the file as bytes: a newline byte never occurs inside a UTF-8 sequence, so each decodes alone. */
function byteLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let index = 0; index <= bytes.length; index++) {
    if (index === bytes.length || bytes[index] === 0x0a) {
      lines.push(bytes.subarray(start, index));
      start = index + 1;
    }
  }
  return lines;
}

/** The line holding the first byte that is not UTF-8, and the header name of the field it sits in. */
function locateInvalidByte(bytes: Uint8Array): { line: number; column?: string } {
  const lines = byteLines(bytes);
  const index = lines.findIndex((line) => !isUtf8(line));
  const lossy = (line: Uint8Array) => new TextDecoder('utf-8').decode(line);
  const header = lossy(lines[0]);
  const separator = detectSeparator(header);
  const field = splitFields(lossy(lines[index]), separator).findIndex((cell) =>
    cell.includes('\uFFFD'),
  );
  const column = splitFields(header, separator)[field]?.trim();
  return { line: index + 1, ...(column ? { column } : {}) };
}

/** Fields of one line, quotes respected (enough to point at a cell, not a full CSV parser). */
function splitFields(line: string, separator: string): string[] {
  const fields = [''];
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === separator) fields.push('');
    else fields[fields.length - 1] += char;
  }
  return fields;
}

/** The field separator of a CSV header line: the most frequent of , ; and tab outside quotes. */
export function detectSeparator(headerLine: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char in counts) counts[char as keyof typeof counts]++;
  }
  return Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0] as ',' | ';' | '\t';
}
