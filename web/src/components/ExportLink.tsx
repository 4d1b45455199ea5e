import { api } from '../api/client.ts';
import { useI18n } from '../i18n/index.tsx';

/** Downloads the table shown as CSV, from the same API call with format=csv. */
export function ExportLink({ path, params, label }: { path: string; params: Parameters<typeof api.url>[1]; label?: string }) {
  const { t } = useI18n();
  return (
    <a className="button button-small export-link" href={api.url(path, { ...params, format: 'csv' })} download>
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
        <path d="M8 2v8m0 0L5 7m3 3 3-3M3 13h10" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
      {label ?? t('table.export')}
    </a>
  );
}
