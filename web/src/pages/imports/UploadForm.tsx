// One file at a time: dropped or picked, sent with progress, then the summary or the server's error with the
// line and column to fix. A refused file changes nothing, and the page says so.
import { useEffect, useId, useState, type DragEvent, type FormEvent } from 'react';
import type { ImportJob, ImportSummary } from '../../api/types.ts';
import { Link } from '../../components/Link.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { IMPORT_FORMATS } from './formats.ts';
import { noteText, refusalText, skippedText } from './import-messages.ts';
import { uploadImport, UploadError } from './upload.ts';

type Phase =
  | { kind: 'idle' }
  | { kind: 'sending'; sent: number; job?: ImportJob }
  | { kind: 'done'; summary: ImportSummary }
  | { kind: 'failed'; file: string; error: UploadError };

export function UploadForm({ onImported }: { onImported: () => void }) {
  const { t, language, format: localeFormat } = useI18n();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState('');
  const [period, setPeriod] = useState({ from: '', to: '' });
  const [dragging, setDragging] = useState(false);
  const [missing, setMissing] = useState(false);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const busy = phase.kind === 'sending';
  useNoDropOutside();
  const choose = (chosen: File | undefined | null) => {
    if (!chosen) return;
    setFile(chosen);
    setMissing(false);
  };
  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    if (!busy) choose(event.dataTransfer.files[0]);
  };
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) return setMissing(true);
    setPhase({ kind: 'sending', sent: 0 });
    try {
      const summary = await uploadImport(
        file,
        format,
        period,
        (sent) => setPhase({ kind: 'sending', sent }),
        (job) => setPhase({ kind: 'sending', sent: 1, job }),
      );
      setPhase({ kind: 'done', summary });
      setFile(null);
      onImported();
    } catch (caught) {
      setPhase({ kind: 'failed', file: file.name, error: caught as UploadError });
    }
  };
  return (
    <section className="card upload" aria-labelledby={`${id}-title`}>
      <div className="card-head">
        <h2 id={`${id}-title`}>{t('imports.upload')}</h2>
      </div>
      <form className="form upload-form" onSubmit={submit} aria-busy={busy}>
        <div
          className={`dropzone${dragging ? ' dragging' : ''}${file ? ' has-file' : ''}`}
          onDragEnter={(event) => (event.preventDefault(), setDragging(true))}
          onDragOver={(event) => (event.preventDefault(), (event.dataTransfer.dropEffect = 'copy'))}
          onDragLeave={(event) => !event.currentTarget.contains(event.relatedTarget as Node) && setDragging(false)}
          onDrop={drop}
        >
          <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" className="dropzone-icon">
            <path d="M12 16V4m0 0L7 9m5-5 5 5M4 15v4a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          <p className="dropzone-text">{dragging ? t('imports.dropActive') : t('imports.drop')}</p>
          <span className="muted">{t('imports.or')}</span>
          <label className="button file-button">
            <input
              type="file"
              className="visually-hidden"
              accept=".csv,.tsv,.txt,.xlsx,.xls"
              disabled={busy}
              aria-describedby={missing ? `${id}-missing` : `${id}-chosen`}
              onChange={(event) => {
                choose(event.target.files?.[0]);
                event.target.value = '';
              }}
            />
            {t('imports.choose')}
          </label>
          <p id={`${id}-chosen`} className="dropzone-file" aria-live="polite">
            {file && t('imports.chosen', { file: file.name, size: sizeText(file.size, localeFormat.locale) })}
          </p>
          {missing && (
            <p id={`${id}-missing`} className="form-error" role="alert">
              {t('imports.noFile')}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-format`}>{t('imports.format')}</label>
          <select id={`${id}-format`} value={format} disabled={busy} aria-describedby={`${id}-format-help`} onChange={(event) => setFormat(event.target.value)}>
            <option value="">{t('imports.formatAuto')}</option>
            {IMPORT_FORMATS.map((known) => (
              <option key={known.name} value={known.name}>
                {known.label[language === 'fr' ? 1 : 0]}
              </option>
            ))}
          </select>
          <small id={`${id}-format-help`} className="muted">
            {t('imports.formatHelp')}
          </small>
        </div>
        <fieldset className="form-group">
          <legend>{t('imports.period')}</legend>
          <div className="form-row">
            <div className="field">
              <label htmlFor={`${id}-from`}>{t('imports.periodFrom')}</label>
              <input id={`${id}-from`} type="date" value={period.from} disabled={busy} onChange={(event) => setPeriod({ ...period, from: event.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-to`}>{t('imports.periodTo')}</label>
              <input id={`${id}-to`} type="date" value={period.to} disabled={busy} onChange={(event) => setPeriod({ ...period, to: event.target.value })} />
            </div>
          </div>
          <small className="muted">{t('imports.periodHelp')}</small>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('imports.busy') : t('imports.submit')}
          </button>
        </div>
        <Outcome phase={phase} />
      </form>
    </section>
  );
}

function Outcome({ phase }: { phase: Phase }) {
  const words = useI18n();
  const { t, format, language } = words;
  if (phase.kind === 'sending')
    return (
      <div className="upload-progress" role="status">
        {phase.sent < 1 ? (
          <>
            <progress max={1} value={phase.sent} aria-label={t('imports.sending', { percent: format.percent(phase.sent, 0) })} />
            <span>{t('imports.sending', { percent: format.percent(phase.sent, 0) })}</span>
          </>
        ) : phase.job && phase.job.state === 'running' && !phase.job.landing && phase.job.totalBytes > 0 ? (
          <>
            <progress
              max={1}
              value={phase.job.bytes / phase.job.totalBytes}
              aria-label={t('imports.reading', { percent: format.percent(phase.job.bytes / phase.job.totalBytes, 0), rows: format.number(phase.job.rows) })}
            />
            <span>{t('imports.reading', { percent: format.percent(phase.job.bytes / phase.job.totalBytes, 0), rows: format.number(phase.job.rows) })}</span>
          </>
        ) : (
          <>
            <progress aria-label={t(phase.job?.state === 'queued' ? 'imports.queued' : 'imports.processing')} />
            <span>{t(phase.job?.state === 'queued' ? 'imports.queued' : 'imports.processing')}</span>
          </>
        )}
      </div>
    );
  if (phase.kind === 'done') {
    const { summary } = phase;
    return (
      <div className="notice notice-ok" role="status">
        <p className="notice-title">{t('imports.doneTitle')}</p>
        <p>
          {t('imports.done', { rows: format.number(summary.rows), table: summary.table, file: summary.file, replaced: format.number(summary.replaced) })}{' '}
          {t('imports.doneFormat', { format: summary.format })}
        </p>
        <Reconciliation summary={summary} />
        <p>
          {t('imports.doneNext')} <Link href="/">{t('state.goHome')}</Link>
        </p>
      </div>
    );
  }
  if (phase.kind === 'failed') {
    const { error } = phase;
    const where = [
      error.location.file,
      error.location.line !== undefined ? t('imports.errorLine', { line: format.number(error.location.line) }) : '',
      error.location.column ? t('imports.errorColumn', { column: error.location.column }) : '',
    ].filter(Boolean);
    // The server words refusals in English; the commonest come with a code this page words itself.
    const worded = language === 'en' ? null : refusalText(error.location, words);
    const expected = worded?.expected ?? error.location.expected;
    return (
      <div className="notice notice-error upload-error" role="alert">
        <p className="notice-title">{t('imports.failedTitle', { file: phase.file })}</p>
        <p data-testid="upload-error-message">
          {error.status === 0
            ? t('state.network')
            : language === 'en'
              ? error.message
              : (worded?.message ?? (where.length ? t('imports.failedAt') : t('imports.failedOther')))}
        </p>
        {where.length > 0 && <p className="upload-where">{where.join(', ')}</p>}
        {expected && <p>{t('imports.errorExpected', { expected })}</p>}
        {error.location.value !== undefined && <p>{t('imports.errorValue', { value: error.location.value })}</p>}
        {error.status !== 0 && <p>{t('imports.failedFix')}</p>}
      </div>
    );
  }
  return null;
}

/** Each mapped metric's total in the file beside the store's, the rows a documented rule skipped, and the choices made. */
function Reconciliation({ summary }: { summary: ImportSummary }) {
  const words = useI18n();
  const { t, format } = words;
  const lines = summary.reconciliation ?? [];
  const skipped = summary.skipped ?? [];
  const notes = summary.notes ?? [];
  if (lines.length === 0 && skipped.length === 0 && notes.length === 0) return null;
  return (
    <div className="upload-reconciliation">
      {lines.length > 0 && <p>{t('imports.reconciliation')}</p>}
      <ul>
        {lines.map((line) => (
          <li key={`${line.table}.${line.metric}`}>
            {t('imports.reconciled', { metric: line.metric, file: format.number(line.file), stored: format.number(line.stored) })}
            {line.repeated ? ` ${t('imports.reconciledRepeated', { repeated: format.number(line.repeated) })}` : ''}
          </li>
        ))}
        {skipped.map((rule) => (
          <li key={rule.code}>{skippedText(rule, words)}</li>
        ))}
        {notes.map((note) => (
          <li key={note.text}>{noteText(note, words)}</li>
        ))}
      </ul>
    </div>
  );
}

/** A file size in the reader's locale: bytes below a kilobyte, kB below a megabyte, MB above. */
function sizeText(bytes: number, locale: string): string {
  if (bytes < 1_000) return new Intl.NumberFormat(locale, { style: 'unit', unit: 'byte', unitDisplay: 'long' }).format(bytes);
  const mega = bytes >= 1_000_000;
  return new Intl.NumberFormat(locale, { style: 'unit', unit: mega ? 'megabyte' : 'kilobyte', maximumFractionDigits: 1 }).format(
    bytes / (mega ? 1_000_000 : 1_000),
  );
}

/** A file dropped beside the zone would make the browser leave the page for it. */
function useNoDropOutside() {
  useEffect(() => {
    const stop = (event: globalThis.DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    window.addEventListener('dragover', stop);
    window.addEventListener('drop', stop);
    return () => {
      window.removeEventListener('dragover', stop);
      window.removeEventListener('drop', stop);
    };
  }, []);
}
