// labelText: tokenise, detect the language, score with the word lists, then let the trained model decide from
// n-grams and those scores; the label carries the model's probability.
import { argmax, CLASSES, classScores, type SentimentModel, softmax } from './classifier.ts';
import { extractFeatures, SparseVector } from './features.ts';
import { type Language, languageOf } from './language.ts';
import { lexiconScore, type Sentiment } from './lexicon.ts';
import { readModelFile, SHIPPED_MODEL_PATH } from './model-file.ts';
import { tokenise } from './normalise.ts';
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
}

export type Labeller = (text: string) => Labelled;

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
    return {
      sentiment: CLASSES[best],
      score: scores[2] - scores[0],
      probability: scores[best],
      uncertain: scores[best] < model.uncertainBelow,
      lang,
      recommends: lexicon.recommends,
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
