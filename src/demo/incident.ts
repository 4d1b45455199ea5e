// One incident in the demo: two days before the end, a delivery problem draws a burst of negative
// comments under the latest post, so a new user meets an alert (and its threads) on first start.
import { addDays } from '../model/index.ts';
import type { Transaction } from '../store/index.ts';
import { INTERACTION_COLUMNS } from './context.ts';
import type { Random } from './random.ts';

const COMPLAINTS = [
  ['fr', 'Commande passée il y a trois semaines, toujours rien. Très déçue.'],
  ['fr', 'Lampe arrivée cassée et le service client ne répond pas.'],
  ['fr', 'Toujours pas livré, c’est inadmissible.'],
  ['fr', 'Colis perdu, aucune réponse à mes messages. Je ne commanderai plus.'],
  ['en', 'Ordered three weeks ago and still nothing. Very disappointed.'],
  ['en', 'My lamp arrived broken and nobody answers.'],
] as const;

/** Writes the burst; returns the number of comments written. */
export async function writeIncident(
  tx: Transaction,
  today: string,
  scale: number,
  random: Random,
): Promise<number> {
  const day = addDays(today, -2);
  const [post] = await tx.all(
    `SELECT p.post_id, p.account_id, p.platform FROM posts p JOIN accounts a USING (account_id)
      WHERE NOT coalesce(a.is_competitor, false) AND p.published_at < CAST($1 AS DATE)
      ORDER BY p.published_at DESC LIMIT 1`,
    [day],
  );
  if (!post) return 0;
  const count = Math.max(12, Math.round(36 * scale));
  const start = Date.parse(`${day}T09:00:00Z`);
  const rows = Array.from({ length: count }, (_, index) => {
    const [lang, text] = random.pick(COMPLAINTS);
    return [
      `incident-${index}`,
      post.platform as string,
      post.account_id as string,
      post.post_id as string,
      'comment',
      `incident-author-${index}`,
      null,
      random.int(800) + 20,
      start + Math.round(random.next() * 10 * 3_600_000),
      text,
      lang,
      'negative',
      -0.7,
      null,
      false,
      'demo',
      true,
    ];
  });
  await tx.append('interactions', INTERACTION_COLUMNS, rows);
  return count;
}
