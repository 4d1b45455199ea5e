// The editor's inputs: each with its label, its help and its error tied to it (aria-describedby, aria-invalid).
import type { ReactNode } from 'react';
import type { CatalogEntry, Unit } from '../../api/types.ts';
import { useDimensionLabel } from '../../components/use-labels.ts';
import { useI18n } from '../../i18n/index.tsx';
import { addDays, periodAround } from '../../state/period.ts';
import { useSession } from '../../state/session.tsx';
import { FILTER_DIMENSIONS, type FilterDimension, type ViewFilters } from '../../state/view.ts';
import type { Direction, Draft, FieldErrors } from './draft.ts';

const idOf = (name: string) => `objective-${name.replace('.', '-')}`;

/** aria-describedby and aria-invalid for an input with optional help and error. */
function described(name: string, help?: ReactNode, error?: string) {
  const ids = [help ? `${idOf(name)}-help` : '', error ? `${idOf(name)}-error` : ''].filter(Boolean).join(' ');
  return { id: idOf(name), 'aria-describedby': ids || undefined, 'aria-invalid': error ? true : undefined };
}

function Field({ name, label, help, error, children, className = '' }: { name: string; label: ReactNode; help?: ReactNode; error?: string; children: ReactNode; className?: string }) {
  return (
    <div className={`field ${className}${error ? ' field-error' : ''}`}>
      <label htmlFor={idOf(name)}>{label}</label>
      {children}
      {help && (
        <small id={`${idOf(name)}-help`} className="muted">
          {help}
        </small>
      )}
      {error && (
        <small id={`${idOf(name)}-error`} className="field-message">
          {error}
        </small>
      )}
    </div>
  );
}

export function TextField({ name, label, value, error, placeholder, onChange }: { name: 'name'; label: string; value: string; error?: string; placeholder?: string; onChange: (value: string) => void }) {
  return (
    <Field name={name} label={label} error={error}>
      <input type="text" {...described(name, undefined, error)} value={value} maxLength={200} placeholder={placeholder} autoComplete="off" required onChange={(event) => onChange(event.target.value)} />
    </Field>
  );
}

export function KpiField({ value, error, onChange }: { value: string; error?: string; onChange: (id: string) => void }) {
  const { t, language, format, currency } = useI18n();
  const session = useSession();
  const kpi = session.kpi(value);
  const families = [...new Set(session.catalog.map((entry) => entry.family))];
  const help = kpi && (
    <>
      {kpi.explanation[language]}{' '}
      {t('objectives.form.kpiUnit', {
        unit: unitText(kpi.unit, t, currency) || format.unitName(kpi.unit),
        better: t(kpi.better === 'higher' ? 'explain.better.higher' : 'explain.better.lower'),
      })}
    </>
  );
  return (
    <Field name="kpi" label={t('objectives.form.kpi')} help={help} error={error}>
      <select {...described('kpi', help, error)} value={value} onChange={(event) => onChange(event.target.value)}>
        {families.map((family) => (
          <optgroup key={family} label={t(`family.${family}` as 'family.awareness')}>
            {session.catalog
              .filter((entry) => entry.family === family)
              .map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {entry.name[language]}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </Field>
  );
}

type T = ReturnType<typeof useI18n>['t'];
const UNIT_KEYS = { ratio: 'unit.percent', seconds: 'unit.seconds', currency: 'unit.currency', count: 'unit.count', score: 'unit.score', index: 'unit.index' } as const;
const unitText = (unit: Unit, t: T, currency: string) => t(UNIT_KEYS[unit], { currency });

export function NumberField({ name, label, unit, value, error, help, onChange }: { name: 'target' | 'baseline'; label: string; unit: Unit; value: string; error?: string; help?: string; onChange: (value: string) => void }) {
  const { t, format, currency } = useI18n();
  const suffix = format.unitName(unit);
  return (
    <Field name={name} label={<>{label} <span className="muted field-unit">{t('objectives.form.targetUnit', { unit: unitText(unit, t, currency) })}</span></>} help={help} error={error}>
      <span className="input-unit">
        <input type="text" inputMode="decimal" autoComplete="off" {...described(name, help, error)} value={value} required={name === 'target'} onChange={(event) => onChange(event.target.value)} />
        {suffix && <span aria-hidden="true">{suffix}</span>}
      </span>
    </Field>
  );
}

export function DirectionField({ kpi, value, error, onChange }: { kpi: CatalogEntry; value: Direction; error?: string; onChange: (value: Direction) => void }) {
  const { t } = useI18n();
  const good: Direction = kpi.better === 'lower' ? 'decrease' : 'increase';
  return (
    <Field name="direction" label={t('objectives.form.direction')} error={error}>
      <select {...described('direction', undefined, error)} value={value} onChange={(event) => onChange(event.target.value as Direction)}>
        {(['increase', 'decrease'] as const).map((direction) => (
          <option key={direction} value={direction}>
            {direction === good ? t('objectives.form.directionDefault', { direction: t(`direction.${direction}`) }) : t(`direction.${direction}`)}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function DatesField({ draft, errors, onChange }: { draft: Draft; errors: FieldErrors; onChange: (patch: Partial<Draft>) => void }) {
  const { t } = useI18n();
  const { today } = useSession();
  const thisQuarter = periodAround('quarter', today);
  const presets = [
    { key: 'objectives.form.thisQuarter', period: thisQuarter },
    { key: 'objectives.form.nextQuarter', period: periodAround('quarter', addDays(thisQuarter.to, 1)) },
    { key: 'objectives.form.thisYear', period: periodAround('year', today) },
  ] as const;
  return (
    <fieldset className="form-group">
      <legend>{t('objectives.form.period')}</legend>
      <div className="preset-row">
        {presets.map((preset) => (
          <button
            key={preset.key}
            type="button"
            className={`button button-small${draft.from === preset.period.from && draft.to === preset.period.to ? ' active' : ''}`}
            aria-pressed={draft.from === preset.period.from && draft.to === preset.period.to}
            onClick={() => onChange(preset.period)}
          >
            {t(preset.key)}
          </button>
        ))}
      </div>
      <div className="form-row">
        <Field name="from" label={t('objectives.form.periodFrom')} error={errors.from}>
          <input type="date" {...described('from', undefined, errors.from)} value={draft.from} max={draft.to || undefined} required onChange={(event) => onChange({ from: event.target.value })} />
        </Field>
        <Field name="to" label={t('objectives.form.periodTo')} error={errors.to}>
          <input type="date" {...described('to', undefined, errors.to)} value={draft.to} min={draft.from || undefined} required onChange={(event) => onChange({ to: event.target.value })} />
        </Field>
      </div>
    </fieldset>
  );
}

export function FiltersField({ filters, errors, onChange }: { filters: ViewFilters; errors: FieldErrors; onChange: (filters: ViewFilters) => void }) {
  const { t } = useI18n();
  const session = useSession();
  const label = useDimensionLabel();
  const choices: Record<FilterDimension, string[]> = {
    platform: session.dimensions.platforms,
    account: session.dimensions.accounts.filter((account) => !account.is_competitor).map((account) => account.id),
    campaign: session.dimensions.campaigns,
    content_type: session.dimensions.content_types,
  };
  const toggle = (dimension: FilterDimension, value: string) => {
    const selected = filters[dimension];
    onChange({ ...filters, [dimension]: selected.includes(value) ? selected.filter((item) => item !== value) : [...selected, value] });
  };
  return (
    <fieldset className="form-group" aria-describedby="objective-filters-help">
      <legend>{t('objectives.form.filters')}</legend>
      <small id="objective-filters-help" className="muted">
        {t('objectives.form.filtersHelp')}
      </small>
      <div className="filter-groups">
        {FILTER_DIMENSIONS.map((dimension) => {
          const error = errors[`filters.${dimension}`];
          // Values kept by an objective but gone from the data stay visible, so they can be unticked.
          const options = [...new Set([...choices[dimension], ...filters[dimension]])];
          return (
            <fieldset key={dimension} className={`filter-group${error ? ' field-error' : ''}`} aria-describedby={error ? `${idOf(`filters.${dimension}`)}-error` : undefined}>
              <legend>
                {t(`dimension.${dimension}`)}
                {filters[dimension].length > 0 && <span className="badge">{filters[dimension].length}</span>}
              </legend>
              {options.length === 0 ? (
                <p className="muted">{t('objectives.form.noneToFilter')}</p>
              ) : (
                <div className="filter-options">
                  {options.map((value) => (
                    <label key={value} className="check">
                      <input type="checkbox" checked={filters[dimension].includes(value)} onChange={() => toggle(dimension, value)} />
                      <span>{label(dimension, value)}</span>
                    </label>
                  ))}
                </div>
              )}
              {error && (
                <small id={`${idOf(`filters.${dimension}`)}-error`} className="field-message">
                  {error}
                </small>
              )}
            </fieldset>
          );
        })}
      </div>
    </fieldset>
  );
}

/** Optional names for English and French readers; the scorecard falls back to the name above. */
export function LocalNamesField({ names, onChange }: { names: Draft['names']; onChange: (names: Draft['names']) => void }) {
  const { t } = useI18n();
  return (
    <fieldset className="field local-names">
      <legend>{t('objectives.form.localNames')}</legend>
      <small className="muted">{t('objectives.form.localNamesHelp')}</small>
      <div className="form-row">
        {(['en', 'fr'] as const).map((language) => (
          <div className="field" key={language}>
            <label htmlFor={idOf(`name-${language}`)}>{t(`objectives.form.name.${language}`)}</label>
            <input type="text" id={idOf(`name-${language}`)} lang={language} value={names[language]} maxLength={200} autoComplete="off" onChange={(event) => onChange({ ...names, [language]: event.target.value })} />
          </div>
        ))}
      </div>
    </fieldset>
  );
}
