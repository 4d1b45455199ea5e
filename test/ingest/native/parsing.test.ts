// Numbers and dates as platforms write them, in English and French exports.
import { describe, expect, it } from 'vitest';
import { NotANumber, parseCount, parseNumber } from '../../../src/ingest/native/numbers.ts';
import { parsePlatformTime } from '../../../src/ingest/native/dates.ts';
import { sniffEncoding } from '../../../src/ingest/native/decode.ts';

const value = (result: ReturnType<typeof parseNumber>) =>
  result instanceof NotANumber ? 'refused' : result;

describe('numbers', () => {
  it.each([
    ['1,234', '.', 1234],
    ['1,234,567.5', '.', 1234567.5],
    ['4.5%', '.', 4.5],
    ['1 234', ',', 1234],
    ['1\u202f234,5', ',', 1234.5],
    ['1.234,5', ',', 1234.5],
    ['12,5 %', ',', 12.5],
    ['-', '.', null],
    ['', ',', null],
    ['1,23', '.', 'refused'],
    ['abc', '.', 'refused'],
    ['1e20', '.', 'refused'],
  ] as const)('%s with "%s" decimals reads %s', (text, decimal, expected) => {
    expect(value(parseNumber(text, decimal))).toBe(expected);
  });

  it('counts are whole, non-negative and safe', () => {
    expect(value(parseCount('3,1', ','))).toBe('refused');
    expect(value(parseCount('-4', '.'))).toBe('refused');
    expect(value(parseCount('12 000', ','))).toBe(12000);
  });
});

describe('dates', () => {
  const today = Date.UTC(2026, 2, 15);
  it.each([
    ['2025-01-10 09:30 +0000', 'month-first', '2025-01-10T09:30:00.000Z'],
    ['20250110', 'month-first', '2025-01-10T00:00:00.000Z'],
    ['01/08/2025 10:00', 'month-first', '2025-01-08T10:00:00.000Z'],
    ['08/01/2025 10:00', 'day-first', '2025-01-08T10:00:00.000Z'],
    ['1/20/2025 5:30 PM', 'month-first', '2025-01-20T17:30:00.000Z'],
    ['Jan 5, 2025', 'month-first', '2025-01-05T00:00:00.000Z'],
    ['Mon, Feb 3, 2025', 'month-first', '2025-02-03T00:00:00.000Z'],
    ['5 janv. 2025', 'day-first', '2025-01-05T00:00:00.000Z'],
    ['March 1', 'month-first', '2026-03-01T00:00:00.000Z'],
    ['December 30', 'month-first', '2025-12-30T00:00:00.000Z'],
  ] as const)('%s (%s) is %s', (text, order, iso) => {
    expect(new Date(parsePlatformTime(text, order, today)!).toISOString()).toBe(iso);
  });

  it('refuses impossible dates', () => {
    expect(parsePlatformTime('02/30/2025', 'month-first')).toBeNull();
    expect(parsePlatformTime('yesterday', 'month-first')).toBeNull();
  });
});

describe('encoding sniffing', () => {
  it('reads byte-order marks, UTF-16 without one, and falls back to Windows-1252', () => {
    expect(sniffEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x61]))).toEqual({
      encoding: 'utf-8',
      bomLength: 3,
    });
    expect(sniffEncoding(Buffer.from([0xff, 0xfe, 0x61, 0]))).toEqual({
      encoding: 'utf-16le',
      bomLength: 2,
    });
    expect(sniffEncoding(Buffer.from('a,b,c,d\n1,2,3,4', 'utf16le')).encoding).toBe('utf-16le');
    expect(sniffEncoding(Buffer.from('R\xe9actions', 'latin1')).encoding).toBe('windows-1252');
    expect(sniffEncoding(Buffer.from('Réactions')).encoding).toBe('utf-8');
  });
});
