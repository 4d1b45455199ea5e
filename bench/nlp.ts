// Sentiment labelling throughput: 100 000 generated FR/EN comments, median of 5 runs, next to floors that only
// lower-case and split, or only tokenise, the same texts; `cadran nlp rescore` on a demo store; validation macro-F1.
// Run with `npm run bench -- nlp`.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemo } from '../src/demo/index.ts';
import {
  detectLanguage,
  labelText,
  labelWithLexicon,
  rescore,
  shippedModel,
  validate,
} from '../src/nlp/index.ts';
import { tokenise } from '../src/nlp/normalise.ts';
import { isKnown } from '../src/nlp/vocabulary.ts';
import { openStore } from '../src/store/index.ts';
import { printTable } from './harness.ts';

const COMMENTS = 100_000;
const RUNS = 5;

// Fragments in the style of replies under a retail brand's posts; combined at random with a fixed seed.
const FRAGMENTS = [
  "J'adore cette collection",
  'Livraison super rapide',
  'Toujours aucune réponse du SAV',
  'Commande annulée sans explication',
  "C'est dispo en taille M ?",
  'Pas terrible la qualité',
  'Pas mal du tout',
  'trooop bien',
  'Merci pour rien...',
  'Bravo… 3 semaines de retard',
  'Le lien ne fonctionne pas',
  'Je recommande à 100%',
  'Je ne recommande pas',
  'Plus jamais',
  'Très déçue de ma commande',
  'Le SAV a été top',
  'Un peu cher mais beau',
  'Vous livrez en Belgique ?',
  'decu, colis abime',
  'genial merci',
  'Love it',
  'Still waiting for my refund',
  'Great, another delay',
  'Highly recommend',
  'Never buying again',
  'Not bad at all',
  'soooo good',
  'Does it come in black?',
  "The tracking link doesn't work",
  'Worst customer service ever',
  'Fits true to size',
  'Runs really small',
  'Thanks for the quick reply!',
  'Is this available in size 12?',
  'Absolutely love the new candles',
  'Order cancelled with no explanation',
  'trop cute this dress',
  'great produit mais livraison lente',
  'Muy bueno, gracias',
  'ok',
  'Top',
  '#Printemps2026',
  '@marie regarde',
  'Nouvelle boutique rue de Rivoli',
];
const EXTRAS = [
  '',
  '',
  '',
  ' 😍',
  ' 🙏',
  ' 😡',
  ' 👎',
  ' :)',
  ' :(',
  ' !!!',
  ' ?',
  ' <3',
  ' #soldes',
  ' @lumen',
];

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateComments(count = COMMENTS, seed = 42): string[] {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const comments: string[] = [];
  for (let i = 0; i < count; i++) {
    const parts = 1 + Math.floor(random() * 3);
    let text = pick(FRAGMENTS);
    for (let p = 1; p < parts; p++) text += `${random() < 0.5 ? ', ' : '. '}${pick(FRAGMENTS)}`;
    text += pick(EXTRAS);
    if (random() < 0.2) text += ` commande ${Math.floor(random() * 100_000)}`;
    comments.push(text);
  }
  return comments;
}

function medianMs(work: () => void, runs: number): number {
  work(); // warm-up: JIT, caches
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    work();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

export async function benchSentiment(): Promise<
  { label: string; median_ms: number; per_second: number }[]
> {
  const comments = generateComments();
  let sink = 0;
  const rows: { label: string; median_ms: number; per_second: number }[] = [];
  const measure = (label: string, work: () => void): void => {
    const ms = medianMs(work, RUNS);
    rows.push({ label, median_ms: ms, per_second: Math.round(comments.length / (ms / 1000)) });
  };
  measure('floor: lower-case + split', () => {
    for (const text of comments) sink += text.toLowerCase().split(/\s+/).length;
  });
  measure('floor: tokenise only', () => {
    for (const text of comments) sink += tokenise(text, isKnown).tokens.length;
  });
  measure('detectLanguage', () => {
    for (const text of comments) sink += detectLanguage(text).length;
  });
  measure('word lists alone (the former labeller)', () => {
    for (const text of comments) sink += labelWithLexicon(text).score;
  });
  measure('labelText: trained model (sentiment + probability + lang)', () => {
    for (const text of comments) sink += labelText(text).score;
  });
  if (Number.isNaN(sink)) console.log('unreachable'); // keeps the loops from being optimised away
  return rows;
}

/** `cadran nlp rescore` on a demo store (scale 0.3 ≈ 30 000 texts): median of 3 runs, whole run and labelling alone. */
async function benchRescore(): Promise<Record<string, string | number>[]> {
  const store = await openStore(
    join(mkdtempSync(join(tmpdir(), 'cadran-bench-nlp-')), 'demo.duckdb'),
  );
  try {
    await generateDemo(store, { seed: 42, scale: 0.3, today: '2026-12-04' });
    const runs = [];
    for (let run = 0; run < 3; run++) runs.push(await rescore(store));
    runs.sort((a, b) => a.seconds - b.seconds);
    const median = runs[1];
    return [
      {
        what: 'rescore: read, label, write back',
        texts: median.rows,
        'median s': median.seconds,
        'texts/s': Math.round(median.rows / median.seconds),
      },
      {
        what: 'rescore: labelling alone',
        texts: median.rows,
        'median s': median.labelSeconds,
        'texts/s': Math.round(median.rows / median.labelSeconds),
      },
    ];
  } finally {
    store.close();
  }
}

export async function benchNlp(): Promise<void> {
  const rows = await benchSentiment();
  printTable(
    `Sentiment labelling — ${COMMENTS.toLocaleString('en')} generated comments, median of ${RUNS} runs, one core (goal ≥ 20 000/s)`,
    rows.map((row) => ({
      what: row.label,
      'median ms': row.median_ms,
      'comments/s': row.per_second,
    })),
  );
  printTable(
    'cadran nlp rescore on a demo store (seed 42, scale 0.3), median of 3 runs',
    await benchRescore(),
  );
  const validation = await validate(shippedModel());
  printTable(
    'Shipped model on the validation files (../shared/data/sentiment-train)',
    validation
      .filter((group) => group.lang !== 'all')
      .map((group) => ({
        set: group.set,
        lang: group.lang,
        n: group.n,
        accuracy: `${(group.accuracy * 100).toFixed(1)} %`,
        'macro-F1': group.macroF1.toFixed(3),
        floor: group.lang === 'en' ? '0.650' : '0.600',
      })),
  );
}
