import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { openStore, SCHEMA_VERSION, TABLES } from '../../src/store/index.ts';

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'cadran-store-')), 'cadran.duckdb');

async function writeOldStore(path: string): Promise<void> {
  // A store as an earlier Cadran left it: no schema version, posts without campaign, no ssi table.
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  await connection.run(
    'CREATE TABLE posts (post_id VARCHAR, account_id VARCHAR, platform VARCHAR, published_at TIMESTAMP, content_type VARCHAR)',
  );
  await connection.run(
    "INSERT INTO posts VALUES ('p1', 'ig:a', 'instagram', TIMESTAMP '2025-01-01 10:00:00', 'image')",
  );
  connection.closeSync();
  instance.closeSync();
}

describe('store', () => {
  it('creates every canonical table in a new file and records the schema version', async () => {
    const store = await openStore(tempFile());
    const tables = await store.all(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'",
    );
    expect(tables.map((row) => row.table_name)).toEqual(
      expect.arrayContaining(TABLES.map((table) => table.name)),
    );
    const [{ version }] = await store.all('SELECT max(version) AS version FROM schema_version');
    expect(version).toBe(SCHEMA_VERSION);
    store.close();
  });

  it('migrates an older file: adds missing tables and columns and keeps the rows', async () => {
    const path = tempFile();
    await writeOldStore(path);
    const store = await openStore(path);
    const columns = await store.all(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'posts'",
    );
    expect(columns.map((row) => row.column_name)).toEqual(
      expect.arrayContaining(['campaign', 'permalink', 'import_id']),
    );
    expect(await store.all('SELECT post_id, campaign FROM posts')).toEqual([
      { post_id: 'p1', campaign: null },
    ]);
    expect(await store.all('SELECT count(*) AS n FROM ssi')).toEqual([{ n: 0 }]);
    store.close();
  });

  it('reopening a migrated file changes nothing', async () => {
    const path = tempFile();
    (await openStore(path)).close();
    const store = await openStore(path);
    expect(await store.all('SELECT count(*) AS n FROM schema_version')).toEqual([{ n: 1 }]);
    store.close();
  });

  it('refuses a file written by a newer schema', async () => {
    const path = tempFile();
    const store = await openStore(path);
    await store.run('INSERT INTO schema_version VALUES (999, now())');
    store.close();
    await expect(openStore(path)).rejects.toThrow(/newer Cadran/);
  });

  it('a transaction that fails writes nothing, appended rows included', async () => {
    const store = await openStore(tempFile());
    await expect(
      store.transaction(async (tx) => {
        await tx.append(
          'nps_responses',
          ['response_id', 'answered_at', 'score'],
          [['r1', Date.UTC(2025, 0, 1), 9]],
        );
        await tx.run("INSERT INTO spend (day, platform, amount) VALUES ('2025-01-01', 'x', 10)");
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(
      await store.all(
        'SELECT (SELECT count(*) FROM nps_responses) AS nps, (SELECT count(*) FROM spend) AS spend',
      ),
    ).toEqual([{ nps: 0, spend: 0 }]);
    store.close();
  });

  it('appends typed cells: dates, timestamps in UTC, booleans, nulls', async () => {
    const store = await openStore(tempFile());
    await store.transaction((tx) =>
      tx.append(
        'ssi',
        ['person_id', 'day', 'ssi', 'connections'],
        [['s1', '2024-02-29', 61.5, null]],
      ),
    );
    await store.transaction((tx) =>
      tx.append(
        'accounts',
        ['account_id', 'platform', 'handle', 'is_competitor'],
        [['x:a', 'x', 'a', true]],
      ),
    );
    await store.transaction((tx) =>
      tx.append(
        'conversions',
        ['conversion_id', 'occurred_at', 'type'],
        [['c1', Date.UTC(2025, 2, 14, 8, 30), 'purchase']],
      ),
    );
    expect(await store.all('SELECT person_id, day, ssi, connections FROM ssi')).toEqual([
      { person_id: 's1', day: '2024-02-29', ssi: 61.5, connections: null },
    ]);
    expect(await store.all('SELECT is_competitor FROM accounts')).toEqual([
      { is_competitor: true },
    ]);
    expect(await store.all('SELECT occurred_at FROM conversions')).toEqual([
      { occurred_at: '2025-03-14T08:30:00.000Z' },
    ]);
    store.close();
  });
});
