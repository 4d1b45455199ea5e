import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadPage } from './App.tsx';
import { startFirstRequests } from './first-requests.ts';
import { I18nProvider } from './i18n/index.tsx';
import './styles.css';

startFirstRequests(new URL(location.href));
preloadPage(location.pathname);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
);
