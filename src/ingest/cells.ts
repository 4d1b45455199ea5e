// Reads one text cell as the canonical column's type, or says what was expected.
import type { Cell, Column } from '../store/index.ts';

export interface CellOptions {
  decimal: '.' | ',';
}

export type CellResult = { ok: true; value: Cell } | { ok: false; expected: string };

const INTEGER = /^[+-]?\d+$/;
const TRUE = new Set(['true', '1', 'yes', 'y', 'oui', 'vrai']);
const FALSE = new Set(['false', '0', 'no', 'n', 'non', 'faux']);
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const MAX_TEXT = 100_000;

function parseNumber(text: string, decimal: '.' | ','): number | null {
  const normalised = decimal === ',' ? text.replace(',', '.') : text;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(normalised)) return null;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}

/** Epoch milliseconds of an ISO 8601 date or time; a time without offset is UTC. */
export function parseTimestamp(text: string): number | null {
  const match = TIMESTAMP.exec(text);
  if (!match) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', fraction = '', offset] = match;
  const zone =
    !offset || offset.toUpperCase() === 'Z'
      ? 'Z'
      : offset.length === 5
        ? `${offset.slice(0, 3)}:${offset.slice(3)}`
        : offset;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}.${fraction.padEnd(3, '0').slice(0, 3)}${zone}`;
  const value = Date.parse(iso);
  if (Number.isNaN(value)) return null;
  // Date.parse accepts 2025-02-30; the calendar date must survive a round trip.
  const local = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (local.getUTCMonth() !== Number(mo) - 1 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59)
    return null;
  return value;
}

function withinBounds(column: Column, value: number): CellResult {
  if (column.min !== undefined && value < column.min)
    return { ok: false, expected: `a number ≥ ${column.min}` };
  if (column.max !== undefined && value > column.max)
    return { ok: false, expected: `a number ≤ ${column.max}` };
  return { ok: true, value };
}

// Control characters other than tab and line breaks: invisible, and a way to smuggle text past a reader.
const isControl = (code: number) =>
  (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f;

/** The control character a cell hides, as U+XXXX with its position, or null. */
function controlCharacterIn(raw: string): string | null {
  for (let index = 0; index < raw.length; index++) {
    const code = raw.charCodeAt(index);
    if (isControl(code))
      return `U+${code.toString(16).toUpperCase().padStart(4, '0')} at character ${index + 1}`;
  }
  return null;
}

/** A cell's text with its control characters written out (\u0000), safe to show. */
export function visibleText(raw: string): string {
  let text = '';
  for (const char of raw) {
    const code = char.charCodeAt(0);
    text += isControl(code) ? `\\u${code.toString(16).padStart(4, '0')}` : char;
  }
  return text;
}

export function readCell(column: Column, raw: string, options: CellOptions): CellResult {
  const control = controlCharacterIn(raw);
  if (control) return { ok: false, expected: `text without control characters (found ${control})` };
  const text = raw.trim();
  if (text === '') {
    return column.required
      ? { ok: false, expected: `a value (${column.name} is required)` }
      : { ok: true, value: null };
  }
  switch (column.type) {
    case 'text': {
      if (text.length > MAX_TEXT)
        return { ok: false, expected: `text of at most ${MAX_TEXT} characters` };
      if (!column.values) return { ok: true, value: text };
      const value = text.toLowerCase();
      return column.values.includes(value)
        ? { ok: true, value }
        : { ok: false, expected: `one of ${column.values.join(', ')}` };
    }
    case 'int': {
      if (!INTEGER.test(text)) return { ok: false, expected: 'a whole number' };
      const value = Number(text);
      if (!Number.isSafeInteger(value))
        return { ok: false, expected: 'a whole number below 9 007 199 254 740 991' };
      return withinBounds(column, value);
    }
    case 'float': {
      const value = parseNumber(text, options.decimal);
      if (value === null || Math.abs(value) > 1e15) {
        return { ok: false, expected: `a number with "${options.decimal}" as decimal mark` };
      }
      return withinBounds(column, value);
    }
    case 'bool': {
      const lower = text.toLowerCase();
      if (TRUE.has(lower)) return { ok: true, value: true };
      if (FALSE.has(lower)) return { ok: true, value: false };
      return { ok: false, expected: 'true or false' };
    }
    case 'date': {
      const time = /^\d{4}-\d{2}-\d{2}$/.test(text) ? parseTimestamp(text) : null;
      return time === null
        ? { ok: false, expected: 'a date as YYYY-MM-DD' }
        : { ok: true, value: text };
    }
    case 'timestamp': {
      const time = parseTimestamp(text);
      return time === null
        ? { ok: false, expected: 'an ISO 8601 time such as 2025-03-14T09:30:00+01:00' }
        : { ok: true, value: time };
    }
  }
}
