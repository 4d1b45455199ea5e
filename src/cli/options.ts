// Reads command-line options into the engine's types, refusing bad input with a clear message.
import {
  addDays,
  addMonths,
  BREAKDOWNS,
  COMPARISONS,
  FILTER_DIMENSIONS,
  InputError,
  parseDay,
  todayUtc,
  type Breakdown,
  type Comparison,
  type Filters,
  type Period,
} from '../model/index.ts';
import { DEFAULT_ENGAGEMENT_WEIGHTS, type EngagementWeights } from '../metrics/index.ts';

export function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

export function day(value: string, option: string): string {
  if (!parseDay(value))
    throw new InputError(`${option} must be a date as YYYY-MM-DD (got "${value}")`);
  return value;
}

/** The period named by --from/--to; by default the last full calendar month. */
export function periodOf(options: { from?: string; to?: string }, today = todayUtc()): Period {
  const firstOfMonth = `${today.slice(0, 7)}-01`;
  const from = options.from ? day(options.from, '--from') : addMonths(firstOfMonth, -1);
  const to = options.to
    ? day(options.to, '--to')
    : options.from
      ? today
      : addDays(firstOfMonth, -1);
  if (from > to) throw new InputError(`--from (${from}) is after --to (${to})`);
  return { from, to };
}

export function breakdownOf(value: string | undefined): Breakdown[] {
  const items = list(value);
  for (const item of items) {
    if (!BREAKDOWNS.includes(item as Breakdown))
      throw new InputError(`--by ${item}: expected one of ${BREAKDOWNS.join(', ')}`);
  }
  return items as Breakdown[];
}

export function comparisonsOf(value: string | undefined): Comparison[] {
  const items = list(value);
  for (const item of items) {
    if (!COMPARISONS.includes(item as Comparison))
      throw new InputError(`--compare ${item}: expected ${COMPARISONS.join(' or ')}`);
  }
  return items as Comparison[];
}

export function filtersOf(options: Record<string, string | undefined>): Filters {
  const filters: Filters = {};
  for (const dimension of FILTER_DIMENSIONS) {
    const values = list(options[dimension === 'content_type' ? 'contentType' : dimension]);
    if (values.length) filters[dimension] = values;
  }
  return filters;
}

/** --weights reaction=1,comment=2,share=3,save=2 (unnamed weights keep their defaults). */
export function weightsOf(value: string | undefined): EngagementWeights {
  const weights = { ...DEFAULT_ENGAGEMENT_WEIGHTS };
  for (const pair of list(value)) {
    const [name, raw] = pair.split('=');
    const weight = Number(raw);
    if (!(name in weights) || !Number.isFinite(weight) || weight < 0) {
      throw new InputError(
        `--weights ${pair}: expected name=number with name one of ${Object.keys(weights).join(', ')}`,
      );
    }
    weights[name as keyof EngagementWeights] = weight;
  }
  return weights;
}

export function positiveInteger(value: string, option: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0)
    throw new InputError(`${option} must be a positive whole number (got "${value}")`);
  return number;
}
