// What a number was measured over, as the API evaluated it: "Q4 2026 to date (1 Oct – 4 Dec 2026) vs 1 Oct – 4 Dec 2025".
import { useCallback } from 'react';
import type { KpiResponse } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import type { Comparison } from '../state/view.ts';

export function PeriodNote({ response, compare }: { response: Pick<KpiResponse, 'period' | 'comparisons'>; compare?: Comparison }) {
  const { t, format } = useI18n();
  const { period, comparisons } = response;
  const current = period.toDate
    ? t('period.toDate', { period: format.period(period.requested), span: format.period(period) })
    : format.period(period);
  const earlier = compare ? comparisons[compare] : undefined;
  return (
    <span className="period-note muted" data-testid="period-note" data-to-date={String(period.toDate)}>
      {current}
      {earlier && ` ${t('period.versus', { period: format.period(earlier) })}`}
    </span>
  );
}

/** "120 answers", written with the language's plural rules; the noun comes from the catalog. */
export function useBaseText() {
  const { plural, format } = useI18n();
  return useCallback(
    (base: { value: number | null; noun: string } | undefined) =>
      base ? plural(`base.${base.noun}`, base.value ?? 0, format.number(base.value ?? 0)) : '',
    [plural, format],
  );
}
