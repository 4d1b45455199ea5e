// The demo's days: Paris local time, seasons, weekdays and the growth trend over the 24 months.
import { addDays, addMonths, daysBetween, parseDay } from '../model/index.ts';
import { cumulative, type Random } from './random.ts';

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

// Activity by month (January = 0): sales in January, spring collection, quiet August, Christmas peak.
const MONTH_ACTIVITY = [1.05, 0.9, 1.05, 1.1, 1.0, 0.95, 0.85, 0.7, 1.0, 1.05, 1.3, 1.35];
// Monday = 0. The brand publishes on weekdays; its audience is as active at the weekend.
const WEEKDAY_PUBLISHING = [1.05, 1.1, 1.1, 1.1, 1.0, 0.8, 0.6];
const WEEKDAY_AUDIENCE = [0.95, 1.0, 1.0, 1.0, 0.95, 1.05, 1.05];
// Local hours: publishing around 8h, 12h and 18–20h; the audience from the morning to late evening.
const PUBLISHING_HOURS = [0, 0, 0, 0, 0, 0, 0, 1, 4, 3, 2, 3, 5, 4, 2, 2, 2, 3, 5, 5, 4, 2, 1, 0];
const AUDIENCE_HOURS = [
  2, 1, 0.5, 0.3, 0.3, 0.5, 1, 3, 5, 5, 5, 5, 7, 7, 5, 5, 5, 6, 7, 9, 10, 9, 6, 4,
];
const BUSINESS_HOURS = [0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 3, 2, 1, 2, 3, 3, 2, 1, 0, 0, 0, 0, 0];

/** Last Sunday of a month, UTC midnight in ms (Europe's summer time starts and ends on one). */
function lastSunday(year: number, monthIndex: number): number {
  const last = new Date(Date.UTC(year, monthIndex + 1, 0));
  return last.getTime() - last.getUTCDay() * DAY;
}

/** Paris offset from UTC at an instant: +2 h in summer time, +1 h otherwise. */
export function parisOffset(instant: number): number {
  const year = new Date(instant).getUTCFullYear();
  const summerStart = lastSunday(year, 2) + HOUR;
  const summerEnd = lastSunday(year, 9) + HOUR;
  return instant >= summerStart && instant < summerEnd ? 2 * HOUR : HOUR;
}

export interface Calendar {
  from: string;
  to: string;
  days: number;
  /** Epoch ms of the first instant after the data set (midnight UTC after `to`). */
  endMs: number;
  dayNames: string[];
  /** UTC midnight of each day. */
  dayStart: Float64Array;
  offset: Float64Array;
  weekday: Uint8Array;
  /** How much the brand publishes and its audience acts each day: season × weekday × growth (0.8 two years ago to 1.2 now). */
  publishing: Float64Array;
  audience: Float64Array;
}

export function buildCalendar(today: string): Calendar {
  const from = addDays(addMonths(today, -24), 1);
  const days = daysBetween(from, today) + 1;
  const start = parseDay(from)!.getTime();
  const calendar: Calendar = {
    from,
    to: today,
    days,
    endMs: start + days * DAY,
    dayNames: [],
    dayStart: new Float64Array(days),
    offset: new Float64Array(days),
    weekday: new Uint8Array(days),
    publishing: new Float64Array(days),
    audience: new Float64Array(days),
  };
  for (let day = 0; day < days; day++) {
    const midnight = start + day * DAY;
    const date = new Date(midnight);
    const weekday = (date.getUTCDay() + 6) % 7;
    calendar.dayNames.push(date.toISOString().slice(0, 10));
    calendar.dayStart[day] = midnight;
    calendar.offset[day] = parisOffset(midnight + 12 * HOUR);
    calendar.weekday[day] = weekday;
    const activity = MONTH_ACTIVITY[date.getUTCMonth()] * (0.8 + (0.4 * day) / days);
    calendar.publishing[day] = activity * WEEKDAY_PUBLISHING[weekday];
    calendar.audience[day] = activity * WEEKDAY_AUDIENCE[weekday];
  }
  return calendar;
}

const publishingHours = cumulative(PUBLISHING_HOURS);
const audienceHours = cumulative(AUDIENCE_HOURS);
const businessHours = cumulative(BUSINESS_HOURS);

function timeOfDay(calendar: Calendar, day: number, hours: Float64Array, random: Random): number {
  const hour = random.weighted(hours);
  const instant =
    calendar.dayStart[day] -
    calendar.offset[day] +
    hour * HOUR +
    random.int(60) * MINUTE +
    random.int(60) * 1000;
  // Paris midnight is the evening before in UTC: nothing may fall before the first day.
  return Math.max(calendar.dayStart[0], instant);
}

/** A publishing time on the day (Paris hours), as epoch ms. */
export const publishingTime = (calendar: Calendar, day: number, random: Random) =>
  timeOfDay(calendar, day, publishingHours, random);
/** A time the audience is active on the day (Paris hours), as epoch ms. */
export const audienceTime = (calendar: Calendar, day: number, random: Random) =>
  timeOfDay(calendar, day, audienceHours, random);
/** An office-hours time on the day (Paris hours), as epoch ms. */
export const officeTime = (calendar: Calendar, day: number, random: Random) =>
  timeOfDay(calendar, day, businessHours, random);

/** Day index of an instant (may fall outside the calendar). */
export function dayOf(calendar: Calendar, instant: number): number {
  return Math.floor((instant - calendar.dayStart[0]) / DAY);
}

// The community team answers 8h–21h on weekdays and 10h–18h at the weekend (Paris time).
const OPENING = [8, 8, 8, 8, 8, 10, 10];
const CLOSING = [21, 21, 21, 21, 21, 18, 18];

/** Paris offset at an instant, from the calendar's table when the instant falls in it. */
function offsetAt(calendar: Calendar, instant: number): number {
  const day = dayOf(calendar, instant);
  return day >= 0 && day < calendar.days ? calendar.offset[day] : parisOffset(instant);
}

/** When the team answers an item seen at `instant` after working `effort` ms on it: the next open hours. */
export function answerTime(
  calendar: Calendar,
  instant: number,
  effort: number,
  random: Random,
): number {
  const ready = instant + effort;
  const offset = offsetAt(calendar, ready);
  const local = ready + offset;
  const localDay = Math.floor(local / DAY);
  const hour = (local - localDay * DAY) / HOUR;
  const weekday = (localDay + 3) % 7; // 1970-01-01 was a Thursday
  if (hour >= OPENING[weekday] && hour < CLOSING[weekday]) return ready;
  const nextDay = hour < OPENING[weekday] ? localDay : localDay + 1;
  const nextOpening = OPENING[(nextDay + 3) % 7];
  // Items waiting overnight are cleared in the first hours of the morning.
  return nextDay * DAY + nextOpening * HOUR + random.exponential(50 * MINUTE) - offset;
}
