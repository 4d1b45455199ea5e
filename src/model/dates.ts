import type { Period, TimeGrain } from './index.ts';

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses YYYY-MM-DD strictly (rejects 2025-02-30) into a UTC midnight Date, or null. */
export function parseDay(text: string): Date | null {
  const match = ISO_DAY.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2025-02-30 over to March and reads years below 100 as 19xx: neither is the day written.
  const exact =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return exact ? date : null;
}

const twoDigits = (value: number) => (value < 10 ? `0${value}` : String(value));

// Written out rather than cut from toISOString: a scorecard formats several hundred days.
export function formatDay(date: Date): string {
  const year = date.getUTCFullYear();
  if (!(year >= 1000 && year <= 9999)) return date.toISOString().slice(0, 10);
  return `${year}-${twoDigits(date.getUTCMonth() + 1)}-${twoDigits(date.getUTCDate())}`;
}

export function addDays(day: string, days: number): string {
  return formatDay(new Date(parseDayOrThrow(day).getTime() + days * DAY_MS));
}

/** Adds calendar months, clamping to the month's last day (2024-02-29 + 12 months = 2025-02-28). */
export function addMonths(day: string, months: number): string {
  const date = parseDayOrThrow(day);
  const firstOfTarget = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = daysInMonth(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth());
  firstOfTarget.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return formatDay(firstOfTarget);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((parseDayOrThrow(to).getTime() - parseDayOrThrow(from).getTime()) / DAY_MS);
}

export function periodLengthDays(period: Period): number {
  return daysBetween(period.from, period.to) + 1;
}

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

function parseDayOrThrow(day: string): Date {
  const date = parseDay(day);
  if (!date) throw new Error(`not a date: ${day}`);
  return date;
}

function isFirstOfMonth(day: string): boolean {
  return day.endsWith('-01');
}

function isLastOfMonth(day: string): boolean {
  return addDays(day, 1).endsWith('-01');
}

/** Whole calendar months covered by the period, or null when it does not start and end on month bounds. */
export function wholeMonths(period: Period): number | null {
  if (!isFirstOfMonth(period.from) || !isLastOfMonth(period.to)) return null;
  const [fy, fm] = period.from.split('-').map(Number);
  const [ty, tm] = period.to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm) + 1;
}

/** The period just before: the previous N months for calendar months, else the previous N days. */
export function previousPeriod(period: Period): Period {
  const months = wholeMonths(period);
  if (months !== null) {
    const from = addMonths(period.from, -months);
    return { from, to: addDays(period.from, -1) };
  }
  const length = periodLengthDays(period);
  return { from: addDays(period.from, -length), to: addDays(period.from, -1) };
}

/** The same period a year earlier; a period ending on 29 February ends on 28 February. */
export function yearEarlier(period: Period): Period {
  const months = wholeMonths(period);
  const to =
    months !== null
      ? addDays(addMonths(addDays(period.to, 1), -12), -1)
      : addMonths(period.to, -12);
  return { from: addMonths(period.from, -12), to };
}

/** The first day of the bucket of the given grain that contains the day (weeks start on Monday). */
export function bucketStart(day: string, grain: TimeGrain): string {
  const [y, m] = day.split('-').map(Number);
  switch (grain) {
    case 'day':
      return day;
    case 'week': {
      const weekday = (parseDayOrThrow(day).getUTCDay() + 6) % 7;
      return addDays(day, -weekday);
    }
    case 'month':
      return `${day.slice(0, 7)}-01`;
    case 'quarter':
      return `${y}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
    case 'year':
      return `${y}-01-01`;
  }
}

export function nextBucketStart(start: string, grain: TimeGrain): string {
  switch (grain) {
    case 'day':
      return addDays(start, 1);
    case 'week':
      return addDays(start, 7);
    case 'month':
      return addMonths(start, 1);
    case 'quarter':
      return addMonths(start, 3);
    case 'year':
      return addMonths(start, 12);
  }
}

/**
 * Today in UTC. CADRAN_TODAY=YYYY-MM-DD pins it (tests, demos of a given day); with an explicit `now`,
 * that instant wins.
 */
export function todayUtc(now?: Date): string {
  if (now) return formatDay(now);
  const pinned = process.env.CADRAN_TODAY;
  if (pinned && parseDay(pinned)) return pinned;
  return formatDay(new Date());
}

/**
 * Buckets are numbered by an integer key that every engine computes cheaply:
 * days and Monday-weeks since 1970-01-01, months and quarters since year 0, the year itself.
 */
export function bucketKeyToStart(grain: TimeGrain, key: number): string {
  switch (grain) {
    case 'day':
      return formatDay(new Date(key * DAY_MS));
    case 'week':
      return formatDay(new Date((key * 7 - 3) * DAY_MS));
    case 'month':
      return formatDay(new Date(Date.UTC(Math.floor(key / 12), key % 12, 1)));
    case 'quarter':
      return formatDay(new Date(Date.UTC(Math.floor(key / 4), (key % 4) * 3, 1)));
    case 'year':
      return `${key}-01-01`;
  }
}

/** The buckets of a grain that overlap the period, as their first days. */
export function bucketsOf(period: Period, grain: TimeGrain): string[] {
  const starts: string[] = [];
  for (
    let start = bucketStart(period.from, grain);
    start <= period.to;
    start = nextBucketStart(start, grain)
  ) {
    starts.push(start);
  }
  return starts;
}
