// Recomputes the model's labels after the labeller changed; people's corrections are re-applied last.
import type { Cell, Store, Transaction } from '../store/index.ts';
import { type Labeller, labelText } from './sentiment.ts';

export interface RescoreSummary {
  rows: number;
  /** Whole run: read, label, write. */
  seconds: number;
  /** Labelling alone. */
  labelSeconds: number;
  uncertain: number;
}

/** Labels every text interaction written by the model (and, with `all`, those labelled by their file). */
export async function rescore(
  store: Store,
  options: { all?: boolean; label?: Labeller } = {},
): Promise<RescoreSummary> {
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
  await store.transaction((tx) =>
    tx.dialect.name === 'duckdb' ? relabelInPlace(tx, rows) : relabelByRebuild(tx, rows),
  );
  return {
    rows: rows.length,
    seconds: (performance.now() - started) / 1000,
    labelSeconds,
    uncertain,
  };
}

const LABEL_COLUMNS = [
  'interaction_id',
  'sentiment',
  'sentiment_score',
  'lang',
  'recommends',
  'sentiment_probability',
  'sentiment_uncertain',
];

/** DuckDB: the new labels join a scratch table in an UPDATE … FROM, then people's corrections win. */
async function relabelInPlace(tx: Transaction, rows: Cell[][]): Promise<void> {
  await tx.run('CREATE TABLE relabelled AS SELECT * FROM interactions LIMIT 0');
  await tx.append('interactions', LABEL_COLUMNS, rows, 'relabelled');
  await tx.run(`UPDATE interactions SET sentiment = r.sentiment, sentiment_score = r.sentiment_score, lang = r.lang,
                recommends = r.recommends, sentiment_source = 'model',
                sentiment_probability = r.sentiment_probability, sentiment_uncertain = r.sentiment_uncertain
                FROM relabelled r WHERE interactions.interaction_id = r.interaction_id`);
  await tx.run('DROP TABLE relabelled');
  await tx.run(`UPDATE interactions SET sentiment = c.sentiment, sentiment_source = 'user',
                sentiment_probability = NULL, sentiment_uncertain = false
                FROM sentiment_corrections c WHERE interactions.interaction_id = c.interaction_id`);
}

/** Relabelled rows with people's corrections applied, plus corrected rows the model did not relabel. */
async function withCorrections(tx: Transaction, rows: Cell[][]): Promise<Cell[][]> {
  const corrected = new Map(
    (await tx.all('SELECT interaction_id, sentiment FROM sentiment_corrections')).map((row) => [
      String(row.interaction_id),
      String(row.sentiment),
    ]),
  );
  const byId = new Map(rows.map((row) => [String(row[0]), [...row, 'model']]));
  const unlabelled = [...corrected.keys()].filter((id) => !byId.has(id));
  if (unlabelled.length) {
    const current = await tx.all(
      `SELECT ${LABEL_COLUMNS.join(', ')} FROM interactions
       WHERE interaction_id IN (SELECT interaction_id FROM sentiment_corrections)`,
    );
    for (const row of current)
      if (!byId.has(String(row.interaction_id)))
        byId.set(String(row.interaction_id), [
          ...LABEL_COLUMNS.map((name) => row[name] as Cell),
          'model',
        ]);
  }
  for (const [id, sentiment] of corrected) {
    const row = byId.get(id);
    if (!row) continue; // a correction of an interaction no longer stored
    row[1] = sentiment;
    row[5] = null; // probability: a person set it
    row[6] = false; // uncertain
    row[7] = 'user'; // sentiment_source
  }
  return [...byId.values()];
}

/**
 * ClickHouse: its UPDATE is a mutation without joins, so interactions is rebuilt beside itself with
 * the new labels joined in, then swapped in by one RENAME; a failure before the swap leaves it whole.
 */
async function relabelByRebuild(tx: Transaction, rows: Cell[][]): Promise<void> {
  const labelled = await withCorrections(tx, rows);
  const columns = [...LABEL_COLUMNS, 'sentiment_source'];
  const dropScratch = async () => {
    await tx.run('DROP TABLE IF EXISTS relabelled');
    await tx.run('DROP TABLE IF EXISTS interactions_relabelled');
  };
  tx.ifFailed(dropScratch);
  await dropScratch();
  await tx.run('CREATE TABLE relabelled AS interactions');
  await tx.append('interactions', columns, labelled, 'relabelled');
  await tx.run('CREATE TABLE interactions_relabelled AS interactions');
  const replaced = new Set(columns.slice(1));
  const all = (
    await tx.all(
      "SELECT name FROM system.columns WHERE database = currentDatabase() AND table = 'interactions'",
    )
  ).map((row) => String(row.name));
  // Every scratch row names its source: a NULL one is a row the join found nothing for, kept as it was.
  const picked = all.map((name) =>
    replaced.has(name) ? `if(isNull(new_sentiment_source), ${name}, new_${name}) AS ${name}` : name,
  );
  const fresh = columns
    .slice(1)
    .map((name) => `${name} AS new_${name}`)
    .join(', ');
  await tx.run(`INSERT INTO interactions_relabelled (${all.join(', ')})
    SELECT ${picked.join(', ')} FROM interactions
    ANY LEFT JOIN (SELECT interaction_id, ${fresh} FROM relabelled) USING interaction_id`);
  await tx.run(
    'RENAME TABLE interactions TO interactions_before_relabel, interactions_relabelled TO interactions',
  );
  await tx.run('DROP TABLE interactions_before_relabel');
  await tx.run('DROP TABLE relabelled');
}
