// Imports: send a platform export or a Cadran CSV, see what was imported, undo an import.
import type { ImportRecord } from '../api/types.ts';
import { useApi } from '../api/use-api.ts';
import { useI18n } from '../i18n/index.tsx';
import { useSession } from '../state/session.tsx';
import { History } from './imports/History.tsx';
import { SentimentModel } from './imports/SentimentModel.tsx';
import { UploadForm } from './imports/UploadForm.tsx';

export default function Imports() {
  const { t } = useI18n();
  const session = useSession();
  const list = useApi<ImportRecord[]>('/api/imports');
  const canImport = session.can('analyst');
  return (
    <main id="main" className="page imports-page">
      <div className="page-head">
        <h1>{t('imports.title')}</h1>
      </div>
      <p className="muted page-lead">{t('imports.lead')}</p>
      {!canImport && <p className="notice notice-info">{t('imports.readOnlyList')}</p>}
      <div className={canImport ? 'imports-layout' : undefined}>
        {canImport && <UploadForm onImported={list.reload} />}
        <History list={list} canUndo={canImport} />
      </div>
      {session.can('admin') && <SentimentModel />}
    </main>
  );
}
