// When a schedule runs: a cron expression, or words ("every Monday 08:00", "tous les lundis 08:00",
// "every day 07:30", "every month 08:00" on the 1st), turned into a cron expression croner checks.
import { Cron } from 'croner';
import { InputError } from '../model/index.ts';

const WEEKDAYS: Record<string, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  dimanche: 0,
  lundi: 1,
  mardi: 2,
  mercredi: 3,
  jeudi: 4,
  vendredi: 5,
  samedi: 6,
};
const WORDS =
  /^(?:every|chaque|tous les|toutes les)\s+([a-zé]+?)s?\s+(?:at\s+|à\s+)?(\d{1,2})[:h](\d{2})$/i;

/** The cron expression of a schedule's "when", or an error saying what is accepted. */
export function cronOf(when: string, timeZone: string): string {
  const text = when.trim().toLowerCase();
  const words = WORDS.exec(text);
  let cron = text;
  if (words) {
    const [, unit, hour, minute] = words;
    const at = `${Number(minute)} ${Number(hour)}`;
    if (unit in WEEKDAYS) cron = `${at} * * ${WEEKDAYS[unit]}`;
    else if (unit === 'day' || unit === 'jour') cron = `${at} * * *`;
    else if (unit === 'month' || unit === 'moi') cron = `${at} 1 * *`;
    else throw new InputError(`"${when}": unknown day "${unit}"; use a weekday, day or month`);
  }
  try {
    new Cron(cron, { timezone: timeZone, paused: true });
  } catch (error) {
    throw new InputError(
      `"${when}" is neither a cron expression (minute hour day month weekday) nor "every Monday 08:00": ${(error as Error).message}`,
    );
  }
  return cron;
}

/** The latest time the schedule was due at or before `now`, after `since`; null if none. */
export function lastDueAt(cron: string, timeZone: string, since: Date, now: Date): Date | null {
  const [previous] = new Cron(cron, { timezone: timeZone, paused: true }).previousRuns(1, now);
  return previous && previous >= since ? previous : null;
}

export function nextDueAt(cron: string, timeZone: string, after: Date): Date | null {
  return new Cron(cron, { timezone: timeZone, paused: true }).nextRun(after);
}

export function checkTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new InputError(
      `unknown time zone "${timeZone}"; expected an IANA name like Europe/Paris`,
    );
  }
  return timeZone;
}
