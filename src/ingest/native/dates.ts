// Dates and times as platforms write them; a time without offset is UTC, as in Cadran CSV.
import { parseTimestamp } from '../cells.ts';

export type DayOrder = 'month-first' | 'day-first';

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  janv: 1,
  fev: 2,
  fevr: 2,
  mars: 3,
  avr: 4,
  mai: 5,
  juin: 6,
  juil: 7,
  aout: 8,
};
const SLASHED =
  /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?$/i;
const WEEKDAY = /^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const WORDED = /^(?:(\p{L}+)\.?\s+(\d{1,2})|(\d{1,2})\s+(\p{L}+)\.?)(?:,?\s+(\d{4}))?$/iu;

function utc(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number | null {
  const time = Date.UTC(year, month - 1, day, hour, minute, second);
  const date = new Date(time);
  const valid =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return valid && hour < 24 && minute < 60 && second < 60 ? time : null;
}

function slashed(match: RegExpExecArray, order: DayOrder): number | null {
  const [, a, b, y, h = '0', mi = '0', s = '0', meridiem] = match;
  let [month, day] = order === 'month-first' ? [Number(a), Number(b)] : [Number(b), Number(a)];
  if (month > 12 && day <= 12) [month, day] = [day, month];
  const year = y.length === 2 ? 2000 + Number(y) : Number(y);
  let hour = Number(h);
  if (meridiem && /^p/i.test(meridiem) && hour < 12) hour += 12;
  if (meridiem && /^a/i.test(meridiem) && hour === 12) hour = 0;
  return utc(year, month, day, hour, Number(mi), Number(s));
}

/** "Jan 5, 2026", "5 janv. 2026", or "March 1" with the latest year that puts it on or before `today`. */
function worded(match: RegExpExecArray, today: number): number | null {
  const [, monthFirst, dayAfter, dayFirst, monthAfter, year] = match;
  const name = (monthFirst ?? monthAfter)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  const month = MONTHS[name] ?? MONTHS[name.slice(0, 3)];
  const day = Number(dayAfter ?? dayFirst);
  if (!month) return null;
  if (year) return utc(Number(year), month, day);
  const thisYear = new Date(today).getUTCFullYear();
  const candidate = utc(thisYear, month, day);
  return candidate !== null && candidate <= today ? candidate : utc(thisYear - 1, month, day);
}

/** Epoch milliseconds of a platform's date or time, or null when it is not one. */
export function parsePlatformTime(raw: string, order: DayOrder, today = Date.now()): number | null {
  const text = raw.trim().replace(WEEKDAY, '');
  const iso = parseTimestamp(text);
  if (iso !== null) return iso;
  const compact = COMPACT.exec(text);
  if (compact) return utc(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  const slash = SLASHED.exec(text);
  if (slash) return slashed(slash, order);
  const words = WORDED.exec(text);
  return words ? worded(words, today) : null;
}

export function dayOf(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
