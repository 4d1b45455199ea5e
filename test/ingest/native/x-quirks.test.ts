// X's own quirks: placeholder rows, the early-2025 "Link" variant, and ids Excel rewrote.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importPath } from '../../../src/ingest/index.ts';
import type { Store } from '../../../src/store/index.ts';
import { emptyStore, ENGINES } from '../../engines.ts';
import { exportFixture, kpi } from './helpers.ts';

let store: Store | undefined;
afterEach(() => store?.close());

describe.each(ENGINES)('X account content export (%s)', (engine) => {
  it('skips the placeholder rows X writes and counts them; a separator-only line is blank', async () => {
    store = await emptyStore(engine);
    const [summary] = await importPath(
      store,
      exportFixture('account_analytics_content_2025-11-01_2025-11-30.csv'),
    );
    expect(summary.rows).toBe(2);
    expect(summary.skipped).toEqual([
      {
        code: 'x-placeholder',
        rows: 2,
        text: 'placeholder rows X writes (no id, no date, link to /status/undefined, zeros)',
      },
    ]);
    expect(await kpi(store, 'impressions', '2025-11')).toBe(1500); // 1 000 + 500
    expect(summary.reconciliation).toContainEqual({
      table: 'post_metrics',
      metric: 'shares',
      file: 5, // reposts 4 + 1
      stored: 5,
    });
  });

  it('reads the early-2025 variant: Link as permalink, the handle from it, dates like Thu Mar 20 2025', async () => {
    store = await emptyStore(engine);
    await importPath(
      store,
      exportFixture('lumenparis_account_analytics_content_2025-03-01_2025-03-31.csv'),
    );
    const posts = await store.all(
      'SELECT post_id, account_id, permalink, published_at FROM posts ORDER BY published_at',
    );
    expect(posts[0]).toEqual({
      post_id: 'x:1902000000000000001',
      account_id: 'x:lumenparis',
      permalink: 'https://x.com/LumenParis/status/1902000000000000001',
      published_at: '2025-03-20T00:00:00.000Z',
    });
    // 6.49E+17 was rewritten by Excel: the post is keyed by the id in its permalink
    expect(posts[1].post_id).toBe('x:649000000000000123');
  });

  it('takes the handle from the file name when no link names it', async () => {
    store = await emptyStore(engine);
    const dir = mkdtempSync(join(tmpdir(), 'cadran-x-'));
    const path = join(dir, 'maisonlumen_account_analytics_content_2025-03-01_2025-03-31.csv');
    writeFileSync(
      path,
      'Post id,Date,Post text,Impressions,Likes,Replies,Reposts\n1902000000000000001,Thu Mar 20 2025,Bonjour,100,1,0,0\n',
    );
    await importPath(store, path);
    const [post] = await store.all('SELECT account_id FROM posts');
    expect(post.account_id).toBe('x:maisonlumen');
  });

  it('refuses ids Excel rewrote when no permalink can replace them, saying how to avoid it', async () => {
    store = await emptyStore(engine);
    const dir = mkdtempSync(join(tmpdir(), 'cadran-x-'));
    const path = join(dir, 'account_analytics_content_2025-03-01_2025-03-31.csv');
    writeFileSync(
      path,
      'Post id,Date,Post text,Impressions,Likes,Replies,Reposts\n1902000000000000001,Thu Mar 20 2025,Bonjour,100,1,0,0\n6.49E+17,2016-01-22 3:29:41,Ancien,50,0,0,0\n',
    );
    const error = await importPath(store, path).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      location: { line: 3, column: 'Post id', value: '6.49E+17' },
    });
    expect((error as { location: { expected: string } }).location.expected).toMatch(
      /Excel rewrote the ids in scientific notation.*From Text\/CSV/,
    );
    const [{ n }] = await store.all('SELECT count(*) AS n FROM posts');
    expect(Number(n)).toBe(0);
  });
});
