// Relabelling stored comments after the labeller changed, on both engines: DuckDB updates in place, ClickHouse
// rebuilds the table beside itself. The model's labels change, people's corrections and a file's labels stay.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../src/ingest/index.ts';
import { correctSentiment, rescore, type Labeller } from '../../src/nlp/index.ts';
import type { Store } from '../../src/store/index.ts';
import { ENGINES, emptyStore } from '../engines.ts';
import { fixture, valueOf } from '../helpers.ts';

/** A labeller that finds every text negative: what changed is then plain to see. */
const everythingNegative: Labeller = () => ({
  sentiment: 'negative',
  score: -0.5,
  probability: 0.75,
  uncertain: false,
  lang: 'fr',
  recommends: null,
  decidedBy: 'model',
});

// m1–m3 labelled by the shipped model at import, f1 labelled positive by its file, m1 and m2 then corrected.
async function commentsStore(engine: (typeof ENGINES)[number]): Promise<Store> {
  const store = await emptyStore(engine);
  await importFile(store, fixture('kpis', 'accounts.csv'));
  const dir = mkdtempSync(join(tmpdir(), 'cadran-rescore-'));
  const path = join(dir, 'interactions.csv');
  const header = 'interaction_id,platform,account_id,kind,author_id,created_at,text,sentiment';
  const rows = [
    'm1,instagram,instagram:lumen,comment,a1,2025-01-10T12:00:00Z,"J\'adore ce fauteuil",',
    'm2,instagram,instagram:lumen,comment,a2,2025-01-11T12:00:00Z,"Livraison en retard, déçu",',
    'm3,instagram,instagram:lumen,comment,a3,2025-01-12T12:00:00Z,"Superbe collection",',
    'f1,instagram,instagram:lumen,comment,a4,2025-01-13T12:00:00Z,"Bof",positive',
  ];
  writeFileSync(path, [header, ...rows].join('\n'));
  await importFile(store, path);
  await correctSentiment(store, 'm1', 'positive', 'analyst');
  await correctSentiment(store, 'm2', 'neutral', 'analyst');
  return store;
}

const labels = async (store: Store) =>
  Object.fromEntries(
    (
      await store.all(
        `SELECT interaction_id, sentiment, sentiment_source, sentiment_probability, sentiment_score
         FROM interactions ORDER BY interaction_id`,
      )
    ).map((row) => [
      row.interaction_id,
      [
        row.sentiment,
        row.sentiment_source,
        row.sentiment_probability === null ? null : Number(row.sentiment_probability),
      ],
    ]),
  );

const january = { period: { from: '2025-01-01', to: '2025-01-31' } };

describe.each(ENGINES)('%s', (engine) => {
  it('relabels the model’s comments, keeps corrections and file labels, and the KPIs follow', async () => {
    const store = await commentsStore(engine);
    try {
      const summary = await rescore(store, { label: everythingNegative });
      // m3 alone: m1 and m2 are people's labels now, and f1's is its file's
      expect(summary.rows).toBe(1);
      expect(await labels(store)).toEqual({
        f1: ['positive', 'import', null],
        m1: ['positive', 'user', null],
        m2: ['neutral', 'user', null],
        m3: ['negative', 'model', 0.75],
      });
      // positive m1 f1, neutral m2, negative m3: 2 of 4
      expect(await valueOf(store, 'sentiment_positive_share', january)).toBeCloseTo(2 / 4, 9);
      expect(await valueOf(store, 'sentiment_negative_share', january)).toBeCloseTo(1 / 4, 9);
    } finally {
      store.close();
    }
  }, 120_000);

  it('with all, relabels the file’s labels too, and leaves no scratch table', async () => {
    const store = await commentsStore(engine);
    try {
      const summary = await rescore(store, { all: true, label: everythingNegative });
      expect(summary.rows).toBe(2); // m3 and f1
      expect((await labels(store)).f1).toEqual(['negative', 'model', 0.75]);
      expect(await valueOf(store, 'sentiment_positive_share', january)).toBeCloseTo(1 / 4, 9);
      const tables = await store.all(
        engine === 'duckdb'
          ? "SELECT table_name AS name FROM information_schema.tables WHERE table_name LIKE '%relabel%'"
          : "SELECT name FROM system.tables WHERE database = currentDatabase() AND name LIKE '%relabel%'",
      );
      expect(tables).toEqual([]);
    } finally {
      store.close();
    }
  }, 120_000);
});
