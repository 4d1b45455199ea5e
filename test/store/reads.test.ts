// Reads run on a pool of connections, can be called off, and every write moves the data version on.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/ingest/index.ts';
import { createObjective } from '../../src/metrics/objectives.ts';
import { correctSentiment } from '../../src/nlp/index.ts';
import { openSession } from '../../src/server/auth/sessions.ts';
import { createLink, createToken, createUser, updateUser } from '../../src/server/index.ts';
import {
  ReadCancelled,
  resetStore,
  withReadSignal,
  writeSettings,
  type Store,
} from '../../src/store/index.ts';
import { DuckDbStore } from '../../src/store/duckdb/store.ts';
import { ENGINES, engineStoreWith } from '../engines.ts';
import { tempStore } from '../helpers.ts';

/** Minutes of work for the engine: only an interrupt ends it within the test's time. */
const ENDLESS = 'SELECT count(*) AS n FROM range(100000000000) t(i) WHERE i % 7 = 3';

describe.each(ENGINES)('the data version, on %s', (engine) => {
  let store: Store;
  beforeAll(async () => {
    store = await engineStoreWith(engine, 'kpis');
  });
  afterAll(() => store.close());

  const movesOn = async (write: () => Promise<unknown>) => {
    const before = store.dataVersion;
    await write();
    return store.dataVersion - before;
  };

  it('moves on after each transaction, statement and exclusive hold, and after a rolled-back one', async () => {
    expect(await movesOn(() => store.run('DELETE FROM spend WHERE false'))).toBe(1);
    expect(
      await movesOn(() => store.transaction((tx) => tx.run('DELETE FROM spend WHERE false'))),
    ).toBe(1);
    expect(
      await movesOn(() => store.exclusive((writer) => writer.run('DELETE FROM spend WHERE false'))),
    ).toBe(1);
    // A rolled-back write changed nothing, but moving on costs one recomputation: the safe side.
    const before = store.dataVersion;
    await expect(
      store.transaction(async () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(store.dataVersion - before).toBe(1);
  });

  it('moves on after each kind of write the product makes', async () => {
    const folder = (await tempStore()).location.replace(/cadran\.duckdb$/, '');
    const extra = join(folder, 'posts.csv');
    writeFileSync(
      extra,
      'post_id,account_id,platform,published_at,content_type,text,campaign\np9,instagram:lumen,instagram,2025-01-25T10:00:00Z,image,Extra,\n',
    );
    const writes: [string, () => Promise<unknown>][] = [
      ['import', () => importFile(store, extra)],
      [
        'objective',
        () =>
          createObjective(store, {
            id: 'reach-q1',
            name: 'Reach',
            kpi: 'reach',
            target: 1000,
            period: { from: '2025-01-01', to: '2025-03-31' },
            direction: 'increase',
            filters: {},
            baseline: null,
          }),
      ],
      ['sentiment correction', () => correctSentiment(store, 'i1', 'negative', 'tests')],
      ['setting', () => writeSettings(store, { business_hours_open: '08:00' })],
      [
        'link',
        () =>
          createLink(
            store,
            {
              url: 'https://example.org/',
              code: 'version-1',
              campaign: 'spring',
              source: 'instagram',
            },
            'tests',
          ),
      ],
      ['reset', () => resetStore(store)],
    ];
    for (const [name, write] of writes) expect([name, await movesOn(write)]).toEqual([name, 1]);
  });

  it('stays put when only who may read changes: a login, a user, a token', async () => {
    const user = await createUser(store, {
      email: 'vera@lumen.test',
      password: 'a long enough password',
      name: 'Vera',
      role: 'admin',
    });
    const writes: [string, () => Promise<unknown>][] = [
      ['session', () => openSession(store, user.id)],
      ['token', () => createToken(store, 'script', 'viewer')],
      ['name', () => updateUser(store, user.id, { name: 'Vera B.' })],
    ];
    for (const [name, write] of writes) expect([name, await movesOn(write)]).toEqual([name, 0]);
  });

  it('moves the access version on for those writes, and not for a data write', async () => {
    const user = await createUser(store, {
      email: 'ines@lumen.test',
      password: 'a long enough password',
      name: 'Inès',
      role: 'analyst',
    });
    const accessMovesOn = async (write: () => Promise<unknown>) => {
      const before = store.accessVersion;
      await write();
      return store.accessVersion - before;
    };
    expect(await accessMovesOn(() => openSession(store, user.id))).toBe(1);
    expect(await accessMovesOn(() => updateUser(store, user.id, { disabled: true }))).toBe(1);
    expect(await accessMovesOn(() => store.run('DELETE FROM spend WHERE false'))).toBe(0);
  });
});

describe('the read pool (DuckDB only: ClickHouse reads are HTTP requests, with no pool of connections to share)', () => {
  it('runs reads of different requests at the same time, one per connection', async () => {
    const store = await DuckDbStore.open(':memory:', undefined, 2);
    const blocker = new AbortController();
    const endless = withReadSignal(blocker.signal, () => store.all(ENDLESS));
    // With one connection taken by the endless read, the other still answers.
    expect(await store.all('SELECT 6 * 7 AS answer')).toEqual([{ answer: 42 }]);
    blocker.abort();
    await expect(endless).rejects.toThrow(ReadCancelled);
    store.close();
  });

  it('interrupts a running read when its work is called off, and frees the connection', async () => {
    const store = await DuckDbStore.open(':memory:', undefined, 1);
    // Called off at once, as the engine is about to begin, and while it runs.
    const moments = [
      (abort: () => void) => abort(),
      (abort: () => void) => setImmediate(abort),
      (abort: () => void) => setTimeout(abort, 100),
    ];
    for (const callOff of moments) {
      const caller = new AbortController();
      const started = performance.now();
      const endless = withReadSignal(caller.signal, () => store.all(ENDLESS));
      callOff(() => caller.abort());
      await expect(endless).rejects.toThrow(ReadCancelled);
      // The read stopped about when it was called off, not minutes later.
      expect(performance.now() - started).toBeLessThan(5_000);
    }
    expect(await store.all('SELECT 1 AS free')).toEqual([{ free: 1 }]);
    expect(store.readStats()).toMatchObject({ cancelled: 3, waiting: 0 });
    store.close();
  });

  it('drops a queued read whose work was called off before it got a connection', async () => {
    const store = await DuckDbStore.open(':memory:', undefined, 1);
    const blocker = new AbortController();
    const endless = withReadSignal(blocker.signal, () => store.all(ENDLESS));
    const caller = new AbortController();
    const queued = withReadSignal(caller.signal, () => store.all('SELECT 1 AS never'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(store.readStats()).toMatchObject({ started: 1, waiting: 1 });
    caller.abort();
    await expect(queued).rejects.toThrow(ReadCancelled);
    blocker.abort();
    await expect(endless).rejects.toThrow(ReadCancelled);
    // Two reads asked, only the endless one ever ran; both were called off.
    expect(store.readStats()).toEqual({ started: 1, cancelled: 2, waiting: 0 });
    store.close();
  });
});
