// Reads with values go through statements kept per connection; what they read stays current.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.ts';
import { tempStore } from '../helpers.ts';

describe('kept statements', () => {
  let store: Store;
  beforeAll(async () => {
    store = await tempStore();
    await store.run('CREATE TABLE numbers AS SELECT * FROM range(10) r(n)');
  });
  afterAll(() => store.close());

  const sumFrom = async (from: number) =>
    (await store.all('SELECT sum(n) AS total FROM numbers WHERE n >= $1', [from]))[0].total;

  it('read the same statement with other values', async () => {
    // 7 + 8 + 9 = 24; 9 alone.
    expect(await sumFrom(7)).toBe(24);
    expect(await sumFrom(9)).toBe(9);
  });

  it('read the new rows once the table they read is replaced', async () => {
    expect(await sumFrom(8)).toBe(17);
    await store.run('CREATE OR REPLACE TABLE numbers AS SELECT * FROM range(100, 103) r(n)');
    // 100 + 101 + 102.
    expect(await sumFrom(8)).toBe(303);
  });

  it('read right after more statements than a connection keeps', async () => {
    for (let offset = 0; offset < 80; offset++) {
      const [row] = await store.all(
        `SELECT sum(n) + ${offset} AS total FROM numbers WHERE n >= $1`,
        [101],
      );
      // 101 + 102 plus the offset.
      expect(row.total).toBe(203 + offset);
    }
    expect(await sumFrom(102)).toBe(102);
  });

  it('a statement that failed reads again once its table is back', async () => {
    await store.run('DROP TABLE numbers');
    await expect(sumFrom(0)).rejects.toThrow(/numbers/);
    await store.run('CREATE TABLE numbers AS SELECT * FROM range(3) r(n)');
    // 0 + 1 + 2.
    expect(await sumFrom(0)).toBe(3);
  });
});
