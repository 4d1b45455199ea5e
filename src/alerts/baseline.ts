// The usual range of a KPI on one day: a robust baseline over comparable past days (median ± k·MAD),
// with day-of-week seasonality, so a Monday is compared with past Mondays.
import { addDays } from '../model/index.ts';

export interface DailyPoint {
  day: string;
  value: number | null;
  /** What the value is measured over (comments for a share, replies for a response time); null if unknown. */
  base: number | null;
}

export interface AnomalySettings {
  /** Weeks of history the baseline reads. */
  weeks: number;
  /** Half-width of the usual range in robust standard deviations (1.4826 · MAD) on the judging scale; 2.5 measured in `npm run bench -- alerts`. */
  k: number;
  /** Below this base (comments, replies, sessions) a day is never called unusual. */
  minimumBase: number;
  /** Counts vary at least like a Poisson count, rates like a proportion, times by this fraction. */
  noise: 'count' | 'proportion' | 'relative';
  /** Which departures alert: the side that is bad for the KPI, by default, or both. */
  watch: 'above' | 'below' | 'both' | 'none';
}

export const DEFAULT_ANOMALY: AnomalySettings = {
  weeks: 8,
  k: 2.5,
  minimumBase: 10,
  noise: 'count',
  watch: 'both',
};

export interface UsualRange {
  expected: number;
  low: number;
  high: number;
  /** Comparable past days the baseline was computed from. */
  comparable: number;
}

export interface Verdict {
  day: string;
  value: number;
  base: number | null;
  range: UsualRange;
  side: 'above' | 'below';
}

const MAD_TO_SD = 1.4826;
// Fewer same-weekday days than this and the baseline is not trusted.
const MIN_COMPARABLE = 3;
// Days whose median is the current level, once weekdays are divided out.
const RECENT_DAYS = 14;
// A new day differs from a median of ~14 days, itself uncertain, a little more than one day does.
const SMALL_SAMPLE = 1.1;
// A relative series (response time) never varies by less than this fraction of its level.
const RELATIVE_FLOOR = 0.1;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * The usual range of `day` from the `weeks` weeks before it. Each weekday gets a factor (its median
 * over the overall median), so a Monday is compared with Mondays; the level is the median of the
 * last two weeks once weekdays are divided out, so a slow trend or season does not look unusual;
 * the spread is the MAD of each past day's distance to its own two-week neighbourhood.
 */
export function usualRange(
  history: Map<string, DailyPoint>,
  day: string,
  settings: AnomalySettings,
  base: number | null,
): UsualRange | null {
  const span = settings.weeks * 7;
  const past: { offset: number; value: number }[] = [];
  for (let offset = 1; offset <= span; offset++) {
    const value = history.get(addDays(day, -offset))?.value;
    if (value !== null && value !== undefined)
      past.push({ offset, value: toScale(value, settings) });
  }
  const sameWeekday = past.filter((point) => point.offset % 7 === 0);
  if (sameWeekday.length < MIN_COMPARABLE) return null;
  const factors = weekdayFactors(past);
  const adjusted = past.map((point) => ({
    offset: point.offset,
    value: point.value / factors[point.offset % 7],
  }));
  const recent = adjusted.filter((point) => point.offset <= RECENT_DAYS).map((p) => p.value);
  if (recent.length < MIN_COMPARABLE) return null;
  const level = median(recent);
  const residuals = adjusted.map((point) =>
    Math.abs(
      point.value -
        median(
          adjusted
            .filter((other) => Math.abs(other.offset - point.offset) <= RECENT_DAYS / 2)
            .map((other) => other.value),
        ),
    ),
  );
  const centre = level * factors[0];
  const spread = Math.max(
    MAD_TO_SD * median(residuals) * factors[0] * SMALL_SAMPLE,
    noiseFloor(fromScale(centre, settings), base, settings),
  );
  const half = settings.k * spread;
  return {
    expected: fromScale(centre, settings),
    low: fromScale(centre - half, settings),
    high: fromScale(centre + half, settings),
    comparable: sameWeekday.length,
  };
}

/** Each weekday's median over the median of all days, indexed by days before the judged day mod 7. */
function weekdayFactors(past: { offset: number; value: number }[]): number[] {
  const overall = median(past.map((point) => point.value));
  return Array.from({ length: 7 }, (_, weekday) => {
    const values = past.filter((point) => point.offset % 7 === weekday).map((p) => p.value);
    const factor = values.length && overall > 0 ? median(values) / overall : 1;
    return factor > 0 ? factor : 1;
  });
}

/**
 * Counts are judged on 2√(x + 3/8) (Anscombe), where Poisson noise has a spread of 1 at any level,
 * and times on their logarithm, where a delay twice as long is as far above as half as long is below.
 */
function toScale(value: number, settings: AnomalySettings): number {
  if (settings.noise === 'count') return 2 * Math.sqrt(Math.max(value, 0) + 3 / 8);
  if (settings.noise === 'relative') return Math.log(Math.max(value, 1e-9));
  return value;
}

function fromScale(value: number, settings: AnomalySettings): number {
  if (settings.noise === 'count') return Math.max(value, 0) ** 2 / 4 - 3 / 8;
  if (settings.noise === 'relative') return Math.exp(value);
  return value;
}

/** The least spread a series has on the judging scale. */
function noiseFloor(expected: number, base: number | null, settings: AnomalySettings): number {
  switch (settings.noise) {
    case 'count':
      return 1;
    case 'proportion': {
      const p = Math.min(Math.max(expected, 0.01), 0.99);
      return Math.sqrt((p * (1 - p)) / Math.max(base ?? 1, 1));
    }
    case 'relative':
      return Math.log(1 + RELATIVE_FLOOR);
  }
}

/** The day's verdict: null when usual, when the base is too small, or when history is too short. */
export function judgeDay(
  history: Map<string, DailyPoint>,
  day: string,
  settings: AnomalySettings,
): Verdict | null {
  const point = history.get(day);
  if (!point || point.value === null) return null;
  const base = point.base ?? (settings.noise === 'count' ? point.value : null);
  const range = usualRange(history, day, settings, base);
  if (!range) return null;
  // A count's base is itself or what was expected, whichever is larger: 2 comments never alert.
  const effectiveBase =
    settings.noise === 'count' ? Math.max(point.value, range.expected) : (base ?? 0);
  if (effectiveBase < settings.minimumBase) return null;
  if (settings.watch === 'none') return null;
  const watchAbove = settings.watch !== 'below';
  const watchBelow = settings.watch !== 'above';
  if (watchAbove && point.value > range.high)
    return { day, value: point.value, base: point.base, range, side: 'above' };
  if (watchBelow && point.value < range.low)
    return { day, value: point.value, base: point.base, range, side: 'below' };
  return null;
}
