// Numbers as platforms write them: 1,234 or 1 234 or 1.234,5 (French), 4.5%, "-" or "" for none.
export type DecimalMark = '.' | ',';

/** What a cell held instead of a number (allocated only for bad cells: millions of good ones are read). */
export class NotANumber {
  constructor(readonly expected: string) {}
}

const PLAIN_COUNT = /^\d{1,15}$/;
export const MISSING: ReadonlySet<string> = new Set([
  '',
  '-',
  '--',
  '—',
  'n/a',
  'na',
  'null',
  'none',
]);
// Spaces a locale puts between thousands: space, no-break space, narrow no-break space, apostrophe.
const GROUP_SPACES = /[\s\u00a0\u202f\u2009']/g;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
const MAX_MAGNITUDE = 1e15;

/** The number in a cell, null when the cell says "no value", or what was expected instead. */
export function parseNumber(raw: string, decimal: DecimalMark): number | null | NotANumber {
  if (PLAIN_COUNT.test(raw)) return Number(raw);
  const text = raw.trim();
  if (MISSING.has(text.toLowerCase())) return null;
  const digits = text.replace(/%$/, '').replace(GROUP_SPACES, '');
  const normalised =
    decimal === ',' ? digits.replaceAll('.', '').replace(',', '.') : digits.replaceAll(',', '');
  if (!PLAIN_NUMBER.test(normalised) || (decimal === '.' && !groupsOfThree(digits, ',')))
    return new NotANumber(`a number with "${decimal}" as decimal mark`);
  const value = Number(normalised);
  if (!Number.isFinite(value) || Math.abs(value) > MAX_MAGNITUDE)
    return new NotANumber(`a number below ${MAX_MAGNITUDE.toExponential()}`);
  return value;
}

/** "1,23" in an English file is not one thousand two hundred and thirty: groups hold three digits. */
function groupsOfThree(digits: string, separator: string): boolean {
  if (!digits.includes(separator)) return true;
  return /^[+-]?\d{1,3}(,\d{3})+$/.test(digits.split('.')[0]);
}

/** A whole count (impressions, likes…): null when missing. */
export function parseCount(raw: string, decimal: DecimalMark): number | null | NotANumber {
  const value = parseNumber(raw, decimal);
  if (value === null || value instanceof NotANumber) return value;
  if (!Number.isInteger(value)) return new NotANumber('a whole number');
  if (!Number.isSafeInteger(value))
    return new NotANumber('a whole number below 9 007 199 254 740 991');
  if (value < 0) return new NotANumber('a number ≥ 0');
  return value;
}
