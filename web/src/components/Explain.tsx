// "Every number explains itself": hover, focus or tap the ⓘ to see the formula, its convention and the raw counts.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { CatalogEntry } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { measureLabel } from './labels.ts';

export function Explain({
  label,
  trigger,
  children,
}: {
  label: string;
  /** What to show instead of the ⓘ icon (e.g. the number itself). */
  trigger?: ReactNode;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const [pinned, setPinned] = useState(false);
  const [alignRight, setAlignRight] = useState(false);
  const id = useId();
  const root = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (!open) return;
    const rect = root.current?.getBoundingClientRect();
    if (rect) setAlignRight(rect.left > window.innerWidth / 2);
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent && event.key !== 'Escape') return;
      if (event instanceof MouseEvent && root.current?.contains(event.target as Node)) return;
      setOpen(false);
      setPinned(false);
    };
    document.addEventListener('keydown', close);
    document.addEventListener('mousedown', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('mousedown', close);
    };
  }, [open]);
  return (
    <span
      className="explain"
      ref={root}
      onMouseEnter={() => setOpen(true)}
      onMouseLeave={() => !pinned && setOpen(false)}
    >
      <button
        type="button"
        className={trigger ? 'explain-value' : 'explain-button'}
        aria-label={trigger ? undefined : label}
        aria-expanded={open}
        aria-describedby={open ? id : undefined}
        onFocus={() => setOpen(true)}
        onBlur={() => !pinned && setOpen(false)}
        onClick={() => {
          setPinned(!pinned || !open);
          setOpen(!pinned || !open);
        }}
      >
        {trigger ?? (
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <rect x="7.25" y="7" width="1.5" height="5" rx=".75" fill="currentColor" />
          <circle cx="8" cy="4.75" r="1" fill="currentColor" />
        </svg>
        )}
      </button>
      {open && (
        <span role="tooltip" id={id} className={`explain-panel${alignRight ? ' explain-right' : ''}`}>
          {children}
        </span>
      )}
    </span>
  );
}

/** The catalog's explanation, the good direction and the measures behind a value. */
export function KpiExplanation({
  kpi,
  inputs,
  extra,
}: {
  kpi: CatalogEntry;
  inputs?: Record<string, number | null>;
  extra?: ReactNode;
}) {
  const { t, language, format } = useI18n();
  const measures = Object.entries(inputs ?? {});
  return (
    <>
      <strong className="explain-title">{kpi.name[language]}</strong>
      <span className="explain-formula">
        <span className="explain-label">{t('explain.formula')}</span> {kpi.explanation[language]}{' '}
        {t(kpi.better === 'higher' ? 'explain.better.higher' : 'explain.better.lower')}
      </span>
      {measures.length > 0 && (
        <span className="explain-counts">
          <span className="explain-label">{t('explain.counts')}</span>
          <span className="explain-grid">
            {measures.map(([name, value]) => (
              <span key={name} className="explain-row">
                <span>{measureLabel(name, language)}</span>
                <span className="num">{format.number(value, { digits: 2 })}</span>
              </span>
            ))}
          </span>
        </span>
      )}
      {extra}
    </>
  );
}
