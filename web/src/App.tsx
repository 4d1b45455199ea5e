// The shell: who is logged in, then the page for the path. Pages past the scorecard load on demand.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, whenUnauthorized } from './api/client.ts';
import type { AuthState, CatalogEntry, Dimensions, Me } from './api/types.ts';
import { Header } from './components/Header.tsx';
import { Link } from './components/Link.tsx';
import { ErrorBox, Loading } from './components/States.tsx';
import { useI18n } from './i18n/index.tsx';
import { lazyPage } from './pages/lazy-page.tsx';
import { Login } from './pages/Login.tsx';
import Scorecard from './pages/Scorecard.tsx';
import { navigate, useLocation } from './state/router.ts';
import { roleAtLeast, SessionProvider, type Session } from './state/session.tsx';
import type { ApiError } from './api/client.ts';

const Drilldown = lazyPage(() => import('./pages/Drilldown.tsx'));
const Objectives = lazyPage(() => import('./pages/Objectives.tsx'));
const Imports = lazyPage(() => import('./pages/Imports.tsx'));
const Alerts = lazyPage(() => import('./pages/Alerts.tsx'));
const Schedules = lazyPage(() => import('./pages/Schedules.tsx'));

/** Starts loading the chunk of the page at `path` while the session loads. */
export function preloadPage(path: string): void {
  const page = path.startsWith('/kpi/')
    ? Drilldown
    : path.startsWith('/objectives')
      ? Objectives
      : ({ '/imports': Imports, '/alerts': Alerts, '/schedules': Schedules } as const)[path];
  void page?.preload().catch(() => undefined); // the page itself shows the error when it renders
}

interface Loaded {
  auth: AuthState;
  catalog?: CatalogEntry[];
  dimensions?: Dimensions;
}

export function App() {
  const [state, setState] = useState<Loaded | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const { setCurrency } = useI18n();

  const load = useCallback(async () => {
    setError(null);
    try {
      const auth = await api.get<AuthState>('/api/auth/state');
      if (!auth.user) return setState({ auth });
      const [catalog, dimensions] = await Promise.all([
        api.get<CatalogEntry[]>('/api/kpis'),
        api.get<Dimensions>('/api/dimensions'),
      ]);
      setCurrency(dimensions.currency);
      setState({ auth, catalog, dimensions });
    } catch (caught) {
      setError(caught as ApiError);
    }
  }, [setCurrency]);

  useEffect(() => {
    whenUnauthorized(() => {
      api.clearCache();
      setState((current) => (current ? { auth: { ...current.auth, user: null } } : current));
    });
    void load();
  }, [load]);

  if (error) return <ErrorBox error={error} retry={load} />;
  if (!state) return <Loading />;
  if (!state.auth.user || !state.catalog || !state.dimensions)
    return (
      <Login
        setup={state.auth.setup_required}
        onDone={() => {
          api.clearCache();
          if (location.pathname === '/setup' || location.pathname === '/login') navigate('/', { replace: true });
          void load();
        }}
      />
    );
  return <LoggedIn auth={state.auth} user={state.auth.user} catalog={state.catalog} dimensions={state.dimensions} reload={load} />;
}

function LoggedIn({
  auth,
  user,
  catalog,
  dimensions,
  reload,
}: {
  auth: AuthState;
  user: Me;
  catalog: CatalogEntry[];
  dimensions: Dimensions;
  reload: () => Promise<void>;
}) {
  const session = useMemo<Session>(() => {
    const byId = new Map(catalog.map((kpi) => [kpi.id, kpi]));
    return {
      user,
      today: auth.today,
      catalog,
      dimensions,
      kpi: (id) => byId.get(id),
      can: (role) => roleAtLeast(user.role, role),
      logout: () => {
        void api.post('/api/auth/logout').finally(() => {
          api.clearCache();
          void reload();
        });
      },
      refreshAuth: () => api.get<AuthState>('/api/auth/state'),
    };
  }, [auth, user, catalog, dimensions, reload]);
  return (
    <SessionProvider value={session}>
      <Header />
      <Page />
    </SessionProvider>
  );
}

function Page() {
  const { path } = useLocation();
  const { t } = useI18n();
  if (path === '/' || path === '/login' || path === '/setup') return <Scorecard />;
  const kpi = /^\/kpi\/([^/]+)$/.exec(path);
  if (kpi) return <Drilldown kpiId={decodeURIComponent(kpi[1])} />;
  const objective = /^\/objectives(?:\/([^/]+))?$/.exec(path);
  if (objective) return <Objectives editing={objective[1] ? decodeURIComponent(objective[1]) : null} />;
  if (path === '/imports') return <Imports />;
  if (path === '/alerts') return <Alerts />;
  if (path === '/schedules') return <Schedules />;
  return (
    <main id="main" className="page">
      <div className="notice notice-empty">
        <p className="notice-title">{t('state.notFound')}</p>
        <Link className="button" href="/">
          {t('state.goHome')}
        </Link>
      </div>
    </main>
  );
}
