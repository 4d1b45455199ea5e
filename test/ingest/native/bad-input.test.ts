// A bad export is refused whole with where (file, line, column), what was found and what was
// expected, and leaves every table as it was. Each file is written by the test, byte for byte.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, emptyStore } from '../../engines.ts';
import { importPath } from '../../../src/ingest/index.ts';
import { InputError } from '../../../src/model/index.ts';
import type { Store } from '../../../src/store/index.ts';
import { tableCounts } from '../../helpers.ts';
import { exportFixture } from './helpers.ts';

const folder = mkdtempSync(join(tmpdir(), 'cadran-native-bad-'));
const HEADER =
  '"Tweet id","Tweet permalink","Tweet text","time","impressions","engagements","retweets","replies","likes","url clicks"';
const row = (id: string, text: string, impressions = '100') =>
  `"${id}","https://twitter.com/lumen/status/${id}","${text}","2025-01-10 09:30 +0000","${impressions}","9","1","2","3","4"`;
describe.each(ENGINES)('%s', (engine) => {
  let store: Store;

  function file(name: string, content: string | Buffer): string {
    const path = join(folder, name);
    writeFileSync(path, content);
    return path;
  }

  async function refused(path: string, options: { format?: string } = {}): Promise<InputError> {
    const before = await tableCounts(store);
    const error = await importPath(store, path, options).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(InputError);
    expect(await tableCounts(store)).toEqual(before);
    return error as InputError;
  }

  /** The location of the error, or of its first detail when it lists several bad values. */
  const where = (error: InputError) => (error.details[0] ?? error).location;

  beforeAll(async () => {
    store = await emptyStore(engine);
    await importPath(
      store,
      exportFixture('tweet_activity_metrics_maisonlumen_20250101_20250131_en.csv'),
    );
  });
  afterAll(() => store.close());

  describe('malformed files', () => {
    it('an unclosed quote is located on the line where the record starts', async () => {
      const error = await refused(
        file(
          'unclosed.csv',
          [HEADER, row('1', 'ok'), '"2","x","never closed,"5"', row('3', 'ok')].join('\n'),
        ),
      );
      expect(error.message).toMatch(/malformed/);
      expect(error.location).toMatchObject({ file: 'unclosed.csv', line: 3 });
    });

    it('a row with fewer fields names the first column left without a value', async () => {
      const error = await refused(
        file('short.csv', [HEADER, row('1', 'a\nb'), '"2","x","y"'].join('\n')),
      );
      // the quoted text of line 2 spans two lines: the short row starts on line 4
      expect(error.location).toMatchObject({ file: 'short.csv', line: 4, column: 'time' });
    });

    it('an empty file is refused', async () => {
      const error = await refused(file('empty.csv', ''));
      expect(error.message).toMatch(/empty/);
      expect(error.location.file).toBe('empty.csv');
    });

    it('a header without rows is refused on line 2', async () => {
      const error = await refused(file('header-only.csv', `${HEADER}\n`));
      expect(error.message).toMatch(/no rows/);
      expect(error.location.line).toBe(2);
    });
  });

  describe('encodings', () => {
    it('a file that starts as UTF-8 then holds a Windows-1252 byte is refused at that line', async () => {
      const bytes = Buffer.concat([
        Buffer.from([HEADER, row('1', 'déjà vu'), row('2', 'fine'), ''].join('\n')),
        Buffer.from(row('3', 'caf\u00e9'), 'latin1'),
      ]);
      const error = await refused(file('mixed.csv', bytes));
      expect(error.message).toMatch(/encodings/);
      expect(error.location).toMatchObject({ file: 'mixed.csv', line: 4 });
    });
  });

  describe('unknown formats', () => {
    it('a header holding most of a format’s signature names it and the columns it lacks, not as the place', async () => {
      const error = await refused(
        file(
          'meta-ish.csv',
          'Post ID,Page name,Publish time,Impressions\n1,Lumen,01/08/2025 10:00,5\n',
        ),
      );
      expect(error.message).toMatch(/closest is facebook-posts/);
      expect(error.location).toMatchObject({ file: 'meta-ish.csv', line: 1 });
      expect(error.location.column).toBeUndefined(); // the file has no such column to point at
      expect(error.location.expected).toMatch(/the columns it lacks: "Reactions/);
      // the same refusal as a code, for the French Imports page
      expect(error.location).toMatchObject({
        code: 'unknown-format-closest',
        params: { format: 'facebook-posts', share: 67 }, // 2 of its 3 identifying columns
      });
    });

    it('a header sharing little with any format names none', async () => {
      const error = await refused(
        file('report.csv', 'Country,Active users,Event count\nFrance,10,50\n'),
      );
      expect(error.message).toMatch(
        /match no export Cadran knows \(tried x-post-activity, .*cadran-csv\)$/,
      );
      expect(error.message).not.toMatch(/closest/);
      expect(error.location.column).toBeUndefined();
      expect(error.location.code).toBe('unknown-format');
    });

    it('an unknown --format is refused with the list of formats', async () => {
      const error = await refused(exportFixture('Content.csv'), { format: 'myspace' });
      expect(error.location.expected).toMatch(/x-post-activity.*ga4-report.*cadran-csv/);
    });

    it('random bytes are refused as an unknown format', async () => {
      const noise = Buffer.from(Array.from({ length: 2000 }, (_, index) => (index * 7919) % 251));
      await refused(file('noise.bin', noise));
    });
  });

  describe('bad values', () => {
    it('a count beyond what can be stored is refused with its cell', async () => {
      const error = await refused(
        file(
          'huge.csv',
          [HEADER, row('1', 'ok'), row('2', 'big', '12345678901234567890')].join('\n'),
        ),
      );
      expect(where(error)).toMatchObject({
        line: 3,
        column: 'impressions',
        value: '12345678901234567890',
      });
      expect(where(error).expected).toMatch(/number below/);
    });

    it('a count above the safe integer range is refused too', async () => {
      const error = await refused(
        file('unsafe.csv', [HEADER, row('1', 'big', '9007199254740993')].join('\n')),
      );
      expect(where(error)).toMatchObject({ line: 2, column: 'impressions' });
    });

    it('a date that is not one is refused', async () => {
      const bad = row('1', 'ok').replace('2025-01-10 09:30 +0000', 'yesterday');
      const error = await refused(file('date.csv', [HEADER, bad].join('\n')));
      expect(where(error)).toMatchObject({ line: 2, column: 'time', value: 'yesterday' });
    });

    it('a GA4 row claiming millions of key events is refused rather than expanded', async () => {
      const report =
        '# Start date: 20250101\n\nSession source / medium,Sessions,Key events\nt.co / referral,10,5000000\n';
      const error = await refused(file('ga4-huge.csv', report));
      expect(where(error)).toMatchObject({ line: 4, column: 'Key events', value: '5000000' });
    });

    it('a Meta export broken down by day is refused: its rows are not lifetime counters', async () => {
      const header = 'Post ID,Page name,Publish time,Date,Impressions,Reactions';
      const daily = [
        header,
        '1_1,Lumen,01/08/2025 10:00,01/08/2025,50,3',
        '1_1,Lumen,01/08/2025 10:00,01/09/2025,20,1',
      ];
      const error = await refused(file('daily.csv', daily.join('\n')));
      expect(where(error)).toMatchObject({ line: 2, column: 'Date', value: '01/08/2025' });
    });

    it('every bad cell is listed, up to twenty', async () => {
      const rows = Array.from({ length: 30 }, (_, index) => row(String(index + 1), 'ok', 'many'));
      const error = await refused(file('many.csv', [HEADER, ...rows].join('\n')));
      expect(error.details).toHaveLength(20);
      expect(error.message).toMatch(/20 or more bad values/);
    });
  });

  describe('hostile text', () => {
    it('a formula that would run in a spreadsheet is refused', async () => {
      const error = await refused(
        file('formula.csv', [HEADER, row('1', "=cmd|' /C calc'!A0")].join('\n')),
      );
      expect(where(error)).toMatchObject({ line: 2, column: 'Tweet text' });
      expect(where(error).expected).toMatch(/formula/);
    });

    it('=HYPERLINK(…) is refused, while an @mention or "-30 %" is plain text', async () => {
      const error = await refused(
        file('hyperlink.csv', [HEADER, row('1', '=HYPERLINK(""http://evil"")')].join('\n')),
      );
      expect(where(error).column).toBe('Tweet text');
      const fine = file(
        'fine.csv',
        [HEADER, row('9', '@lumen merci !'), row('10', '-30 % ce week-end')].join('\n'),
      );
      await expect(importPath(store, fine)).resolves.toHaveLength(1);
    });

    it('control characters are refused', async () => {
      const error = await refused(
        file('control.csv', [HEADER, row('1', 'bell\u0007 and null\u0000')].join('\n')),
      );
      expect(where(error)).toMatchObject({ line: 2, column: 'Tweet text' });
    });

    it('a very long cell is refused', async () => {
      const error = await refused(
        file('long.csv', [HEADER, row('1', 'x'.repeat(200_000))].join('\n')),
      );
      expect(where(error)).toMatchObject({ line: 2, column: 'Tweet text' });
    });

    it('a record longer than a million characters stops the parser with its line', async () => {
      const error = await refused(
        file('endless.csv', [HEADER, row('1', 'ok'), row('2', 'y'.repeat(1_100_000))].join('\n')),
      );
      expect(error.location).toMatchObject({ file: 'endless.csv', line: 3 });
    });
  });
});
