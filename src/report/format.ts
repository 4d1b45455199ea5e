// Numbers and dates in the report's language.
import { formatKpiValue, type Lang } from '../alerts/index.ts';

export { formatKpiValue };

export const localeOf = (lang: Lang) => (lang === 'fr' ? 'fr-FR' : 'en-GB');

export function percent(value: number | null, lang: Lang, signed = false): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(localeOf(lang), {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: signed ? 'exceptZero' : 'auto',
  }).format(value);
}

export function count(value: number | null, lang: Lang): string {
  return value === null
    ? '—'
    : new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 0 }).format(value);
}

export function longDay(day: string, lang: Lang): string {
  return new Intl.DateTimeFormat(localeOf(lang), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

/** Text as HTML: nothing a user or a platform wrote can become markup. */
export function escapeHtml(text: string | null | undefined): string {
  return (text ?? '').replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!,
  );
}

/** Platform texts without emoji, which print as empty boxes without an emoji font. */
export function withoutPictographs(text: string): string {
  return text.replace(/\p{Extended_Pictographic}\uFE0F?/gu, '').trim();
}
