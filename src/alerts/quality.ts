// Measures the anomaly rule's quality: seeded demo-like daily series with known spikes and dips
// injected, judged day by day as the hourly evaluation would; recall and false alerts per series-month.
import { Random } from '../demo/index.ts';
import { addDays } from '../model/index.ts';
import { judgeDay, type AnomalySettings, type DailyPoint } from './baseline.ts';

export type SeriesKind = 'negative_comments' | 'social_sessions' | 'response_time';

interface SeriesShape {
  settings: Pick<AnomalySettings, 'noise' | 'minimumBase'>;
  /** The side an incident moves the KPI to. */
  side: 'above' | 'below';
  /** How the incident changes the day's value. */
  inject(value: number, random: Random): number;
  draw(level: number, random: Random): { value: number; base: number | null };
  /** Typical level on a weekday with no season. */
  level: number;
  /** Weekend level as a fraction of a weekday's. */
  weekend: number;
}

// Day-to-day variation beyond Poisson noise (weather, posting rhythm): a gamma-like multiplier.
const overdispersed = (random: Random, level: number, cv: number) =>
  Math.max(0, level * Math.exp(cv * random.normal() - (cv * cv) / 2));

export const SERIES: Record<SeriesKind, SeriesShape> = {
  // Negative comments a day; an incident (a bad post, an outage) brings 4× the usual.
  negative_comments: {
    settings: { noise: 'count', minimumBase: 10 },
    side: 'above',
    level: 9,
    weekend: 0.7,
    inject: (value, random) => value + random.poisson(3 * Math.max(value, 6)),
    draw: (level, random) => ({
      value: random.poisson(overdispersed(random, level, 0.2)),
      base: null,
    }),
  },
  // Visits from social a day; an incident (a broken tag, a banned account) halves them.
  social_sessions: {
    settings: { noise: 'count', minimumBase: 10 },
    side: 'below',
    level: 650,
    weekend: 0.6,
    inject: (value) => Math.round(value * 0.5),
    draw: (level, random) => ({
      value: random.poisson(overdispersed(random, level, 0.1)),
      base: null,
    }),
  },
  // Median first-reply time in seconds, base the replies of the day; an incident (holiday, backlog) makes it 2.5× longer.
  response_time: {
    settings: { noise: 'relative', minimumBase: 5 },
    side: 'above',
    level: 3600,
    weekend: 1.6,
    inject: (value) => value * 2.5,
    draw: (level, random) => {
      const replies = random.poisson(24);
      // The median of n exponential-ish times varies by about 1/√n.
      const value = level * Math.exp((1 / Math.sqrt(Math.max(replies, 1))) * random.normal());
      return { value: Math.round(value), base: replies };
    },
  },
};

export interface QualityRun {
  kind: SeriesKind;
  series: number;
  months: number;
  injected: number;
  detected: number;
  falseAlerts: number;
  recall: number;
  falsePerSeriesMonth: number;
}

const WARM_UP_DAYS = 9 * 7;
const MONTH_DAYS = 30;

function seasonalLevel(shape: SeriesShape, dayIndex: number, start: string): number {
  const weekday = new Date(`${addDays(start, dayIndex)}T00:00:00Z`).getUTCDay();
  const weekend = weekday === 0 || weekday === 6 ? shape.weekend : 1;
  const yearly = 1 + 0.15 * Math.sin((2 * Math.PI * dayIndex) / 365);
  const trend = 1 + (0.3 * dayIndex) / 365;
  return shape.level * weekend * yearly * trend;
}

/** One seeded series of `months` judged months after a warm-up, one incident in each month. */
export function simulateSeries(
  kind: SeriesKind,
  seed: number,
  months: number,
  k: number,
): { injected: number; detected: number; falseAlerts: number } {
  const shape = SERIES[kind];
  const random = new Random(seed, kind);
  const start = '2025-01-06';
  const days = WARM_UP_DAYS + months * MONTH_DAYS;
  const incidents = new Set<number>();
  for (let month = 0; month < months; month++)
    incidents.add(WARM_UP_DAYS + month * MONTH_DAYS + random.int(MONTH_DAYS));
  const history = new Map<string, DailyPoint>();
  for (let index = 0; index < days; index++) {
    const day = addDays(start, index);
    const drawn = shape.draw(seasonalLevel(shape, index, start), random);
    const value = incidents.has(index) ? shape.inject(drawn.value, random) : drawn.value;
    history.set(day, { day, value, base: drawn.base });
  }
  const settings = { weeks: 8, k, watch: shape.side, ...shape.settings };
  let detected = 0;
  let falseAlerts = 0;
  for (let index = WARM_UP_DAYS; index < days; index++) {
    const verdict = judgeDay(history, addDays(start, index), settings);
    if (!verdict) continue;
    if (incidents.has(index) && verdict.side === shape.side) detected++;
    else falseAlerts++;
  }
  return { injected: incidents.size, detected, falseAlerts };
}

export function measureQuality(
  kind: SeriesKind,
  seriesCount: number,
  months: number,
  k: number,
): QualityRun {
  let injected = 0;
  let detected = 0;
  let falseAlerts = 0;
  for (let seed = 1; seed <= seriesCount; seed++) {
    const run = simulateSeries(kind, seed, months, k);
    injected += run.injected;
    detected += run.detected;
    falseAlerts += run.falseAlerts;
  }
  return {
    kind,
    series: seriesCount,
    months,
    injected,
    detected,
    falseAlerts,
    recall: detected / injected,
    falsePerSeriesMonth: falseAlerts / (seriesCount * months),
  };
}
