// On ClickHouse, relabelling stored comments in place is not available yet (no UPDATE … FROM): `cadran nlp rescore`
// says so instead of failing inside the engine, and a kept retrained model is kept without relabelling.
import { describe, expect, it } from 'vitest';
import {
  buildModel,
  loadBrandModel,
  rescore,
  retrainWithCorrections,
} from '../../src/nlp/index.ts';
import { copyStore } from '../../src/store/index.ts';
import { clickhouseAbsence, emptyClickHouseStore } from '../engines.ts';
import { SMALL, storeWithCorrections } from './brand-corrections.ts';

describe.skipIf(clickhouseAbsence !== null)('relabelling on ClickHouse', () => {
  it('rescore refuses with a clear message; a retraining is kept and relabels nothing', async () => {
    const duckdb = await storeWithCorrections();
    const clickhouse = await emptyClickHouseStore();
    await copyStore(duckdb, clickhouse);
    duckdb.close();
    try {
      await expect(rescore(clickhouse)).rejects.toThrow(
        /^relabelling stored comments works on the embedded \(DuckDB\) store only for now/,
      );
      // A baseline of 40 rows per file against a retraining on 400: the retrained model is no worse.
      const baseline = (await buildModel({ limit: 40, options: SMALL })).model;
      const outcome = await retrainWithCorrections(clickhouse, {
        baseline,
        limit: 400,
        options: SMALL,
      });
      expect(outcome).toMatchObject({ accepted: true, relabelled: null });
      expect(await loadBrandModel(clickhouse)).not.toBeNull();
    } finally {
      clickhouse.close();
    }
  }, 300_000);
});
