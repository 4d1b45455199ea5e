// What each ratio is computed over, declared once: the base every ratio shows beside its value, the
// fewest units below which a change is not worth colouring, and NPS's margin of error.
import type { Formula } from './formula.ts';
import type { Kpi } from './kpis.ts';
import type { MeasureId } from './measures.ts';

/** The noun of a base, translated by each reader ("answers", "réponses"). */
export type BaseNoun =
  | 'answers'
  | 'comments'
  | 'opinions'
  | 'authors'
  | 'mentions'
  | 'inbound'
  | 'impressions'
  | 'reach'
  | 'followers'
  | 'sessions'
  | 'conversions'
  | 'audience'
  | 'spend';

export interface RatioBase {
  formula: Formula;
  noun: BaseNoun;
  /** Below this base a value is low-base: drawn as such and never coloured as a change. */
  minimum: number;
}

const NOUNS: Partial<Record<MeasureId, { noun: BaseNoun; minimum: number }>> = {
  nps_answers: { noun: 'answers', minimum: 30 },
  opinion_authors: { noun: 'authors', minimum: 30 },
  all_mentions: { noun: 'mentions', minimum: 30 },
  inbound_items: { noun: 'inbound', minimum: 30 },
  impressions: { noun: 'impressions', minimum: 1000 },
  reach: { noun: 'reach', minimum: 1000 },
  followers_start: { noun: 'followers', minimum: 100 },
  followers_end: { noun: 'followers', minimum: 100 },
  social_sessions: { noun: 'sessions', minimum: 100 },
  social_conversions: { noun: 'conversions', minimum: 10 },
  audience_targeted: { noun: 'audience', minimum: 100 },
  spend: { noun: 'spend', minimum: 0 },
};

/** The denominator of the formula's outermost ratio (100 × a ÷ b counts as a ratio over b). */
function denominatorOf(formula: Formula): Formula | null {
  if ('measure' in formula || 'constant' in formula || formula.op === 'weighted') return null;
  if (formula.op === 'div') return formula.args[1];
  if (formula.op === 'mul') return formula.args.map(denominatorOf).find(Boolean) ?? null;
  return null;
}

export function baseOf(kpi: Kpi): RatioBase | null {
  const formula = denominatorOf(kpi.formula);
  if (!formula) return null;
  if ('measure' in formula) {
    const known = NOUNS[formula.measure];
    return known ? { formula, ...known } : null;
  }
  // Sentiment shares are over the comments with a label; net sentiment over those with an opinion.
  if ('op' in formula && formula.op === 'add')
    return {
      formula,
      noun: formula.args.length === 3 ? 'comments' : 'opinions',
      minimum: 30,
    };
  return null;
}

/**
 * NPS's margin of error at 95 %, in points: NPS = p_P − p_D over n answers, whose variance is
 * (p_P + p_D − (p_P − p_D)²) ÷ n (a difference of two proportions of one sample); MoE = 1.96 × √var × 100.
 */
export function marginOf(
  kpi: Kpi,
  inputs: Partial<Record<MeasureId, number | null>>,
): number | null {
  if (kpi.id !== 'nps') return null;
  const n = inputs.nps_answers ?? 0;
  if (!n) return null;
  const promoters = (inputs.nps_promoters ?? 0) / n;
  const detractors = (inputs.nps_detractors ?? 0) / n;
  const variance = (promoters + detractors - (promoters - detractors) ** 2) / n;
  return 1.96 * Math.sqrt(variance) * 100;
}

/**
 * Why a value is missing although there is data: share of voice needs a competitor's mentions on the
 * same platform; without any, it would read 100 % and mean nothing.
 */
export function caveatOf(
  kpi: Kpi,
  inputs: Partial<Record<MeasureId, number | null>>,
): 'no_competitor' | null {
  if (kpi.id !== 'share_of_voice') return null;
  const brand = inputs.brand_mentions ?? 0;
  const all = inputs.all_mentions ?? 0;
  return all > 0 && all === brand ? 'no_competitor' : null;
}
