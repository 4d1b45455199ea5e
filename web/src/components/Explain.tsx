// "Every number explains itself": hover, focus or tap the ⓘ to see the formula, its convention and the raw counts.
import { useEffect, useId, useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { CatalogEntry } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { measureLabel } from './labels.ts';

/** Where the open panel sits on screen: below the trigger when it fits, else above; inside the viewport. */
function placePanel(trigger: DOMRect, panel: DOMRect): CSSProperties {
  const margin = 8;
  const below = trigger.bottom + 6;
  const top = below + panel.height <= window.innerHeight - margin || trigger.top - 6 - panel.height < margin ? below : trigger.top - 6 - panel.height;
  const preferred = trigger.left > window.innerWidth / 2 ? trigger.right + 8 - panel.width : trigger.left - 8;
  const left = Math.min(Math.max(preferred, margin), window.innerWidth - panel.width - margin);
  return { top, left };
}

/** Phones show the panel as a sheet at the bottom of the screen (styles.css), wherever the trigger is. */
const isPhone = () => window.matchMedia('(max-width: 720px)').matches;

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
  const [place, setPlace] = useState<CSSProperties | null>(null);
  const id = useId();
  const root = useRef<HTMLSpanElement>(null);
  const panel = useRef<HTMLSpanElement>(null);
  // The panel lives in <body>, fixed on screen: no card, table scroller or later tile can cover or clip it.
  useLayoutEffect(() => {
    if (!open) return setPlace(null);
    const update = () => {
      if (!root.current || !panel.current) return;
      setPlace(isPhone() ? {} : placePanel(root.current.getBoundingClientRect(), panel.current.getBoundingClientRect()));
    };
    update();
    window.addEventListener('scroll', update, true);
    window.addEventListener('resize', update);
    return () => {
      window.removeEventListener('scroll', update, true);
      window.removeEventListener('resize', update);
    };
  }, [open]);
  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent && event.key !== 'Escape') return;
      const target = event.target as Node;
      if (event instanceof MouseEvent && (root.current?.contains(target) || panel.current?.contains(target))) return;
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
      {open &&
        createPortal(
          // Measured once hidden, then shown where it fits.
          <span role="tooltip" id={id} ref={panel} className="explain-panel" style={place ?? { visibility: 'hidden', top: 0, left: 0 }}>
            {children}
          </span>,
          document.body,
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
