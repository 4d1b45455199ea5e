// The word-list scorer: rules over tokens give a sum, squashed to −1…1. The trained model reads it as features; `explainText` shows its steps.
import type { Language } from './language.ts';
import type { Token } from './normalise.ts';
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

export type Sentiment = 'positive' | 'neutral' | 'negative';

export interface LexiconScore {
  sentiment: Sentiment;
  /** −1 (very negative) … 1 (very positive): sum / √(sum² + 15), as VADER's compound score. */
  score: number;
  recommends: Recommends;
}

/** Weight of an explicit recommendation (or anti-recommendation) in the sum. */
const PROMOTER_WEIGHT = 2;
const DETRACTOR_WEIGHT = -2.5;
/** Normalisation constant of the compound score (VADER's alpha). */
const ALPHA = 15;
/** |score| below this is neutral. On test/nlp/dev-examples.ts any value in (0.13, 0.25] separates the labels; 0.2 sits between. */
export const NEUTRAL_BAND = 0.2;

export function lexiconScore(
  tokens: Token[],
  lang: Language,
  trace: string[] | null,
): LexiconScore {
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
  return { sentiment, score, recommends };
}
