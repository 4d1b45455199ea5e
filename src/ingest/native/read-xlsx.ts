// Spreadsheet exports (.xls, .xlsx): every sheet as rows of text, found by content, not extension.
import { createRequire } from 'node:module';
import type XLSXModule from 'xlsx';
import { InputError } from '../../model/index.ts';

export interface Sheet {
  name: string;
  rows: string[][];
}

/** Zip (xlsx) and OLE2 (xls) files start with these bytes. */
export function isWorkbook(head: Uint8Array): boolean {
  const zip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  const ole = head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0;
  return zip || ole;
}

/** Dates as the spreadsheet shows them (its local wall-clock time), written as ISO text. */
function cellText(value: unknown): string {
  if (value instanceof Date) {
    const wallClock = Date.UTC(
      value.getFullYear(),
      value.getMonth(),
      value.getDate(),
      value.getHours(),
      value.getMinutes(),
      value.getSeconds(),
    );
    const iso = new Date(wallClock).toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
  }
  return value === null || value === undefined ? '' : String(value);
}

// The spreadsheet library takes a third of a second to load: only when a spreadsheet arrives.
let xlsx: typeof XLSXModule | undefined;
const loadXlsx = () => (xlsx ??= createRequire(import.meta.url)('xlsx') as typeof XLSXModule);

export function readWorkbook(bytes: Uint8Array, file: string): Sheet[] {
  const XLSX = loadXlsx();
  let workbook: XLSXModule.WorkBook;
  try {
    workbook = XLSX.read(bytes, { type: 'buffer', cellDates: true });
  } catch (error) {
    throw new InputError(`the spreadsheet cannot be read: ${(error as Error).message}`, {
      file,
      expected: 'an .xls or .xlsx file as the platform exported it',
    });
  }
  return workbook.SheetNames.map((name) => ({
    name,
    rows: XLSX.utils
      .sheet_to_json<unknown[]>(workbook.Sheets[name], {
        header: 1,
        raw: true,
        defval: '',
        blankrows: true,
      })
      .map((row) => row.map(cellText)),
  }));
}
