// LinkedIn's page exports written per day land on the page's days, so any period's sum is right.
// The workbooks are built here, with LinkedIn's note row above the header.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { afterEach, describe, expect, it } from 'vitest';
import { importPath } from '../../../src/ingest/index.ts';
import type { Store } from '../../../src/store/index.ts';
import { emptyStore, ENGINES } from '../../engines.ts';

let store: Store | undefined;
let folder: string | undefined;
afterEach(async () => {
  store?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
  folder = undefined;
});

/** Writes a one-sheet-per-entry workbook and returns its path. */
async function workbook(name: string, sheets: Record<string, (string | number)[][]>) {
  folder ??= await mkdtemp(join(tmpdir(), 'cadran-linkedin-'));
  const book = XLSX.utils.book_new();
  for (const [sheet, rows] of Object.entries(sheets))
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), sheet);
  const path = join(folder, name);
  XLSX.writeFile(book, path);
  return path;
}

const sumOver = async (column: string, from: string, to: string) => {
  const { timestamp } = store!.dialect; // 18.16 compares a DateTime with a date string wrongly
  const [row] = await store!.all(
    `SELECT sum("${column}") AS total FROM account_daily
     WHERE account_id = 'linkedin:main' AND day BETWEEN ${timestamp('$1')} AND ${timestamp('$2')}`,
    [from, to],
  );
  return Number(row.total);
};

// Five days of followers gained: day d (1…5 March) gains 10·d organic + d sponsored.
const followerRows = [1, 2, 3, 4, 5].map((d) => [`03/0${d}/2025`, d, 10 * d, 0, 11 * d]);

describe.each(ENGINES)('LinkedIn daily page exports (%s)', (engine) => {
  it('sums the followers gained on any period from the per-day followers sheet', async () => {
    store = await emptyStore(engine);
    const path = await workbook('page_followers.xlsx', {
      'New followers': [
        [
          'Date',
          'Sponsored followers',
          'Organic followers',
          'Auto-invited followers',
          'Total followers',
        ],
        ...followerRows,
      ],
    });
    const [summary] = await importPath(store, path);
    expect(summary.format).toBe('linkedin-followers');
    // 11 · (1 + 2 + 3 + 4 + 5) = 165
    expect(summary.reconciliation).toContainEqual({
      table: 'account_daily',
      metric: 'new_followers',
      file: 165,
      stored: 165,
    });
    expect(await sumOver('new_followers', '2025-03-02', '2025-03-04')).toBe(99); // 11 · (2 + 3 + 4)
  });

  it('reads the Metrics sheet per day with --format, preferring the totals to the organic columns', async () => {
    store = await emptyStore(engine);
    const header = [
      'Date',
      'Impressions (organic)',
      'Impressions (total)',
      'Clicks (total)',
      'Reactions (organic)',
      'Reactions (total)',
      'Comments (total)',
      'Reposts (total)',
    ];
    const path = await workbook('page_content.xlsx', {
      Metrics: [
        ['Aggregated metrics'],
        header,
        ['04/01/2025', 100, 150, 9, 5, 8, 2, 1],
        ['04/02/2025', 200, 260, 12, 10, 14, 3, 0],
        ['04/03/2025', 300, 330, 15, 20, 21, 1, 2],
      ],
    });
    const [summary] = await importPath(store, path, { format: 'linkedin-content-daily' });
    expect(summary.reconciliation).toEqual(
      expect.arrayContaining([
        { table: 'account_daily', metric: 'impressions', file: 740, stored: 740 }, // 150 + 260 + 330
        { table: 'account_daily', metric: 'reactions', file: 43, stored: 43 }, // 8 + 14 + 21
        { table: 'account_daily', metric: 'link_clicks', file: 36, stored: 36 }, // 9 + 12 + 15
      ]),
    );
    expect(await sumOver('impressions', '2025-04-02', '2025-04-03')).toBe(590); // 260 + 330
    expect(await sumOver('comments', '2025-04-01', '2025-04-02')).toBe(5); // 2 + 3
    expect(await sumOver('shares', '2025-04-01', '2025-04-03')).toBe(3); // 1 + 0 + 2
  });

  it('a second export of overlapping days replaces those days instead of adding to them', async () => {
    store = await emptyStore(engine);
    const header = [
      'Date',
      'Sponsored followers',
      'Organic followers',
      'Auto-invited followers',
      'Total followers',
    ];
    await importPath(
      store,
      await workbook('first.xlsx', { 'New followers': [header, ...followerRows] }),
    );
    // 5 and 6 March again: 5 March now gains 40, 6 March 7
    const again = [
      ['03/05/2025', 0, 40, 0, 40],
      ['03/06/2025', 0, 7, 0, 7],
    ];
    await importPath(store, await workbook('second.xlsx', { 'New followers': [header, ...again] }));
    // 11 + 22 + 33 + 44 + 40 + 7
    expect(await sumOver('new_followers', '2025-03-01', '2025-03-31')).toBe(157);
  });
});
