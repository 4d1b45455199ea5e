// One comment → a sparse feature vector: hashed word uni/bi-grams (negation-marked), hashed character 2–5-grams,
// and a few dense cues (the word lists' score, emoji, punctuation, capitals, elongation), per language.
import { EMOJI } from './emoji.ts';
import type { Language } from './language.ts';
import type { LexiconScore } from './lexicon.ts';
import { NEGATORS } from './modifiers.ts';
import { Kind, type Token } from './normalise.ts';
import { valenceCues } from './valence-en.ts';

/** How hashed features meet the language: one space for all, a space per language, or both. */
export type LanguageMode = 'shared' | 'separate' | 'both';

export interface FeatureConfig {
  /** log2 of the hashed space. */
  bits: number;
  languageMode: LanguageMode;
  charMin: number;
  charMax: number;
  /** English valence cues from the VADER lexicon (valence-en.ts), for English comments; absent in older models. */
  valence?: 'en';
}

export const LANGUAGES: readonly Language[] = ['en', 'fr', 'other'];
/** Dense cues sit below denseSlots(config), one block per language; hashed features never land there. */
const BASE_DENSE_PER_LANGUAGE = 16;

/** Slots of one language's block of dense cues: the base cues, then the valence cues when the model has them. */
export function densePerLanguage(config: FeatureConfig): number {
  return config.valence ? BASE_DENSE_PER_LANGUAGE * 2 : BASE_DENSE_PER_LANGUAGE;
}

function denseSlots(config: FeatureConfig): number {
  return densePerLanguage(config) * LANGUAGES.length;
}

/** Growable sparse vector reused from comment to comment (labelling allocates nothing per comment). */
export class SparseVector {
  indices: Int32Array<ArrayBufferLike> = new Int32Array(1024);
  values: Float32Array<ArrayBufferLike> = new Float32Array(1024);
  length = 0;

  clear(): void {
    this.length = 0;
  }

  push(index: number, value: number): void {
    if (this.length === this.indices.length) {
      const indices = new Int32Array(this.length * 2);
      indices.set(this.indices);
      const values = new Float32Array(this.length * 2);
      values.set(this.values);
      this.indices = indices;
      this.values = values;
    }
    this.indices[this.length] = index;
    this.values[this.length++] = value;
  }
}

const FNV_PRIME = 16777619;
const WORD_SEED = 0x811c9dc5;
const NEG_SEED = 0x5bd1e995;
const BIGRAM_SEED = 0x27d4eb2f;
const CHAR_SEED = 0x165667b1;

function hashString(seed: number, text: string): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

function mix(a: number, b: number): number {
  return Math.imul(a ^ Math.imul(b, 0x85ebca6b), FNV_PRIME) ^ (b >>> 13);
}

/** Words that end a negation's reach. */
const SCOPE_ENDS: ReadonlySet<string> = new Set(['.', ',', ';', ':', '!', '?', '…', 'mais', 'but']);
/** Words the French and English sources use for removed links and mentions. */
const PLACEHOLDERS: ReadonlySet<string> = new Set(['http', 'https', 'user', 'rt']);

/** The tokens as the model reads them: placeholders dropped, numbers as one symbol, negated words marked. */
function modelTokens(tokens: readonly Token[]): { words: string[]; negated: boolean[] } {
  const words: string[] = [];
  const negated: boolean[] = [];
  let inNegation = false;
  for (const token of tokens) {
    if (token.kind === Kind.Word && PLACEHOLDERS.has(token.t)) continue;
    const word = token.kind === Kind.Number ? '0' : token.t;
    if (token.kind === Kind.Punct || SCOPE_ENDS.has(word)) inNegation = false;
    words.push(word);
    negated.push(inNegation);
    if (token.kind === Kind.Word && NEGATORS.has(word)) inNegation = true;
  }
  return { words, negated };
}

interface Dense {
  lexicon: LexiconScore;
  tokens: readonly Token[];
}

function denseCues({ lexicon, tokens }: Dense, withValence: boolean): number[] {
  let exclamations = 0;
  let questions = 0;
  let capitals = 0;
  let elongated = 0;
  let emojiPositive = 0;
  let emojiNegative = 0;
  for (const token of tokens) {
    if (token.kind === Kind.Punct && token.t === '!') exclamations += token.n;
    else if (token.kind === Kind.Punct && token.t === '?') questions += 1;
    else if (token.kind === Kind.Emoji) {
      const valence = EMOJI.get(token.t) ?? 0;
      if (valence > 0) emojiPositive += valence;
      else emojiNegative -= valence;
    }
    if (token.caps) capitals++;
    if (token.elong) elongated++;
  }
  const s = lexicon.score;
  const cues = [
    1,
    s,
    s >= 0.2 ? 1 : 0,
    s <= -0.2 ? 1 : 0,
    s > 0 ? s * s : 0,
    s < 0 ? s * s : 0,
    lexicon.recommends === 'promoter' ? 1 : 0,
    lexicon.recommends === 'detractor' ? 1 : 0,
    Math.log1p(exclamations),
    Math.log1p(questions),
    Math.log1p(capitals),
    Math.log1p(elongated),
    Math.log1p(emojiPositive),
    Math.log1p(emojiNegative),
    Math.log1p(tokens.length) / 4,
  ];
  if (withValence) {
    cues.length = BASE_DENSE_PER_LANGUAGE;
    cues.fill(0, 15);
    valenceCues(tokens, cues, BASE_DENSE_PER_LANGUAGE);
  }
  return cues;
}

/** Fills `into` with the features of one tokenised comment. */
export function extractFeatures(
  config: FeatureConfig,
  tokens: readonly Token[],
  lang: Language,
  lexicon: LexiconScore,
  into: SparseVector,
): void {
  into.clear();
  const languageIndex = LANGUAGES.indexOf(lang);
  const dense = denseCues({ lexicon, tokens }, config.valence === 'en' && lang === 'en');
  const blockStart = languageIndex * densePerLanguage(config);
  for (let k = 0; k < dense.length; k++) if (dense[k] !== 0) into.push(blockStart + k, dense[k]);

  const hashedFrom = into.length;
  const { words, negated } = modelTokens(tokens);
  let previous = hashString(WORD_SEED, '<s>');
  let text = ' ';
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const unigram = hashString(negated[i] ? NEG_SEED : WORD_SEED, word);
    into.push(unigram, 1);
    into.push(mix(BIGRAM_SEED ^ previous, unigram), 1);
    previous = unigram;
    text += word + ' ';
  }
  into.push(mix(BIGRAM_SEED ^ previous, hashString(WORD_SEED, '</s>')), 1);
  const charsFrom = into.length;
  for (let start = 0; start + config.charMin <= text.length; start++) {
    let h = CHAR_SEED;
    const end = Math.min(text.length, start + config.charMax);
    for (let at = start; at < end; at++) {
      h = Math.imul(h ^ text.charCodeAt(at), FNV_PRIME);
      if (at - start + 1 >= config.charMin) into.push(h, 1);
    }
  }
  placeHashed(config, into, hashedFrom, charsFrom, languageIndex);
}

/** Maps raw hashes into the hashed space (per the language mode); words and characters each get unit length. */
function placeHashed(
  config: FeatureConfig,
  into: SparseVector,
  from: number,
  charsFrom: number,
  languageIndex: number,
): void {
  const slots = denseSlots(config);
  const size = (1 << config.bits) - slots;
  const copies = config.languageMode === 'both' ? 2 : 1;
  const wordScale = 1 / Math.sqrt(copies * Math.max(1, charsFrom - from));
  const charScale = 1 / Math.sqrt(copies * Math.max(1, into.length - charsFrom));
  const salt = Math.imul(languageIndex + 1, 0x9e3779b1);
  const end = into.length;
  for (let k = from; k < end; k++) {
    const raw = into.indices[k];
    const shared = slots + ((raw >>> 0) % size);
    const own = slots + ((mix(raw, salt) >>> 0) % size);
    const scale = k < charsFrom ? wordScale : charScale;
    into.values[k] = scale;
    if (config.languageMode === 'shared') into.indices[k] = shared;
    else if (config.languageMode === 'separate') into.indices[k] = own;
    else {
      into.indices[k] = shared;
      into.push(own, scale);
    }
  }
}
