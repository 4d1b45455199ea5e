import { measureColumn } from './sql-parts.ts';
import { canRank, type EngagementWeights, type Formula } from './catalog/index.ts';

/**
 * The formula as an SQL expression over the measure columns of one query, for ranking in SQL (top N).
 * Null when the formula needs measures from several sources, which one query cannot rank.
 */
export function orderExpression(formula: Formula, weights: EngagementWeights): string | null {
  return canRank(formula) ? toSql(formula, weights) : null;
}

/**
 * For a ratio, the condition that its denominator reaches `minimum` in a ranking query, so that one
 * comment does not rank a post at 100 %; null when the formula is not a ratio.
 */
export function minimumBaseCondition(
  formula: Formula,
  weights: EngagementWeights,
  minimum: number,
): string | null {
  if ('measure' in formula || 'constant' in formula || formula.op !== 'div') return null;
  return `coalesce(${toSql(formula.args[1], weights)}, 0) >= ${literal(minimum)}`;
}

function literal(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return String(value);
}

function toSql(formula: Formula, weights: EngagementWeights): string {
  if ('measure' in formula) return measureColumn(formula.measure);
  if ('constant' in formula) return literal(formula.constant);
  if (formula.op === 'weighted') {
    return `(${formula.terms.map((term) => `coalesce(${measureColumn(term.measure)}, 0) * ${literal(weights[term.weight])}`).join(' + ')})`;
  }
  const args = formula.args.map((arg) => toSql(arg, weights));
  switch (formula.op) {
    case 'add':
      return `(${args.map((arg) => `coalesce(${arg}, 0)`).join(' + ')})`;
    case 'sub':
      return `(${args[0]} - ${args[1]})`;
    case 'mul':
      return `(${args[0]} * ${args[1]})`;
    case 'div':
      return `(${args[0]} / NULLIF(${args[1]}, 0))`;
  }
}
