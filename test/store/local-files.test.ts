// Local files of a store (click log, control socket, locks, uploads) never land in the working folder.
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localFolderOf, localPathOf } from '../../src/store/index.ts';

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
