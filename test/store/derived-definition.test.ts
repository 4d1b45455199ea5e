// A store built by an earlier Cadran keeps derived tables of an older definition, or lacks tables
// added since: opening it must rebuild or create them, on either engine, and keep them when nothing
// changed.
import { describe, expect, it } from 'vitest';
import { openStoreAt, type Store } from '../../src/store/index.ts';
import { ENGINES, freshStoreLocation, type EngineName } from '../engines.ts';

/** inbound_facts as an earlier definition left it: no response_seconds, another fingerprint. */
async function leaveOldInboundFacts(store: Store, engine: EngineName): Promise<void> {
  if (engine === 'duckdb') {
    await store.run('CREATE OR REPLACE TABLE inbound_facts AS SELECT 1 AS interaction_id');
    await store.run(
      "UPDATE derived_tables SET definition_hash = 'older' WHERE name = 'inbound_facts'",
    );
    return;
  }
  await store.run('DROP TABLE inbound_facts');
  await store.run('CREATE TABLE inbound_facts (interaction_id String) ENGINE = Memory');
  await store.run(
    `INSERT INTO derived_tables VALUES ('inbound_facts', 'older', ${Date.now() + 60_000})`,
  );
}

/** The `name` column of a catalog query, written for each engine. */
async function namesFrom(
  store: Store,
  engine: EngineName,
  sql: Record<EngineName, string>,
): Promise<string[]> {
  const rows = await store.all(sql[engine]);
  return rows.map((row) => String(row.name));
}

const inboundColumns = (store: Store, engine: EngineName) =>
  namesFrom(store, engine, {
    duckdb:
      "SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'inbound_facts'",
    clickhouse:
      "SELECT name FROM system.columns WHERE database = currentDatabase() AND table = 'inbound_facts'",
  });

const tableNames = (store: Store, engine: EngineName) =>
  namesFrom(store, engine, {
    duckdb: 'SELECT table_name AS name FROM information_schema.tables',
    clickhouse: 'SELECT name FROM system.tables WHERE database = currentDatabase()',
  });

describe.each(ENGINES)('%s: derived tables of an older definition', (engine) => {
  it('are rebuilt when the store opens, and kept as they are when nothing changed', async () => {
    const location = freshStoreLocation(engine);
    const first = await openStoreAt(location);
    await leaveOldInboundFacts(first, engine);
    expect(await inboundColumns(first, engine)).toEqual(['interaction_id']);
    first.close();

    const reopened = await openStoreAt(location);
    const columns = await inboundColumns(reopened, engine);
    expect(columns).toEqual(expect.arrayContaining(['response_seconds', 'first_reply_at']));
    reopened.close();

    const again = await openStoreAt(location);
    expect(await inboundColumns(again, engine)).toEqual(columns);
    again.close();
  });
});

describe.each(ENGINES)('%s: tables missing from an older store', (engine) => {
  it('are created when the store opens, canonical and derived alike', async () => {
    const location = freshStoreLocation(engine);
    const first = await openStoreAt(location);
    await first.run('DROP TABLE objectives');
    await first.run('DROP TABLE post_facts');
    expect(await tableNames(first, engine)).not.toContain('objectives');
    first.close();

    const reopened = await openStoreAt(location);
    expect(await tableNames(reopened, engine)).toEqual(
      expect.arrayContaining(['objectives', 'post_facts']),
    );
    const [{ objectives }] = await reopened.all('SELECT count(*) AS objectives FROM objectives');
    expect(Number(objectives)).toBe(0);
    reopened.close();
  });
});
