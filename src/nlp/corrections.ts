// People correct labels; a correction wins over the model, now and after any re-import or rescoring.
import { InputError, SENTIMENTS, type Sentiment } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import { labelText } from './sentiment.ts';

export async function correctSentiment(
  store: Store,
  interactionId: string,
  sentiment: Sentiment,
  correctedBy: string,
): Promise<void> {
  if (!SENTIMENTS.includes(sentiment))
    throw new InputError(`sentiment must be one of ${SENTIMENTS.join(', ')}`);
  await store.transaction(async (tx) => {
    const [{ found }] = await tx.all(
      'SELECT count(*) AS found FROM interactions WHERE interaction_id = $1',
      [interactionId],
    );
    if (!found) throw new InputError(`no interaction with id "${interactionId}"`);
    await tx.run('DELETE FROM sentiment_corrections WHERE interaction_id = $1', [interactionId]);
    await tx.run('INSERT INTO sentiment_corrections VALUES ($1, $2, $3, now())', [
      interactionId,
      sentiment,
      correctedBy,
    ]);
    await tx.run(
      "UPDATE interactions SET sentiment = $2, sentiment_source = 'user', sentiment_probability = NULL, sentiment_uncertain = false WHERE interaction_id = $1",
      [interactionId, sentiment],
    );
  });
}

/** Drops a person's correction: the model's label comes back. */
export async function revertCorrection(store: Store, interactionId: string): Promise<void> {
  await store.transaction(async (tx) => {
    const [row] = await tx.all('SELECT text FROM interactions WHERE interaction_id = $1', [
      interactionId,
    ]);
    if (!row) throw new InputError(`no interaction with id "${interactionId}"`);
    await tx.run('DELETE FROM sentiment_corrections WHERE interaction_id = $1', [interactionId]);
    const label = labelText(String(row.text ?? ''));
    await tx.run(
      `UPDATE interactions SET sentiment = $2, sentiment_score = $3, sentiment_source = 'model',
              sentiment_probability = $4, sentiment_uncertain = $5 WHERE interaction_id = $1`,
      [interactionId, label.sentiment, label.score, label.probability, label.uncertain],
    );
  });
}
