// The view lives in the URL (period, comparison, filters), so any screen can be shared and reloaded.
import { useLocation, navigate } from './router.ts';
import { isDay, periodAround, type Period } from './period.ts';

export const FILTER_DIMENSIONS = ['platform', 'account', 'campaign', 'content_type'] as const;
export type FilterDimension = (typeof FILTER_DIMENSIONS)[number];
export type ViewFilters = Record<FilterDimension, string[]>;
export type Comparison = 'previous' | 'yoy';

export interface View {
  period: Period;
  compare: Comparison;
  /** How a period running past today compares: same elapsed days (default) or whole earlier periods. */
  span: 'to_date' | 'full';
  filters: ViewFilters;
}

const listOf = (value: string | null) => (value ? value.split(',').filter(Boolean) : []);

export function readView(search: URLSearchParams, today: string): View {
  const from = search.get('from');
  const to = search.get('to');
  const period = isDay(from) && isDay(to) && from <= to ? { from, to } : periodAround('quarter', today);
  return {
    period,
    compare: search.get('compare') === 'previous' ? 'previous' : 'yoy',
    span: search.get('span') === 'full' ? 'full' : 'to_date',
    filters: Object.fromEntries(FILTER_DIMENSIONS.map((name) => [name, listOf(search.get(name))])) as ViewFilters,
  };
}

/** The query string of a view, plus extra parameters (null removes one). */
export function viewSearch(view: View, extra: Record<string, string | null | undefined> = {}): string {
  const search = new URLSearchParams();
  search.set('from', view.period.from);
  search.set('to', view.period.to);
  search.set('compare', view.compare);
  if (view.span === 'full') search.set('span', 'full');
  for (const name of FILTER_DIMENSIONS) if (view.filters[name].length) search.set(name, view.filters[name].join(','));
  for (const [name, value] of Object.entries(extra)) if (value) search.set(name, value);
  return `?${search.toString().replaceAll('%2C', ',')}`;
}

/** The scorecard with the view's comparison and filters: its period is its own control (objectives' periods by default). */
export function scorecardSearch(view: View): string {
  const search = new URLSearchParams(viewSearch(view).slice(1));
  search.delete('from');
  search.delete('to');
  return `?${search.toString().replaceAll('%2C', ',')}`;
}

/** The period and filters of a view as API query parameters. */
export const kpiParams = (view: View) => ({
  from: view.period.from,
  to: view.period.to,
  ...(view.span === 'full' ? { compare_span: 'full' } : {}),
  ...view.filters,
});

export function activeFilters(filters: ViewFilters): number {
  return FILTER_DIMENSIONS.reduce((count, name) => count + filters[name].length, 0);
}

/** The current view and a way to change it (the URL is replaced, so Back leaves the page). */
export function useView(today: string) {
  const location = useLocation();
  const view = readView(location.search, today);
  const setView = (next: View) => {
    const extra: Record<string, string> = {};
    location.search.forEach((value, name) => {
      if (!['from', 'to', 'compare', 'span', ...FILTER_DIMENSIONS].includes(name)) extra[name] = value;
    });
    navigate(`${location.path}${viewSearch(next, extra)}`, { replace: true });
  };
  return { view, setView, location };
}
