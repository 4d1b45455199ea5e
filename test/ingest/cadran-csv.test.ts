// Cadran CSV import: every bad input is refused with the file, line, column and what was expected,
// and leaves every table as it was (no row written, no import recorded). Each file is written by the
// test itself, byte for byte, into a temporary folder.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  detectTable,
  importFile,
  landRows,
  parseCadranCsv,
  type CadranCsvOptions,
} from '../../src/ingest/index.ts';
import { InputError } from '../../src/model/index.ts';
import { IMPORTABLE_TABLES, type Store } from '../../src/store/index.ts';
import { emptyStore, ENGINES } from '../engines.ts';
import { tableCounts, valueOf } from '../helpers.ts';

const folder = mkdtempSync(join(tmpdir(), 'cadran-csv-'));
const POSTS = 'post_id,account_id,platform,published_at,content_type,text';
const GOOD_POST = 'p9,instagram:lumen,instagram,2025-03-01,image,Bonjour';
let store: Store;

function file(name: string, content: string | Buffer): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

/** Imports a file that must be refused; checks that no table changed and returns the error. */
async function refused(path: string, options: CadranCsvOptions = {}): Promise<InputError> {
  const before = await tableCounts(store);
  const error = await importFile(store, path, options).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(InputError);
  expect(await tableCounts(store)).toEqual(before);
  return error as InputError;
}

/** How many tables the store holds (18.16 has no information_schema). */
function tablesInStore() {
  return store.all(
    store.dialect.name === 'duckdb'
      ? 'SELECT count(*) AS n FROM information_schema.tables'
      : 'SELECT count() AS n FROM system.tables WHERE database = currentDatabase()',
  );
}

describe.each(ENGINES)('%s', (engine) => {
  beforeAll(async () => {
    store = await emptyStore(engine);
    await importFile(
      store,
      file('accounts.csv', 'account_id,platform,handle\ninstagram:lumen,instagram,lumen\n'),
    );
    await importFile(
      store,
      file(
        'posts.csv',
        `${POSTS}\np1,instagram:lumen,instagram,2025-03-14T09:30:00+01:00,image,Salut\n`,
      ),
    );
  });
  afterAll(() => store.close());

  describe('malformed CSV', () => {
    it('an unclosed quote is located where it opened, not at the end of the file it swallowed', async () => {
      const error = await refused(
        file(
          'quote.csv',
          [
            POSTS,
            GOOD_POST,
            'p2,instagram:lumen,instagram,2025-03-01,image,"never closed',
            GOOD_POST,
            GOOD_POST,
          ].join('\n'),
        ),
      );
      expect(error.message).toBe('the CSV is malformed: a quote is never closed');
      expect(error.location).toEqual({
        file: 'quote.csv',
        line: 3,
        column: 'text',
        expected: 'every quote closed, and quotes inside a quoted field doubled ("")',
      });
    });
    it('a quote in the middle of a field', async () => {
      const error = await refused(
        file(
          'midquote.csv',
          [POSTS, 'p2,instagram:lumen,instagram,2025-03-01,image,a 24" screen'].join('\n'),
        ),
      );
      expect(error.location).toMatchObject({ file: 'midquote.csv', line: 2, column: 'text' });
      expect(error.location.expected).toMatch(/quote/);
    });
    it('a row with more fields than the header (an unquoted comma)', async () => {
      const error = await refused(
        file(
          'fields.csv',
          [POSTS, GOOD_POST, 'p2,instagram:lumen,instagram,2025-03-01,image,Bonjour, à tous'].join(
            '\n',
          ),
        ),
      );
      expect(error.message).toBe('the CSV is malformed: line 3 has 7 fields, the header 6');
      expect(error.location).toEqual({
        file: 'fields.csv',
        line: 3,
        column: 'field 7',
        expected: '6 fields as in the header; text containing "," must be quoted',
      });
    });
    it('a row with fewer fields names the first column left without a value', async () => {
      const error = await refused(
        file('short.csv', [POSTS, 'p2,instagram:lumen,instagram,2025-03-01'].join('\n')),
      );
      expect(error.location).toMatchObject({ file: 'short.csv', line: 2, column: 'content_type' });
      expect(error.location.expected).toContain('6 fields');
    });
  });

  describe('wrong encoding', () => {
    it('Windows-1252 bytes are refused at their line and column, after valid accents', async () => {
      // "café" in Windows-1252 is 63 61 66 e9: 0xe9 alone is not UTF-8. Line 2's "é" is valid UTF-8.
      const bytes = Buffer.concat([
        Buffer.from(
          `${POSTS}\n${GOOD_POST} Café crème\np2,instagram:lumen,instagram,2025-03-01,image,`,
        ),
        Buffer.from([0x63, 0x61, 0x66, 0xe9]),
        Buffer.from('\n'),
      ]);
      const error = await refused(file('latin.csv', bytes));
      expect(error.message).toBe(
        'the file is not valid UTF-8 text (was it saved as Windows-1252 or UTF-16?)',
      );
      expect(error.location).toEqual({
        file: 'latin.csv',
        line: 3,
        column: 'text',
        expected: 'UTF-8 text; in Excel use "CSV UTF-8"',
      });
    });
  });

  describe('header problems', () => {
    it('an unknown column is named, with the columns expected', async () => {
      const error = await refused(
        file(
          'unknown.csv',
          `${POSTS},mood\np2,instagram:lumen,instagram,2025-03-01,image,a,happy\n`,
        ),
      );
      expect(error.message).toBe('the header matches no Cadran CSV template; closest is "posts"');
      expect(error.location).toEqual({
        file: 'unknown.csv',
        line: 1,
        column: 'mood',
        expected:
          'the columns of a template, e.g. posts: post_id, account_id, platform, published_at, content_type, text, permalink, campaign',
      });
    });
    it('an unknown column when the table is named', async () => {
      const error = await refused(
        file(
          'unknown-named.csv',
          `${POSTS},mood\np2,instagram:lumen,instagram,2025-03-01,image,a,happy\n`,
        ),
        { table: 'posts' },
      );
      expect(error.message).toBe('unknown column "mood" for table posts');
      expect(error.location).toMatchObject({ file: 'unknown-named.csv', line: 1, column: 'mood' });
      expect(error.location.expected).toContain('published_at');
    });
    it('a missing required column', async () => {
      const error = await refused(
        file(
          'missing.csv',
          'post_id,account_id,platform,content_type\np2,instagram:lumen,instagram,image\n',
        ),
        { table: 'posts' },
      );
      expect(error.message).toBe('required column missing: published_at');
      expect(error.location).toEqual({
        file: 'missing.csv',
        line: 1,
        column: 'published_at',
        expected: 'a header with published_at',
      });
    });
    it('a missing required column without --table: the closest template names it', async () => {
      const error = await refused(
        file(
          'missing-auto.csv',
          'post_id,account_id,platform,content_type\np2,instagram:lumen,instagram,image\n',
        ),
      );
      expect(error.location).toMatchObject({
        file: 'missing-auto.csv',
        line: 1,
        column: 'published_at',
      });
    });
    it('an empty file', async () => {
      const error = await refused(file('empty.csv', ''));
      expect(error.message).toBe('the file is empty');
      expect(error.location).toEqual({
        file: 'empty.csv',
        line: 1,
        expected: 'a header line and rows',
      });
      expect((await refused(file('blank.csv', '\n\n'))).message).toBe('the file is empty');
    });
    it('a header without rows', async () => {
      const error = await refused(file('header.csv', `${POSTS}\n`));
      expect(error.message).toBe('the file has a header but no rows');
      expect(error.location).toEqual({
        file: 'header.csv',
        line: 2,
        expected: 'at least one row under the header',
      });
    });
  });

  describe('bad values: every one is reported, nothing is written', () => {
    it('NUL and other control characters are refused with their line and column', async () => {
      const error = await refused(
        file(
          'control.csv',
          [
            POSTS,
            'c1,instagram:lumen,instagram,2025-03-02,text,"Bon\u0000jour"', // NUL, 4th character
            'c2,instagram:lumen,instagram,2025-03-02,text,"ok\tand\r\nfine"', // tab, CR, LF are text
            'c3,instagram:lumen,instagram,2025-03-02,text\u001b,Salut', // ESC after "text"
            'c4\u007f,instagram:lumen,instagram,2025-03-02,text,Salut', // DEL
          ].join('\n'),
        ),
      );
      expect(error.message).toBe('3 bad values in control.csv; nothing was imported');
      expect(error.details.map((detail) => detail.location)).toEqual([
        {
          file: 'control.csv',
          line: 2,
          column: 'text',
          value: 'Bon\\u0000jour',
          expected: 'text without control characters (found U+0000 at character 4)',
        },
        {
          file: 'control.csv',
          line: 5,
          column: 'content_type',
          value: 'text\\u001b',
          expected: 'text without control characters (found U+001B at character 5)',
        },
        {
          file: 'control.csv',
          line: 6,
          column: 'post_id',
          value: 'c4\\u007f',
          expected: 'text without control characters (found U+007F at character 3)',
        },
      ]);
    });

    it('a huge number, a negative count and an impossible date, among good rows', async () => {
      const error = await refused(
        file(
          'values.csv',
          [
            'post_id,snapshot_at,impressions,reactions',
            'p1,2025-03-19,10,1',
            'p1,2025-03-20,99999999999999999999,1',
            'p1,2025-03-21,10,-5',
            'p1,2025-02-30,10,1',
          ].join('\n'),
        ),
      );
      expect(error.message).toBe('3 bad values in values.csv; nothing was imported');
      expect(error.location).toEqual(error.details[0].location);
      expect(error.details.map((detail) => detail.location)).toEqual([
        {
          file: 'values.csv',
          line: 3,
          column: 'impressions',
          value: '99999999999999999999',
          expected: 'a whole number below 9 007 199 254 740 991',
        },
        { file: 'values.csv', line: 4, column: 'reactions', value: '-5', expected: 'a number ≥ 0' },
        {
          file: 'values.csv',
          line: 5,
          column: 'snapshot_at',
          value: '2025-02-30',
          expected: 'an ISO 8601 time such as 2025-03-14T09:30:00+01:00',
        },
      ]);
    });
    it('a content type outside the list', async () => {
      const error = await refused(
        file('enum.csv', `${POSTS}\np2,instagram:lumen,instagram,2025-03-01,hologram,a\n`),
      );
      expect(error.details[0].location).toEqual({
        file: 'enum.csv',
        line: 2,
        column: 'content_type',
        value: 'hologram',
        expected: 'one of text, image, carousel, video, reel, story, link, live, document',
      });
    });
    it('a bad date in a day column', async () => {
      const error = await refused(
        file('day.csv', 'account_id,day,followers\ninstagram:lumen,2025-02-30,100\n'),
      );
      expect(error.details[0].location).toEqual({
        file: 'day.csv',
        line: 2,
        column: 'day',
        value: '2025-02-30',
        expected: 'a date as YYYY-MM-DD',
      });
    });
    it('a row whose text spans lines is located at its first line, CRLF or not', async () => {
      for (const eol of ['\n', '\r\n']) {
        const content = [
          POSTS,
          'p2,instagram:lumen,instagram,2025-03-01,image,"Deux',
          'lignes"',
          '',
          'p3,instagram:lumen,instagram,2025-02-30,image,"Trois',
          'lignes',
          'ici"',
        ].join(eol);
        const error = await refused(file('multiline.csv', content));
        expect(
          error.details.map((detail) => [detail.location.line, detail.location.column]),
        ).toEqual([[5, 'published_at']]);
      }
    });
  });

  describe('a key appears once', () => {
    it('the same snapshot twice in one file is refused (it would be counted twice)', async () => {
      const error = await refused(
        file(
          'twice.csv',
          [
            'post_id,snapshot_at,impressions',
            'p1,2025-03-20T10:00:00Z,100',
            'p1,2025-03-21T10:00:00Z,120',
            'p1,2025-03-20T11:00:00+01:00,100',
          ].join('\n'),
        ),
      );
      expect(error.message).toBe(
        'post_id + snapshot_at appears twice in twice.csv (lines 2 and 4); nothing was imported',
      );
      expect(error.location).toEqual({
        file: 'twice.csv',
        line: 4,
        column: 'post_id + snapshot_at',
        value: 'p1 + 2025-03-20T11:00:00+01:00',
        expected: 'each post_id + snapshot_at once per file',
      });
    });
    it('a batch landed by another writer (events API) keeps the last row of each key', async () => {
      // The CSV edge refuses duplicates; a batch that reaches landRows directly must not store them twice.
      const snapshot = (impressions: number) =>
        parseCadranCsv(
          Buffer.from(`post_id,snapshot_at,impressions\nq1,2025-04-01,${impressions}\n`),
          'events',
        );
      const batch = snapshot(100);
      batch.rows.push(...snapshot(300).rows);
      await store.transaction((tx) => landRows(tx, batch, 'events-test'));
      expect(await store.all("SELECT impressions FROM post_metrics WHERE post_id = 'q1'")).toEqual([
        { impressions: 300 },
      ]);
    });
  });

  describe('what is accepted', () => {
    it('hostile text is stored verbatim as text, never run', async () => {
      const hostile = [
        "'; DROP TABLE posts; --",
        '=HYPERLINK("http://evil.example","cliquez")',
        '<script>alert(1)</script>',
      ];
      const tablesBefore = await tablesInStore();
      const rows = hostile.map(
        (text, index) =>
          `h${index},instagram:lumen,instagram,2025-03-02,text,"${text.replaceAll('"', '""')}"`,
      );
      const summary = await importFile(store, file('hostile.csv', [POSTS, ...rows].join('\n')));
      expect(summary.rows).toBe(3);
      expect(await tablesInStore()).toEqual(tablesBefore);
      const stored = await store.all(
        "SELECT text FROM posts WHERE post_id LIKE 'h%' ORDER BY post_id",
      );
      expect(stored.map((row) => row.text)).toEqual(hostile);
      const [{ posts }] = await store.all('SELECT count(*) AS posts FROM posts');
      expect(posts).toBe(4); // p1 and the three hostile ones
    });
    it('a time with an offset lands in UTC: 09:30 at +01:00 is 08:30', async () => {
      expect(await store.all("SELECT published_at FROM posts WHERE post_id = 'p1'")).toEqual([
        { published_at: '2025-03-14T08:30:00.000Z' },
      ]);
    });
    it('a semicolon file with decimal commas, as French spreadsheets write it', async () => {
      const summary = await importFile(
        store,
        file(
          'depenses.csv',
          'day;platform;campaign;amount;currency\n2025-03-01;instagram;printemps;12,5;EUR\n2025-03-02;instagram;printemps;0,25;EUR\n',
        ),
      );
      expect(summary.table).toBe('spend');
      expect(await store.all('SELECT day, amount FROM spend ORDER BY day')).toEqual([
        { day: '2025-03-01', amount: 12.5 },
        { day: '2025-03-02', amount: 0.25 },
      ]);
    });
    it('re-importing a snapshot with the same key replaces it: no double counting', async () => {
      const march = { period: { from: '2025-03-01', to: '2025-03-31' } };
      const first = await importFile(
        store,
        file('m1.csv', 'post_id,snapshot_at,impressions\np1,2025-03-20T10:00:00Z,100\n'),
      );
      const again = await importFile(
        store,
        file('m2.csv', 'post_id,snapshot_at,impressions\np1,2025-03-20T11:00:00+01:00,150\n'),
      );
      expect([first.replaced, again.replaced]).toEqual([0, 1]);
      expect(await store.all("SELECT impressions FROM post_metrics WHERE post_id = 'p1'")).toEqual([
        { impressions: 150 },
      ]);
      expect(await valueOf(store, 'impressions', march)).toBe(150);
      expect(
        await store.all(
          "SELECT file_name, format, table_name, rows, replaced, length(file_hash) AS hash FROM imports WHERE file_name = 'm2.csv'",
        ),
      ).toEqual([
        {
          file_name: 'm2.csv',
          format: 'cadran-csv/post_metrics',
          table_name: 'post_metrics',
          rows: 1,
          replaced: 1,
          hash: 64,
        },
      ]);
    });
    it('a newer snapshot of the same post counts instead of the older one', async () => {
      await importFile(
        store,
        file('m3.csv', 'post_id,snapshot_at,impressions\np1,2025-03-27,400\n'),
      );
      expect(
        await valueOf(store, 'impressions', { period: { from: '2025-03-01', to: '2025-03-31' } }),
      ).toBe(400);
    });
    it('headers are read whatever their case, spacing or byte-order mark', async () => {
      const summary = await importFile(
        store,
        file('bom.csv', `\uFEFFAccount_ID , Day,FOLLOWERS\r\ninstagram:lumen,2025-03-01,1200\r\n`),
      );
      expect(summary).toMatchObject({ table: 'account_daily', rows: 1 });
    });
  });

  describe('the table is detected from the header', () => {
    for (const table of IMPORTABLE_TABLES) {
      it(`${table.name}: its full template and its required columns alone`, () => {
        const all = table.columns
          .map((column) => column.name)
          .filter((name) => name !== 'import_id');
        const required = table.columns
          .filter((column) => column.required)
          .map((column) => column.name);
        expect(detectTable(all, 'x.csv').name).toBe(table.name);
        expect(detectTable(required, 'x.csv').name).toBe(table.name);
      });
    }
    it('an import without --table reports the table it chose', async () => {
      const summary = await importFile(
        store,
        file('detected.csv', 'response_id,answered_at,score\nr1,2025-03-01T10:00:00Z,9\n'),
      );
      expect(summary).toMatchObject({
        table: 'nps_responses',
        format: 'cadran-csv/nps_responses',
        rows: 1,
      });
    });
  });
});
