// Text encodings of platform exports: UTF-8 (BOM optional), UTF-16 with BOM, else Windows-1252.
import iconv from 'iconv-lite';
import { InputError } from '../../model/index.ts';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface SniffedEncoding {
  encoding: TextEncoding;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
}

/** Offset of the first byte that cannot be UTF-8, or -1; a sequence cut by the end of `bytes` is fine. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index];
    const length =
      byte < 0x80 ? 1 : byte >> 5 === 6 ? 2 : byte >> 4 === 14 ? 3 : byte >> 3 === 30 ? 4 : 0;
    if (length === 0 || (length === 2 && byte < 0xc2) || (length === 4 && byte > 0xf4))
      return index;
    for (let next = 1; next < length; next++) {
      if (index + next >= bytes.length) return -1;
      if (bytes[index + next] >> 6 !== 2) return index;
    }
    index += length;
  }
  return -1;
}

/** UTF-16 without BOM shows as one zero byte in every pair of ASCII characters. */
function utf16WithoutBom(head: Uint8Array): TextEncoding | null {
  const pairs = Math.min(64, Math.floor(head.length / 2));
  if (pairs < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let pair = 0; pair < pairs; pair++) {
    if (head[pair * 2] === 0) evenZeros++;
    if (head[pair * 2 + 1] === 0) oddZeros++;
  }
  if (oddZeros > pairs * 0.8 && evenZeros === 0) return 'utf-16le';
  if (evenZeros > pairs * 0.8 && oddZeros === 0) return 'utf-16be';
  return null;
}

export function sniffEncoding(head: Uint8Array): SniffedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { encoding: 'utf-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const utf16 = utf16WithoutBom(head);
  if (utf16) return { encoding: utf16, bomLength: 0 };
  // Valid UTF-8 before the first invalid byte means a damaged UTF-8 file, refused where it breaks.
  const invalid = firstInvalidUtf8(head);
  const utf8Before = invalid > 0 && head.subarray(0, invalid).some((byte) => byte >= 0x80);
  return { encoding: invalid < 0 || utf8Before ? 'utf-8' : 'windows-1252', bomLength: 0 };
}

export interface ChunkDecoder {
  write(bytes: Uint8Array): string;
  end(): string;
}

/**
 * Decodes chunk by chunk. A file whose first non-ASCII byte is not UTF-8 is Windows-1252 from there
 * on (ASCII reads the same in both); one that already held UTF-8 and then a byte that is not is
 * refused at that line, as a damaged file.
 */
export function chunkDecoder(encoding: TextEncoding, file: string): ChunkDecoder {
  if (encoding !== 'utf-8') return iconvDecoder(encoding);
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let fallback: ChunkDecoder | null = null;
  let sawNonAscii = false;
  let lines = 1;
  return {
    write(bytes) {
      if (fallback) return fallback.write(bytes);
      try {
        const text = utf8.decode(bytes, { stream: true });
        lines += countNewlines(bytes);
        sawNonAscii ||= bytes.some((byte) => byte >= 0x80);
        return text;
      } catch {
        const valid = bytes.subarray(0, Math.max(0, firstInvalidUtf8(bytes)));
        if (sawNonAscii || valid.some((byte) => byte >= 0x80))
          throw notUtf8(file, lines + countNewlines(valid));
        fallback = iconvDecoder('windows-1252');
        return fallback.write(bytes);
      }
    },
    end() {
      if (fallback) return fallback.end();
      try {
        return utf8.decode();
      } catch {
        throw notUtf8(file, lines);
      }
    },
  };
}

function iconvDecoder(encoding: TextEncoding): ChunkDecoder {
  const decoder = iconv.getDecoder(encoding);
  return { write: (bytes) => decoder.write(Buffer.from(bytes)), end: () => decoder.end() ?? '' };
}

function countNewlines(bytes: Uint8Array): number {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let count = 0;
  for (let at = buffer.indexOf(0x0a); at >= 0; at = buffer.indexOf(0x0a, at + 1)) count++;
  return count;
}

function notUtf8(file: string, line: number): InputError {
  return new InputError(
    'the file mixes encodings: it starts as UTF-8 but holds bytes that are not',
    {
      file,
      line,
      expected: 'one encoding for the whole file (UTF-8, UTF-16 or Windows-1252)',
    },
  );
}
