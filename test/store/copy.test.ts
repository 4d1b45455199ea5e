// `cadran store copy --to clickhouse://…` moves a DuckDB store over and checks every table's rows.
import { describe, expect, it } from 'vitest';
import {
  cellFromStored,
  copyStore,
  tableByName,
  type Cell,
  type Store,
} from '../../src/store/index.ts';
import { clickhouseAbsence, emptyClickHouseStore } from '../engines.ts';
import { storeWith, tableCounts, tempStore } from '../helpers.ts';

/** Rows as appended, in the order they land: the columns of each table, in order. */
interface FixtureTable {
  columns: string[];
  rows: Cell[][];
}

const NASTY_TEXT = 'say "hi", then\nleave\r\nwith a\ttab';

const FIXTURE: Record<string, FixtureTable> = {
  accounts: {
    columns: ['account_id', 'platform', 'handle', 'name', 'is_competitor', 'import_id'],
    rows: [
      // Landed out of key order, so the copy must keep the order they landed in.
      ['x:b', 'x', '\\N', null, false, 'imp-1'],
      ['instagram:a', 'instagram', 'a', NASTY_TEXT, true, null],
      ['linkedin:c', 'linkedin', 'ends with \\', '', null, '\\'],
    ],
  },
  posts: {
    columns: [
      'post_id',
      'account_id',
      'platform',
      'published_at',
      'content_type',
      'text',
      'permalink',
      'campaign',
      'import_id',
    ],
    rows: [
      [
        'p2',
        'instagram:a',
        'instagram',
        Date.UTC(2025, 0, 2, 3, 4, 5),
        'image',
        'héllo ✓ 日本 😀',
        null,
        'NULL',
        null,
      ],
      [
        'p1',
        'x:b',
        'x',
        Date.UTC(1999, 11, 31, 23, 59, 59),
        'video',
        '  spaces kept  ',
        '',
        ',',
        'imp-1',
      ],
    ],
  },
  account_daily: {
    columns: ['account_id', 'day', 'followers', 'watch_time', 'import_id'],
    rows: [
      ['x:b', '2024-02-29', 123_456_789_012, 1.25, 'imp-1'],
      ['x:b', '2024-03-01', 0, null, 'imp-1'],
    ],
  },
  interactions: {
    columns: [
      'interaction_id',
      'platform',
      'account_id',
      'kind',
      'author_id',
      'created_at',
      'text',
      'sentiment_score',
      'is_brand',
      'expects_reply',
    ],
    rows: [
      ['i1', 'x', 'x:b', 'comment', 'u1', Date.UTC(2025, 5, 30, 12, 0, 1), '"', -0.5, false, null],
      [
        'i2',
        'x',
        'x:b',
        'reply',
        'u2',
        Date.UTC(2025, 5, 30, 12, 0, 2),
        '\\\\N \\',
        0.1,
        null,
        true,
      ],
    ],
  },
};

async function fixtureStore(rows = FIXTURE): Promise<Store> {
  const duckdb = await tempStore();
  await duckdb.transaction(async (tx) => {
    for (const [table, { columns, rows: cells }] of Object.entries(rows))
      await tx.append(table, columns, cells);
  });
  return duckdb;
}

/** The table's fixture columns as cells, in the order the rows landed. */
async function landedCells(store: Store, table: string, columns: string[]): Promise<Cell[][]> {
  const types = tableByName(table)!.columns;
  const rows = await store.all(
    `SELECT ${columns.join(', ')} FROM ${table} ORDER BY ${store.dialect.landedOrder}`,
  );
  return rows.map((row) =>
    columns.map((name) => cellFromStored(types.find((c) => c.name === name)!.type, row[name])),
  );
}

describe.skipIf(clickhouseAbsence !== null)(
  clickhouseAbsence ?? 'copying a DuckDB store to ClickHouse',
  () => {
    it('lands every row of every table, and refuses a target that already holds rows', async () => {
      const duckdb = await storeWith('kpis');
      const clickhouse = await emptyClickHouseStore();
      const copied = await copyStore(duckdb, clickhouse);
      const before = await tableCounts(duckdb);
      // The kpis fixture: 3 accounts (2 own, 1 competitor) and one import per CSV file.
      expect(before.accounts).toBe(3);
      expect(Object.fromEntries(copied.map(({ table, rows }) => [table, rows]))).toEqual(before);
      expect(await tableCounts(clickhouse)).toEqual(before);
      await expect(copyStore(duckdb, clickhouse)).rejects.toThrow(
        'the target store already holds rows in accounts',
      );
      duckdb.close();
    });

    it('keeps quotes, line breaks, tabs, backslashes, \\N, unicode, NULL and empty text apart', async () => {
      const duckdb = await fixtureStore();
      const clickhouse = await emptyClickHouseStore();
      await copyStore(duckdb, clickhouse);
      for (const [table, { columns, rows }] of Object.entries(FIXTURE))
        expect(await landedCells(clickhouse, table, columns), table).toEqual(rows);
      duckdb.close();
    });

    it('keeps timestamps to the second, as ClickHouse 18.16 stores them', async () => {
      const posts = FIXTURE.posts;
      const withMilliseconds = [...posts.rows[0]];
      withMilliseconds[3] = Date.UTC(2025, 0, 2, 3, 4, 5, 678);
      const duckdb = await fixtureStore({ posts: { ...posts, rows: [withMilliseconds] } });
      const clickhouse = await emptyClickHouseStore();
      await copyStore(duckdb, clickhouse);
      const [published] = await clickhouse.all('SELECT published_at FROM posts');
      expect(published.published_at).toBe('2025-01-02T03:04:05.000Z');
      duckdb.close();
    });

    it('names the table ClickHouse refuses, and leaves the target empty', async () => {
      const posts = FIXTURE.posts;
      // ClickHouse's DateTime ends in 2105: a post dated in the year 10000 cannot land.
      const farFuture = [...posts.rows[1]];
      farFuture[3] = Date.UTC(10000, 0, 1);
      const duckdb = await fixtureStore({
        accounts: FIXTURE.accounts,
        posts: { ...posts, rows: [posts.rows[0], farFuture] },
      });
      const clickhouse = await emptyClickHouseStore();
      await expect(copyStore(duckdb, clickhouse)).rejects.toThrow(
        /^posts: ClickHouse refused the rows: .*Cannot parse input/,
      );
      const counts = await tableCounts(clickhouse);
      expect(
        Object.values(counts).every((rows) => rows === 0),
        JSON.stringify(counts),
      ).toBe(true);
      duckdb.close();
    });
  },
);
