// Numbers, percentages, money, durations and dates in the reader's locale. Values come from the API
// already computed; this only writes them (ratios are fractions, shown as percentages).
import type { ComparisonValue, Unit } from '../api/types.ts';

const DAY = /^(\d{4})-(\d{2})-(\d{2})/;
export const dayToDate = (day: string) => {
  const [, year, month, date] = DAY.exec(day) ?? [];
  return new Date(Date.UTC(Number(year), Number(month) - 1, Number(date)));
};

export interface Format {
  locale: string;
  /** `fixed` keeps trailing zeros (19.0), for columns that must line up. */
  number(value: number | null | undefined, options?: { compact?: boolean; digits?: number; fixed?: boolean }): string;
  value(value: number | null | undefined, unit: Unit, options?: { compact?: boolean }): string;
  /** A change as read on a tile: points for ratios, signed units for scores and durations, % otherwise. */
  delta(comparison: ComparisonValue | undefined, unit: Unit): string;
  percent(value: number | null | undefined, digits?: number): string;
  duration(seconds: number): string;
  day(day: string, style?: 'short' | 'long'): string;
  dateTime(iso: string): string;
  month(day: string): string;
  period(period: { from: string; to: string }): string;
  /** How to write the unit of a target in a form: percent, seconds, currency… */
  unitName(unit: Unit): string;
}

export function makeFormat(locale: string, language: 'en' | 'fr', currency: string): Format {
  const cache = new Map<string, Intl.NumberFormat>();
  const nf = (options: Intl.NumberFormatOptions) => {
    const key = JSON.stringify(options);
    if (!cache.has(key)) cache.set(key, new Intl.NumberFormat(locale, options));
    return cache.get(key)!;
  };
  const dates = new Map<string, Intl.DateTimeFormat>();
  const df = (options: Intl.DateTimeFormatOptions) => {
    const key = JSON.stringify(options);
    if (!dates.has(key)) dates.set(key, new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...options }));
    return dates.get(key)!;
  };
  const points = language === 'fr' ? 'pt' : 'pts';
  const minus = (text: string) => text.replace(/^-/, '−');

  const number: Format['number'] = (value, options = {}) => {
    if (value === null || value === undefined || !Number.isFinite(value)) return '—';
    if (options.compact && Math.abs(value) >= 10_000)
      return minus(nf({ notation: 'compact', maximumFractionDigits: 1 }).format(value));
    const digits = options.digits ?? (Number.isInteger(value) || Math.abs(value) >= 100 ? 0 : 1);
    return minus(nf({ maximumFractionDigits: digits, minimumFractionDigits: options.fixed ? digits : 0 }).format(value));
  };

  const percent: Format['percent'] = (value, digits) => {
    if (value === null || value === undefined || !Number.isFinite(value)) return '—';
    const fraction = digits ?? (Math.abs(value) < 0.1 && value !== 0 ? 2 : 1);
    return minus(nf({ style: 'percent', maximumFractionDigits: fraction, minimumFractionDigits: fraction }).format(value));
  };

  const duration = (seconds: number) => {
    const sign = seconds < 0 ? '−' : '';
    const total = Math.abs(seconds);
    if (total < 60) return `${sign}${Math.round(total)} s`;
    // Rounded to the minute first, so 19 h 59 min 40 s reads 20 h, never "19 h 60 min".
    const minutesInAll = Math.round(total / 60);
    if (minutesInAll < 60) return `${sign}${minutesInAll} min`;
    if (minutesInAll < 24 * 60) {
      const hours = Math.floor(minutesInAll / 60);
      const minutes = minutesInAll % 60;
      return `${sign}${hours} h${minutes ? ` ${String(minutes).padStart(2, '0')} min` : ''}`;
    }
    return `${sign}${number(total / 86_400, { digits: 1 })} ${language === 'fr' ? 'j' : 'd'}`;
  };

  const value: Format['value'] = (raw, unit, options = {}) => {
    if (raw === null || raw === undefined || !Number.isFinite(raw)) return '—';
    switch (unit) {
      case 'ratio':
        return percent(raw);
      case 'score':
        return `${raw > 0 ? '+' : ''}${number(raw, { digits: 1 })}`;
      case 'index':
        return number(raw, { digits: 1 });
      case 'seconds':
        return duration(raw);
      case 'currency':
        return minus(
          options.compact && Math.abs(raw) >= 10_000
            ? nf({ style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(raw)
            : nf({ style: 'currency', currency, maximumFractionDigits: Math.abs(raw) >= 100 ? 0 : 2 }).format(raw),
        );
      case 'count':
        return number(raw, { compact: options.compact });
    }
  };

  // A change that rounds to nothing is written ±0, not +0 or −0.
  const signed = (text: string, delta: number) =>
    !/[1-9]/.test(text) ? `±${text.replace(/^[−-]/, '')}` : delta > 0 ? `+${text}` : delta < 0 ? `−${text.replace(/^[−-]/, '')}` : text;

  const delta: Format['delta'] = (comparison, unit) => {
    if (!comparison || comparison.delta === null) return '—';
    const d = comparison.delta;
    switch (unit) {
      case 'ratio':
        // Under one point, two decimals kept (+0.40, −0.09), as the percentages beside them have.
        return `${signed(number(Math.abs(d) * 100, { digits: Math.abs(d) < 0.01 ? 2 : 1, fixed: true }), d)} ${points}`;
      case 'score':
      case 'index':
        return signed(number(Math.abs(d), { digits: 1 }), d);
      case 'seconds':
        return signed(duration(Math.abs(d)), d);
      default:
        return comparison.change === null
          ? signed(value(Math.abs(d), unit, { compact: true }), d)
          : signed(percent(Math.abs(comparison.change), 1), comparison.change);
    }
  };

  const day: Format['day'] = (text, style = 'short') =>
    df(style === 'long' ? { day: 'numeric', month: 'long', year: 'numeric' } : { day: 'numeric', month: 'short', year: 'numeric' }).format(
      dayToDate(text),
    );

  const month = (text: string) => df({ month: 'long', year: 'numeric' }).format(dayToDate(text));

  const period: Format['period'] = ({ from, to }) => {
    const start = dayToDate(from);
    const end = dayToDate(to);
    const next = new Date(end.getTime() + 86_400_000);
    const wholeMonths = start.getUTCDate() === 1 && next.getUTCDate() === 1;
    const months = (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth() + 1;
    if (wholeMonths && months === 12 && start.getUTCMonth() === 0) return String(start.getUTCFullYear());
    if (wholeMonths && months === 3 && start.getUTCMonth() % 3 === 0)
      return `${language === 'fr' ? 'T' : 'Q'}${start.getUTCMonth() / 3 + 1} ${start.getUTCFullYear()}`;
    if (wholeMonths && months === 1) return month(from);
    return `${day(from)} – ${day(to)}`;
  };

  return {
    locale,
    number,
    value,
    delta,
    percent,
    duration,
    day,
    dateTime: (iso) => df({ day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso)),
    month,
    period,
    unitName: (unit) =>
      ({ ratio: '%', seconds: language === 'fr' ? 'secondes' : 'seconds', currency, count: '', score: '', index: '' })[unit],
  };
}
