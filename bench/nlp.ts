// Sentiment labelling throughput: 100 000 generated FR/EN comments, median of 5 runs, next to a floor that only lower-cases and splits the same texts.
// Run alone with `npx tsx bench/nlp.ts`.
import { pathToFileURL } from 'node:url';
import { detectLanguage, labelText } from '../src/nlp/index.ts';
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
  measure('detectLanguage', () => {
    for (const text of comments) sink += detectLanguage(text).length;
  });
  measure('labelText (sentiment + lang + recommends)', () => {
    for (const text of comments) sink += labelText(text).score;
  });
  if (Number.isNaN(sink)) console.log('unreachable'); // keeps the loops from being optimised away
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = await benchSentiment();
  printTable(
    `Sentiment labelling — ${COMMENTS.toLocaleString('en')} generated comments, median of ${RUNS} runs, one core (goal ≥ 20 000/s)`,
    rows.map((row) => ({
      what: row.label,
      'median ms': row.median_ms,
      'comments/s': row.per_second,
    })),
  );
}
