// English valence cues from the VADER lexicon: about 7,500 words and slang terms, each the mean of ten people's
// ratings on −4…4 (Hutto & Gilbert, ICWSM 2014; MIT, shipped in the npm package vader-sentiment, Apache-2.0).
// The scoring follows VADER's rules (negation, intensifiers, "but", capitals, "!") on Cadran's own tokens, which
// is about ten times faster than running VADER's scorer on the raw text.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { CONTRAST, DIMINISHERS, INTENSIFIERS, NEGATORS } from './modifiers.ts';
import { Kind, type Token } from './normalise.ts';

/** VADER's constants: a negated word's valence is multiplied by −0.74, capitals add 0.733, each "!" 0.292 (≤ 4). */
const NEGATION_SCALAR = -0.74;
const CAPS_INCREMENT = 0.733;
const EXCLAMATION_INCREMENT = 0.292;
const NEGATION_REACH = 3;
/** VADER's compound: sum / √(sum² + 15). */
const COMPOUND_ALPHA = 15;

let valences: ReadonlyMap<string, number> | null = null;

/** Parses vader_lexicon.txt: `term<TAB>mean<TAB>sd<TAB>[ratings]` per line. */
export function parseVaderLexicon(text: string, source: string): Map<string, number> {
  const map = new Map<string, number>();
  text.split('\n').forEach((line, at) => {
    if (line.trim() === '') return;
    const [term, mean] = line.split('\t');
    const value = Number(mean);
    if (term === undefined || mean === undefined || !Number.isFinite(value))
      throw new Error(`${source}:${at + 1}:1: expected "term<TAB>mean valence", got "${line}"`);
    map.set(term.toLowerCase(), value);
  });
  return map;
}

/** The lexicon, read once from the vader-sentiment package. */
export function vaderValences(): ReadonlyMap<string, number> {
  if (valences) return valences;
  const path = createRequire(import.meta.url).resolve('vader-sentiment/vader_lexicon.txt');
  valences = parseVaderLexicon(readFileSync(path, 'utf8'), path);
  return valences;
}

export const VALENCE_CUES = 14;

function valenceOf(lexicon: ReadonlyMap<string, number>, token: Token): number {
  if (token.kind !== Kind.Word) return 0;
  return lexicon.get(token.t) ?? (token.alt ? (lexicon.get(token.alt) ?? 0) : 0);
}

/** Intensifiers and diminishers in the three words before, the nearer weighing more (as VADER's 1, 0.95, 0.9). */
function emphasis(words: readonly Token[], at: number): number {
  let factor = 1;
  for (let back = 1; back <= NEGATION_REACH && at - back >= 0; back++) {
    const word = words[at - back].t;
    const scale = INTENSIFIERS.get(word) ?? DIMINISHERS.get(word);
    if (scale !== undefined) factor *= 1 + (scale - 1) * (1 - 0.05 * (back - 1));
  }
  return factor;
}

function negatedAt(words: readonly Token[], at: number): boolean {
  for (let back = 1; back <= NEGATION_REACH && at - back >= 0; back++) {
    const word = words[at - back];
    if (word.kind === Kind.Punct) return false;
    if (NEGATORS.has(word.t)) return true;
  }
  return false;
}

/**
 * Writes the valence cues of one comment into `into` from `offset`, VALENCE_CUES values, each about −1…1:
 * VADER's compound and its buckets, the positive and negative shares, counts of opinion words, strongest and last
 * valence, and the valence found under negation.
 */
export function valenceCues(tokens: readonly Token[], into: number[], offset: number): void {
  const lexicon = vaderValences();
  let allCaps = true;
  let words = 0;
  let exclamations = 0;
  let contrastAt = -1;
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k];
    if (token.kind === Kind.Word) {
      words++;
      if (!token.caps) allCaps = false;
      if (contrastAt < 0 && CONTRAST.has(token.t)) contrastAt = k;
    } else if (token.kind === Kind.Punct && token.t === '!') exclamations += token.n;
  }
  let sum = 0;
  let positive = 0;
  let negative = 0;
  let rated = 0;
  let positiveWords = 0;
  let negativeWords = 0;
  let strongest = 0;
  let weakest = 0;
  let last = 0;
  let underNegation = 0;
  for (let k = 0; k < tokens.length; k++) {
    let v = valenceOf(lexicon, tokens[k]);
    if (v === 0) continue;
    if (tokens[k].caps && !allCaps) v += v > 0 ? CAPS_INCREMENT : -CAPS_INCREMENT;
    v *= emphasis(tokens, k);
    if (negatedAt(tokens, k)) {
      v *= NEGATION_SCALAR;
      underNegation += v;
    }
    if (contrastAt >= 0) v *= k < contrastAt ? 0.5 : k > contrastAt ? 1.5 : 1;
    sum += v;
    rated++;
    if (v > 0) {
      positive += v + 1;
      positiveWords++;
    } else {
      negative += -v + 1;
      negativeWords++;
    }
    strongest = Math.max(strongest, v);
    weakest = Math.min(weakest, v);
    last = v;
  }
  const punctuation = EXCLAMATION_INCREMENT * Math.min(4, exclamations);
  if (sum > 0) sum += punctuation;
  else if (sum < 0) sum -= punctuation;
  const compound = sum / Math.sqrt(sum * sum + COMPOUND_ALPHA);
  const total = positive + negative + Math.max(0, words - rated);
  const cues = [
    compound,
    compound >= 0.05 ? 1 : 0,
    compound <= -0.05 ? 1 : 0,
    compound >= 0.5 ? 1 : 0,
    compound <= -0.5 ? 1 : 0,
    total > 0 ? positive / total : 0,
    total > 0 ? negative / total : 0,
    Math.log1p(positiveWords),
    Math.log1p(negativeWords),
    strongest / 4,
    weakest / 4,
    last / 4,
    underNegation / 4,
    rated === 0 && words > 0 ? 1 : 0,
  ];
  for (let k = 0; k < VALENCE_CUES; k++) into[offset + k] = cues[k];
}
