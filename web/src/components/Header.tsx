import { useState } from 'react';
import { useI18n, type Language } from '../i18n/index.tsx';
import { useLocation } from '../state/router.ts';
import { roleAtLeast, useSession } from '../state/session.tsx';
import { Link } from './Link.tsx';

export function Header() {
  const { t } = useI18n();
  const session = useSession();
  const { path } = useLocation();
  const [menu, setMenu] = useState(false);
  const links = [
    { href: '/', label: t('nav.scorecard'), active: path === '/' || path.startsWith('/kpi/') },
    { href: '/objectives', label: t('nav.objectives'), active: path.startsWith('/objectives') },
    ...(roleAtLeast(session.user.role, 'analyst')
      ? [{ href: '/imports', label: t('nav.imports'), active: path.startsWith('/imports') }]
      : []),
    { href: '/alerts', label: t('nav.alerts'), active: path.startsWith('/alerts') },
    ...(roleAtLeast(session.user.role, 'admin')
      ? [{ href: '/schedules', label: t('nav.schedules'), active: path.startsWith('/schedules') }]
      : []),
  ];
  return (
    <header className="header">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <Link href="/" className="brand" aria-label="Cadran">
        <svg viewBox="0 0 32 32" width="26" height="26" aria-hidden="true">
          <circle cx="16" cy="16" r="14" fill="currentColor" />
          <path d="M16 16V6" stroke="#fff" strokeWidth="3" strokeLinecap="round" />
          <path d="m16 16 7 4" stroke="#7fd1ae" strokeWidth="3" strokeLinecap="round" />
        </svg>
        <span>Cadran</span>
      </Link>
      <button
        type="button"
        className="icon-button menu-button"
        aria-expanded={menu}
        aria-controls="main-nav"
        onClick={() => setMenu(!menu)}
      >
        <span className="visually-hidden">{t('nav.menu')}</span>
        <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
          <path d="M3 5h14M3 10h14M3 15h14" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      </button>
      <nav id="main-nav" className={`nav${menu ? ' open' : ''}`} onClick={() => setMenu(false)}>
        {links.map((link) => (
          <Link key={link.href} href={link.href} aria-current={link.active ? 'page' : undefined}>
            {link.label}
          </Link>
        ))}
      </nav>
      <div className="header-end">
        <LanguageSwitch />
        <span className="user" title={t('nav.signedInAs', { email: session.user.email, role: t(`role.${session.user.role}`) })}>
          {session.user.name ?? session.user.email}
        </span>
        <button type="button" className="link-button logout" onClick={session.logout}>
          {t('nav.logout')}
        </button>
      </div>
    </header>
  );
}

export function LanguageSwitch() {
  const { t, language, setLanguage } = useI18n();
  return (
    <div className="language" role="group" aria-label={t('nav.language')}>
      {(['en', 'fr'] as Language[]).map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={language === option}
          className={language === option ? 'active' : ''}
          onClick={() => setLanguage(option)}
        >
          {option.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
