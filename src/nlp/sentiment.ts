// labelText: tokenise, detect the language, run the rules, add the recommendation signal, squash the sum to −1…1 and cut it into three labels.
import { type Language, languageOf } from './language.ts';
import { tokenise } from './normalise.ts';
import { type Recommends, recommendsFromTokens } from './recommendation.ts';
import {
  applyContrast,
  applyDurations,
  applyExcess,
  applyIntensifierWords,
  applyIrony,
  applyModifiers,
  applyPhrases,
  applyPoliteRequests,
  applyQuestions,
  applyWords,
  exclamationBoost,
  newScoring,
  sumScores,
} from './rules.ts';
import { isKnown } from './vocabulary.ts';

export type Sentiment = 'positive' | 'neutral' | 'negative';

export interface Labelled {
  sentiment: Sentiment;
  /** −1 (very negative) … 1 (very positive): sum / √(sum² + 15), as VADER's compound score. */
  score: number;
  lang: Language;
  recommends: Recommends;
}

/** Weight of an explicit recommendation (or anti-recommendation) in the sum. */
const PROMOTER_WEIGHT = 2;
const DETRACTOR_WEIGHT = -2.5;
/** Normalisation constant of the compound score (VADER's alpha). */
const ALPHA = 15;
/** |score| below this is neutral. On test/nlp/dev-examples.ts any value in (0.13, 0.25] separates the labels; 0.2 sits between. */
export const NEUTRAL_BAND = 0.2;

function label(text: string, trace: string[] | null): Labelled {
  const { tokens, frenchAccents, foreignAccents } = tokenise(text, isKnown);
  const lang = languageOf(tokens, frenchAccents, foreignAccents, text);
  const s = newScoring(tokens, lang === 'fr', trace);
  applyPhrases(s);
  applyWords(s);
  applyPoliteRequests(s);
  applyIntensifierWords(s);
  applyExcess(s);
  applyModifiers(s);
  applyDurations(s);
  applyContrast(s);
  applyQuestions(s);
  applyIrony(s);
  let sum = sumScores(s);
  const recommends = recommendsFromTokens(tokens);
  if (recommends === 'promoter') sum += PROMOTER_WEIGHT;
  else if (recommends === 'detractor') sum += DETRACTOR_WEIGHT;
  if (recommends !== null) trace?.push(`recommends ${recommends}`);
  sum += exclamationBoost(tokens, sum);
  const score = sum === 0 ? 0 : sum / Math.sqrt(sum * sum + ALPHA);
  const sentiment: Sentiment =
    score >= NEUTRAL_BAND ? 'positive' : score <= -NEUTRAL_BAND ? 'negative' : 'neutral';
  trace?.push(
    `lang ${lang}, sum ${Math.round(sum * 100) / 100}, score ${Math.round(score * 1000) / 1000} → ${sentiment}`,
  );
  return { sentiment, score, lang, recommends };
}

/** Sentiment, score, language and recommendation of one comment. Offline, no allocation of word lists per call. */
export function labelText(text: string): Labelled {
  return label(text, null);
}

/** The same, with a line per rule that fired — for tuning and for showing why a comment got its label. */
export function explainText(text: string): { result: Labelled; steps: string[] } {
  const steps: string[] = [];
  const result = label(text, steps);
  return { result, steps };
}

/** Language only. */
export function detectLanguage(text: string): Language {
  const { tokens, frenchAccents, foreignAccents } = tokenise(text, isKnown);
  return languageOf(tokens, frenchAccents, foreignAccents, text);
}
