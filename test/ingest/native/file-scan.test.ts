// The scan beside DuckDB's reader: hash, line count, and text after a blank line (a second table).
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanFile } from '../../../src/ingest/native/file-scan.ts';

const folder = mkdtempSync(join(tmpdir(), 'cadran-scan-'));
const CHUNK = 1 << 20;
let files = 0;

async function scan(content: string, headerLine = 1) {
  const path = join(folder, `scan${files++}.csv`);
  writeFileSync(path, content);
  return scanFile(path, headerLine, true);
}

describe('scanFile', () => {
  it('hashes the bytes and counts the lines after the header', async () => {
    const content = 'a,b\n1,2\n3,4\n';
    const result = await scan(content);
    expect(result.hash).toBe(createHash('sha256').update(content).digest('hex'));
    expect(result.lines).toBe(2);
    expect(result.textAfterBlankLine).toBe(false);
  });

  it.each([
    ['an empty line', 'a,b\n1,2\n\n3,4\n', true],
    ['a CRLF empty line', 'a,b\r\n1,2\r\n\r\n3,4\r\n', true],
    ['a line of spaces and tabs', 'a,b\n1,2\n \t \n  3,4\n', true],
    ['blank lines at the end only', 'a,b\n1,2\n\n\n  \n', false],
    ['a line that starts with spaces', 'a,b\n1,2\n   3,4\n', false],
    ['a blank line in the preamble', '# report\n\na,b\n1,2\n', false],
  ])('with %s, says whether text follows a blank line', async (_, content, expected) => {
    const headerLine = content.startsWith('#') ? 3 : 1;
    expect((await scan(content, headerLine)).textAfterBlankLine).toBe(expected);
  });

  it('finds a blank line that the end of a read chunk cuts in two', async () => {
    const header = 'a,b\n';
    const filler = `${'1,2\n'.repeat(Math.floor((CHUNK - header.length - 2) / 4))}`;
    const head = header + filler;
    // The blank line's spaces run across the chunk boundary; then a record follows.
    const content = `${head}${' '.repeat(CHUNK - head.length + 3)}\n3,4\n`;
    expect((await scan(content)).textAfterBlankLine).toBe(true);
    const noText = `${head}${' '.repeat(CHUNK - head.length + 3)}\n`;
    expect((await scan(noText)).textAfterBlankLine).toBe(false);
    const textCut = `${head}\n${' '.repeat(CHUNK - head.length + 3)}3,4\n`;
    expect((await scan(textCut)).textAfterBlankLine).toBe(true);
  });
});
