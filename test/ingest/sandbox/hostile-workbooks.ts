// Builds the hostile workbooks the sandbox tests send: written byte by byte here, no file copied.
import { crc32, deflateRawSync } from 'node:zlib';

interface ZipEntry {
  name: string;
  data: Buffer;
  /** Uncompressed size written in the headers, when it should lie. */
  declaredSize?: number;
}

/** A zip archive of deflated entries, with a central directory. */
export function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const packed = deflateRawSync(entry.data, { level: 9 });
    const size = entry.declaredSize ?? entry.data.length;
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    directory.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const xml = (text: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${text}`);

/** The parts every workbook of one sheet has; `extra` adds or replaces parts. */
function workbook(sheet: Buffer, extra: ZipEntry[] = [], declaredSheetSize?: number): Buffer {
  const parts: ZipEntry[] = [
    {
      name: '[Content_Types].xml',
      data: xml(
        `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/></Types>`,
      ),
    },
    {
      name: '_rels/.rels',
      data: xml(
        `<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: xml(
        `<workbook xmlns="${MAIN}" xmlns:r="${DOC_RELS}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: xml(
        `<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheet, declaredSize: declaredSheetSize },
  ];
  return zip([...parts, ...extra]);
}

const sheetXml = (dimension: string, rows: string) =>
  xml(
    `<worksheet xmlns="${MAIN}"><dimension ref="${dimension}"/><sheetData>${rows}</sheetData></worksheet>`,
  );

const textCell = (ref: string, text: string) =>
  `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/** A one-row sheet that declares the largest range a sheet may have: 17 billion cells. */
export function hugeDimensionWorkbook(): Buffer {
  return workbook(sheetXml('A1:XFD1048576', `<row r="1">${textCell('A1', 'x')}</row>`));
}

/**
 * A sheet of `megabytes` of blank space in a few hundred kilobytes (deflate packs a repeated byte
 * about 1 000 to 1); its true size is in the zip headers.
 */
export function zipBombWorkbook(megabytes = 300): Buffer {
  const padding = Buffer.alloc(megabytes * 1024 * 1024, 0x20);
  const sheet = Buffer.concat([
    sheetXml('A1', '').subarray(0, -'</sheetData></worksheet>'.length),
    padding,
    Buffer.from('</sheetData></worksheet>'),
  ]);
  return workbook(sheet);
}

/** A cell comment anchored on "__proto__": xlsx 0.18.5 then adds a `c` array to Object.prototype. */
export function prototypePollutionWorkbook(): Buffer {
  return workbook(sheetXml('A1:A2', `<row r="1">${textCell('A1', 'date')}</row>`), [
    {
      name: 'xl/worksheets/_rels/sheet1.xml.rels',
      data: xml(
        `<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/comments" Target="../comments1.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/comments1.xml',
      data: xml(
        `<comments xmlns="${MAIN}"><authors><author>a</author></authors><commentList><comment ref="__proto__" authorId="0"><text><t>polluted</t></text></comment></commentList></comments>`,
      ),
    },
  ]);
}

/** A sheet that declares one cell and holds `rows` × 10 numbers: the dimension check cannot see it. */
export function manyCellsWorkbook(rows: number): Buffer {
  const columns = 'ABCDEFGHIJ';
  const body: string[] = [];
  for (let row = 1; row <= rows; row++) {
    let cells = '';
    for (const column of columns) cells += `<c r="${column}${row}"><v>${row}</v></c>`;
    body.push(`<row r="${row}">${cells}</row>`);
  }
  return workbook(sheetXml('A1', body.join('')));
}
