import type { Loaded } from '../../api/use-api.ts';
import type { CatalogEntry, KpiRow, Post } from '../../api/types.ts';
import type { RankedPosts } from './bundle.ts';
import { Explain, KpiExplanation } from '../../components/Explain.tsx';
import { ExportLink } from '../../components/ExportLink.tsx';
import { safeHref } from '../../components/Link.tsx';
import { contentTypeLabel, platformLabel } from '../../components/labels.ts';
import { Empty, ErrorBox, Loading } from '../../components/States.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useSession } from '../../state/session.tsx';
import { kpiParams, type View } from '../../state/view.ts';

const COUNT = 5;
const METRICS = ['impressions', 'reactions', 'comments', 'shares', 'saves', 'link_clicks'] as const;

/** The best and worst posts by the KPI (or by engagements when it cannot be split by post), with a link to each. */
export function Posts({ kpi, view, loaded }: { kpi: CatalogEntry; view: View; loaded: Loaded<RankedPosts> }) {
  const { t, format, language } = useI18n();
  const session = useSession();
  // The server says which KPI ranks the posts and the smallest base a ratio ranks a post on.
  const ranking = session.kpi(loaded.data?.ranking ?? kpi.id) ?? kpi;
  const minimumBase = loaded.data?.minimumBase ?? undefined;
  const base = { ids: ranking.id, by: 'post', min_base: minimumBase, ...kpiParams(view) };
  const topRows = loaded.data?.top.results[0]?.rows ?? [];
  const bottomRows = (loaded.data?.bottom.results[0]?.rows ?? []).filter(
    (row) => !topRows.some((other) => other.key.post === row.key.post),
  );
  const byId = new Map((loaded.data?.posts ?? []).map((post) => [post.post_id, post]));
  const note =
    ranking.id === kpi.id
      ? t('drill.rankedBy', { kpi: ranking.name[language] })
      : t('drill.rankedByFallback', { kpi: ranking.name[language], current: kpi.name[language] });
  const error = loaded.error;
  return (
    <section className="grid-2 posts" aria-label={t('drill.topPosts')}>
      {[
        { title: t('drill.topPosts'), rows: topRows, params: { ...base, top: COUNT } },
        { title: t('drill.bottomPosts'), rows: bottomRows, params: { ...base, bottom: COUNT } },
      ].map((list) => (
        <div className="card" key={list.title}>
          <div className="card-head">
            <div>
              <h2>{list.title}</h2>
              <p className="muted">{note}</p>
              {minimumBase && <p className="muted">{t('drill.minimumBase', { count: format.number(minimumBase) })}</p>}
            </div>
            <ExportLink path="/api/kpi" params={list.params} />
          </div>
          {error ? (
            <ErrorBox error={error} />
          ) : !loaded.data ? (
            <Loading lines={5} />
          ) : list.rows.length === 0 ? (
            <Empty title={t('state.noData', { what: t('dimension.post').toLowerCase(), period: '' }).replace(/ \S+ \.$/, '.')} />
          ) : (
            <ol className="post-list">
              {list.rows.map((row) => (
                <PostItem key={row.key.post} row={row} post={byId.get(row.key.post ?? '')} ranking={ranking} />
              ))}
            </ol>
          )}
        </div>
      ))}
    </section>
  );
}

function PostItem({ row, post, ranking }: { row: KpiRow; post: Post | undefined; ranking: CatalogEntry }) {
  const { t, format, language, plural } = useI18n();
  const href = safeHref(post?.permalink);
  return (
    <li className="post-item">
      <div className="post-meta">
        {post && (
          <>
            <span className="post-platform">{platformLabel(post.platform)}</span> · {contentTypeLabel(post.content_type, language)} ·{' '}
            {format.day(post.published_at.slice(0, 10))}
          </>
        )}
        <span className="post-score num">
          <Explain label={ranking.name[language]} trigger={format.value(row.value, ranking.unit)}>
            <KpiExplanation kpi={ranking} inputs={row.inputs} />
          </Explain>
        </span>
      </div>
      <p className="post-text">{post?.text ?? row.key.post}</p>
      {post && (
        <div className="post-metrics">
          {METRICS.map((metric) =>
            post[metric] === null ? (
              // A counter the platform does not report is not 0: say so.
              <span key={metric} className="muted not-reported" data-testid="not-reported" data-metric={metric}>
                {t('post.notReported', {
                  metric: t(`post.metric.${metric}`),
                  platform: platformLabel(post.platform),
                  type: contentTypeLabel(post.content_type, language).toLowerCase(),
                })}
              </span>
            ) : (
              <span key={metric} data-metric={metric}>
                {plural(`post.${metric}`, post[metric] ?? 0, format.number(post[metric], { compact: true }))}
              </span>
            ),
          )}
          {href && (
            <a href={href} target="_blank" rel="noopener noreferrer" className="post-link">
              {t('drill.openOriginal')} ↗
            </a>
          )}
        </div>
      )}
    </li>
  );
}


