import type { Loaded } from '../../api/use-api.ts';
import type { SlowThread } from '../../api/types.ts';
import type { api } from '../../api/client.ts';
import { ExportLink } from '../../components/ExportLink.tsx';
import { platformLabel } from '../../components/labels.ts';
import { Empty, ErrorBox, Loading } from '../../components/States.tsx';
import { useI18n } from '../../i18n/index.tsx';

/** The comments and messages the brand took longest to answer, each with its reply time. */
/** The download lists up to this many threads, not only the ten shown. */
const EXPORTED_THREADS = 500;

export function SlowThreads({ loaded, params }: { loaded: Loaded<SlowThread[]>; params: Parameters<typeof api.url>[1] }) {
  const { t, format } = useI18n();
  return (
    <section className="card posts" aria-label={t('threads.slowest')} data-testid="slowest-threads">
      <div className="card-head">
        <div>
          <h2>{t('threads.slowest')}</h2>
          <p className="muted">{t('threads.slowestHelp')}</p>
        </div>
        <ExportLink path="/api/slowest-threads" params={{ ...params, limit: EXPORTED_THREADS }} />
      </div>
      {loaded.error ? (
        <ErrorBox error={loaded.error} retry={loaded.reload} />
      ) : !loaded.data ? (
        <Loading lines={5} />
      ) : loaded.data.length === 0 ? (
        <Empty title={t('threads.none')} />
      ) : (
        <ol className="post-list">
          {loaded.data.map((row) => (
            <li className="post-item" key={row.interaction_id} data-reply-seconds={row.reply_seconds}>
              <div className="post-meta">
                <span className="post-platform">{row.author_name ?? t(`threads.kind.${row.kind === 'message' ? 'message' : 'comment'}`)}</span> · {platformLabel(row.platform)} ·{' '}
                {format.dateTime(row.created_at)}
                <span className="post-score num" title={t('threads.replyTime')}>
                  {format.duration(row.reply_seconds)}
                </span>
              </div>
              {row.text && <p className="post-text">{row.text}</p>}
              <div className="post-metrics">
                <span>
                  {t('threads.repliedIn', { time: format.duration(row.reply_seconds) })}
                  {row.business_reply_seconds !== null && <span className="muted"> · {t('threads.businessTime', { time: format.duration(row.business_reply_seconds) })}</span>}
                </span>
                {row.permalink && (
                  <a href={row.permalink} target="_blank" rel="noreferrer">
                    {t('threads.open')}
                  </a>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
