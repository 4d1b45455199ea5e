import { InputError } from '../model/index.ts';

/** Decodes a file's bytes as UTF-8 (BOM optional), refusing anything else with a clear message. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0)
    throw new InputError('the file is empty', { file, expected: 'a header line and rows' });
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const line = lineOfFirstInvalidByte(bytes);
    throw new InputError(
      'the file is not valid UTF-8 text (was it saved as Windows-1252 or UTF-16?)',
      {
        file,
        line,
        expected: 'UTF-8 text; in Excel use "CSV UTF-8"',
      },
    );
  }
}

function lineOfFirstInvalidByte(bytes: Uint8Array): number {
  let line = 1;
  for (let index = 0; index < bytes.length; index++) {
    if (bytes[index] === 0x0a) line++;
    if (bytes[index] >= 0x80) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(
          bytes.subarray(index, Math.min(index + 4, bytes.length)),
        );
      } catch {
        return line;
      }
    }
  }
  return line;
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
