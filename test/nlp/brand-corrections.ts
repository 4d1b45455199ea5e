// A brand's own words, which no public data set holds, and a store where people corrected comments using them:
// shared by the tests of retraining from the CLI's path and from the server.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFile } from '../../src/ingest/index.ts';
import { correctSentiment, createLabeller, type SentimentModel } from '../../src/nlp/index.ts';
import { DEFAULT_TRAINING } from '../../src/nlp/train.ts';
import type { Store } from '../../src/store/index.ts';
import { fixture, tempStore } from '../helpers.ts';

/** Training options with a small hash space: models of a few hundred rows train in seconds. */
export const SMALL = { ...DEFAULT_TRAINING, features: { ...DEFAULT_TRAINING.features, bits: 14 } };
/**
 * Rows per training file for a small baseline that the corrections should improve and that is kept. At this size
 * validation macro-F1 moves by about 0.01 with the data alone: with 400 or 500 rows the retrained model's English
 * or French figure falls by just over the 0.005 tolerance and is refused; with 600 it is not.
 */
export const KEPT_ROWS_PER_FILE = 600;

// The brand's customers call a good piece "un vrai Lumen" and a parcel that arrives broken "lumené":
// words no public data set holds. Corrections teach them; other sentences with them check what was learnt.
export const CORRECTED: [string, string][] = [
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
export const HELD_OUT: [string, string][] = [
  ['Cette étagère, un vrai Lumen', 'positive'],
  ['Franchement un vrai Lumen', 'positive'],
  ['Un vrai Lumen ce tapis', 'positive'],
  ['Coussin lumené à l’arrivée', 'negative'],
  ['La chaise est lumenée', 'negative'],
  ['Paquet lumené hier', 'negative'],
];

export function accuracy(model: SentimentModel, set: [string, string][]): number {
  const label = createLabeller(model);
  return set.filter(([text, gold]) => label(text).sentiment === gold).length / set.length;
}

/** Imports `texts` as Instagram comments with ids `${prefix}0`, `${prefix}1`…, labelled by the shipped model. */
export async function importComments(
  store: Store,
  texts: readonly string[],
  prefix: string,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cadran-retrain-'));
  const rows = texts.map(
    (text, k) =>
      `${prefix}${k},instagram,instagram:lumen,comment,a${k},2025-01-10T12:00:00Z,"${text}"`,
  );
  const path = join(dir, 'interactions.csv');
  writeFileSync(
    path,
    ['interaction_id,platform,account_id,kind,author_id,created_at,text', ...rows].join('\n'),
  );
  await importFile(store, path);
}

/** `store` (a fresh DuckDB file unless given) with the corrected comments of CORRECTED. */
export async function storeWithCorrections(store?: Store): Promise<Store> {
  store ??= await tempStore();
  await importFile(store, fixture('kpis', 'accounts.csv'));
  await importComments(
    store,
    CORRECTED.map(([text]) => text),
    'c',
  );
  for (const [k, [, label]] of CORRECTED.entries())
    await correctSentiment(store, `c${k}`, label as 'positive' | 'negative', 'analyst');
  return store;
}
