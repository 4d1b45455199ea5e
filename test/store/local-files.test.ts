// Local files of a store (click log, control socket, locks, uploads): runtime ones never land in the
// working folder, durable ones never in the temporary folder.
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { durablePathOf, localFolderOf, localPathOf } from '../../src/store/index.ts';

describe('a store’s local files', () => {
  it('sit beside a store file, resolved from the working folder', () => {
    expect(localPathOf('/srv/cadran/cadran.duckdb', '.clicks.log')).toBe(
      '/srv/cadran/cadran.duckdb.clicks.log',
    );
    expect(localPathOf('data/cadran.duckdb', '.sock')).toBe(resolve('data/cadran.duckdb.sock'));
    expect(localFolderOf('/srv/cadran/cadran.duckdb', 'uploads')).toBe('/srv/cadran/uploads');
  });

  it('go to the temporary folder for a ClickHouse address, named without its password', () => {
    const address = 'clickhouse://cadran:s3cret@db:8123/cadran';
    for (const path of [localPathOf(address, '.clicks.log'), localFolderOf(address, 'uploads')]) {
      expect(path.startsWith(join(tmpdir(), 'cadran-'))).toBe(true);
      expect(path).not.toContain('s3cret');
      expect(path).not.toContain('clickhouse:');
    }
    expect(localPathOf('clickhouse://cadran:s3cret@db:8123/other', '.sock')).not.toBe(
      localPathOf(address, '.sock'),
    );
  });

  it('go to the temporary folder for an in-memory store', () => {
    expect(localPathOf(':memory:', '.clicks.log').startsWith(tmpdir())).toBe(true);
  });
});

describe('a store’s durable files', () => {
  const address = 'clickhouse://cadran:s3cret@db:8123/cadran';
  const stateDir = process.env.CADRAN_STATE_DIR;
  afterEach(() => {
    process.env.CADRAN_STATE_DIR = stateDir;
  });

  it('sit beside a store file, like its other local files', () => {
    expect(durablePathOf('/srv/cadran/cadran.duckdb', '.clicks.log')).toBe(
      '/srv/cadran/cadran.duckdb.clicks.log',
    );
  });

  it('go to the state folder for a ClickHouse address, created private, named without the password', () => {
    const state = join(mkdtempSync(join(tmpdir(), 'cadran-state-test-')), 'state');
    process.env.CADRAN_STATE_DIR = state;
    const path = durablePathOf(address, '.clicks.log');
    expect(path.startsWith(join(state, 'cadran-'))).toBe(true);
    expect(path).not.toContain('s3cret');
    expect(statSync(state).mode & 0o777).toBe(0o700);
    // a new password names the same data, so the same log; another database does not
    expect(durablePathOf('clickhouse://cadran:n3w@db:8123/cadran', '.clicks.log')).toBe(path);
    expect(durablePathOf('clickhouse://cadran:s3cret@db:8123/other', '.clicks.log')).not.toBe(path);
  });

  it('go to ./data, where the default store file lives, when no state folder is set', () => {
    const folder = mkdtempSync(join(tmpdir(), 'cadran-cwd-'));
    const cwd = process.cwd();
    delete process.env.CADRAN_STATE_DIR;
    process.chdir(folder);
    try {
      expect(
        durablePathOf(address, '.clicks.log').startsWith(join(folder, 'data', 'cadran-')),
      ).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });
});
