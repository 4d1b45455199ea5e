// Loading, error and empty states that say what is happening and what to do next.
import type { ReactNode } from 'react';
import type { ApiError } from '../api/client.ts';
import { useI18n } from '../i18n/index.tsx';

export function Loading({ label, lines = 3 }: { label?: string; lines?: number }) {
  const { t } = useI18n();
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="visually-hidden">{label ?? t('state.loading')}</span>
      {Array.from({ length: lines }, (_, index) => (
        <span key={index} className="skeleton-line" style={{ width: `${90 - index * 17}%` }} />
      ))}
    </div>
  );
}

/** Failures the page can say in the reader's language itself; a refused request keeps the server's detail. */
function localMessage(error: ApiError, t: ReturnType<typeof useI18n>['t']): string | null {
  if (error.status === 0) return t('state.network');
  if (error.status === 403) return t('state.forbidden');
  if (error.status === 429) return t('state.tooMany');
  if (error.status >= 500) return t('state.serverError');
  return null;
}

export function ErrorBox({ error, retry }: { error: ApiError; retry?: () => void }) {
  const { t } = useI18n();
  const message = localMessage(error, t) ?? t('state.error', { message: error.message });
  return (
    <div className="notice notice-error" role="alert">
      <p>{message}</p>
      {retry && (
        <button type="button" className="button" onClick={retry}>
          {t('state.retry')}
        </button>
      )}
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="notice notice-empty">
      <p className="notice-title">{title}</p>
      {children}
    </div>
  );
}
