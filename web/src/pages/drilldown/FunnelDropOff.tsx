import { Fragment } from 'react';
import type { Funnel } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useSession } from '../../state/session.tsx';

/** Bar length in % of the widest: log10 of the volume, so that 20 advocates beside 2 M impressions still show. */
function barWidth(value: number | null, largest: number): number {
  if (!value || value <= 0 || largest <= 1) return 0;
  return Math.max(2, (100 * Math.log10(1 + value)) / Math.log10(1 + largest));
}

/** The stages' headlines as bars, and between two bars the share kept from the one before and from the first. */
export function FunnelDropOff({ steps }: { steps: Funnel['steps'] }) {
  const { t, format, language } = useI18n();
  const session = useSession();
  const largest = Math.max(0, ...steps.map((step) => step.value ?? 0));
  return (
    <figure className="funnel-dropoff" data-testid="funnel-dropoff" aria-label={t('funnel.dropOff')}>
      <figcaption className="visually-hidden">{t('funnel.dropOff')}</figcaption>
      <ol>
        {steps.map((step, index) => {
          const entry = session.kpi(step.kpi);
          return (
            <Fragment key={step.stage}>
              {index > 0 && (
                <li className="funnel-dropoff-rate" data-testid="funnel-step-rate" data-stage={step.stage} data-from-previous={step.fromPrevious ?? ''} data-of-first={step.ofFirst ?? ''}>
                  <span aria-hidden="true">↓</span> {t('funnel.kept', { share: format.percent(step.fromPrevious, 2) })}
                  {/* Right after the first stage, "of first" would repeat "kept from previous". */}
                  {index > 1 && (
                    <>
                      {' · '}
                      <span className="muted">{t('funnel.ofFirst', { share: format.percent(step.ofFirst, 3) })}</span>
                    </>
                  )}
                </li>
              )}
              <li className="funnel-dropoff-stage" data-stage={step.stage} data-value={step.value ?? ''}>
                <span className="funnel-dropoff-label">
                  <strong>{t(`stage.${step.stage}` as 'stage.awareness')}</strong> <span className="muted">{entry?.name[language] ?? step.kpi}</span>
                </span>
                <span className="funnel-dropoff-track" aria-hidden="true">
                  <span className="funnel-dropoff-bar" style={{ width: `${barWidth(step.value, largest)}%` }} />
                </span>
                <span className="funnel-dropoff-value num">{entry ? format.value(step.value, entry.unit, { compact: true }) : format.number(step.value)}</span>
              </li>
            </Fragment>
          );
        })}
      </ol>
      <p className="muted funnel-dropoff-note">{t('funnel.dropOffScale')}</p>
    </figure>
  );
}
