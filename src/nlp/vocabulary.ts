// Builds the look-up structures once at load: folded word Maps per language, inflection fallbacks with a cache, and the phrase index.
import { LEXICON_EN, PHRASES_EN } from './lexicon-en.ts';
import { LEXICON_FR, PHRASES_FR, type PhraseEntry } from './lexicon-fr.ts';
import {
  CONTRAST,
  DIMINISHERS,
  EXCESS_ADJECTIVES,
  FUNCTION_WORDS,
  INTENSIFIERS,
  NEGATORS,
} from './modifiers.ts';
import { Kind, fold, tokenise } from './normalise.ts';

function foldLexicon(source: Readonly<Record<string, number>>): Map<string, number> {
  const map = new Map<string, number>();
  for (const [word, score] of Object.entries(source)) map.set(fold(word), score);
  return map;
}

export const LEX_FR: ReadonlyMap<string, number> = foldLexicon(LEXICON_FR);
export const LEX_EN: ReadonlyMap<string, number> = foldLexicon(LEXICON_EN);

// Inflection fallbacks, tried in order when a word is not listed: [suffix, replacement].
const FR_SUFFIXES: readonly [string, string][] = [
  ['s', ''],
  ['x', ''],
  ['aux', 'al'],
  ['es', ''],
  ['e', ''],
  ['ives', 'if'],
  ['ive', 'if'],
  ['euses', 'eux'],
  ['euse', 'eux'],
  ['elles', 'el'],
  ['elle', 'el'],
  ['eres', 'er'],
  ['ere', 'er'],
  ['ent', 'e'],
  ['ez', 'e'],
  ['ons', 'e'],
  ['er', 'e'],
  ['ais', 'e'],
  ['ait', 'e'],
  ['erai', 'e'],
  ['era', 'e'],
  ['ees', 'e'],
];
const EN_SUFFIXES: readonly [string, string][] = [
  ['s', ''],
  ['es', ''],
  ['ies', 'y'],
  ['ed', ''],
  ['ed', 'e'],
  ['ied', 'y'],
  ['ing', ''],
  ['ing', 'e'],
  ['ly', ''],
  ['ily', 'y'],
  ['er', ''],
  ['er', 'e'],
  ['ier', 'y'],
  ['est', ''],
  ['est', 'e'],
  ['iest', 'y'],
];

function inflected(
  lex: ReadonlyMap<string, number>,
  word: string,
  suffixes: readonly [string, string][],
): number | undefined {
  const exact = lex.get(word);
  if (exact !== undefined) return exact;
  if (word.length < 4) return undefined;
  for (const [suffix, replacement] of suffixes) {
    if (word.length - suffix.length >= 3 && word.endsWith(suffix)) {
      const found = lex.get(word.slice(0, word.length - suffix.length) + replacement);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

const CACHE_LIMIT = 50_000;
const cacheFr = new Map<string, number>();
const cacheEn = new Map<string, number>();

/**
 * Valence of one folded word: the primary language's list first (with inflections), then the other's.
 * `NaN` means unknown. Results are cached (bounded).
 */
export function wordScore(word: string, frenchFirst: boolean): number {
  const cache = frenchFirst ? cacheFr : cacheEn;
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  let score: number | undefined;
  if (frenchFirst)
    score = inflected(LEX_FR, word, FR_SUFFIXES) ?? inflected(LEX_EN, word, EN_SUFFIXES);
  else score = inflected(LEX_EN, word, EN_SUFFIXES) ?? inflected(LEX_FR, word, FR_SUFFIXES);
  const result = score ?? Number.NaN;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, result);
  return result;
}

/** Whether a folded word is in any list (used to resolve "goood" → "good" but "trooop" → "trop"). */
export function isKnown(word: string): boolean {
  return (
    LEX_FR.has(word) ||
    LEX_EN.has(word) ||
    FUNCTION_WORDS.has(word) ||
    NEGATORS.has(word) ||
    INTENSIFIERS.has(word) ||
    DIMINISHERS.has(word) ||
    CONTRAST.has(word) ||
    EXCESS_ADJECTIVES.has(word) ||
    KNOWN_EXTRA.has(word)
  );
}
const KNOWN_EXTRA: ReadonlySet<string> = new Set([
  'too',
  'see',
  'free',
  'good',
  'cool',
  'look',
  'need',
  'feel',
  'soon',
  'been',
]);

export interface Phrase {
  words: string[];
  score: number;
  keep: boolean;
  /** The phrase contains its own negator ("pas terrible", "not bad"): a negator before it does not flip it again. */
  negated: boolean;
}

function buildPhraseIndex(entries: readonly PhraseEntry[]): Map<string, Phrase[]> {
  const index = new Map<string, Phrase[]>();
  for (const entry of entries) {
    const words = tokenise(entry.phrase, () => true)
      .tokens.filter((t) => t.kind === Kind.Word || t.kind === Kind.Number)
      .map((t) => t.t);
    if (words.length === 0) continue;
    const phrase: Phrase = {
      words,
      score: entry.score,
      keep: entry.keep === true,
      negated: words.some((w) => NEGATORS.has(w)),
    };
    const list = index.get(words[0]);
    if (list) list.push(phrase);
    else index.set(words[0], [phrase]);
  }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return index;
}

/** Phrases of both languages by first word, longest first (they rarely collide, and comments mix languages). */
export const PHRASES: ReadonlyMap<string, Phrase[]> = buildPhraseIndex([
  ...PHRASES_FR,
  ...PHRASES_EN,
]);
