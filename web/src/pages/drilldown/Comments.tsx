import { useEffect, useId, useRef, useState } from 'react';
import { api, ApiError } from '../../api/client.ts';
import { useApi, type Loaded } from '../../api/use-api.ts';
import type { FirstComments } from './bundle.ts';
import type { Interaction, Paged, SentimentCorrection, SentimentLabel, SentimentSource } from '../../api/types.ts';
import { ExportLink } from '../../components/ExportLink.tsx';
import { safeHref } from '../../components/Link.tsx';
import { platformLabel } from '../../components/labels.ts';
import { Empty, ErrorBox, Loading } from '../../components/States.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useSession } from '../../state/session.tsx';
import { kpiParams, type View } from '../../state/view.ts';

const PAGE = 10;
const SENTIMENTS = ['', 'negative', 'neutral', 'positive'] as const;

/** The comments, replies, mentions and messages behind the tonality KPIs, with the sentiment read in each. */
export function Comments({ view, first }: { view: View; first: Loaded<FirstComments> }) {
  const { t, format } = useI18n();
  const session = useSession();
  const canCorrect = session.can('analyst');
  const [corrections, setCorrections] = useState<Record<string, SentimentCorrection>>({});
  const [announcement, setAnnouncement] = useState('');
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
  // The drill-down's answer holds the first page as it opens: worst first, no filter, no search.
  const opening = sentiment === '' && sort === 'negative' && query === '' && page === 0;
  const own = useApi<Paged<Interaction>>(opening ? null : '/api/interactions', { ...params, limit: PAGE, offset: page * PAGE });
  const result = opening ? first : own;
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
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
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
              const correction = corrections[item.interaction_id];
              return (
                <li key={item.interaction_id} className="comment">
                  <div className="comment-meta">
                    <SentimentBadge
                      id={item.interaction_id}
                      sentiment={(correction ? correction.sentiment : item.sentiment) as SentimentLabel | null}
                      source={correction ? correction.sentiment_source : item.sentiment_source}
                      editable={canCorrect}
                      onChange={(changed) => {
                        setCorrections((current) => ({ ...current, [changed.interaction_id]: changed }));
                        setAnnouncement(t('sentiment.saved'));
                      }}
                    />
                    {!correction && item.sentiment_uncertain && item.sentiment_source !== 'user' && (
                      <UncertainMark probability={item.sentiment_probability} />
                    )}
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

/** The model was not sure of this label (probability below its threshold): shown so nobody reads it as settled. */
function UncertainMark({ probability }: { probability: number | null }) {
  const { t, format } = useI18n();
  const detail = probability === null ? '' : t('sentiment.probability', { value: format.percent(probability) });
  return (
    <span className="sentiment-mark sentiment-uncertain" title={detail || undefined}>
      <span aria-hidden="true">? </span>
      {t('sentiment.uncertain')}
      {detail && <span className="visually-hidden"> ({detail})</span>}
    </span>
  );
}

const LABELS: SentimentLabel[] = ['positive', 'neutral', 'negative'];
const SOURCES: SentimentSource[] = ['model', 'import', 'user'];

/** PUT sets a person's label, DELETE gives the model's back; the KPIs counting sentiment change, so the cache goes. */
async function sendCorrection(id: string, sentiment: SentimentLabel | null): Promise<SentimentCorrection> {
  const path = `/api/interactions/${encodeURIComponent(id)}/sentiment`;
  return sentiment ? api.put<SentimentCorrection>(path, { sentiment }) : api.delete<SentimentCorrection>(path);
}

/** The label read in a comment, where it comes from (in its tooltip) and, for analysts, a way to correct it. */
function SentimentBadge({
  id,
  sentiment,
  source,
  editable,
  onChange,
}: {
  id: string;
  sentiment: SentimentLabel | null;
  source: string | null | undefined;
  editable: boolean;
  onChange: (correction: SentimentCorrection) => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const panel = useId();
  const label = sentiment ? t(`sentiment.${sentiment}`) : '—';
  // No source recorded means the model's label (the server reads it so too: coalesce(sentiment_source, 'model')).
  const known = SOURCES.find((item) => item === (source ?? 'model'));
  const origin = sentiment && known ? t(`sentiment.source.${known}`) : sentiment ? '' : t('sentiment.none');
  const corrected = source === 'user';
  const toggle = () => root.current?.querySelector<HTMLButtonElement>('.sentiment-button')?.focus();
  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLButtonElement>('.sentiment-panel button')?.focus();
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent) {
        if (event.key !== 'Escape') return;
        toggle();
      } else if (root.current?.contains(event.target as Node)) return;
      setOpen(false);
    };
    document.addEventListener('keydown', close);
    document.addEventListener('mousedown', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('mousedown', close);
    };
  }, [open]);
  const choose = async (next: SentimentLabel | null) => {
    setBusy(true);
    setError(null);
    try {
      onChange(await sendCorrection(id, next));
      setOpen(false);
      toggle();
    } catch (caught) {
      const failure = caught as ApiError;
      setError(t('sentiment.failed', { message: failure.status === 0 ? t('state.network') : failure.message }));
    }
    setBusy(false);
  };
  const mark = corrected && (
    <span className="sentiment-mark">
      <span aria-hidden="true">✎ </span>
      {t('sentiment.corrected')}
    </span>
  );
  if (!editable)
    return (
      <span className="sentiment-control">
        <span className={`sentiment sentiment-${sentiment ?? 'none'}`} title={origin || undefined}>
          {label}
          {origin && <span className="visually-hidden"> ({origin})</span>}
        </span>
        {mark}
      </span>
    );
  return (
    <div className="sentiment-control" ref={root}>
      <button
        type="button"
        className={`sentiment sentiment-${sentiment ?? 'none'} sentiment-button`}
        title={origin || undefined}
        aria-label={[t('table.sentiment'), label, origin, t('sentiment.correct')].filter(Boolean).join(' · ')}
        aria-expanded={open}
        aria-controls={panel}
        onClick={() => setOpen(!open)}
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      {mark}
      {open && (
        <div className="sentiment-panel" id={panel} role="group" aria-label={t('sentiment.correct')} aria-busy={busy}>
          {LABELS.map((option) => (
            <button
              key={option}
              type="button"
              className={`sentiment-option sentiment-${option}`}
              aria-pressed={sentiment === option}
              disabled={busy}
              onClick={() => void choose(option)}
            >
              <span className="sentiment-dot" aria-hidden="true" />
              {t(`sentiment.${option}`)}
            </button>
          ))}
          {corrected && (
            <button type="button" className="link-button sentiment-revert" disabled={busy} onClick={() => void choose(null)}>
              ↺ {t('sentiment.revert')}
            </button>
          )}
          {busy && <span className="muted">{t('sentiment.saving')}</span>}
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
