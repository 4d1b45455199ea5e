// Dates and times as platforms write them; a time without offset is UTC, as in Cadran CSV.
import { parseTimestamp } from '../cells.ts';

export type DayOrder = 'month-first' | 'day-first';

// Month names in French, English, Spanish, German, Italian and Portuguese, by their first letters
// (accents dropped): "marzo", "März", "março" and "mars" all start "mar". "juin"/"juil" need four.
const MONTH_PREFIXES: Record<string, number> = {
  jan: 1,
  ene: 1,
  gen: 1,
  feb: 2,
  fev: 2,
  mar: 3,
  apr: 4,
  abr: 4,
  avr: 4,
  may: 5,
  mai: 5,
  mag: 5,
  jun: 6,
  juin: 6,
  giu: 6,
  jul: 7,
  juil: 7,
  lug: 7,
  aug: 8,
  ago: 8,
  aou: 8,
  sep: 9,
  set: 9,
  oct: 10,
  okt: 10,
  ott: 10,
  out: 10,
  nov: 11,
  dec: 12,
  dez: 12,
  dic: 12,
};

function monthNamed(word: string): number | undefined {
  const name = word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  return MONTH_PREFIXES[name.slice(0, 4)] ?? MONTH_PREFIXES[name.slice(0, 3)];
}

/**
 * The year of dates written without one ("April 12"): a fixed year (--year, the file name), the
 * export's range (a date falls inside it), else the latest year that puts the date on or before today.
 */
export interface YearRule {
  year?: number;
  range?: { from: number; to: number };
}

const SLASHED =
  /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?$/i;
const WEEKDAY = /^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const WORDED =
  /^(?:(\p{L}+)\.?\s+(\d{1,2})|(\d{1,2})\.?\s+(?:de\s+)?(\p{L}+)\.?)(?:,?\s+(?:de\s+)?(\d{4}))?$/iu;
// Excel drops the zero of single-digit hours and months: 2016-01-22 3:29:41.
const LOOSE_ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;

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

/** "Jan 5, 2026", "5 janv. 2026", "8 de marzo", or "March 1" with a year from the rule. */
function worded(match: RegExpExecArray, today: number, rule: YearRule): number | null {
  const [, monthFirst, dayAfter, dayFirst, monthAfter, year] = match;
  const month = monthNamed(monthFirst ?? monthAfter);
  const day = Number(dayAfter ?? dayFirst);
  if (!month) return null;
  if (year) return utc(Number(year), month, day);
  if (rule.year) return utc(rule.year, month, day);
  if (rule.range) {
    const { from, to } = rule.range;
    for (let y = new Date(from).getUTCFullYear(); y <= new Date(to).getUTCFullYear(); y++) {
      const candidate = utc(y, month, day);
      if (candidate !== null && candidate >= from && candidate <= to) return candidate;
    }
    return null;
  }
  const thisYear = new Date(today).getUTCFullYear();
  const candidate = utc(thisYear, month, day);
  return candidate !== null && candidate <= today ? candidate : utc(thisYear - 1, month, day);
}

/** True when the text is a date written without its year ("April 12", "8 de marzo"). */
export function isYearless(raw: string): boolean {
  const words = WORDED.exec(raw.trim().replace(WEEKDAY, ''));
  return Boolean(words && !words[5]);
}

/** Epoch milliseconds of a platform's date or time, or null when it is not one. */
export function parsePlatformTime(
  raw: string,
  order: DayOrder,
  today = Date.now(),
  years: YearRule = {},
): number | null {
  const text = raw.trim().replace(WEEKDAY, '');
  const iso = parseTimestamp(text);
  if (iso !== null) return iso;
  const loose = LOOSE_ISO.exec(text);
  if (loose) {
    const [, y, mo, d, h, mi, sec = '0'] = loose;
    return utc(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(sec));
  }
  const compact = COMPACT.exec(text);
  if (compact) return utc(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  const slash = SLASHED.exec(text);
  if (slash) return slashed(slash, order);
  const words = WORDED.exec(text);
  return words ? worded(words, today, years) : null;
}

export function dayOf(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}
