// The engine's memory can be capped, so Cadran shares a small server with other services.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.ts';

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'cadran-memory-')), 'cadran.duckdb');

describe('memory limit', () => {
  it('applies the limit given', async () => {
    const store = await openStore(tempFile(), '300MB');
    const [{ limit }] = await store.all("SELECT current_setting('memory_limit') AS limit");
    store.close();
    // DuckDB reports the limit in its own units: 300 MB = 286.1 MiB
    expect(String(limit)).toMatch(/^286\.\d MiB$/);
  });

  it('refuses a limit it cannot read, naming what it expects', async () => {
    await expect(openStore(tempFile(), 'lots')).rejects.toThrow(
      'the memory limit must read like 512MB or 2GB, got "lots"',
    );
  });
});
