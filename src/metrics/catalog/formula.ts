import type { MeasureId } from './measures.ts';

/** A KPI's formula as data: the compiler fetches the measures, `evaluate` combines them. */
export type Formula =
  | { measure: MeasureId }
  | { constant: number }
  | { op: 'add'; args: Formula[] }
  | { op: 'sub' | 'div' | 'mul'; args: [Formula, Formula] }
  /** Σ weight × measure, the weights coming from the query's options (configurable engagement weights). */
  | { op: 'weighted'; terms: { weight: EngagementWeight; measure: MeasureId }[] };

export type EngagementWeight = 'reaction' | 'comment' | 'share' | 'save';
export type EngagementWeights = Record<EngagementWeight, number>;
export const DEFAULT_ENGAGEMENT_WEIGHTS: EngagementWeights = {
  reaction: 1,
  comment: 2,
  save: 2,
  share: 3,
};

export const m = (measure: MeasureId): Formula => ({ measure });
export const add = (...args: Formula[]): Formula => ({ op: 'add', args });
export const sub = (a: Formula, b: Formula): Formula => ({ op: 'sub', args: [a, b] });
export const div = (a: Formula, b: Formula): Formula => ({ op: 'div', args: [a, b] });
export const mul = (a: Formula, b: Formula): Formula => ({ op: 'mul', args: [a, b] });
export const constant = (value: number): Formula => ({ constant: value });

export function measuresOf(formula: Formula): MeasureId[] {
  if ('measure' in formula) return [formula.measure];
  if ('constant' in formula) return [];
  if (formula.op === 'weighted') return formula.terms.map((term) => term.measure);
  return formula.args.flatMap(measuresOf);
}

/**
 * Null-safe arithmetic: a ratio whose denominator is 0 or missing is null; a sum is null only when
 * every term is (a platform that does not report saves still has engagements).
 */
export function evaluate(
  formula: Formula,
  values: Partial<Record<MeasureId, number | null>>,
  weights: EngagementWeights,
): number | null {
  if ('measure' in formula) return values[formula.measure] ?? null;
  if ('constant' in formula) return formula.constant;
  if (formula.op === 'weighted') {
    return sumPresent(
      formula.terms.map((term) => {
        const value = values[term.measure] ?? null;
        return value === null ? null : value * weights[term.weight];
      }),
    );
  }
  const args = formula.args.map((arg) => evaluate(arg, values, weights));
  if (formula.op === 'add') return sumPresent(args);
  const [a, b] = args;
  if (a === null || b === null) return null;
  if (formula.op === 'sub') return a - b;
  if (formula.op === 'mul') return a * b;
  return b === 0 ? null : a / b;
}

function sumPresent(values: (number | null)[]): number | null {
  const present = values.filter((value): value is number => value !== null);
  return present.length === 0 ? null : present.reduce((total, value) => total + value, 0);
}
