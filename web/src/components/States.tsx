// Loading, error and empty states that say what is happening and what to do next.
import type { ReactNode } from 'react';
import type { ApiError } from '../api/client.ts';
import { useI18n } from '../i18n/index.tsx';
import { problemText } from './problem-text.ts';

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

export function ErrorBox({ error, retry }: { error: ApiError; retry?: () => void }) {
  const words = useI18n();
  const { t, language } = words;
  // A refusal without a code keeps the server's detail, which names what to change; in French, said to be English.
  const message =
    problemText(error, words) ?? t(language === 'en' ? 'state.error' : 'state.refusedDetail', { message: error.message });
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
