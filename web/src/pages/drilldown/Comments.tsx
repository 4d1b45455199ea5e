import { useEffect, useState } from 'react';
import { useApi } from '../../api/use-api.ts';
import type { Interaction, Paged } from '../../api/types.ts';
import { ExportLink } from '../../components/ExportLink.tsx';
import { safeHref } from '../../components/Link.tsx';
import { platformLabel } from '../../components/labels.ts';
import { Empty, ErrorBox, Loading } from '../../components/States.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { kpiParams, type View } from '../../state/view.ts';

const PAGE = 10;
const SENTIMENTS = ['', 'negative', 'neutral', 'positive'] as const;

/** The comments, replies, mentions and messages behind the tonality KPIs, with the sentiment read in each. */
export function Comments({ view }: { view: View }) {
  const { t, format } = useI18n();
  const [sentiment, setSentiment] = useState<(typeof SENTIMENTS)[number]>('');
  const [sort, setSort] = useState<'negative' | 'recent'>('negative');
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(0);
  useEffect(() => {
    const timer = setTimeout(() => setQuery(search.trim()), 300);
    return () => clearTimeout(timer);
  }, [search]);
  useEffect(() => setPage(0), [sentiment, sort, query, view]);
  const params = { ...kpiParams(view), sentiment, sort, q: query };
  const result = useApi<Paged<Interaction>>('/api/interactions', { ...params, limit: PAGE, offset: page * PAGE });
  const pages = Math.max(1, Math.ceil((result.data?.total ?? 0) / PAGE));
  return (
    <section className="card comments" aria-label={t('drill.comments')}>
      <div className="card-head">
        <div>
          <h2>{t('drill.comments')}</h2>
          <p className="muted">{t('drill.commentsHelp')}</p>
        </div>
        <ExportLink path="/api/interactions" params={params} />
      </div>
      <div className="comments-controls">
        <div className="segmented" role="radiogroup" aria-label={t('table.sentiment')}>
          {SENTIMENTS.map((option) => (
            <button
              key={option || 'all'}
              type="button"
              role="radio"
              aria-checked={sentiment === option}
              className={sentiment === option ? 'active' : ''}
              onClick={() => setSentiment(option)}
            >
              {option ? t(`sentiment.${option}`) : t('drill.allSentiments')}
            </button>
          ))}
        </div>
        <select value={sort} onChange={(event) => setSort(event.target.value as 'negative' | 'recent')} aria-label={t('drill.worstFirst')}>
          <option value="negative">{t('drill.worstFirst')}</option>
          <option value="recent">{t('drill.newestFirst')}</option>
        </select>
        <input type="search" value={search} placeholder={t('drill.search')} aria-label={t('drill.search')} onChange={(event) => setSearch(event.target.value)} />
        {result.data && <span className="muted">{t('drill.ofTotal', { count: format.number(result.data.total) })}</span>}
      </div>
      {result.error ? (
        <ErrorBox error={result.error} retry={result.reload} />
      ) : !result.data ? (
        <Loading lines={5} />
      ) : result.data.rows.length === 0 ? (
        <Empty title={t('state.noData', { what: t('drill.comments').toLowerCase(), period: format.period(view.period) })} />
      ) : (
        <>
          <ul className={`comment-list${result.stale ? ' stale' : ''}`}>
            {result.data.rows.map((item) => {
              const href = safeHref(item.permalink);
              return (
                <li key={item.interaction_id} className="comment">
                  <div className="comment-meta">
                    <span className={`sentiment sentiment-${item.sentiment ?? 'none'}`}>{item.sentiment ? t(`sentiment.${item.sentiment}` as 'sentiment.positive') : '—'}</span>
                    <strong>{item.author_name ?? '—'}</strong>
                    <span className="muted">
                      {platformLabel(item.platform)} · {t(`kind.${item.kind}` as 'kind.comment')} · {format.dateTime(item.created_at)}
                    </span>
                    {href && (
                      <a href={href} target="_blank" rel="noopener noreferrer" className="post-link">
                        {t('drill.openOriginal')} ↗
                      </a>
                    )}
                  </div>
                  <p className="comment-text" lang={item.lang ?? undefined}>
                    {item.text}
                  </p>
                </li>
              );
            })}
          </ul>
          <nav className="pager" aria-label={t('drill.page', { page: page + 1, pages })}>
            <button type="button" className="button button-small" disabled={page === 0} onClick={() => setPage(page - 1)}>
              ‹ {t('drill.previousPage')}
            </button>
            <span>{t('drill.page', { page: page + 1, pages })}</span>
            <button type="button" className="button button-small" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
              {t('drill.nextPage')} ›
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
