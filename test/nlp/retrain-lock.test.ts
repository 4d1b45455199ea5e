// One retraining per store at a time: the CLI's `nlp train` and the server's job take the same lock file, a second
// one is told a retraining is already running, and a lock left by a process that is gone is taken over.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadBrandModel,
  RetrainAlreadyRunning,
  retrainLockPath,
  retrainWithCorrections,
  takeRetrainLock,
} from '../../src/nlp/index.ts';
import { storeWithCorrections } from './brand-corrections.ts';

const storeFile = () => join(mkdtempSync(join(tmpdir(), 'cadran-lock-')), 'cadran.duckdb');

describe('the retraining lock', () => {
  it('sits beside a DuckDB file; for a ClickHouse address, in the temporary folder without the password', () => {
    expect(retrainLockPath('/srv/cadran/data/cadran.duckdb')).toBe(
      '/srv/cadran/data/cadran.duckdb.retrain.lock',
    );
    const clickhouse = retrainLockPath('clickhouse://cadran:s3cret@db:8123/cadran');
    expect(clickhouse.startsWith(tmpdir())).toBe(true);
    expect(clickhouse).not.toContain('s3cret');
    expect(retrainLockPath('clickhouse://cadran:other@db:8123/cadran')).not.toBe(clickhouse);
  });

  it('refuses a second retraining while one holds it, naming the process, and is free again once released', () => {
    const location = storeFile();
    const first = takeRetrainLock(location);
    expect(existsSync(`${location}.retrain.lock`)).toBe(true);
    expect(() => takeRetrainLock(location)).toThrow(RetrainAlreadyRunning);
    expect(() => takeRetrainLock(location)).toThrow(
      new RegExp(
        `^a retraining is already running on this store \\(process ${process.pid}, started `,
      ),
    );
    first.release();
    expect(existsSync(`${location}.retrain.lock`)).toBe(false);
    takeRetrainLock(location).release();
  });

  it('takes over a lock left by a process that has ended', () => {
    const location = storeFile();
    const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const pid = Number(ended.stdout.toString());
    writeFileSync(
      `${location}.retrain.lock`,
      JSON.stringify({ pid, startedAt: '2026-01-01T00:00:00.000Z' }),
    );
    const lock = takeRetrainLock(location);
    expect(() => takeRetrainLock(location)).toThrow(`(process ${process.pid}, `);
    lock.release();
  });

  it('makes `retrainWithCorrections` refuse at once, before training, and change nothing', async () => {
    const store = await storeWithCorrections();
    const held = takeRetrainLock(store.location);
    try {
      await expect(retrainWithCorrections(store)).rejects.toThrow(
        /^a retraining is already running on this store/,
      );
      expect(await loadBrandModel(store)).toBeNull();
    } finally {
      held.release();
      store.close();
    }
  });
});
