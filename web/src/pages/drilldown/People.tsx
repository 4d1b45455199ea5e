import type { Loaded } from '../../api/use-api.ts';
import type { DrilldownPeople } from './bundle.ts';
import type { Advocate, NewInfluencer } from '../../api/types.ts';
import { ExportLink } from '../../components/ExportLink.tsx';
import { platformLabel } from '../../components/labels.ts';
import { Empty, ErrorBox, Loading } from '../../components/States.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { kpiParams, type View } from '../../state/view.ts';

/** The people behind the advocacy KPIs: advocates, strongest first, and newly met influencers, largest first. */
export function People({ view, loaded }: { view: View; loaded: Loaded<DrilldownPeople> }) {
  const { t } = useI18n();
  const params = kpiParams(view);
  const advocates: Loaded<Advocate[]> = { ...loaded, data: loaded.data?.advocates };
  const influencers: Loaded<NewInfluencer[]> = { ...loaded, data: loaded.data?.influencers };
  return (
    <section className="grid-2 posts" aria-label={t('people.advocates')}>
      <div className="card">
        <div className="card-head">
          <div>
            <h2>{t('people.advocates')}</h2>
            <p className="muted">{t('people.advocatesHelp')}</p>
          </div>
          <ExportLink path="/api/advocates" params={{ ...params, limit: 500 }} />
        </div>
        <PeopleList loaded={advocates} empty={t('people.noAdvocates')} render={(row) => <AdvocateItem row={row} />} keyOf={(row) => row.author_id} />
      </div>
      <div className="card">
        <div className="card-head">
          <div>
            <h2>{t('people.influencers')}</h2>
            <p className="muted">{t('people.influencersHelp')}</p>
          </div>
          <ExportLink path="/api/influencers" params={{ ...params, limit: 500 }} />
        </div>
        <PeopleList loaded={influencers} empty={t('people.noInfluencers')} render={(row) => <InfluencerItem row={row} />} keyOf={(row) => row.author_id} />
      </div>
    </section>
  );
}

function PeopleList<T>({
  loaded,
  empty,
  render,
  keyOf,
}: {
  loaded: Loaded<T[]>;
  empty: string;
  render: (row: T) => React.ReactNode;
  keyOf: (row: T) => string;
}) {
  if (loaded.error) return <ErrorBox error={loaded.error} retry={loaded.reload} />;
  if (!loaded.data) return <Loading lines={5} />;
  if (loaded.data.length === 0) return <Empty title={empty} />;
  return (
    <ol className="post-list">
      {loaded.data.map((row) => (
        <li className="post-item" key={keyOf(row)}>
          {render(row)}
        </li>
      ))}
    </ol>
  );
}

function AdvocateItem({ row }: { row: Advocate }) {
  const { t, plural, format } = useI18n();
  return (
    <>
      <div className="post-meta">
        <span className="post-platform">{row.author_name ?? row.author_id}</span> · {row.platforms.split(', ').map(platformLabel).join(', ')}
        {row.audience !== null && <> · {t('people.audience', { count: format.number(row.audience, { compact: true }) })}</>}
        <span className="post-score num" title={t('people.supportHelp')} data-testid="advocate-support">
          <span className="post-score-label">{t('people.support')}</span> {format.number(row.support)}
        </span>
      </div>
      <div className="post-metrics">
        <span>{plural('people.positive', row.positive)}</span>
        <span>{plural('people.shares', row.shares)}</span>
        <span>{plural('people.negative', row.negative)}</span>
        <span className="muted">{t('people.lastSeen', { date: format.day(row.last_seen.slice(0, 10)) })}</span>
      </div>
    </>
  );
}

function InfluencerItem({ row }: { row: NewInfluencer }) {
  const { t, plural, format } = useI18n();
  return (
    <>
      <div className="post-meta">
        <span className="post-platform">{row.author_name ?? row.author_id}</span>
        {row.platform && <> · {platformLabel(row.platform)}</>} · {t('people.firstMention', { date: format.day(row.first_mention_at.slice(0, 10)) })}
        <span className="post-score num" title={t('people.audienceHelp')} data-testid="influencer-audience">
          <span className="post-score-label">{t('people.audienceLabel')}</span> {format.number(row.audience, { compact: true })}
        </span>
      </div>
      {row.first_text && <p className="post-text">{row.first_text}</p>}
      <div className="post-metrics">
        <span>{plural('people.mentions', row.mentions)}</span>
      </div>
    </>
  );
}
