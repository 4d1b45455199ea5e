// What a page opened by its address asks first, started before React draws anything: the session's
// three calls and the view's own request leave together instead of one after the other. Each goes
// into the API client's cache under the exact URL the page will ask for, so the page finds it there.
import { api } from './api/client.ts';
import type { AuthState } from './api/types.ts';
import { grainFor, isDay } from './state/period.ts';
import { kpiParams, readView, type View } from './state/view.ts';

/** The one request behind a drill-down's panels (see pages/drilldown/bundle.ts). */
export const drilldownRequest = (kpiId: string, view: View) =>
  ({ id: kpiId, grain: grainFor(view.period), compare: view.compare, ...kpiParams(view) }) as const;

/** The scorecard's request: the period only when the address chose one, then the filters. */
export function scorecardRequest(search: URLSearchParams, view: View) {
  const chosen = search.get('from') && search.get('to') ? view.period : null;
  return { ...(chosen ? { from: chosen.from, to: chosen.to } : {}), ...view.filters };
}

/** Nobody logged in answers 401 here; the login page will ask again. */
const quietly = (answer: Promise<unknown>) => void answer.catch(() => undefined);

function viewRequest(path: string, search: URLSearchParams, today: string): Promise<unknown> | null {
  const view = readView(search, today);
  if (path === '/') return api.get('/api/scorecard', scorecardRequest(search, view));
  const kpi = /^\/kpi\/([^/]+)$/.exec(path);
  if (kpi) return api.get('/api/drilldown', drilldownRequest(decodeURIComponent(kpi[1]), view));
  return null;
}

/** Starts the session's calls and the view's first request for the page at `url`. */
export function startFirstRequests(url: URL): void {
  const auth = api.get<AuthState>('/api/auth/state');
  quietly(auth);
  quietly(api.get('/api/kpis'));
  quietly(api.get('/api/dimensions'));
  const { pathname, searchParams } = url;
  const from = searchParams.get('from');
  const to = searchParams.get('to');
  // Without a period in the address the view shows the quarter around the server's today: its
  // request waits for the session's first answer, still sooner than after the whole session.
  if (isDay(from) && isDay(to) && from <= to) quietly(viewRequest(pathname, searchParams, from) ?? Promise.resolve());
  else quietly(auth.then((state) => (state.user ? viewRequest(pathname, searchParams, state.today) : null)));
}
