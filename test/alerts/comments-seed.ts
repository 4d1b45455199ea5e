// Nine weeks of comments on a brand's Instagram account, with one negative-comment spike.
import { addDays } from '../../src/model/index.ts';
import type { Cell, Store } from '../../src/store/index.ts';

export const SPIKE_DAY = '2026-03-03'; // a Tuesday
export const TODAY = '2026-03-04';

/** 9 weeks of comments: weekdays 8 negative + 32 positive, weekends 4 + 16; the spike day 40 + 32. */
export async function seedComments(store: Store): Promise<void> {
  const rows: Cell[][] = [];
  let id = 0;
  const add = (day: string, post: string, sentiment: string, count: number) => {
    for (let n = 0; n < count; n++) {
      rows.push([
        `c${id++}`,
        'instagram',
        'instagram:lumen',
        post,
        'comment',
        `a${id}`,
        Date.parse(`${day}T12:00:00Z`) + n * 1000,
        sentiment === 'negative' ? 'Livraison en retard, très déçu' : 'Superbe lampe',
        sentiment,
        false,
      ]);
    }
  };
  for (let back = 63; back >= 0; back--) {
    const day = addDays(TODAY, -back);
    const weekend = [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
    if (day === SPIKE_DAY) {
      add(day, 'p2', 'negative', 40);
      add(day, 'p1', 'positive', 32);
    } else {
      add(day, 'p1', 'negative', weekend ? 4 : 8);
      add(day, 'p1', 'positive', weekend ? 16 : 32);
    }
  }
  await store.transaction(async (tx) => {
    await tx.append(
      'accounts',
      ['account_id', 'platform', 'handle'],
      [['instagram:lumen', 'instagram', 'lumen']],
    );
    await tx.append(
      'posts',
      ['post_id', 'account_id', 'platform', 'published_at', 'content_type', 'text', 'permalink'],
      [
        [
          'p1',
          'instagram:lumen',
          'instagram',
          Date.parse('2025-12-01'),
          'image',
          'Lampe Aube',
          null,
        ],
        [
          'p2',
          'instagram:lumen',
          'instagram',
          Date.parse('2026-03-03'),
          'image',
          'Soldes',
          'https://instagram.com/p/p2',
        ],
      ],
    );
    await tx.append(
      'interactions',
      [
        'interaction_id',
        'platform',
        'account_id',
        'post_id',
        'kind',
        'author_id',
        'created_at',
        'text',
        'sentiment',
        'is_brand',
      ],
      rows,
    );
  });
}
