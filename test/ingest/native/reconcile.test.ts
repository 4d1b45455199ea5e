// The reconciliation: each mapped metric's total in the file against the store's, after landing.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ENGINES, emptyStore } from '../../engines.ts';
import { importPath } from '../../../src/ingest/index.ts';
import { FileTotals, NO_REPEATS, reconcile } from '../../../src/ingest/native/reconcile.ts';
import type { Store } from '../../../src/store/index.ts';

let store: Store | undefined;
afterEach(() => store?.close());

function file(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'cadran-reconcile-')), name);
  writeFileSync(path, text);
  return path;
}

describe.each(ENGINES)('%s', (engine) => {
  describe('reconciliation', () => {
    it('refuses a difference no rule explains, and the transaction writes nothing', async () => {
      store = await emptyStore(engine);
      const totals = new FileTotals();
      // The file said 40 + 25 views; only the first row reached the store.
      totals.add('account_daily', {
        account_id: 'youtube:main',
        day: '2025-01-01',
        video_views: 40,
      });
      totals.add('account_daily', {
        account_id: 'youtube:main',
        day: '2025-01-02',
        video_views: 25,
      });
      await expect(
        store.transaction(async (tx) => {
          // What an import registers, for ClickHouse, which has no rollback.
          tx.ifFailed(() => tx.run("DELETE FROM account_daily WHERE import_id = 'i1'"));
          await tx.append(
            'account_daily',
            ['account_id', 'day', 'video_views', 'import_id'],
            [['youtube:main', '2025-01-01', 40, 'i1']],
          );
          await reconcile(tx, 'i1', 'Totals.csv', totals, NO_REPEATS);
        }),
      ).rejects.toThrow('the totals do not reconcile: video_views: file 65 · stored 40');
      const [{ n }] = await store.all('SELECT count(*) AS n FROM account_daily');
      expect(Number(n)).toBe(0);
    });

    it('counts identical repeated rows once and says so', async () => {
      store = await emptyStore(engine);
      const path = file(
        'Totals.csv',
        'Date,Views\n28-06-2025,100\n29-06-2025,200\n29-06-2025,200\n',
      );
      const [summary] = await importPath(store, path);
      expect(summary.skipped).toEqual([
        { code: 'repeat-identical', rows: 1, text: 'identical repeated rows, kept once' },
      ]);
      // file 100 + 200 + 200 = 500, of which the repeated 200 is kept once: 300 stored
      expect(summary.reconciliation).toEqual([
        { table: 'account_daily', metric: 'video_views', file: 500, stored: 300, repeated: 200 },
      ]);
    });

    it('refuses a day repeated with different values, naming it, and writes nothing', async () => {
      store = await emptyStore(engine);
      const path = file(
        'Totals.csv',
        'Date,Views\n28-06-2025,100\n29-06-2025,200\n29-06-2025,250\n',
      );
      await expect(importPath(store, path)).rejects.toThrow(
        'the key youtube:main · 2025-06-29 repeats 2 times with different values',
      );
      const [{ n }] = await store.all('SELECT count(*) AS n FROM imports');
      expect(Number(n)).toBe(0);
    });
  });
});
