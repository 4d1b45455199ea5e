// Login and first-run setup: the only screens before a session exists.
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client.ts';
import type { Me } from '../api/types.ts';
import { LanguageSwitch } from '../components/Header.tsx';
import { problemText } from '../components/problem-text.ts';
import { useI18n } from '../i18n/index.tsx';

export function Login({ setup, onDone }: { setup: boolean; onDone: (user: Me) => void }) {
  const words = useI18n();
  const { t, language } = words;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const body = { email: String(form.get('email')), password: String(form.get('password')) };
      const user = setup
        ? await api.post<Me>('/api/auth/setup', { ...body, name: String(form.get('name') ?? '') || undefined })
        : await api.post<Me>('/api/auth/login', body);
      onDone(user);
    } catch (caught) {
      const failure = caught as ApiError;
      // The server's words are English: the statuses a person meets here are said in the reader's language.
      setError(
        failure.status === 401
          ? t('login.failed')
          : failure.status === 429
            ? t('login.throttled')
            : (problemText(failure, words) ?? (language === 'en' ? failure.message : t('login.refused'))),
      );
      setBusy(false);
    }
  };
  return (
    <main id="main" className="login-page">
      <div className="login-card">
        <div className="login-head">
          <span className="brand brand-large">
            <svg viewBox="0 0 32 32" width="34" height="34" aria-hidden="true">
              <circle cx="16" cy="16" r="14" fill="currentColor" />
              <path d="M16 16V6" stroke="#fff" strokeWidth="3" strokeLinecap="round" />
              <path d="m16 16 7 4" stroke="#7fd1ae" strokeWidth="3" strokeLinecap="round" />
            </svg>
            Cadran
          </span>
          <LanguageSwitch />
        </div>
        <h1>{t(setup ? 'setup.title' : 'login.title')}</h1>
        <p className="muted">{t(setup ? 'setup.lead' : 'login.lead')}</p>
        <form onSubmit={submit} className="form">
          {setup && (
            <label className="field">
              <span>{t('setup.name')}</span>
              <input name="name" autoComplete="name" />
            </label>
          )}
          <label className="field">
            <span>{t('login.email')}</span>
            <input name="email" type="email" required autoComplete="username" autoFocus />
          </label>
          <label className="field">
            <span>{t('login.password')}</span>
            <input
              name="password"
              type="password"
              required
              minLength={setup ? 10 : undefined}
              autoComplete={setup ? 'new-password' : 'current-password'}
              aria-describedby={setup ? 'password-hint' : undefined}
            />
            {setup && (
              <small id="password-hint" className="muted">
                {t('setup.passwordHint')}
              </small>
            )}
          </label>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('login.busy') : t(setup ? 'setup.submit' : 'login.submit')}
          </button>
        </form>
      </div>
    </main>
  );
}
