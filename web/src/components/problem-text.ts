// What went wrong, in the reader's language: the statuses anyone can meet, and the refusals the server
// sends with a code and its values. The server's own message is English; it stays for the other refusals.
import type { ApiError } from '../api/client.ts';
import type { MessageKey } from '../i18n/en.ts';
import type { Format } from '../i18n/format.ts';
import type { Translate } from '../i18n/index.tsx';

interface Words {
  t: Translate;
  format: Format;
}

type Problem = Pick<ApiError, 'status' | 'code' | 'params'>;

const CODED = ['future-period', 'objective-exists', 'objective-missing', 'invalid-parameter', 'invalid-field'];

/** The refusal worded from its code; null when it has none this page knows. */
export function codedProblemText({ code, params }: Pick<Problem, 'code' | 'params'>, { t, format }: Words): string | null {
  if (!code || !CODED.includes(code)) return null;
  const values: Record<string, string> = Object.fromEntries(Object.entries(params).map(([name, value]) => [name, String(value)]));
  if (code === 'future-period') {
    values.from = format.day(values.from ?? '', 'long');
    values.today = format.day(values.today ?? '', 'long');
  }
  return t(`problem.${code}` as MessageKey, values);
}

/** The failure in the reader's language, or null when only the server's message says what it is. */
export function problemText(problem: Problem, words: Words): string | null {
  const { t } = words;
  if (problem.status === 0) return t('state.network');
  if (problem.status === 403) return t('state.forbidden');
  if (problem.status === 429) return t('state.tooMany');
  if (problem.status >= 500) return t('state.serverError');
  return codedProblemText(problem, words);
}
