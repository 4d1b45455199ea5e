// The period a scheduled report covers, relative to the day it is due, in the brand's time zone.
import { addDays, addMonths, type Period } from '../model/index.ts';

export const SCHEDULE_PERIODS = [
  'previous_day',
  'previous_week',
  'previous_month',
  'previous_quarter',
] as const;
export type SchedulePeriod = (typeof SCHEDULE_PERIODS)[number];

/** The calendar day of an instant in a time zone, YYYY-MM-DD. */
export function dayIn(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

/** The last complete period before `day`: yesterday, last Monday–Sunday, last month, last quarter. */
export function periodBefore(kind: SchedulePeriod, day: string): Period {
  if (kind === 'previous_day') return { from: addDays(day, -1), to: addDays(day, -1) };
  if (kind === 'previous_week') {
    const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
    const monday = addDays(day, -weekday);
    return { from: addDays(monday, -7), to: addDays(monday, -1) };
  }
  const monthStart = `${day.slice(0, 7)}-01`;
  if (kind === 'previous_month')
    return { from: addMonths(monthStart, -1), to: addDays(monthStart, -1) };
  const month = Number(day.slice(5, 7));
  const quarterStart = `${day.slice(0, 4)}-${String(Math.floor((month - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
  return { from: addMonths(quarterStart, -3), to: addDays(quarterStart, -1) };
}
