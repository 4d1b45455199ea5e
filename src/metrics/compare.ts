import { previousPeriod, yearEarlier, type Comparison, type Period } from '../model/index.ts';

export interface ComparisonValue {
  value: number | null;
  /** value now − value then. */
  delta: number | null;
  /** delta ÷ |value then|; null when the earlier value is 0 or missing. */
  change: number | null;
  /** Whether the move is the good way for this KPI; null when flat or unknown. */
  good: boolean | null;
}

export function comparisonPeriods(
  period: Period,
  comparisons: Comparison[],
): Partial<Record<'previous' | 'yoy', Period>> {
  const periods: Partial<Record<'previous' | 'yoy', Period>> = {};
  if (comparisons.includes('previous')) periods.previous = previousPeriod(period);
  if (comparisons.includes('yoy')) periods.yoy = yearEarlier(period);
  return periods;
}

export function compareValues(
  now: number | null,
  then: number | null,
  better: 'higher' | 'lower',
): ComparisonValue {
  if (now === null || then === null) return { value: then, delta: null, change: null, good: null };
  const delta = now - then;
  const change = then === 0 ? null : delta / Math.abs(then);
  const good = delta === 0 ? null : delta > 0 === (better === 'higher');
  return { value: then, delta, change, good };
}
