// The skip rules and notes of an import summary, worded in the reader's language from their codes.
import type { ImportSummary } from '../../api/types.ts';
import type { MessageKey } from '../../i18n/en.ts';
import type { Format } from '../../i18n/format.ts';
import type { Translate, TranslatePlural } from '../../i18n/index.tsx';

type Skipped = NonNullable<ImportSummary['skipped']>[number];
type Note = NonNullable<ImportSummary['notes']>[number];

interface Words {
  t: Translate;
  plural: TranslatePlural;
  format: Format;
}

export function skippedText(skipped: Skipped, { plural }: Words): string {
  return plural(`imports.skip.${skipped.code}`, skipped.rows);
}

const text = (value: unknown) => String(value ?? '');

export function noteText(note: Note, { t, plural, format }: Words): string {
  const params = note.params;
  if (note.code === 'sections-skipped') {
    const skipped = Array.isArray(params.skipped) ? params.skipped : [];
    return t('imports.note.sections', {
      read: text(params.read),
      skipped: new Intl.ListFormat(format.locale).format(skipped.map((name) => `“${name}”`)),
    });
  }
  const how = text(params.how);
  const source = t(`imports.note.year.${how}` as MessageKey, {
    year: text(params.year),
    from: params.from ? format.day(text(params.from)) : '',
    to: params.to ? format.day(text(params.to)) : '',
  });
  // The plural message keeps {source} for this second step: t leaves unknown placeholders as they are.
  return plural('imports.note.yearless', Number(params.dates)).replace('{source}', source);
}

type Refusal = { code?: string; params?: Record<string, string | number> };
const REFUSALS = ['unknown-format', 'unknown-format-closest', 'no-period', 'no-rows', 'totals-mismatch'];

/** A refusal the page can word itself, with what was expected; null for others (shown as the server said). */
export function refusalText({ code, params = {} }: Refusal, { t, plural, format }: Words): { message: string; expected?: string } | null {
  if (code === 'bad-values') return { message: plural('imports.refusal.bad-values', Number(params.count)) };
  if (!code || !REFUSALS.includes(code)) return null;
  const values = Object.fromEntries(Object.entries(params).map(([name, value]) => [name, typeof value === 'number' ? format.number(value) : value]));
  return {
    message: t(`imports.refusal.${code}` as MessageKey, values),
    expected: t(`imports.refusal.${code}.expected` as MessageKey, values),
  };
}
