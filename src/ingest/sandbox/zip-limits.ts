// Refuses a workbook whose zip declares more than we are willing to inflate, before any parser sees it:
// sizes from the central directory, and each sheet's declared <dimension>.
import { constants, inflateRawSync } from 'node:zlib';

export interface WorkbookLimits {
  /** Largest declared uncompressed size of one zip entry. */
  entryBytes: number;
  /** Largest declared uncompressed size of all entries together. */
  totalBytes: number;
  /** Most cells a sheet may declare (rows × columns of its <dimension>). */
  sheetCells: number;
}

export const WORKBOOK_LIMITS: WorkbookLimits = {
  entryBytes: 128 * 1024 * 1024,
  totalBytes: 256 * 1024 * 1024,
  sheetCells: 5_000_000,
};

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

function zipEntries(zip: Buffer): ZipEntry[] | string {
  // The end record sits in the last 22 bytes plus a comment of at most 65 535 bytes.
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--)
    if (zip.readUInt32LE(at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  if (end < 0) return 'the zip directory is missing';
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== DIRECTORY_ENTRY)
      return 'the zip directory is damaged';
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      uncompressedSize: zip.readUInt32LE(at + 24),
      localHeaderOffset: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The first bytes of an entry's text, inflating no more than needed to reach its <sheetData>. */
function entryHead(zip: Buffer, entry: ZipEntry): string {
  const local = entry.localHeaderOffset;
  if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL_HEADER) return '';
  const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data.subarray(0, 64 * 1024).toString('utf8');
  for (const prefix of [1024, 16 * 1024, 64 * 1024]) {
    const head = inflateRawSync(data.subarray(0, prefix), {
      finishFlush: constants.Z_SYNC_FLUSH,
      maxOutputLength: 64 * 1024 * 1024,
    }).toString('utf8');
    if (/<(?:\w+:)?sheetData|<(?:\w+:)?dimension\b/.test(head) || prefix >= data.length)
      return head;
  }
  return '';
}

function columnNumber(letters: string): number {
  let number = 0;
  for (const letter of letters.toUpperCase()) number = number * 26 + letter.charCodeAt(0) - 64;
  return number;
}

/** Cells of a range such as "A1:XFD1048576" (1 for a single cell). */
export function rangeCells(ref: string): number {
  const [from, to = from] = ref.split(':');
  const cell = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
  const start = cell.exec(from);
  const end = cell.exec(to);
  if (!start || !end) return 0;
  const columns = Math.abs(columnNumber(end[1]) - columnNumber(start[1])) + 1;
  const rows = Math.abs(Number(end[2]) - Number(start[2])) + 1;
  return columns * rows;
}

/** Why the workbook is refused, or null when its declared sizes are within the limits. */
export function workbookOverLimits(
  zip: Buffer,
  limits: WorkbookLimits = WORKBOOK_LIMITS,
): string | null {
  const entries = zipEntries(zip);
  if (typeof entries === 'string') return entries;
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    if (entry.uncompressedSize > limits.entryBytes)
      return `"${entry.name}" would unpack to ${megabytes(entry.uncompressedSize)}, more than ${megabytes(limits.entryBytes)}`;
  }
  if (total > limits.totalBytes)
    return `it would unpack to ${megabytes(total)}, more than ${megabytes(limits.totalBytes)}`;
  for (const entry of entries.filter((one) => /^xl\/worksheets\/[^/]+\.xml$/i.test(one.name))) {
    let head: string;
    try {
      head = entryHead(zip, entry);
    } catch {
      return `the sheet "${entry.name}" cannot be unpacked`;
    }
    const ref = /<(?:\w+:)?dimension\s+ref="([^"]*)"/.exec(head)?.[1];
    const cells = ref ? rangeCells(ref) : 0;
    if (cells > limits.sheetCells)
      return `a sheet declares ${cells.toLocaleString('en-US')} cells (${ref}), more than ${limits.sheetCells.toLocaleString('en-US')}`;
  }
  return null;
}

const megabytes = (bytes: number) =>
  `${Math.round(bytes / 1024 / 1024).toLocaleString('en-US')} MB`;
