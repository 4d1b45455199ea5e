// Tier 1: one screen for an executive. Each objective's KPI as a tile, Return on Objectives overall.
import type { CSSProperties } from 'react';
import { api } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import type { Scorecard as ScorecardData, ScorecardEntry } from '../api/types.ts';
import { ExportLink } from '../components/ExportLink.tsx';
import { Link } from '../components/Link.tsx';
import { Empty, ErrorBox, Loading } from '../components/States.tsx';
import { Tile } from '../components/Tile.tsx';
import { Toolbar } from '../components/Toolbar.tsx';
import { useI18n } from '../i18n/index.tsx';
import { ScorecardPeriod } from '../components/ScorecardPeriod.tsx';
import { clipToToday, type Period } from '../state/period.ts';
import { navigate } from '../state/router.ts';
import { roleAtLeast, useSession } from '../state/session.tsx';
import { scorecardRequest } from '../first-requests.ts';
import { useView, viewSearch, type View, type ViewFilters } from '../state/view.ts';

/** The drill-down of a tile: its KPI over what the objective measured, with the objective's filters on top of the view's. */
function drillHref(entry: ScorecardEntry, view: View, today: string): string {
  const period = entry.measured?.period ?? clipToToday(entry.objective.period, today);
  const filters = { ...view.filters } as ViewFilters;
  for (const [dimension, values] of Object.entries(entry.measured?.filters ?? entry.objective.filters))
    if (values?.length) filters[dimension as keyof ViewFilters] = values;
  return `/kpi/${encodeURIComponent(entry.kpi.id)}${viewSearch({ ...view, period, filters }, { objective: entry.objective.id })}`;
}

export default function Scorecard() {
  const { t, format, language } = useI18n();
  const session = useSession();
  const { view, setView, location } = useView(session.today);
  // No period in the URL: each objective over its own period. A chosen one: the objectives active in it.
  const chosen = location.search.get('from') && location.search.get('to') ? view.period : null;
  const params = scorecardRequest(location.search, view);
  // Filters and comparison change without putting a period in the URL.
  const choosePeriodless = (next: View) => {
    const search = new URLSearchParams(viewSearch(next).slice(1));
    search.delete('from');
    search.delete('to');
    navigate(`/?${search.toString().replaceAll('%2C', ',')}`, { replace: true });
  };
  const choosePeriod = (period: Period | null) => {
    const search = new URLSearchParams(viewSearch(period ? { ...view, period } : view).slice(1));
    if (!period) {
      search.delete('from');
      search.delete('to');
    }
    navigate(`/?${search.toString().replaceAll('%2C', ',')}`, { replace: true });
  };
  const card = useApi<ScorecardData>('/api/scorecard', params);
  const counts = { on_track: 0, at_risk: 0, off_track: 0, no_data: 0 };
  for (const entry of card.data?.entries ?? []) counts[entry.status]++;
  const roo = card.data?.return_on_objectives ?? null;
  const columns = Math.min(Math.max(card.data?.entries.length ?? 6, 1) > 6 ? 4 : 3, 4);
  return (
    <main id="main" className="page scorecard-page">
      <div className="page-head">
        <div className="page-title">
          <h1>{t('scorecard.title')}</h1>
          {card.data && <span className="muted">{t('scorecard.measuredAt', { date: format.day(card.data.today, 'long') })}</span>}
        </div>
        {card.data && card.data.entries.length > 0 && (
          <div className="roo" data-testid="roo">
            <span className="roo-label">
              {t('scorecard.roo')}
              <span className="visually-hidden">: {t('scorecard.rooHelp')}</span>
            </span>
            <span className="roo-value num" title={t('scorecard.rooHelp')}>
              {format.percent(roo, 0)}
            </span>
            <span className="roo-bar" aria-hidden="true">
              <span style={{ width: `${Math.min(roo ?? 0, 1.5) * (100 / 1.5)}%` }} />
              <span className="roo-mark" />
            </span>
            <span className="roo-summary muted">
              {t('scorecard.summary', { on: counts.on_track, risk: counts.at_risk, off: counts.off_track })}
            </span>
          </div>
        )}
        <div className="page-exports">
          <ExportLink path="/api/scorecard" params={params} />
          <a className="button button-small export-link" href={api.url('/api/reports', { from: view.period.from, to: view.period.to, lang: language, format: 'pdf' })} download>
            {t('scorecard.exportReport')}
          </a>
        </div>
      </div>
      <Toolbar
        view={view}
        onChange={(next) => (chosen ? setView(next) : choosePeriodless(next))}
        periodControl={<ScorecardPeriod period={chosen} onChange={choosePeriod} />}
      />
      <section aria-busy={card.loading} className={card.stale ? 'stale' : ''} aria-label={t('scorecard.title')}>
        {card.error ? (
          <ErrorBox error={card.error} retry={card.reload} />
        ) : !card.data ? (
          <div className="tiles" style={{ '--columns': 3 } as CSSProperties}>
            {Array.from({ length: 6 }, (_, index) => (
              <div className="tile tile-skeleton" key={index}>
                <Loading lines={4} />
              </div>
            ))}
          </div>
        ) : card.data.entries.length === 0 ? (
          <Empty title={t('scorecard.noObjectives', { period: chosen ? format.period(chosen) : format.day(session.today) })}>
            {roleAtLeast(session.user.role, 'admin') ? (
              <>
                <p>{t('scorecard.noObjectivesAdmin')}</p>
                <Link className="button button-primary" href="/objectives/new">
                  {t('scorecard.createObjective')}
                </Link>
              </>
            ) : (
              <p>{t('scorecard.noObjectivesOther')}</p>
            )}
          </Empty>
        ) : (
          <div className="tiles" style={{ '--columns': columns } as CSSProperties}>
            {card.data.entries.map((entry) => (
              <Tile key={entry.objective.id} entry={entry} compare={view.compare} href={drillHref(entry, view, card.data!.today)} />
            ))}
          </div>
        )}
      </section>
    </main>
  );
}
