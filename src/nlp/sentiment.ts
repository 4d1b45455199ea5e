// labelText: tokenise, detect the language, score with the word lists, then let the trained model decide from
// n-grams and those scores; the label carries the model's probability.
import { argmax, CLASSES, classScores, type SentimentModel, softmax } from './classifier.ts';
import { extractFeatures, SparseVector } from './features.ts';
import { type Language, languageOf } from './language.ts';
import { lexiconScore, type Sentiment } from './lexicon.ts';
import { readModelFile, SHIPPED_MODEL_PATH } from './model-file.ts';
import { Kind, type Token, tokenise } from './normalise.ts';
import type { Recommends } from './recommendation.ts';
import { isKnown } from './vocabulary.ts';

export type { Sentiment } from './lexicon.ts';

export interface Labelled {
  sentiment: Sentiment;
  /** −1 (surely negative) … 1 (surely positive): P(positive) − P(negative). */
  score: number;
  /** The model's probability of the label it gave (calibrated), 1/3 … 1. */
  probability: number;
  /** The probability is below the model's uncertainty threshold. */
  uncertain: boolean;
  lang: Language;
  recommends: Recommends;
  /** Who settled the label: the model, the word lists (model unsure, lists clear) or the plain-question rule. */
  decidedBy: 'model' | 'word lists' | 'question';
}

export type Labeller = (text: string) => Labelled;

/**
 * Where the word lists are stronger: short brand-style comments with a clear opinion word, which tweets taught the
 * model little about. When the model hesitates (top probability under 0.5) and the lists find a clear opinion
 * (|score| ≥ 0.4), the lists decide. Chosen on the validation files and brand-comments-dev.csv: validation macro-F1
 * moves by at most 0.002, brand-comments-dev goes from 0.841 to 0.882.
 */
const LEXICON_DECIDES = { modelBelow: 0.5, lexiconFrom: 0.4 };
/**
 * A question without a single opinion word ("C'est dispo en vert sauge ?") asks for information: neutral unless the
 * model is sure (0.8). Tweets' questions are often sarcastic, so the model leans negative on brand questions.
 * Measured: brand-comments-dev 0.882 → 0.898; validation EN 0.639 → 0.637, FR 0.652 → 0.646 (2 of 323 texts).
 */
const PLAIN_QUESTION_SURE_FROM = 0.8;

function isPlainQuestion(tokens: readonly Token[], lexiconScore: number): boolean {
  const last = tokens[tokens.length - 1];
  return lexiconScore === 0 && last?.kind === Kind.Punct && last.t === '?';
}

/** A labeller over one model; it reuses its buffers, so it is cheap to call and not reentrant. */
export function createLabeller(model: SentimentModel): Labeller {
  const vector = new SparseVector();
  const scores = new Float64Array(3);
  return (text) => {
    const { tokens, frenchAccents, foreignAccents } = tokenise(text, isKnown);
    const lang = languageOf(tokens, frenchAccents, foreignAccents, text);
    const lexicon = lexiconScore(tokens, lang, null);
    extractFeatures(model.features, tokens, lang, lexicon, vector);
    classScores(model.weights, vector, scores);
    softmax(scores, model.temperature);
    const best = argmax(scores);
    const listsDecide =
      scores[best] < LEXICON_DECIDES.modelBelow &&
      Math.abs(lexicon.score) >= LEXICON_DECIDES.lexiconFrom;
    const plainQuestion =
      !listsDecide &&
      scores[best] < PLAIN_QUESTION_SURE_FROM &&
      isPlainQuestion(tokens, lexicon.score);
    const chosen = listsDecide
      ? CLASSES.indexOf(lexicon.sentiment)
      : plainQuestion
        ? CLASSES.indexOf('neutral')
        : best;
    return {
      sentiment: CLASSES[chosen],
      score: scores[2] - scores[0],
      probability: scores[chosen],
      // A label the word lists or the question rule settled is not left as uncertain.
      uncertain: !listsDecide && !plainQuestion && scores[best] < model.uncertainBelow,
      lang,
      recommends: lexicon.recommends,
      decidedBy: listsDecide ? 'word lists' : plainQuestion ? 'question' : 'model',
    };
  };
}

let shipped: { model: SentimentModel; label: Labeller } | null = null;

/** The model shipped with Cadran (read once). */
export function shippedModel(): SentimentModel {
  shipped ??= (() => {
    const model = readModelFile(SHIPPED_MODEL_PATH);
    return { model, label: createLabeller(model) };
  })();
  return shipped.model;
}

/** Sentiment, probability, language and recommendation of one comment, by the shipped model. */
export function labelText(text: string): Labelled {
  shippedModel();
  return shipped!.label(text);
}

/** The word lists' verdict with a line per rule that fired — for tuning and for showing why. */
export function explainText(text: string): {
  result: ReturnType<typeof lexiconScore> & { lang: Language };
  steps: string[];
} {
  const steps: string[] = [];
  const { tokens, frenchAccents, foreignAccents } = tokenise(text, isKnown);
  const lang = languageOf(tokens, frenchAccents, foreignAccents, text);
  const result = { ...lexiconScore(tokens, lang, steps), lang };
  return { result, steps };
}

/** The word lists alone (no model): what Cadran labelled with before the model, kept for comparison and tests. */
export function labelWithLexicon(text: string): ReturnType<typeof explainText>['result'] {
  const { tokens, frenchAccents, foreignAccents } = tokenise(text, isKnown);
  const lang = languageOf(tokens, frenchAccents, foreignAccents, text);
  return { ...lexiconScore(tokens, lang, null), lang };
}

/** Language only. */
export function detectLanguage(text: string): Language {
  const { tokens, frenchAccents, foreignAccents } = tokenise(text, isKnown);
  return languageOf(tokens, frenchAccents, foreignAccents, text);
}
