// The imported files, newest first; analysts and admins can undo one (after confirming).
import { useState } from 'react';
import { api, type ApiError } from '../../api/client.ts';
import type { ImportRecord } from '../../api/types.ts';
import type { Loaded } from '../../api/use-api.ts';
import { Empty, ErrorBox, Loading } from '../../components/States.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { ConfirmDialog } from '../objectives/ConfirmDialog.tsx';

type Notice = { kind: 'ok' | 'error'; text: string } | null;

export function History({ list, canUndo }: { list: Loaded<ImportRecord[]>; canUndo: boolean }) {
  const { t, format } = useI18n();
  const [undoing, setUndoing] = useState<ImportRecord | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const undo = async (record: ImportRecord) => {
    setBusy(true);
    try {
      await api.delete(`/api/imports/${encodeURIComponent(record.import_id)}`);
      setNotice({ kind: 'ok', text: t('imports.undone', { file: record.file_name }) });
      list.reload();
    } catch (caught) {
      const error = caught as ApiError;
      setNotice({ kind: 'error', text: t('imports.undoFailed', { file: record.file_name, message: error.status === 0 ? t('state.network') : error.message }) });
    }
    setBusy(false);
    setUndoing(null);
  };
  return (
    <section className="card history" aria-labelledby="imports-history-title">
      <div className="card-head">
        <h2 id="imports-history-title">{t('imports.history')}</h2>
        {list.data && list.data.length > 0 && <span className="muted">{list.data.length === 1 ? t('imports.countOne') : t('imports.count', { count: format.number(list.data.length) })}</span>}
      </div>
      <div role="status" aria-live="polite">
        {notice?.kind === 'ok' && <p className="notice notice-ok">{notice.text}</p>}
      </div>
      {notice?.kind === 'error' && (
        <p className="notice notice-error" role="alert">
          {notice.text}
        </p>
      )}
      {list.error ? (
        <ErrorBox error={list.error} retry={list.reload} />
      ) : !list.data ? (
        <Loading lines={4} />
      ) : list.data.length === 0 ? (
        <Empty title={t('imports.none')} />
      ) : (
        <table className={`stack-table imports-table${list.stale ? ' stale' : ''}`}>
          <caption className="visually-hidden">{t('imports.history')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('imports.col.file')}</th>
              <th scope="col">{t('imports.col.when')}</th>
              <th scope="col">{t('imports.col.format')}</th>
              <th scope="col" className="num">
                {t('imports.col.rows')}
              </th>
              <th scope="col" className="num">
                {t('imports.col.replaced')}
              </th>
              {canUndo && (
                <th scope="col">
                  <span className="visually-hidden">{t('imports.col.actions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {list.data.map((record) => (
              <tr key={record.import_id}>
                <th scope="row" className="import-file">
                  {record.file_name}
                </th>
                <td data-label={t('imports.col.when')}>{format.dateTime(record.imported_at)}</td>
                <td data-label={t('imports.col.format')}>
                  {record.format}
                  {!record.format.endsWith(record.table_name) && <span className="muted"> · {record.table_name}</span>}
                </td>
                <td data-label={t('imports.col.rows')} className="num">
                  {format.number(record.rows)}
                </td>
                <td data-label={t('imports.col.replaced')} className="num">
                  {format.number(record.replaced)}
                </td>
                {canUndo && (
                  <td className="row-actions">
                    <button type="button" className="button button-small button-danger" aria-label={t('imports.undoNamed', { file: record.file_name })} onClick={() => setUndoing(record)}>
                      {t('imports.undo')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {undoing && (
        <ConfirmDialog
          title={t('imports.confirmUndo', { file: undoing.file_name })}
          confirm={busy ? t('imports.undoing') : t('imports.undo')}
          busy={busy}
          onConfirm={() => void undo(undoing)}
          onCancel={() => setUndoing(null)}
        >
          <p>{t('imports.confirmUndoHelp', { rows: format.number(undoing.rows) })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
