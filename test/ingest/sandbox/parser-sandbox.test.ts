// The parsing process is stopped when it outgrows its heap or its time, and says so to the user.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ParserSandbox, workbookOverLimits } from '../../../src/ingest/sandbox/index.ts';
import { manyCellsWorkbook, zipBombWorkbook } from './hostile-workbooks.ts';

const folder = mkdtempSync(join(tmpdir(), 'cadran-sandbox-'));

function saved(name: string, bytes: Uint8Array): string {
  const path = join(folder, name);
  writeFileSync(path, bytes);
  return path;
}

const openWorkbook = (sandbox: ParserSandbox, path: string, file: string) =>
  sandbox.request({ task: 'open', path, file, size: 0, workbook: true });

describe('the parsing process', () => {
  it('is killed when its memory outgrows the cap: a sheet hiding a million cells', async () => {
    // Declared as one cell and a few MB unpacked, the checks before parsing let it through; its
    // million cells need far more than a 64 MB heap once parsed, and the cap stops the reader.
    const bomb = manyCellsWorkbook(100_000);
    expect(workbookOverLimits(bomb)).toBeNull();
    const sandbox = new ParserSandbox('liar.xlsx', bomb.length, {
      heapMegabytes: 64,
      residentMegabytes: 160,
      workMilliseconds: 60_000,
      workMillisecondsPerMegabyte: 0,
    });
    const error = await openWorkbook(sandbox, saved('liar.xlsx', bomb), 'liar.xlsx').then(
      () => null,
      (refusal: Error) => refusal,
    );
    expect(error?.message).toMatch(
      /^the file is too large or too complex to read safely \(reading it needs too much memory.*nothing was changed$/,
    );
  }, 60_000);

  it('is killed when it works longer than its time limit', async () => {
    const sandbox = new ParserSandbox('slow.xlsx', 0, {
      heapMegabytes: 256,
      residentMegabytes: 512,
      workMilliseconds: 1,
      workMillisecondsPerMegabyte: 0,
    });
    const error = await openWorkbook(
      sandbox,
      saved('slow.xlsx', zipBombWorkbook(1)),
      'slow.xlsx',
    ).then(
      () => null,
      (refusal: Error) => refusal,
    );
    expect(error?.message).toMatch(/too large or too complex .*\(reading it took too long\)/);
  });
});
