import {
  addDays,
  InputError,
  periodLengthDays,
  previousPeriod,
  yearEarlier,
  type Comparison,
  type Period,
} from '../model/index.ts';

export interface ComparisonValue {
  value: number | null;
  /** value now − value then. */
  delta: number | null;
  /** delta ÷ |value then|; null when the earlier value is 0 or missing. */
  change: number | null;
  /** Whether the move is the good way for this KPI; null when flat or unknown. */
  good: boolean | null;
}

/**
 * How a period that is not over compares: `to_date` with the same elapsed days of the earlier
 * periods (the default), `full` with the whole earlier periods (an explicit choice).
 */
export type ComparisonSpan = 'to_date' | 'full';

/** The span actually evaluated: the requested period clipped to today. */
export interface EvaluatedPeriod extends Period {
  /** True when the requested period runs past today, so it is evaluated up to today. */
  toDate: boolean;
  /** The period as asked for. */
  requested: Period;
}

/** The requested period up to today; a period that starts after today has nothing to measure yet. */
export function periodToDate(requested: Period, today: string): EvaluatedPeriod {
  if (requested.from > today) {
    throw new InputError(
      `the period starts (${requested.from}) after today (${today}): there is nothing to measure yet`,
      { code: 'future-period', params: { from: requested.from, today } },
    );
  }
  const toDate = requested.to > today;
  return { from: requested.from, to: toDate ? today : requested.to, toDate, requested };
}

/**
 * The earlier periods to compare with. For a period to date, the previous period keeps the same number
 * of elapsed days from its start (Q4 to Dec 4, 65 days → Jul 1–Sep 3) and the year earlier the same dates
 * (Oct 1–Dec 4 a year before); with `full`, the whole earlier periods of the requested one.
 */
export function comparisonPeriods(
  period: EvaluatedPeriod | Period,
  comparisons: Comparison[],
  span: ComparisonSpan = 'to_date',
): Partial<Record<Comparison, Period>> {
  const evaluated: EvaluatedPeriod =
    'requested' in period ? period : { ...period, toDate: false, requested: period };
  const base = evaluated.requested;
  const periods: Partial<Record<Comparison, Period>> = {};
  const clip = evaluated.toDate && span === 'to_date';
  if (comparisons.includes('previous')) {
    const whole = previousPeriod(base);
    if (!clip) periods.previous = whole;
    else {
      const end = addDays(whole.from, periodLengthDays(evaluated) - 1);
      periods.previous = { from: whole.from, to: end < whole.to ? end : whole.to };
    }
  }
  if (comparisons.includes('yoy')) periods.yoy = clip ? yearEarlier(evaluated) : yearEarlier(base);
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
