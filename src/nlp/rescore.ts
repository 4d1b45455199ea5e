// Recomputes the model's labels after the labeller changed; people's corrections are re-applied last.
import { InputError } from '../model/index.ts';
import type { Cell, Store } from '../store/index.ts';
import { type Labeller, labelText } from './sentiment.ts';

export interface RescoreSummary {
  rows: number;
  /** Whole run: read, label, write. */
  seconds: number;
  /** Labelling alone. */
  labelSeconds: number;
  uncertain: number;
}

/**
 * Whether this store can relabel in place: the relabelling joins a scratch table in an UPDATE … FROM, which ClickHouse
 * has no form of (its UPDATE is an asynchronous mutation without joins).
 */
export const canRescore = (store: Store): boolean => store.dialect.name === 'duckdb';

/** Labels every text interaction written by the model (and, with `all`, those labelled by their file). */
export async function rescore(
  store: Store,
  options: { all?: boolean; label?: Labeller } = {},
): Promise<RescoreSummary> {
  if (!canRescore(store))
    throw new InputError(
      'relabelling stored comments works on the embedded (DuckDB) store only for now; on ClickHouse, comments keep the labels they were imported with',
    );
  const label = options.label ?? labelText;
  const started = performance.now();
  const sources = options.all ? "('model', 'import')" : "('model')";
  const texts = await store.all(
    `SELECT interaction_id, text FROM interactions
     WHERE coalesce(text, '') <> '' AND kind IN ('comment', 'reply', 'mention', 'message', 'share')
       AND coalesce(sentiment_source, 'model') IN ${sources}`,
  );
  const labelling = performance.now();
  let uncertain = 0;
  const rows: Cell[][] = texts.map((row) => {
    const result = label(String(row.text));
    if (result.uncertain) uncertain++;
    return [
      row.interaction_id as string,
      result.sentiment,
      result.score,
      result.lang,
      result.recommends,
      result.probability,
      result.uncertain,
    ];
  });
  const labelSeconds = (performance.now() - labelling) / 1000;
  await store.transaction(async (tx) => {
    await tx.run('CREATE TABLE relabelled AS SELECT * FROM interactions LIMIT 0');
    await tx.append(
      'interactions',
      [
        'interaction_id',
        'sentiment',
        'sentiment_score',
        'lang',
        'recommends',
        'sentiment_probability',
        'sentiment_uncertain',
      ],
      rows,
      'relabelled',
    );
    await tx.run(`UPDATE interactions SET sentiment = r.sentiment, sentiment_score = r.sentiment_score, lang = r.lang,
                  recommends = r.recommends, sentiment_source = 'model',
                  sentiment_probability = r.sentiment_probability, sentiment_uncertain = r.sentiment_uncertain
                  FROM relabelled r WHERE interactions.interaction_id = r.interaction_id`);
    await tx.run('DROP TABLE relabelled');
    await tx.run(`UPDATE interactions SET sentiment = c.sentiment, sentiment_source = 'user',
                  sentiment_probability = NULL, sentiment_uncertain = false
                  FROM sentiment_corrections c WHERE interactions.interaction_id = c.interaction_id`);
  });
  return {
    rows: rows.length,
    seconds: (performance.now() - started) / 1000,
    labelSeconds,
    uncertain,
  };
}
