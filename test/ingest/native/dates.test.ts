// Dates as platforms and spreadsheets write them, including the ones without a year.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importPath } from '../../../src/ingest/index.ts';
import { dayOf, parsePlatformTime } from '../../../src/ingest/native/dates.ts';
import type { Store } from '../../../src/store/index.ts';
import { emptyStore, ENGINES } from '../../engines.ts';

const day = (raw: string, years = {}, order: 'month-first' | 'day-first' = 'month-first') => {
  const time = parsePlatformTime(raw, order, Date.UTC(2026, 11, 4), years);
  return time === null ? null : dayOf(time);
};

describe('platform dates', () => {
  it('reads month names in French, English, Spanish, German, Italian and Portuguese', () => {
    expect(day('8 de marzo', { year: 2025 })).toBe('2025-03-08');
    expect(day('8 de marzo de 2024')).toBe('2024-03-08');
    expect(day('12. März 2025')).toBe('2025-03-12');
    expect(day('3 aprile 2025')).toBe('2025-04-03');
    expect(day('5 de março de 2025')).toBe('2025-03-05');
    expect(day('14 juillet 2025')).toBe('2025-07-14');
    expect(day('2 juin 2025')).toBe('2025-06-02');
    expect(day('April 12', { year: 2025 })).toBe('2025-04-12');
    expect(day('1 dicembre 2025')).toBe('2025-12-01');
  });

  it('reads X’s weekday forms, Excel’s unpadded times and YouTube’s dashed days', () => {
    expect(day('Thu Mar 20 2025')).toBe('2025-03-20');
    expect(day('Fri, Mar 21, 2025')).toBe('2025-03-21');
    expect(parsePlatformTime('2016-01-22 3:29:41', 'month-first')).toBe(
      Date.UTC(2016, 0, 22, 3, 29, 41),
    );
    expect(day('13-06-2025', {}, 'day-first')).toBe('2025-06-13');
  });

  it('puts a date without a year inside the export’s range, across a new year', () => {
    const range = { from: Date.UTC(2024, 11, 15), to: Date.UTC(2025, 0, 10) };
    expect(day('Dec 30', { range })).toBe('2024-12-30');
    expect(day('Jan 3', { range })).toBe('2025-01-03');
    expect(day('Feb 3', { range })).toBeNull(); // outside the range: refused, not guessed
  });

  it('otherwise takes the latest year that puts no date in the future', () => {
    // today is 4 December 2026: 12 April 2026 has passed, 25 December 2026 has not
    expect(day('April 12')).toBe('2026-04-12');
    expect(day('December 25')).toBe('2025-12-25');
  });
});

let store: Store | undefined;
afterEach(() => store?.close());

function overview(name: string, dates: string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'cadran-dates-')), name);
  const rows = dates.map((date, index) => `"${date}",${(index + 1) * 100},${index + 1},0,0,0`);
  writeFileSync(path, `Date,Video Views,Profile Views,Likes,Comments,Shares\n${rows.join('\n')}\n`);
  return path;
}

describe.each(ENGINES)('TikTok overview without years (%s)', (engine) => {
  it('takes the year from the file name’s range and says so', async () => {
    store = await emptyStore(engine);
    const [summary] = await importPath(
      store,
      overview('Overview_20241230_20250102.csv', [
        '30 de diciembre',
        '31 de diciembre',
        '1 de enero',
      ]),
    );
    expect(summary.notes).toEqual([
      {
        code: 'yearless-dates',
        params: { dates: 3, how: 'file-range', from: '2024-12-30', to: '2025-01-02' },
        text: '3 dates without a year: year from the file name’s range 2024-12-30 – 2025-01-02',
      },
    ]);
    const days = await store.all('SELECT day, video_views FROM account_daily ORDER BY day');
    expect(days.map((row) => row.day)).toEqual(['2024-12-30', '2024-12-31', '2025-01-01']);
  });

  it('takes --year over any guess', async () => {
    store = await emptyStore(engine);
    const [summary] = await importPath(store, overview('Overview.csv', ['April 12', 'April 13']), {
      year: 2023,
    });
    expect(summary.notes).toEqual([
      {
        code: 'yearless-dates',
        params: { dates: 2, how: 'option', year: 2023 },
        text: '2 dates without a year: year from 2023 (--year)',
      },
    ]);
    const [first] = await store.all('SELECT day FROM account_daily ORDER BY day LIMIT 1');
    expect(first.day).toBe('2023-04-12');
  });
});
