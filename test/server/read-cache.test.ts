// API answers are cached per data version, identical requests in flight compute once, and a client
// that leaves takes its queued reads with it. A real server on 127.0.0.1 over a real DuckDB file or
// ClickHouse database.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/ingest/index.ts';
import { bearer, testApp } from './app.ts';
import { withReadSignal, type Store } from '../../src/store/index.ts';
import { storeWith } from '../helpers.ts';
import { ENGINES, engineStoreWith } from '../engines.ts';

const JANUARY = 'from=2025-01-01&to=2025-01-31';
const ENDLESS = 'SELECT count(*) AS n FROM range(100000000000) t(i) WHERE i % 7 = 3';

async function serve(store: Store) {
  const app = await testApp(store);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as { port: number };
  const headers = await bearer(store, 'admin');
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`http://127.0.0.1:${port}${path}`, {
      ...init,
      headers: { ...headers, 'content-type': 'application/json' },
    });
  return { app, call };
}

const until = async (condition: () => boolean) => {
  for (let tries = 0; !condition(); tries++) {
    if (tries > 500) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe.each(ENGINES)('%s: answers cached per data version', (engine) => {
  let store: Store;
  let app: FastifyInstance;
  let call: Awaited<ReturnType<typeof serve>>['call'];
  beforeAll(async () => {
    store = await engineStoreWith(engine, 'kpis');
    ({ app, call } = await serve(store));
  });
  afterAll(async () => {
    await app.close();
    store.close();
  });

  const engagements = async (query: string) => {
    const response = await call(`/api/kpi?${query}`);
    expect(response.status).toBe(200);
    const body = await response.text();
    const value = (JSON.parse(body) as { results: { rows: { value: number }[] }[] }).results[0]
      .rows[0].value;
    return { value, body, cache: response.headers.get('x-cadran-cache') };
  };

  it('serves a repeated request from the cache, byte for byte, whatever the order of its parameters', async () => {
    const first = await engagements(`ids=engagements&${JANUARY}`);
    // Brand posts of January 2025, latest snapshots: p1 80+10+6+4, p2 30+5+1+4, p3 20+5+3+0 = 168
    expect(first).toMatchObject({ value: 168, cache: 'miss' });
    const again = await engagements(`ids=engagements&${JANUARY}`);
    expect(again).toEqual({ ...first, cache: 'hit' });
    const reordered = await engagements(`to=2025-01-31&ids=engagements&from=2025-01-01`);
    expect(reordered).toEqual({ ...first, cache: 'hit' });
  });

  it('answers the request after an import with the imported rows', async () => {
    await engagements(`ids=engagements&${JANUARY}`);
    const folder = mkdtempSync(join(tmpdir(), 'cadran-extra-'));
    writeFileSync(
      join(folder, 'posts.csv'),
      'post_id,account_id,platform,published_at,content_type,text,campaign\np7,instagram:lumen,instagram,2025-01-25T10:00:00Z,image,Extra,\n',
    );
    writeFileSync(
      join(folder, 'post_metrics.csv'),
      'post_id,snapshot_at,impressions,reach,reactions,comments,shares,saves,link_clicks,participation\np7,2025-01-31,100,90,7,1,1,1,0,0\n',
    );
    await importFile(store, join(folder, 'posts.csv'));
    await importFile(store, join(folder, 'post_metrics.csv'));
    // 168 before, plus p7's 7 + 1 + 1 + 1 = 178
    expect(await engagements(`ids=engagements&${JANUARY}`)).toMatchObject({
      value: 178,
      cache: 'miss',
    });
  });

  it('shows an objective edited through the API on the next scorecard', async () => {
    const created = await call('/api/objectives', {
      method: 'POST',
      body: JSON.stringify({
        id: 'engagement-january',
        name: 'Engagement in January',
        kpi: 'engagements',
        target: 200,
        period: { from: '2025-01-01', to: '2025-01-31' },
        direction: 'increase',
      }),
    });
    expect(created.status).toBe(201);
    const progress = async () => {
      const response = await call('/api/scorecard?today=2025-02-15');
      const card = (await response.json()) as {
        entries: { objective: { id: string }; value: number; progress: number }[];
      };
      const entry = card.entries.find((each) => each.objective.id === 'engagement-january')!;
      return [entry.value, entry.progress, response.headers.get('x-cadran-cache')];
    };
    // 178 engagements ÷ 200 = 0.89
    expect(await progress()).toEqual([178, 0.89, 'miss']);
    expect(await progress()).toEqual([178, 0.89, 'hit']);
    const edited = await call('/api/objectives/engagement-january', {
      method: 'PATCH',
      body: JSON.stringify({ target: 400 }),
    });
    expect(edited.status).toBe(200);
    // 178 ÷ 400 = 0.445
    expect(await progress()).toEqual([178, 0.445, 'miss']);
  });

  it('computes 50 identical concurrent requests once', async () => {
    const url = '/api/scorecard?today=2025-02-16';
    // After a write, as below: the answer and what it is read from (the objectives) are both stale.
    await store.run('DELETE FROM spend WHERE false');
    const before = store.readStats().started;
    await (await call(url)).text();
    const readsOfOne = store.readStats().started - before;
    expect(readsOfOne).toBeGreaterThan(0);
    await store.run('DELETE FROM spend WHERE false'); // a write: the cached answer is stale now
    const start = store.readStats().started;
    const responses = await Promise.all(Array.from({ length: 50 }, () => call(url)));
    const bodies = await Promise.all(responses.map((response) => response.text()));
    expect(store.readStats().started - start).toBe(readsOfOne);
    const outcomes = responses.map((response) => response.headers.get('x-cadran-cache'));
    expect(outcomes.filter((outcome) => outcome === 'miss')).toHaveLength(1);
    expect(new Set(bodies).size).toBe(1);
  });
});

describe('a client that leaves (DuckDB only: ClickHouse reads go straight to the server over HTTP, with no pool of read connections to queue for)', () => {
  let store: Store;
  let app: FastifyInstance;
  let call: Awaited<ReturnType<typeof serve>>['call'];
  beforeAll(async () => {
    process.env.CADRAN_READ_CONNECTIONS = '1';
    store = await storeWith('kpis');
    delete process.env.CADRAN_READ_CONNECTIONS;
    ({ app, call } = await serve(store));
  });
  afterAll(async () => {
    await app.close();
    store.close();
  });

  it('takes its queued reads with it: they never run, and the connection is free for the next', async () => {
    // The caller's token is looked up once beforehand, so only the scorecard's reads can queue.
    expect((await call('/api/kpis')).status).toBe(200);
    const before = store.readStats();
    const blocker = new AbortController();
    const endless = withReadSignal(blocker.signal, () => store.all(ENDLESS));
    const client = new AbortController();
    const abandoned = call('/api/scorecard?today=2025-02-15', { signal: client.signal });
    await until(() => store.readStats().waiting === 1);
    client.abort();
    await expect(abandoned).rejects.toThrow();
    await until(() => store.readStats().waiting === 0);
    blocker.abort();
    await expect(endless).rejects.toThrow();
    // Only the endless read ever started; the scorecard's first read left the queue unrun.
    expect(store.readStats().started - before.started).toBe(1);
    expect(store.readStats().cancelled - before.cancelled).toBe(2);
    const next = await call('/api/scorecard?today=2025-02-15');
    expect([next.status, next.headers.get('x-cadran-cache')]).toEqual([200, 'miss']);
  });
});
