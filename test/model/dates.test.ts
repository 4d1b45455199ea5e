import { describe, expect, it } from 'vitest';
import { addDays, addMonths, formatDay, parseDay } from '../../src/model/dates.ts';

describe('days written YYYY-MM-DD', () => {
  it('parses real days into UTC midnight', () => {
    expect(parseDay('2024-02-29')?.getTime()).toBe(Date.UTC(2024, 1, 29));
    expect(parseDay('1999-12-31')?.getTime()).toBe(Date.UTC(1999, 11, 31));
  });

  it('refuses days the calendar does not have, rather than rolling them over', () => {
    expect(parseDay('2025-02-29')).toBeNull(); // not a leap year
    expect(parseDay('2025-04-31')).toBeNull();
    expect(parseDay('2025-13-01')).toBeNull();
    expect(parseDay('2025-00-10')).toBeNull();
    expect(parseDay('2025-01-00')).toBeNull();
  });

  it('refuses years below 100, which Date.UTC would read as 19xx', () => {
    expect(parseDay('0050-01-01')).toBeNull();
  });

  it('refuses other shapes', () => {
    expect(parseDay('2025-1-01')).toBeNull();
    expect(parseDay('2025-01-01T00:00:00Z')).toBeNull();
    expect(parseDay('')).toBeNull();
  });

  it('formats with leading zeros, as toISOString does', () => {
    expect(formatDay(new Date(Date.UTC(2026, 0, 5)))).toBe('2026-01-05');
    expect(formatDay(new Date(Date.UTC(2026, 11, 31, 23, 59)))).toBe('2026-12-31');
    expect(formatDay(new Date(Date.UTC(1000, 9, 10)))).toBe('1000-10-10');
  });

  it('round-trips every day of a leap year and the next', () => {
    let day = '2024-01-01';
    for (let index = 0; index < 731; index++) {
      expect(formatDay(parseDay(day)!)).toBe(day);
      expect(formatDay(parseDay(day)!)).toBe(parseDay(day)!.toISOString().slice(0, 10));
      day = addDays(day, 1);
    }
    expect(day).toBe('2026-01-01'); // 366 + 365 days
  });

  it('clamps calendar months to the month’s last day', () => {
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
  });
});
