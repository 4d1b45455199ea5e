// ClickHouse has no CSV reader the formats' SQL can run on: a scratch DuckDB beside it reads and
// maps the file, and lands the rows in its own tables, from which they move to ClickHouse as CSV
// (see appendFromDuckDb). Merging, repeats and reconciliation then run on ClickHouse itself.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStoreAt, type Store } from '../../store/index.ts';

/** A DuckDB store in a fresh folder, removed with it: on disk, so a large file's rows may spill. */
export interface ScratchDuckDb {
  store: Store;
  close(): void;
}

export async function openScratchDuckDb(): Promise<ScratchDuckDb> {
  const folder = mkdtempSync(join(tmpdir(), 'cadran-bulk-'));
  try {
    const store = await openStoreAt(
      join(folder, 'scratch.duckdb'),
      process.env.CADRAN_MEMORY_LIMIT || undefined,
    );
    return {
      store,
      close() {
        store.close();
        rmSync(folder, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}
