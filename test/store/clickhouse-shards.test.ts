// Two ClickHouse servers as two shards behind a Distributed table: a KPI read through it equals the
// same KPI on one node holding every row.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyStore, openStoreAt, TABLES, type Store } from '../../src/store/index.ts';
import type { ClickHouseStore } from '../../src/store/clickhouse/store.ts';
import { clickhouseAbsence } from '../engines.ts';
import { storeWith, valueOf } from '../helpers.ts';

const script = join(import.meta.dirname, '..', '..', 'scripts', 'clickhouse-test-server.sh');
const january = { period: { from: '2025-01-01', to: '2025-01-31' } };
// Below the kernel's ephemeral range (32768 and up), where another test's outgoing connection may
// hold a port, and apart from the run's own server (20000–30000, see clickhouse-server.ts).
const base = 10_000 + (process.pid % 2_500) * 4;
const shards = [
  { folder: mkdtempSync(join(tmpdir(), 'cadran-shard-')), http: base, tcp: base + 1 },
  { folder: mkdtempSync(join(tmpdir(), 'cadran-shard-')), http: base + 2, tcp: base + 3 },
];
const address = (http: number, database: string) =>
  `clickhouse://default:@127.0.0.1:${http}/${database}`;

describe.skipIf(clickhouseAbsence !== null)(
  clickhouseAbsence ?? 'two ClickHouse shards behind a Distributed table',
  () => {
    const opened: Store[] = [];
    let single: Store;
    let front: Store;

    beforeAll(async () => {
      const clusterPorts = shards.map((shard) => shard.tcp).join(',');
      for (const shard of shards)
        execFileSync(script, [
          'start',
          shard.folder,
          String(shard.http),
          String(shard.tcp),
          clusterPorts,
        ]);
      const duckdb = await storeWith('kpis');
      single = await openStoreAt(address(shards[0].http, 'single'));
      await copyStore(duckdb, single);
      // Conversions dealt to the shards in turn: c1, c3, c5 on the first, c2, c4 on the second.
      const parts = await Promise.all(
        shards.map((shard) => openStoreAt(address(shard.http, 'shard'))),
      );
      const columns = TABLES.find((table) => table.name === 'conversions')!.columns;
      const rows = await duckdb.all('SELECT * FROM conversions ORDER BY conversion_id');
      for (const [index, part] of parts.entries())
        await part.transaction((tx) =>
          tx.append(
            'conversions',
            columns.map((column) => column.name),
            rows
              .filter((_, position) => position % 2 === index)
              .map((row) =>
                columns.map((column) =>
                  column.type === 'timestamp'
                    ? Date.parse(String(row[column.name]))
                    : (row[column.name] as string | number | null),
                ),
              ),
          ),
        );
      front = await openStoreAt(address(shards[0].http, 'front'));
      const http = (front as ClickHouseStore).http;
      await http.exec('DROP TABLE conversions');
      await http.exec(
        'CREATE TABLE conversions AS shard.conversions ENGINE = Distributed(cadran_shards, shard, conversions)',
      );
      opened.push(duckdb, single, front, ...parts);
    });

    afterAll(() => {
      opened.forEach((store) => store.close());
      for (const shard of shards) execFileSync(script, ['stop', shard.folder]);
    });

    it('each shard holds part of the conversions, the Distributed table all of them', async () => {
      const counts = await Promise.all(
        shards.map(async (shard) => {
          const store = await openStoreAt(address(shard.http, 'shard'));
          const [{ rows }] = await store.all('SELECT count(*) AS rows FROM conversions');
          return Number(rows);
        }),
      );
      const [{ rows }] = await front.all('SELECT count(*) AS rows FROM conversions');
      expect(counts.every((count) => count > 0)).toBe(true);
      expect(Number(rows)).toBe(counts[0] + counts[1]);
    });

    // c1 instagram, c2 lnkd.in, c4 instagram, c5 facebook are social (c3 google is not): 4; their
    // known values 120 + 40 = 160 (see test/metrics/kpis.test.ts).
    it('a KPI over the Distributed table equals the single-node one', async () => {
      for (const [kpi, expected] of [
        ['conversions', 4],
        ['social_revenue', 160],
      ] as const) {
        const distributed = await valueOf(front, kpi, january);
        expect(distributed).toBe(await valueOf(single, kpi, january));
        expect(distributed).toBe(expected);
      }
    });
  },
);
