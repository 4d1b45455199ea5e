// Calendar periods for the pickers: a month, a quarter, a year, or any span of whole days (UTC).
export interface Period {
  from: string;
  to: string;
}
export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

const pad = (value: number) => String(value).padStart(2, '0');
const day = (date: Date) => `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
const parse = (text: string) => new Date(`${text}T00:00:00Z`);
const MONTHS: Record<Exclude<PeriodKind, 'custom'>, number> = { month: 1, quarter: 3, year: 12 };

export function addDays(text: string, days: number): string {
  return day(new Date(parse(text).getTime() + days * 86_400_000));
}

export function isDay(text: string | null | undefined): text is string {
  // Date parsing rolls 2026-02-30 over to 2 March: a real day reads back the same.
  return Boolean(text && /^\d{4}-\d{2}-\d{2}$/.test(text) && day(parse(text)) === text);
}

/** The calendar month, quarter or year that contains the day. */
export function periodAround(kind: Exclude<PeriodKind, 'custom'>, around: string): Period {
  const date = parse(around);
  const months = MONTHS[kind];
  const startMonth = Math.floor(date.getUTCMonth() / months) * months;
  const from = new Date(Date.UTC(date.getUTCFullYear(), startMonth, 1));
  const next = new Date(Date.UTC(date.getUTCFullYear(), startMonth + months, 1));
  return { from: day(from), to: addDays(day(next), -1) };
}

export function kindOf(period: Period): PeriodKind {
  for (const kind of ['month', 'quarter', 'year'] as const) {
    const candidate = periodAround(kind, period.from);
    if (candidate.from === period.from && candidate.to === period.to) return kind;
  }
  return 'custom';
}

/** The period before or after, of the same kind (custom spans move by their own length). */
export function shift(period: Period, steps: number): Period {
  const kind = kindOf(period);
  if (kind === 'custom') {
    const length = Math.round((parse(period.to).getTime() - parse(period.from).getTime()) / 86_400_000) + 1;
    return { from: addDays(period.from, steps * length), to: addDays(period.to, steps * length) };
  }
  const start = parse(period.from);
  const moved = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + steps * MONTHS[kind], 1));
  return periodAround(kind, day(moved));
}

/** The part of the period up to today: what can be measured yet. */
export function clipToToday(period: Period, today: string): Period {
  return period.to > today ? { from: period.from, to: today < period.from ? period.from : today } : period;
}

/** Trend points: days for about a month, weeks up to half a year, months beyond. */
export function grainFor(period: Period): 'day' | 'week' | 'month' {
  const days = (parse(period.to).getTime() - parse(period.from).getTime()) / 86_400_000 + 1;
  return days <= 45 ? 'day' : days <= 200 ? 'week' : 'month';
}
