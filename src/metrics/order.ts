import { measureColumn } from './compile.ts';
import {
  MEASURES,
  measuresOf,
  type EngagementWeights,
  type Formula,
  type MeasureId,
} from './catalog/index.ts';

/**
 * The formula as an SQL expression over the measure columns of one query, for ranking in SQL (top N).
 * Null when the formula needs measures from several sources, which one query cannot rank.
 */
export function orderExpression(formula: Formula, weights: EngagementWeights): string | null {
  const sources = new Set(collect(formula).map((id) => MEASURES[id].source));
  const kinds = new Set(collect(formula).map((id) => MEASURES[id].aggregate.kind));
  if (sources.size !== 1 || [...kinds].some((kind) => kind === 'gauge' || kind === 'per_entity'))
    return null;
  return toSql(formula, weights);
}

const collect = (formula: Formula): MeasureId[] => measuresOf(formula);
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
