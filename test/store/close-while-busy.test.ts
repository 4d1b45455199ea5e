// Closing a DuckDB store while a statement runs on one of its connections used to deadlock inside
// the engine, and the process never exited (a server stopped while an alert read). The store now
// closes once the reads and writes under way are over. Run in a child process: a deadlock there
// fails the test instead of hanging the test run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const storeModule = join(import.meta.dirname, '..', '..', 'src', 'store', 'index.ts');
const ROWS = 200_000_000;

const child = (path: string) => `
  const { openStore } = await import(${JSON.stringify(storeModule)});
  const store = await openStore(${JSON.stringify(path)});
  const outcome = (promise) => promise.then((rows) => rows ?? 'done', (error) => 'error: ' + error.message);
  const read = outcome(store.all('SELECT count(*) AS multiples FROM range(${ROWS}) t(i) WHERE i % 7 = 0'));
  const write = outcome(store.run('CREATE TEMP TABLE squares AS SELECT sum(i * i) AS total FROM range(${ROWS / 2}) t(i)'));
  await new Promise((resolve) => setTimeout(resolve, 100)); // both statements are running
  store.close();
  const after = await outcome(store.all('SELECT 1 AS one'));
  console.log(JSON.stringify({ read: await read, write: await write, after }, (key, value) =>
    typeof value === 'bigint' ? Number(value) : value));
`;

describe('closing a DuckDB store while it works', () => {
  it('lets the statements under way finish, refuses new ones, and the process exits', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cadran-close-')), 'store.duckdb');
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', child(path)],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(result.signal).toBeNull(); // not killed by the timeout
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      // 0, 7, 14, … below 200 000 000: ceil(200 000 000 / 7)
      read: [{ multiples: 28_571_429 }],
      write: 'done',
      after: `error: the store ${path} is closed`,
    });
  });
});
