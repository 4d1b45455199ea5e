// Period, comparison and filters: the same controls on every analytical page, kept in the URL.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { kindOf, periodAround, shift, isDay, clipToToday, type Period, type PeriodKind } from '../state/period.ts';
import { useSession } from '../state/session.tsx';
import { activeFilters, FILTER_DIMENSIONS, type FilterDimension, type View } from '../state/view.ts';
import { useDimensionLabel } from './use-labels.ts';

export function Toolbar({
  view,
  onChange,
  dimensions = FILTER_DIMENSIONS,
  periodControl,
}: {
  view: View;
  onChange: (view: View) => void;
  dimensions?: readonly FilterDimension[];
  /** A page's own period control in place of the calendar picker (the scorecard's). */
  periodControl?: ReactNode;
}) {
  return (
    <div className="toolbar" role="group">
      {periodControl ?? <PeriodPicker period={view.period} onChange={(period) => onChange({ ...view, period })} />}
      <CompareToggle value={view.compare} onChange={(compare) => onChange({ ...view, compare })} />
      {/* The scorecard compares each objective over its elapsed days: a whole-period switch would do nothing there. */}
      {!periodControl && <SpanToggle view={view} onChange={onChange} />}
      <FilterBar view={view} onChange={onChange} dimensions={dimensions} />
    </div>
  );
}

export function PeriodPicker({ period, onChange }: { period: Period; onChange: (period: Period) => void }) {
  const { t, format } = useI18n();
  const { today } = useSession();
  const kind = kindOf(period);
  const [custom, setCustom] = useState(kind === 'custom');
  const [draft, setDraft] = useState(period);
  useEffect(() => setDraft(period), [period]);
  const choose = (next: PeriodKind) => {
    if (next === 'custom') return setCustom(true);
    setCustom(false);
    onChange(periodAround(next, clipToToday(period, today).to));
  };
  const shown: PeriodKind = custom ? 'custom' : kind;
  return (
    <div className="period-picker">
      <div className="segmented" role="radiogroup" aria-label={t('period.label')}>
        {(['month', 'quarter', 'year', 'custom'] as const).map((option) => (
          <button
            key={option}
            type="button"
            role="radio"
            aria-checked={shown === option}
            className={shown === option ? 'active' : ''}
            onClick={() => choose(option)}
          >
            {t(`period.${option}`)}
          </button>
        ))}
      </div>
      {shown === 'custom' ? (
        <form
          className="custom-period"
          onSubmit={(event) => {
            event.preventDefault();
            if (isDay(draft.from) && isDay(draft.to) && draft.from <= draft.to) onChange(draft);
          }}
        >
          <label>
            <span className="visually-hidden">{t('period.from')}</span>
            <input
              type="date"
              value={draft.from}
              max={draft.to}
              onChange={(event) => setDraft({ ...draft, from: event.target.value })}
            />
          </label>
          <span aria-hidden="true">→</span>
          <label>
            <span className="visually-hidden">{t('period.to')}</span>
            <input
              type="date"
              value={draft.to}
              min={draft.from}
              onChange={(event) => setDraft({ ...draft, to: event.target.value })}
            />
          </label>
          <button type="submit" className="button button-small">
            {t('period.apply')}
          </button>
        </form>
      ) : (
        <div className="stepper">
          <button type="button" className="icon-button" aria-label={t('period.previous')} onClick={() => onChange(shift(period, -1))}>
            ‹
          </button>
          <span className="stepper-label" aria-live="polite" data-testid="period-label">
            {format.period(period)}
          </span>
          <button
            type="button"
            className="icon-button"
            aria-label={t('period.next')}
            disabled={shift(period, 1).from > today}
            onClick={() => onChange(shift(period, 1))}
          >
            ›
          </button>
        </div>
      )}
    </div>
  );
}

/** Shown only while the period runs past today: compare its days so far, or the whole earlier periods. */
function SpanToggle({ view, onChange }: { view: View; onChange: (view: View) => void }) {
  const { t } = useI18n();
  const { today } = useSession();
  if (view.period.to <= today) return null;
  return (
    <label className="check span-toggle" title={t('compare.fullPeriodsHelp')}>
      <input
        type="checkbox"
        checked={view.span === 'full'}
        onChange={(event) => onChange({ ...view, span: event.target.checked ? 'full' : 'to_date' })}
      />
      <span>{t('compare.fullPeriods')}</span>
    </label>
  );
}

export function CompareToggle({ value, onChange }: { value: View['compare']; onChange: (value: View['compare']) => void }) {
  const { t } = useI18n();
  return (
    <div className="segmented" role="radiogroup" aria-label={t('compare.label')}>
      {(['previous', 'yoy'] as const).map((option) => (
        <button
          key={option}
          type="button"
          role="radio"
          aria-checked={value === option}
          className={value === option ? 'active' : ''}
          onClick={() => onChange(option)}
        >
          {t(option === 'previous' ? 'compare.vsPrevious' : 'compare.vsYoy')}
        </button>
      ))}
    </div>
  );
}

function FilterBar({
  view,
  onChange,
  dimensions,
}: {
  view: View;
  onChange: (view: View) => void;
  dimensions: readonly FilterDimension[];
}) {
  const { t } = useI18n();
  const session = useSession();
  const [open, setOpen] = useState(false);
  const count = activeFilters(view.filters);
  const choices: Record<FilterDimension, string[]> = {
    platform: session.dimensions.platforms,
    account: session.dimensions.accounts.filter((account) => !account.is_competitor).map((account) => account.id),
    campaign: session.dimensions.campaigns,
    content_type: session.dimensions.content_types,
  };
  return (
    <div className={`filter-bar${open ? ' open' : ''}`}>
      <button
        type="button"
        className="button filter-toggle"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {t('filters.label')}
        {count > 0 && <span className="badge">{count}</span>}
      </button>
      <div className="filter-list">
        {dimensions.map((dimension) => (
          <MultiSelect
            key={dimension}
            dimension={dimension}
            options={choices[dimension]}
            selected={view.filters[dimension]}
            onChange={(values) => onChange({ ...view, filters: { ...view.filters, [dimension]: values } })}
          />
        ))}
        {count > 0 && (
          <button
            type="button"
            className="link-button"
            onClick={() =>
              onChange({ ...view, filters: { platform: [], account: [], campaign: [], content_type: [] } })
            }
          >
            {t('filters.clear')}
          </button>
        )}
      </div>
    </div>
  );
}

function MultiSelect({
  dimension,
  options,
  selected,
  onChange,
}: {
  dimension: FilterDimension;
  options: string[];
  selected: string[];
  onChange: (values: string[]) => void;
}) {
  const { t } = useI18n();
  const label = useDimensionLabel();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const id = useId();
  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent) {
        if (event.key !== 'Escape') return;
        root.current?.querySelector<HTMLButtonElement>('.select-button')?.focus();
      } else if (root.current?.contains(event.target as Node)) return;
      setOpen(false);
    };
    document.addEventListener('keydown', close);
    document.addEventListener('mousedown', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('mousedown', close);
    };
  }, [open]);
  const name = t(`dimension.${dimension}`);
  const summary =
    selected.length === 0
      ? t('filters.all')
      : selected.length === 1
        ? label(dimension, selected[0])
        : t('filters.count', { count: selected.length });
  const toggle = (value: string) =>
    onChange(selected.includes(value) ? selected.filter((item) => item !== value) : [...selected, value]);
  return (
    <div className="select" ref={root} data-dimension={dimension}>
      <button
        type="button"
        className={`select-button${selected.length ? ' has-value' : ''}`}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        <span className="select-name">{name}</span>
        <span className="select-value">{summary}</span>
      </button>
      {open && (
        <fieldset className="select-panel" id={id}>
          <legend className="visually-hidden">{name}</legend>
          {options.map((value) => (
            <label key={value} className="check">
              <input type="checkbox" checked={selected.includes(value)} onChange={() => toggle(value)} />
              <span>{label(dimension, value)}</span>
            </label>
          ))}
          <button type="button" className="button button-small" onClick={() => setOpen(false)}>
            {t('filters.close')}
          </button>
        </fieldset>
      )}
    </div>
  );
}
