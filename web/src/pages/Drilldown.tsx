// Tier 2: the analysis behind a tile. Trend with its comparison, breakdowns, the funnel, the posts and the
// comments behind the number, all over the period and filters of the URL.
import type { ApiError } from '../api/client.ts';
import { useApi, type Loaded } from '../api/use-api.ts';
import { objectiveName } from '../components/labels.ts';
import { drilldownRequest } from '../first-requests.ts';
import { partOf, type DrilldownBundle } from './drilldown/bundle.ts';
import type { CatalogEntry, KpiResponse, Scorecard } from '../api/types.ts';
import { Delta } from '../components/Delta.tsx';
import { Explain, KpiExplanation } from '../components/Explain.tsx';
import { ExportLink } from '../components/ExportLink.tsx';
import { Link } from '../components/Link.tsx';
import { Empty, ErrorBox, Loading } from '../components/States.tsx';
import { PeriodNote, useBaseText } from '../components/PeriodNote.tsx';
import { codedProblemText } from '../components/problem-text.ts';
import { Toolbar } from '../components/Toolbar.tsx';
import { useDimensionLabel } from '../components/use-labels.ts';
import { useI18n } from '../i18n/index.tsx';
import { kindOf, periodAround } from '../state/period.ts';
import { navigate } from '../state/router.ts';
import { roleAtLeast, useSession } from '../state/session.tsx';
import { FILTER_DIMENSIONS, kpiParams, scorecardSearch, useView, viewSearch, type View } from '../state/view.ts';
import { Breakdown } from './drilldown/Breakdown.tsx';
import { Comments } from './drilldown/Comments.tsx';
import { FunnelView } from './drilldown/Funnel.tsx';
import { People } from './drilldown/People.tsx';
import { Posts } from './drilldown/Posts.tsx';
import { SlowThreads } from './drilldown/SlowThreads.tsx';
import { SsiTeam } from './drilldown/SsiTeam.tsx';
import { VoiceSplit } from './drilldown/VoiceSplit.tsx';
import { Trend } from './drilldown/Trend.tsx';

export default function Drilldown({ kpiId }: { kpiId: string }) {
  const { t, language } = useI18n();
  const session = useSession();
  const { view, setView, location } = useView(session.today);
  const kpi = session.kpi(kpiId);
  const objectiveId = location.search.get('objective');
  const bundle = useApi<DrilldownBundle>(kpi ? '/api/drilldown' : null, drilldownRequest(kpiId, view));
  if (!kpi)
    return (
      <main id="main" className="page">
        <Empty title={t('state.notFound')}>
          <Link className="button" href="/">
            {t('state.goHome')}
          </Link>
        </Empty>
      </main>
    );
  const families = [...new Set(session.catalog.map((entry) => entry.family))];
  return (
    <main id="main" className="page drill-page">
      <div className="page-head">
        <Link href={`/${scorecardSearch(view)}`} className="back-link">
          ← {t('drill.back')}
        </Link>
        <h1 className="drill-title">{kpi.name[language]}</h1>
        <label className="kpi-switch">
          <span className="visually-hidden">{t('drill.kpi')}</span>
          <select
            value={kpi.id}
            onChange={(event) => navigate(`/kpi/${event.target.value}${viewSearch(view)}`)}
          >
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
        </label>
      </div>
      <Toolbar view={view} onChange={setView} />
      {bundle.error?.code === 'future-period' ? (
        <FuturePeriod error={bundle.error} onBack={() => setView({ ...view, period: currentPeriodLike(view.period, session.today) })} />
      ) : (
        <Sections kpi={kpi} view={view} objectiveId={objectiveId} bundle={bundle} />
      )}
    </main>
  );
}

/** A period that has not started yet: one sentence for the whole page, rather than the same refusal in every card. */
function FuturePeriod({ error, onBack }: { error: ApiError; onBack: () => void }) {
  const words = useI18n();
  return (
    <Empty title={words.t('drill.future.title')}>
      <p data-testid="future-period">{codedProblemText(error, words)}</p>
      <button type="button" className="button" onClick={onBack}>
        {words.t('drill.future.back')}
      </button>
    </Empty>
  );
}

/** The month, quarter or year (as the period is) that holds today; a custom span becomes the quarter. */
function currentPeriodLike(period: View['period'], today: string): View['period'] {
  const kind = kindOf(period);
  return periodAround(kind === 'custom' ? 'quarter' : kind, today);
}

function Sections({ kpi, view, objectiveId, bundle }: { kpi: CatalogEntry; view: View; objectiveId: string | null; bundle: Loaded<DrilldownBundle> }) {
  const shows = (section: CatalogEntry['sections'][number]) => kpi.sections.includes(section);
  return (
    <>
      <Summary kpi={kpi} view={view} objectiveId={objectiveId} bundle={bundle} />
      {/* The catalog says which sections apply to this KPI. */}
      <div className={`drill-grid${shows('funnel') ? '' : ' drill-grid-single'}`}>
        <Trend kpi={kpi} view={view} objectiveId={objectiveId} preloaded={partOf(bundle, 'trend')} />
        {shows('funnel') && <FunnelView kpi={kpi} view={view} preloaded={partOf(bundle, 'funnel')} />}
      </div>
      {shows('voice_split') && <VoiceSplit loaded={partOf(bundle, 'voiceSplit')} params={kpiParams(view)} />}
      {shows('ssi_team') && <SsiTeam loaded={partOf(bundle, 'ssiTeam')} compare={view.compare} params={kpiParams(view)} />}
      {shows('breakdown') && <Breakdown kpi={kpi} view={view} preloaded={partOf(bundle, 'breakdown')} />}
      {shows('posts') && <Posts kpi={kpi} view={view} loaded={partOf(bundle, 'rankedPosts')} />}
      {shows('slow_threads') && <SlowThreads loaded={partOf(bundle, 'slowestThreads')} params={kpiParams(view)} />}
      {shows('people') && <People view={view} loaded={partOf(bundle, 'people')} />}
      {shows('comments') && <Comments view={view} first={partOf(bundle, 'comments')} />}
    </>
  );
}

function Summary({ kpi, view, objectiveId, bundle }: { kpi: CatalogEntry; view: View; objectiveId: string | null; bundle: Loaded<DrilldownBundle> }) {
  const { t, plural, format, language } = useI18n();
  const session = useSession();
  const label = useDimensionLabel();
  const baseText = useBaseText();
  const params = { ids: kpi.id, compare: 'previous,yoy', ...kpiParams(view) };
  const result = partOf(bundle, 'summary');
  const objective = useApi<Scorecard>(objectiveId ? '/api/scorecard' : null, { ids: objectiveId ?? '' });
  const entry = objective.data?.entries[0];
  if (result.error) return <ErrorBox error={result.error} retry={result.reload} />;
  const data = result.data?.results[0];
  const row = data?.rows[0];
  const selection = FILTER_DIMENSIONS.flatMap((dimension) => view.filters[dimension].map((value) => label(dimension, value))).join(', ');
  const noData = result.data && (!row || (row.value === null && !row.caveat));
  return (
    <section className={`card summary${result.stale ? ' stale' : ''}`} aria-busy={result.loading} aria-label={kpi.name[language]}>
      {!result.data ? (
        <Loading lines={2} />
      ) : (
        <div className="summary-body">
          <div className="summary-value">
            <Explain label={t('explain.button', { name: kpi.name[language] })} trigger={<span className="big-value num" data-testid="drill-value" data-value={row?.value ?? ''}>{format.value(row?.value, kpi.unit)}</span>}>
              <KpiExplanation kpi={kpi} inputs={row?.inputs} extra={<span className="explain-context">{t('explain.period', { period: format.period(view.period) })}</span>} />
            </Explain>
            {row?.margin !== undefined && (
              <span className="summary-margin num" data-testid="drill-margin" data-margin={row.margin}>
                {t('drill.margin', { value: format.number(row.margin, { digits: 1 }) })}
              </span>
            )}
            {row?.base && (
              <span className={`summary-base${row.base.low ? ' low-base' : ''}`} data-testid="drill-base" data-base={row.base.value ?? ''}>
                {baseText(row.base)}
                {row.base.low && ` · ${t('drill.lowBase')}`}
                {!!row.inputs?.sentiment_uncertain && ` · ${plural('tile.uncertain', row.inputs.sentiment_uncertain, format.number(row.inputs.sentiment_uncertain))}`}
              </span>
            )}
            {row?.caveat === 'no_competitor' && (
              <span className="summary-caveat" data-testid="drill-caveat">
                —, {t('drill.noCompetitor', { where: view.filters.platform.map((value) => label('platform', value)).join(', ') || selection || t('state.everything') })}
              </span>
            )}
            {result.data && <PeriodNote response={result.data} compare={view.compare} />}
          </div>
          <div className="summary-deltas">
            <span>
              <Delta comparison={row?.previous} unit={kpi.unit} suffix={t('compare.vsPrevious')} />
            </span>
            <span>
              <Delta comparison={row?.yoy} unit={kpi.unit} suffix={t('compare.vsYoy')} />
            </span>
          </div>
          <p className="summary-explanation">
            {kpi.explanation[language]} {t(kpi.better === 'higher' ? 'explain.better.higher' : 'explain.better.lower')}
          </p>
          <Companion kpi={kpi} view={view} summary={result.data} />
          {kpi.sections.includes('nps_split') && row && <NpsSplit inputs={row.inputs} />}
          {entry && (
            <p className={`summary-objective status-${entry.status}`}>
              <strong>{t('drill.objective', { name: objectiveName(entry.objective, language) })}</strong> · {t('scorecard.target', { value: format.value(entry.objective.target, kpi.unit) })} ·{' '}
              {t('scorecard.progress', { value: format.percent(entry.progress, 0) })} · {t(`status.${entry.status}`)}
            </p>
          )}
          {data && data.ignoredFilters.length > 0 && (
            <p className="muted summary-note">{t('drill.ignoredFilters', { filters: data.ignoredFilters.map((name) => t(`dimension.${name}` as 'dimension.platform')).join(', '), kpi: kpi.name[language] })}</p>
          )}
          {noData && (
            <p className="summary-note" role="status">
              {t('state.noData', { what: selection || t('state.everything'), period: format.period(view.period) })}{' '}
              {roleAtLeast(session.user.role, 'analyst') ? (
                <Link href="/imports">{t('state.noDataFix')}</Link>
              ) : (
                t('state.noDataFixViewer')
              )}
            </p>
          )}
          <ExportLink path="/api/kpi" params={params} />
        </div>
      )}
    </section>
  );
}

// Survey NPS and the comments' recommendation index answer the same question from two sources.
const COMPANIONS: Record<string, 'nps' | 'recommendation_index'> = { nps: 'recommendation_index', recommendation_index: 'nps' };

/** The other measure of recommendation, beside this one, when both have data. */
function Companion({ kpi, view, summary }: { kpi: CatalogEntry; view: View; summary: KpiResponse | undefined }) {
  const { t, format } = useI18n();
  const session = useSession();
  const other = COMPANIONS[kpi.id];
  const value = summary?.results.find((result) => result.id === other)?.rows[0]?.value;
  const entry = other ? session.kpi(other) : undefined;
  if (!other || !entry || value === null || value === undefined) return null;
  return (
    <p className="summary-companion">
      <Link href={`/kpi/${other}${viewSearch(view)}`}>{t(`drill.companion.${other}`, { value: format.value(value, entry.unit) })}</Link>
    </p>
  );
}

/** Promoters (9–10), passives (7–8) and detractors (0–6) among the answers: what NPS is made of. */
function NpsSplit({ inputs }: { inputs: Record<string, number | null> }) {
  const { t, format, plural } = useI18n();
  const answers = inputs.nps_answers ?? 0;
  if (!answers) return null;
  const promoters = inputs.nps_promoters ?? 0;
  const detractors = inputs.nps_detractors ?? 0;
  const parts = [
    { name: 'promoters', count: promoters },
    { name: 'passives', count: answers - promoters - detractors },
    { name: 'detractors', count: detractors },
  ] as const;
  return (
    <div className="nps-split" data-testid="nps-split" aria-label={t('drill.npsSplit')}>
      <div className="nps-split-bar" aria-hidden="true">
        {parts.map((part) => (
          <span key={part.name} className={`nps-${part.name}`} style={{ width: `${(100 * part.count) / answers}%` }} />
        ))}
      </div>
      <ul className="nps-split-legend">
        {parts.map((part) => (
          <li key={part.name} data-part={part.name} data-count={part.count}>
            <span className={`nps-dot nps-${part.name}`} aria-hidden="true" /> {t(`drill.nps.${part.name}`)} {format.percent(part.count / answers, 0)} ({plural('base.answers', part.count)})
          </li>
        ))}
      </ul>
    </div>
  );
}
