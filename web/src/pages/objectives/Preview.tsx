// The editor's live preview: the KPI's current value over the objective's period (up to today) and filters,
// with the target and the progress it would give. Asked again 300 ms after the last change.
import { useEffect, useState } from 'react';
import type { CatalogEntry, KpiResponse } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { ErrorBox, Loading } from '../../components/States.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { clipToToday, isDay } from '../../state/period.ts';
import { useSession } from '../../state/session.tsx';
import { previewProgress, textToNumber, type Draft } from './draft.ts';

const DEBOUNCE_MS = 300;

/** The text as it was 300 ms after its last change. */
function useSettled(text: string): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return settled;
}

export function Preview({ draft, kpi }: { draft: Draft; kpi: CatalogEntry }) {
  const { t, format, language } = useI18n();
  const { today } = useSession();
  const valid = isDay(draft.from) && isDay(draft.to) && draft.from <= draft.to;
  const started = valid && draft.from <= today;
  const period = valid ? clipToToday({ from: draft.from, to: draft.to }, today) : null;
  const wanted = started && period ? { ids: kpi.id, from: period.from, to: period.to, ...draft.filters } : null;
  const wantedKey = JSON.stringify(wanted);
  const settledKey = useSettled(wantedKey);
  const params = JSON.parse(settledKey) as typeof wanted;
  const result = useApi<KpiResponse>(params ? '/api/kpi' : null, params ?? {});
  const data = params && result.data?.results[0]?.id === kpi.id ? result.data : undefined;
  const row = data?.results[0]?.rows[0];
  const value = row?.value ?? null;
  const target = textToNumber(draft.target, kpi.unit);
  const baseline = textToNumber(draft.baseline, kpi.unit);
  const progress = previewProgress(value, target, baseline, draft.direction);
  const ignored = data?.results[0]?.ignoredFilters ?? [];
  const pending = wantedKey !== settledKey || result.loading;
  return (
    <aside className="card objective-preview" aria-labelledby="objective-preview-title" aria-busy={pending}>
      <h2 id="objective-preview-title">{t('objectives.preview')}</h2>
      <p className="muted preview-kpi">{kpi.name[language]}</p>
      {!valid ? (
        <p className="muted">{t('objectives.previewPeriod')}</p>
      ) : !started ? (
        <p className="muted">{t('objectives.previewFuture')}</p>
      ) : result.error ? (
        <ErrorBox error={result.error} retry={result.reload} />
      ) : !data ? (
        <Loading lines={3} />
      ) : (
        <div className={pending ? 'stale' : ''}>
          <p className="preview-value num" data-testid="preview-value" aria-live="polite">
            {format.value(value, kpi.unit)}
          </p>
          <p className="muted">{t('objectives.previewHelp', { period: format.period(period!) })}</p>
          {value === null ? (
            <p>{t('objectives.previewNoData')}</p>
          ) : target === null || Number.isNaN(target) ? (
            <p className="muted">{t('objectives.previewTargetMissing')}</p>
          ) : (
            <>
              <p className="preview-target">
                {t('scorecard.target', { value: format.value(target, kpi.unit) })}
                {baseline !== null && !Number.isNaN(baseline) && (
                  <span className="muted"> · {t('objectives.previewFromBaseline', { value: format.value(baseline, kpi.unit) })}</span>
                )}
              </p>
              <div className="progress preview-progress">
                <div className="progress-track" aria-hidden="true">
                  <div className="progress-fill" style={{ width: `${Math.min(Math.max(progress ?? 0, 0), 1) * 100}%` }} />
                </div>
                <span className="progress-value num">{format.percent(progress, 0)}</span>
              </div>
              <p className="visually-hidden">{t('objectives.previewProgress', { value: format.percent(progress, 0) })}</p>
            </>
          )}
          {ignored.length > 0 && (
            <p className="muted preview-note">
              {t('drill.ignoredFilters', {
                kpi: kpi.name[language],
                filters: ignored.map((name) => t(`dimension.${name}` as 'dimension.platform')).join(', '),
              })}
            </p>
          )}
        </div>
      )}
    </aside>
  );
}

