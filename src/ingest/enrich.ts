// Interactions are labelled as they arrive: sentiment, language and recommendation language from
// the offline labeller, unless the file gave a label; corrections made by people always win.
import { expectsReply, labelText } from '../nlp/index.ts';
import type { Cell, Transaction } from '../store/index.ts';
import type { ParsedRows } from './cadran-csv.ts';

const ADDED = [
  'sentiment',
  'sentiment_score',
  'lang',
  'sentiment_source',
  'recommends',
  'expects_reply',
  'sentiment_probability',
  'sentiment_uncertain',
] as const;
// Contest entries and silent shares carry no opinion: labelling them neutral would dilute tonality.
const OPINION_KINDS = new Set(['comment', 'reply', 'mention', 'message', 'share']);

export function labelInteractions(parsed: ParsedRows): ParsedRows {
  if (parsed.table.name !== 'interactions') return parsed;
  const columns = [...parsed.columns, ...ADDED.filter((name) => !parsed.columns.includes(name))];
  const at = Object.fromEntries(columns.map((name, index) => [name, index])) as Record<
    string,
    number
  >;
  const rows = parsed.rows.map((row) => {
    const cells: Cell[] = [...row, ...Array(columns.length - row.length).fill(null)];
    const text = (cells[at.text] as string | null) ?? '';
    const kind = String(cells[at.kind]);
    if (cells[at.sentiment] !== null) cells[at.sentiment_source] ??= 'import';
    if (OPINION_KINDS.has(kind) && text.trim() !== '') {
      const label = labelText(text);
      if (cells[at.sentiment] === null) {
        cells[at.sentiment] = label.sentiment;
        cells[at.sentiment_score] = label.score;
        cells[at.sentiment_source] = 'model';
        cells[at.sentiment_probability] = label.probability;
        cells[at.sentiment_uncertain] = label.uncertain;
      }
      cells[at.lang] ??= label.lang;
      cells[at.recommends] ??= label.recommends;
    }
    // Only inbound comments and messages are waited on for an answer (see inbound_facts).
    if (kind === 'comment' || kind === 'message') cells[at.expects_reply] ??= expectsReply(text);
    return cells;
  });
  return { ...parsed, columns, rows };
}

/**
 * Re-applies people's corrections to the rows just written (a re-import must not undo them): one
 * statement per corrected label, since ClickHouse updates cannot read another table's values.
 */
export async function applyCorrections(tx: Transaction, importId: string): Promise<void> {
  const labels = await tx.all(
    `SELECT DISTINCT sentiment FROM sentiment_corrections
     WHERE interaction_id IN (SELECT interaction_id FROM interactions WHERE import_id = $1)`,
    [importId],
  );
  for (const { sentiment } of labels)
    await tx.run(
      `UPDATE interactions SET sentiment = $2, sentiment_source = 'user',
           sentiment_probability = NULL, sentiment_uncertain = false
       WHERE import_id = $1
       AND interaction_id IN (SELECT interaction_id FROM sentiment_corrections WHERE sentiment = $2)`,
      [importId, sentiment as string],
    );
}
