// The editor's draft of an objective: text as typed (targets of ratios in percent), turned into the API's input.
import type { CatalogEntry, Objective, ObjectiveInput, Role, Unit } from '../../api/types.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { isDay, periodAround } from '../../state/period.ts';
import { FILTER_DIMENSIONS, type ViewFilters } from '../../state/view.ts';

export type Direction = Objective['direction'];

/** The least role that may create, change or delete objectives in the dashboard (the API checks its own). */
// Objectives steer everyone's scorecard: the server lets admins change them (analysts read and import).
export const OBJECTIVE_EDITOR: Role = 'admin';

export interface Draft {
  name: string;
  /** The name for English and French readers, '' when the plain name serves both. */
  names: { en: string; fr: string };
  kpi: string;
  target: string;
  baseline: string;
  direction: Direction;
  /** false while the direction follows the KPI's good direction. */
  directionChosen: boolean;
  from: string;
  to: string;
  filters: ViewFilters;
}

/** Field ids of the form; server errors name `period.to`, `filters.platform.0`… and land on one of these. */
export type FieldName = 'name' | 'kpi' | 'target' | 'baseline' | 'direction' | 'from' | 'to' | `filters.${keyof ViewFilters}` | 'form';
export type FieldErrors = Partial<Record<FieldName, string>>;

/** Ratios are stored as fractions (0.035) and typed as percentages (3.5). */
const scaleOf = (unit: Unit) => (unit === 'ratio' ? 100 : 1);

/** The decimal mark of a locale: "," in French, "." in English. */
export const decimalOf = (locale: string) => new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';

export function numberToText(value: number | null, unit: Unit, decimal = '.'): string {
  return value === null ? '' : String(Number((value * scaleOf(unit)).toPrecision(12))).replace('.', decimal);
}

/** "3,5", "3.5", "1 200" → the stored number; '' → null; anything else → NaN. */
export function textToNumber(text: string, unit: Unit): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.').replace(/^−/, '-');
  if (!cleaned) return null;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return Number.NaN;
  return Number((Number(cleaned) / scaleOf(unit)).toPrecision(12));
}

export const directionOf = (kpi: CatalogEntry | undefined): Direction => (kpi?.better === 'lower' ? 'decrease' : 'increase');

const noFilters = (): ViewFilters => ({ platform: [], account: [], campaign: [], content_type: [] });

export function newDraft(kpi: CatalogEntry | undefined, today: string): Draft {
  const period = periodAround('quarter', today);
  return {
    name: '',
    names: { en: '', fr: '' },
    kpi: kpi?.id ?? '',
    target: '',
    baseline: '',
    direction: directionOf(kpi),
    directionChosen: false,
    from: period.from,
    to: period.to,
    filters: noFilters(),
  };
}

export function draftOf(objective: Objective, unit: Unit, decimal: string): Draft {
  const filters = noFilters();
  for (const dimension of FILTER_DIMENSIONS) filters[dimension] = [...(objective.filters[dimension] ?? [])];
  return {
    name: objective.name,
    names: { en: objective.names?.en ?? '', fr: objective.names?.fr ?? '' },
    kpi: objective.kpi,
    target: numberToText(objective.target, unit, decimal),
    baseline: numberToText(objective.baseline, unit, decimal),
    direction: objective.direction,
    directionChosen: true,
    from: objective.period.from,
    to: objective.period.to,
    filters,
  };
}

/** The input for the API, or the fields to fix first (message keys). Filters are always sent whole. */
export function inputOf(draft: Draft, unit: Unit): { input: ObjectiveInput; problems: null } | { input: null; problems: Partial<Record<FieldName, MessageKey>> } {
  const problems: Partial<Record<FieldName, MessageKey>> = {};
  const target = textToNumber(draft.target, unit);
  const baseline = textToNumber(draft.baseline, unit);
  if (!draft.name.trim()) problems.name = 'objectives.form.required';
  if (target === null) problems.target = 'objectives.form.required';
  else if (Number.isNaN(target)) problems.target = 'objectives.form.notNumber';
  if (baseline !== null && Number.isNaN(baseline)) problems.baseline = 'objectives.form.notNumber';
  if (!isDay(draft.from)) problems.from = 'objectives.form.required';
  if (!isDay(draft.to)) problems.to = 'objectives.form.required';
  else if (isDay(draft.from) && draft.to < draft.from) problems.to = 'objectives.form.periodOrder';
  if (Object.keys(problems).length) return { input: null, problems };
  const filters = Object.fromEntries(FILTER_DIMENSIONS.filter((name) => draft.filters[name].length).map((name) => [name, draft.filters[name]]));
  const names = Object.fromEntries((['en', 'fr'] as const).map((language) => [language, draft.names[language].trim()]).filter(([, name]) => name));
  return {
    input: {
      name: draft.name.trim(),
      names,
      kpi: draft.kpi,
      target: target!,
      period: { from: draft.from, to: draft.to },
      direction: draft.direction,
      filters,
      baseline,
    },
    problems: null,
  };
}

/** Where a server error belongs: "period.to" → to, "filters.platform.0" → filters.platform, unknown → form. */
export function fieldOfServer(field: string | undefined): FieldName {
  if (!field) return 'form';
  if (field === 'period.from') return 'from';
  if (field === 'period.to' || field === 'period') return 'to';
  const filter = /^filters\.(platform|account|campaign|content_type)\b/.exec(field);
  if (filter) return `filters.${filter[1]}` as FieldName;
  return (['name', 'kpi', 'target', 'baseline', 'direction'] as const).find((name) => name === field) ?? 'form';
}

/** The server names the field in its message; next to the field that prefix is noise. */
export const withoutFieldPrefix = (message: string) =>
  message.replace(/^(objective(?: "[^"]*")?: )?field "[^"]*": /, '').replace(/ \(and \d+ more problems?\)$/, '');

/**
 * The progress the objective would show, for the live preview only (the scorecard's figure comes from the server).
 * Same rule as progressOf in src/metrics/objectives.ts: (value − baseline) ÷ (target − baseline), else value ÷ target,
 * inverted for a decrease; a decrease to 0 or below without baseline counts as the 150 % cap.
 */
export function previewProgress(value: number | null, target: number | null, baseline: number | null, direction: Direction): number | null {
  if (value === null || target === null || Number.isNaN(target) || (baseline !== null && Number.isNaN(baseline))) return null;
  const ratio = (numerator: number, denominator: number) => (denominator === 0 ? null : numerator / denominator);
  if (direction === 'increase') return baseline === null ? ratio(value, target) : ratio(value - baseline, target - baseline);
  if (baseline !== null) return ratio(baseline - value, baseline - target);
  return value <= 0 ? 1.5 : target / value;
}
