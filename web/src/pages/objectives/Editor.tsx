// Creating or changing one objective: KPI from the catalog, target, period, direction, baseline and filters,
// with the live value beside it. Server errors land next to the field they name.
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { api, type ApiError } from '../../api/client.ts';
import type { Objective } from '../../api/types.ts';
import { useApi } from '../../api/use-api.ts';
import { Link } from '../../components/Link.tsx';
import { problemText } from '../../components/problem-text.ts';
import { Empty, ErrorBox, Loading } from '../../components/States.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { navigate, useLocation } from '../../state/router.ts';
import { useSession } from '../../state/session.tsx';
import { decimalOf, draftOf, OBJECTIVE_EDITOR, fieldOfServer, inputOf, newDraft, withoutFieldPrefix, type Draft, type FieldErrors, type FieldName } from './draft.ts';
import { DatesField, FiltersField, KpiField, NumberField, TextField, DirectionField, LocalNamesField } from './fields.tsx';
import { Preview } from './Preview.tsx';

export function ObjectiveEditor({ id }: { id: string | null }) {
  const { t, format } = useI18n();
  const session = useSession();
  const { search } = useLocation();
  const list = useApi<Objective[]>(id ? '/api/objectives' : null);
  const back = (
    <Link href="/objectives" className="back-link">
      ← {t('objectives.back')}
    </Link>
  );
  if (!session.can(OBJECTIVE_EDITOR))
    return (
      <main id="main" className="page objectives-page">
        <div className="page-head">{back}</div>
        <Empty title={t('objectives.readOnlyViewer')} />
      </main>
    );
  if (!id) {
    const wanted = session.kpi(search.get('kpi') ?? '') ?? session.catalog[0];
    return <ObjectiveForm initial={newDraft(wanted, session.today)} existing={null} back={back} />;
  }
  const objective = list.data?.find((item) => item.id === id);
  return list.error ? (
    <main id="main" className="page objectives-page">
      <div className="page-head">{back}</div>
      <ErrorBox error={list.error} retry={list.reload} />
    </main>
  ) : !list.data ? (
    <main id="main" className="page objectives-page">
      <div className="page-head">{back}</div>
      <Loading lines={6} />
    </main>
  ) : !objective ? (
    <main id="main" className="page objectives-page">
      <div className="page-head">{back}</div>
      <Empty title={t('objectives.notFound', { id })}>
        <Link className="button" href="/objectives">
          {t('objectives.back')}
        </Link>
      </Empty>
    </main>
  ) : (
    <ObjectiveForm key={objective.id} initial={draftOf(objective, session.kpi(objective.kpi)?.unit ?? 'count', decimalOf(format.locale))} existing={objective} back={back} />
  );
}

function ObjectiveForm({ initial, existing, back }: { initial: Draft; existing: Objective | null; back: ReactNode }) {
  const words = useI18n();
  const { t } = words;
  const session = useSession();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const kpi = session.kpi(draft.kpi) ?? session.catalog[0];
  const change = (patch: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setErrors((current) => {
      const next = { ...current };
      for (const name of Object.keys(patch)) delete next[name as FieldName];
      if ('filters' in patch) for (const name of Object.keys(next)) if (name.startsWith('filters.')) delete next[name as FieldName];
      delete next.form;
      return next;
    });
  };
  const focusFirst = (fields: FieldErrors) => {
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"], .form-error')?.focus());
    return fields;
  };
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = inputOf(draft, kpi.unit);
    if (checked.problems) {
      const found: FieldErrors = {};
      for (const [field, key] of Object.entries(checked.problems)) found[field as FieldName] = t(key);
      return setErrors(focusFirst(found));
    }
    setBusy(true);
    setErrors({});
    try {
      const saved = existing
        ? await api.patch<Objective>(`/api/objectives/${encodeURIComponent(existing.id)}`, checked.input)
        : await api.post<Objective>('/api/objectives', checked.input);
      navigate(`/objectives?saved=${encodeURIComponent(saved.id)}`);
    } catch (caught) {
      setBusy(false);
      setErrors(focusFirst(serverErrors(caught as ApiError, words)));
    }
  };
  const title = existing ? t('objectives.form.edit', { name: existing.name }) : t('objectives.form.new');
  return (
    <main id="main" className="page objectives-page">
      <div className="page-head">
        {back}
        <h1 className="editor-title">{title}</h1>
      </div>
      <div className="objective-editor">
        <form ref={form} className="card objective-form" onSubmit={submit} noValidate aria-label={title}>
          <TextField name="name" label={t('objectives.form.name')} value={draft.name} error={errors.name} placeholder={t('objectives.form.namePlaceholder')} onChange={(name) => change({ name })} />
          <LocalNamesField names={draft.names} onChange={(names) => change({ names })} />
          <KpiField
            value={kpi.id}
            error={errors.kpi}
            onChange={(id) => change({ kpi: id, ...(draft.directionChosen ? {} : { direction: session.kpi(id)?.better === 'lower' ? 'decrease' : 'increase' }) })}
          />
          <DatesField draft={draft} errors={errors} onChange={change} />
          <div className="form-row">
            <NumberField name="target" label={t('objectives.form.target')} unit={kpi.unit} value={draft.target} error={errors.target} onChange={(target) => change({ target })} />
            <DirectionField kpi={kpi} value={draft.direction} error={errors.direction} onChange={(direction) => change({ direction, directionChosen: true })} />
          </div>
          <NumberField
            name="baseline"
            label={t('objectives.form.baseline')}
            unit={kpi.unit}
            value={draft.baseline}
            error={errors.baseline}
            help={t('objectives.form.baselineHelp')}
            onChange={(baseline) => change({ baseline })}
          />
          <FiltersField filters={draft.filters} errors={errors} onChange={(filters) => change({ filters })} />
          {errors.form && (
            <p className="form-error" role="alert" tabIndex={-1}>
              {t('objectives.form.notSaved', { message: errors.form })}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? t('objectives.form.saving') : t(existing ? 'objectives.form.save' : 'objectives.form.create')}
            </button>
            <Link href="/objectives" className="button">
              {t('objectives.form.cancel')}
            </Link>
          </div>
        </form>
        <Preview draft={draft} kpi={kpi} />
      </div>
    </main>
  );
}

/**
 * The server's (first) problem goes next to the field it names, else above the buttons, in the reader's
 * language; a refusal without a code keeps the server's detail (said to be English on a French page).
 */
function serverErrors(error: ApiError, words: ReturnType<typeof useI18n>): FieldErrors {
  const { t, language } = words;
  // The id is made from the name, so a taken id is the name's problem.
  const field = error.code === 'objective-exists' ? 'name' : fieldOfServer(error.code === 'invalid-field' ? String(error.params.name) : error.field);
  const worded = problemText(error, words);
  if (worded) return { [field]: worded };
  const detail = field === 'form' ? error.message : withoutFieldPrefix(error.message);
  return { [field]: language === 'en' ? detail : t('objectives.form.serverRefused', { message: detail }) };
}
