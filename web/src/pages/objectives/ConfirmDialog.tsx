// Asks before what cannot be taken back (deleting an objective, undoing an import): a modal dialog that keeps
// the focus inside, starts on Cancel, closes with Escape and gives the focus back to what opened it.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useI18n } from '../../i18n/index.tsx';

export function ConfirmDialog({
  title,
  confirm,
  busy = false,
  onConfirm,
  onCancel,
  children,
}: {
  title: string;
  confirm: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const element = dialog.current;
    const opener = document.activeElement as HTMLElement | null;
    if (element && !element.open) element.showModal();
    return () => {
      element?.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={children ? `${id}-body` : undefined}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      {children && (
        <div id={`${id}-body`} className="dialog-body">
          {children}
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel} disabled={busy} autoFocus>
          {t('dialog.cancel')}
        </button>
        <button type="button" className="button button-danger-solid" onClick={onConfirm} disabled={busy}>
          {confirm}
        </button>
      </div>
    </dialog>
  );
}
