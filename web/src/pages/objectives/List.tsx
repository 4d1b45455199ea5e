// Every objective, with its KPI, target, period and filters; analysts and admins edit and delete from here.
import { useState } from 'react';
import { objectiveName } from '../../components/labels.ts';
import { api, type ApiError } from '../../api/client.ts';
import type { Objective } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { Link } from '../../components/Link.tsx';
import { Empty, ErrorBox, Loading } from '../../components/States.tsx';
import { useDimensionLabel } from '../../components/use-labels.ts';
import { useI18n } from '../../i18n/index.tsx';
import { navigate, useLocation } from '../../state/router.ts';
import { useSession } from '../../state/session.tsx';
import { FILTER_DIMENSIONS } from '../../state/view.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { OBJECTIVE_EDITOR } from './draft.ts';

type Notice = { kind: 'ok' | 'error'; text: string } | null;

export function ObjectiveList() {
  const { t, format } = useI18n();
  const session = useSession();
  const { search } = useLocation();
  const list = useApi<Objective[]>('/api/objectives');
  const [deleting, setDeleting] = useState<Objective | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const canEdit = session.can(OBJECTIVE_EDITOR);
  const savedId = search.get('saved');
  const saved = savedId ? list.data?.find((objective) => objective.id === savedId) : undefined;
  const objectives = [...(list.data ?? [])].sort((a, b) => b.period.to.localeCompare(a.period.to) || a.name.localeCompare(b.name));
  const remove = async (objective: Objective) => {
    setBusy(true);
    try {
      await api.delete(`/api/objectives/${encodeURIComponent(objective.id)}`);
      setNotice({ kind: 'ok', text: t('objectives.deleted', { name: objective.name }) });
      if (savedId) navigate('/objectives', { replace: true });
      list.reload();
    } catch (caught) {
      const error = caught as ApiError;
      setNotice({ kind: 'error', text: error.status === 0 ? t('state.network') : t('state.error', { message: error.message }) });
    }
    setBusy(false);
    setDeleting(null);
  };
  return (
    <main id="main" className="page objectives-page">
      <div className="page-head">
        <div className="page-title">
          <h1>{t('objectives.title')}</h1>
          {list.data && list.data.length > 0 && <span className="muted">{list.data.length === 1 ? t('objectives.countOne') : t('objectives.count', { count: format.number(list.data.length) })}</span>}
        </div>
        {canEdit && (
          <Link className="button button-primary page-action" href="/objectives/new">
            + {t('objectives.new')}
          </Link>
        )}
      </div>
      <p className="muted page-lead">{t('objectives.lead')}</p>
      {!canEdit && <p className="notice notice-info">{t('objectives.readOnlyViewer')}</p>}
      <div role="status" aria-live="polite">
        {saved && !notice && <p className="notice notice-ok">{t('objectives.savedNamed', { name: saved.name })}</p>}
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
        <div className="card">
          <Loading lines={5} />
        </div>
      ) : objectives.length === 0 ? (
        <Empty title={t(canEdit ? 'objectives.empty' : 'objectives.emptyViewer')}>
          {canEdit ? (
            <Link className="button button-primary" href="/objectives/new">
              {t('scorecard.createObjective')}
            </Link>
          ) : (
            <p>{t('scorecard.noObjectivesOther')}</p>
          )}
        </Empty>
      ) : (
        <div className={`card table-card${list.stale ? ' stale' : ''}`}>
          <table className="stack-table objectives-table">
            <caption className="visually-hidden">{t('objectives.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('objectives.col.name')}</th>
                <th scope="col">{t('objectives.col.kpi')}</th>
                <th scope="col" className="num">
                  {t('objectives.col.target')}
                </th>
                <th scope="col">{t('objectives.col.period')}</th>
                <th scope="col">{t('objectives.col.filters')}</th>
                {canEdit && (
                  <th scope="col">
                    <span className="visually-hidden">{t('objectives.col.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {objectives.map((objective) => (
                <Row key={objective.id} objective={objective} canEdit={canEdit} highlighted={objective.id === savedId} onDelete={() => setDeleting(objective)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {deleting && (
        <ConfirmDialog
          title={t('objectives.confirmDelete', { name: deleting.name })}
          confirm={t('objectives.delete')}
          busy={busy}
          onConfirm={() => void remove(deleting)}
          onCancel={() => setDeleting(null)}
        >
          <p>{t('objectives.confirmDeleteHelp')}</p>
        </ConfirmDialog>
      )}
    </main>
  );
}

function Row({ objective, canEdit, highlighted, onDelete }: { objective: Objective; canEdit: boolean; highlighted: boolean; onDelete: () => void }) {
  const { t, format, language } = useI18n();
  const name = objectiveName(objective, language);
  const session = useSession();
  const label = useDimensionLabel();
  const kpi = session.kpi(objective.kpi);
  const unit = kpi?.unit ?? 'count';
  const filters = FILTER_DIMENSIONS.flatMap((dimension) => (objective.filters[dimension] ?? []).map((value) => label(dimension, value))).join(', ');
  const editHref = `/objectives/${encodeURIComponent(objective.id)}`;
  return (
    <tr className={highlighted ? 'highlighted' : undefined} data-objective={objective.id}>
      <th scope="row" className="objective-name">
        {canEdit ? <Link href={editHref}>{name}</Link> : name}
      </th>
      <td data-label={t('objectives.col.kpi')}>
        {kpi?.name[language] ?? objective.kpi}
        <span className="muted"> · {t(`direction.${objective.direction}`)}</span>
      </td>
      <td data-label={t('objectives.col.target')} className="num">
        {format.value(objective.target, unit)}
        {objective.baseline !== null && <span className="muted cell-note">{t('objectives.previewFromBaseline', { value: format.value(objective.baseline, unit) })}</span>}
      </td>
      <td data-label={t('objectives.col.period')}>{format.period(objective.period)}</td>
      <td data-label={t('objectives.col.filters')} className={filters ? undefined : 'muted'}>
        {filters || t('explain.noFilters')}
      </td>
      {canEdit && (
        <td className="row-actions">
          <Link className="button button-small" href={editHref} aria-label={t('objectives.editNamed', { name })}>
            {t('objectives.edit')}
          </Link>
          <button type="button" className="button button-small button-danger" onClick={onDelete} aria-label={t('objectives.deleteNamed', { name })}>
            {t('objectives.delete')}
          </button>
        </td>
      )}
    </tr>
  );
}
