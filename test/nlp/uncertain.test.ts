// Each stored label keeps the model's probability; the tonality KPIs say how many of the labels they count were uncertain.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/ingest/index.ts';
import { queryKpis } from '../../src/metrics/index.ts';
import { correctSentiment, labelText } from '../../src/nlp/index.ts';
import type { Store } from '../../src/store/index.ts';
import { fixture, tempStore } from '../helpers.ts';

// Clear compliments and complaints, and texts a tweet-trained model cannot be sure of.
const TEXTS = [
  'Absolutely love it, best purchase this year!',
  'Worst customer service ever, still no refund',
  'Je recommande vivement, livraison parfaite',
  'Bon.',
  'hmm ok on verra',
  'Interesting choice of colours',
  'Pas sûr que ce soit pour moi',
  'well that happened',
];
const january = { period: { from: '2025-01-01', to: '2025-01-31' } };
let store: Store;

beforeAll(async () => {
  store = await tempStore();
  await importFile(store, fixture('kpis', 'accounts.csv'));
  const path = join(mkdtempSync(join(tmpdir(), 'cadran-uncertain-')), 'interactions.csv');
  const rows = TEXTS.map(
    (text, k) =>
      `u${k},instagram,instagram:lumen,comment,a${k},2025-01-1${k % 9}T12:00:00Z,"${text}"`,
  );
  writeFileSync(
    path,
    ['interaction_id,platform,account_id,kind,author_id,created_at,text', ...rows].join('\n'),
  );
  await importFile(store, path);
});
afterAll(() => store.close());

async function sentimentInputs() {
  const response = await queryKpis(store, { ...january, kpis: ['sentiment_positive_share'] });
  return response.results[0].rows[0].inputs;
}

describe('uncertain labels', () => {
  it('are stored with the probability labelText gives', async () => {
    const stored = await store.all(
      'SELECT text, sentiment, sentiment_probability, sentiment_uncertain FROM interactions ORDER BY interaction_id',
    );
    for (const row of stored) {
      const expected = labelText(String(row.text));
      expect(row.sentiment).toBe(expected.sentiment);
      expect(row.sentiment_probability).toBeCloseTo(expected.probability, 5);
      expect(row.sentiment_uncertain).toBe(expected.uncertain);
    }
  });

  it('are counted beside the tonality KPI, and a person’s correction settles one', async () => {
    // Expected by hand: the texts labelText flags uncertain, out of the 8 comments of January.
    const uncertain = TEXTS.filter((text) => labelText(text).uncertain);
    expect(uncertain.length, 'the set needs at least one uncertain text').toBeGreaterThan(0);
    expect(uncertain.length).toBeLessThan(TEXTS.length);
    let inputs = await sentimentInputs();
    expect(inputs.sentiment_uncertain).toBe(uncertain.length);
    expect(
      (inputs.sentiment_positive ?? 0) +
        (inputs.sentiment_neutral ?? 0) +
        (inputs.sentiment_negative ?? 0),
    ).toBe(8);
    await correctSentiment(store, `u${TEXTS.indexOf(uncertain[0])}`, 'neutral', 'analyst');
    inputs = await sentimentInputs();
    expect(inputs.sentiment_uncertain).toBe(uncertain.length - 1);
  });
});
