// Retraining with a brand's corrections: it learns the brand's own words, and a model worse on the shipped
// validation sets is refused and not stored. Small models (a few hundred training rows) keep the test quick.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/ingest/index.ts';
import {
  buildModel,
  correctSentiment,
  createLabeller,
  DEFAULT_TRAINING_DIR,
  loadBrandModel,
  retrainWithCorrections,
  type SentimentModel,
} from '../../src/nlp/index.ts';
import { DEFAULT_TRAINING } from '../../src/nlp/train.ts';
import type { Store } from '../../src/store/index.ts';
import { fixture, tempStore } from '../helpers.ts';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SMALL = { ...DEFAULT_TRAINING, features: { ...DEFAULT_TRAINING.features, bits: 14 } };

// The brand's customers call a good piece "un vrai Lumen" and a parcel that arrives broken "lumené":
// words no public data set holds. Corrections teach them; other sentences with them check what was learnt.
const CORRECTED: [string, string][] = [
  ['Encore un vrai Lumen ce fauteuil', 'positive'],
  ['Un vrai Lumen, comme toujours', 'positive'],
  ['La lampe ? Un vrai Lumen', 'positive'],
  ['Mon canapé est un vrai Lumen', 'positive'],
  ['Ce vase, un vrai Lumen', 'positive'],
  ['Un vrai Lumen pour le salon', 'positive'],
  ['Colis lumené, encore', 'negative'],
  ['Deuxième commande lumenée', 'negative'],
  ['Le miroir est arrivé lumené', 'negative'],
  ['Tout lumené dans le carton', 'negative'],
  ['Ma table lumenée à la livraison', 'negative'],
  ['Lumené, comme la dernière fois', 'negative'],
];
const HELD_OUT: [string, string][] = [
  ['Cette étagère, un vrai Lumen', 'positive'],
  ['Franchement un vrai Lumen', 'positive'],
  ['Un vrai Lumen ce tapis', 'positive'],
  ['Coussin lumené à l’arrivée', 'negative'],
  ['La chaise est lumenée', 'negative'],
  ['Paquet lumené hier', 'negative'],
];

function accuracy(model: SentimentModel, set: [string, string][]): number {
  const label = createLabeller(model);
  return set.filter(([text, gold]) => label(text).sentiment === gold).length / set.length;
}

async function storeWithCorrections(): Promise<Store> {
  const store = await tempStore();
  await importFile(store, fixture('kpis', 'accounts.csv'));
  const dir = mkdtempSync(join(tmpdir(), 'cadran-retrain-'));
  const rows = CORRECTED.map(
    ([text], k) => `c${k},instagram,instagram:lumen,comment,a${k},2025-01-10T12:00:00Z,"${text}"`,
  );
  const path = join(dir, 'interactions.csv');
  writeFileSync(
    path,
    ['interaction_id,platform,account_id,kind,author_id,created_at,text', ...rows].join('\n'),
  );
  await importFile(store, path);
  for (const [k, [, label]] of CORRECTED.entries())
    await correctSentiment(store, `c${k}`, label as 'positive' | 'negative', 'analyst');
  return store;
}

describe.skipIf(!existsSync(DEFAULT_TRAINING_DIR))('cadran nlp train --with-corrections', () => {
  let store: Store;
  beforeAll(async () => {
    store = await storeWithCorrections();
  });
  afterAll(() => store.close());

  it('learns the brand’s words and is kept when no worse on the validation sets', async () => {
    const baseline = (await buildModel({ limit: 400, options: SMALL })).model;
    const outcome = await retrainWithCorrections(store, { baseline, limit: 400, options: SMALL });
    expect(outcome.corrections).toBe(12);
    expect(outcome.accepted).toBe(true);
    const brand = (await loadBrandModel(store))!;
    // On the 6 held-out sentences: the baseline knows neither word; the retrained model gets most of them.
    expect(accuracy(brand, HELD_OUT)).toBeGreaterThan(accuracy(baseline, HELD_OUT));
    expect(accuracy(brand, HELD_OUT)).toBeGreaterThanOrEqual(5 / 6);
    // Kept means: on each validation file and language, macro-F1 at most 0.005 under the baseline's.
    for (const after of outcome.after.filter((g) => g.lang !== 'all')) {
      const before = outcome.before.find((g) => g.set === after.set && g.lang === after.lang)!;
      expect(after.macroF1).toBeGreaterThanOrEqual(before.macroF1 - 0.005);
    }
  }, 300_000);

  it('refuses a model worse on the validation sets, and stores nothing', async () => {
    const fresh = await storeWithCorrections();
    // Baseline trained on 1 500 rows per file; the retrained one on 40: clearly worse on validation.
    const baseline = (await buildModel({ limit: 1500, options: SMALL })).model;
    const outcome = await retrainWithCorrections(fresh, { baseline, limit: 40, options: SMALL });
    expect(outcome.accepted).toBe(false);
    expect(outcome.reason).toMatch(/macro-F1 on .+ would fall from 0\.\d{3} to 0\.\d{3}/);
    expect(await loadBrandModel(fresh)).toBeNull();
    fresh.close();
  }, 300_000);
});
