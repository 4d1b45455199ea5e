// `cadran store copy --to clickhouse://…` moves a DuckDB store over and checks every table's rows.
import { describe, expect, it } from 'vitest';
import { copyStore } from '../../src/store/index.ts';
import { clickhouseAbsence, emptyClickHouseStore } from '../engines.ts';
import { storeWith, tableCounts } from '../helpers.ts';

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
  },
);
