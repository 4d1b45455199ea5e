// Cadran CSV: every bad input is refused with its location and leaves the store as it was.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/ingest/index.ts';
import { InputError } from '../../src/model/index.ts';
import type { Store } from '../../src/store/index.ts';
import { tempStore, valueOf } from '../helpers.ts';

const folder = mkdtempSync(join(tmpdir(), 'cadran-csv-'));
const POSTS_HEADER = 'post_id,account_id,platform,published_at,content_type,text';
let store: Store;

function file(name: string, content: string | Buffer): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

async function counts() {
  const [row] = await store.all(
    'SELECT (SELECT count(*) FROM posts) AS posts, (SELECT count(*) FROM post_metrics) AS metrics, (SELECT count(*) FROM imports) AS imports',
  );
  return row;
}

/** Imports a file that must be refused; returns the error after checking nothing changed. */
async function refused(path: string, options = {}): Promise<InputError> {
  const before = await counts();
  const error = await importFile(store, path, options).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(InputError);
  expect(await counts()).toEqual(before);
  return error as InputError;
}

beforeAll(async () => {
  store = await tempStore();
  await importFile(
    store,
    file('accounts.csv', 'account_id,platform,handle\ninstagram:lumen,instagram,lumen\n'),
  );
  await importFile(
    store,
    file(
      'posts.csv',
      `${POSTS_HEADER}\np1,instagram:lumen,instagram,2025-03-14T09:30:00+01:00,image,Bonjour\n`,
    ),
  );
});
afterAll(() => store.close());

describe('bad input is refused, located, and writes nothing', () => {
  it('an unclosed quote', async () => {
    const error = await refused(
      file(
        'quote.csv',
        `${POSTS_HEADER}\np2,instagram:lumen,instagram,2025-03-01,image,"never closed\n`,
      ),
    );
    expect(error.message).toMatch(/malformed/);
    expect(error.location).toMatchObject({ file: 'quote.csv' });
  });
  it('a row with too many fields', async () => {
    const error = await refused(
      file(
        'fields.csv',
        `${POSTS_HEADER}\np2,instagram:lumen,instagram,2025-03-01,image,a,extra\n`,
      ),
    );
    expect(error.location).toMatchObject({ file: 'fields.csv', line: 2 });
  });
  it('Windows-1252 bytes', async () => {
    const bytes = Buffer.concat([
      Buffer.from(`${POSTS_HEADER}\np2,instagram:lumen,instagram,2025-03-01,image,caf`),
      Buffer.from([0xe9, 0x0a]),
    ]);
    const error = await refused(file('latin.csv', bytes));
    expect(error.message).toMatch(/not valid UTF-8/);
    expect(error.location).toMatchObject({ file: 'latin.csv', line: 2 });
  });
  it('an unknown column', async () => {
    const error = await refused(
      file(
        'unknown.csv',
        `${POSTS_HEADER},mood\np2,instagram:lumen,instagram,2025-03-01,image,a,happy\n`,
      ),
      { table: 'posts' },
    );
    expect(error.location).toMatchObject({ file: 'unknown.csv', line: 1, column: 'mood' });
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
  });
  it('an empty file, and a header without rows', async () => {
    expect((await refused(file('empty.csv', ''))).message).toBe('the file is empty');
    expect((await refused(file('header.csv', `${POSTS_HEADER}\n`))).message).toBe(
      'the file has a header but no rows',
    );
  });
  it('a huge number, a negative count, an impossible date, an unknown content type: all reported at once', async () => {
    const error = await refused(
      file(
        'values.csv',
        [
          'post_id,snapshot_at,impressions,reactions',
          'p1,2025-03-20,99999999999999999999,1',
          'p1,2025-03-21,10,-5',
          'p1,2025-02-30,10,1',
        ].join('\n'),
      ),
    );
    expect(error.message).toBe('3 bad values in values.csv; nothing was imported');
    expect(error.details.map((detail) => detail.location)).toEqual([
      {
        file: 'values.csv',
        line: 2,
        column: 'impressions',
        value: '99999999999999999999',
        expected: 'a whole number below 9 007 199 254 740 991',
      },
      { file: 'values.csv', line: 3, column: 'reactions', value: '-5', expected: 'a number ≥ 0' },
      {
        file: 'values.csv',
        line: 4,
        column: 'snapshot_at',
        value: '2025-02-30',
        expected: 'an ISO 8601 time such as 2025-03-14T09:30:00+01:00',
      },
    ]);
    const enumError = await refused(
      file('enum.csv', `${POSTS_HEADER}\np2,instagram:lumen,instagram,2025-03-01,hologram,a\n`),
    );
    expect(enumError.details[0].location).toMatchObject({
      line: 2,
      column: 'content_type',
      value: 'hologram',
    });
  });
  it('a header that matches no template names the closest one', async () => {
    const error = await refused(file('alien.csv', 'post_id,published_at,likes\np9,2025-01-01,3\n'));
    expect(error.message).toMatch(/matches no Cadran CSV template; closest is "posts"/);
  });
});

describe('what is accepted', () => {
  it('hostile text is stored verbatim, never run', async () => {
    const hostile = [
      "'; DROP TABLE posts; --",
      '=HYPERLINK("http://evil.example","x")',
      '<script>alert(1)</script>',
    ];
    const rows = hostile.map(
      (text, index) =>
        `h${index},instagram:lumen,instagram,2025-03-02,text,"${text.replaceAll('"', '""')}"`,
    );
    await importFile(store, file('hostile.csv', [POSTS_HEADER, ...rows].join('\n')));
    const stored = await store.all(
      "SELECT text FROM posts WHERE post_id LIKE 'h%' ORDER BY post_id",
    );
    expect(stored.map((row) => row.text)).toEqual(hostile);
  });
  it('a time with an offset lands in UTC', async () => {
    expect(await store.all("SELECT published_at FROM posts WHERE post_id = 'p1'")).toEqual([
      { published_at: '2025-03-14T08:30:00.000Z' },
    ]);
  });
  it('a semicolon file with decimal commas, as French spreadsheets write it', async () => {
    await importFile(
      store,
      file(
        'spend.csv',
        'day;platform;campaign;amount\n2025-03-01;instagram;printemps;12,5\n2025-03-02;instagram;printemps;0,25\n',
      ),
    );
    const [{ total }] = await store.all('SELECT sum(amount) AS total FROM spend');
    expect(total).toBe(12.75);
  });
  it('re-importing a snapshot with the same key replaces it: no double counting', async () => {
    const first = await importFile(
      store,
      file('m1.csv', 'post_id,snapshot_at,impressions\np1,2025-03-20,100\n'),
    );
    const again = await importFile(
      store,
      file('m2.csv', 'post_id,snapshot_at,impressions\np1,2025-03-20,150\n'),
    );
    expect([first.replaced, again.replaced]).toEqual([0, 1]);
    expect(
      await valueOf(store, 'impressions', { period: { from: '2025-03-01', to: '2025-03-31' } }),
    ).toBe(150);
  });
  it('a newer snapshot of the same post counts instead of the older one', async () => {
    await importFile(store, file('m3.csv', 'post_id,snapshot_at,impressions\np1,2025-03-27,400\n'));
    expect(
      await valueOf(store, 'impressions', { period: { from: '2025-03-01', to: '2025-03-31' } }),
    ).toBe(400);
  });
  it('records each import with its hash, table and counts', async () => {
    const imports = await store.all(
      "SELECT file_name, format, table_name, rows, replaced, length(file_hash) AS hash FROM imports WHERE file_name = 'm2.csv'",
    );
    expect(imports).toEqual([
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
});
