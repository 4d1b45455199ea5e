import { Fragment } from 'react';
import type { Loaded } from '../../api/use-api.ts';
import { usePart } from './bundle.ts';
import type { CatalogEntry, Funnel } from '../../api/types.ts';
import { Delta } from '../../components/Delta.tsx';
import { Explain, KpiExplanation } from '../../components/Explain.tsx';
import { ExportLink } from '../../components/ExportLink.tsx';
import { Link } from '../../components/Link.tsx';
import { FunnelDropOff } from './FunnelDropOff.tsx';
import { ErrorBox, Loading } from '../../components/States.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useSession } from '../../state/session.tsx';
import { kpiParams, viewSearch, type View } from '../../state/view.ts';

/** Awareness → engagement → conversion → advocacy: the headline of each stage, its other KPIs, and the passage rates. */
export function FunnelView({ kpi, view, preloaded }: { kpi: CatalogEntry; view: View; preloaded?: Loaded<Funnel> }) {
  const { t, format, language } = useI18n();
  const session = useSession();
  const params = { compare: view.compare, ...kpiParams(view) };
  const result = usePart<Funnel>(preloaded, '/api/funnel', params);
  const value = (id: string, amount: number | null, inputs: Record<string, number | null>) => {
    const entry = session.kpi(id);
    if (!entry) return format.number(amount);
    return (
      <Explain label={entry.name[language]} trigger={format.value(amount, entry.unit, { compact: true })}>
        <KpiExplanation kpi={entry} inputs={inputs} />
      </Explain>
    );
  };
  const name = (id: string) => session.kpi(id)?.name[language] ?? id;
  return (
    <section className="card funnel" aria-label={t('drill.funnel')}>
      <div className="card-head">
        <div>
          <h2>{t('drill.funnel')}</h2>
          <p className="muted">{t('drill.funnelHelp')}</p>
        </div>
        <ExportLink path="/api/funnel" params={params} />
      </div>
      {result.error ? (
        <ErrorBox error={result.error} retry={result.reload} />
      ) : !result.data ? (
        <Loading lines={6} />
      ) : (
        <>
        {result.data.steps && <FunnelDropOff steps={result.data.steps} />}
        <ol className={`funnel-stages${result.stale ? ' stale' : ''}`}>
          {result.data.stages.map((stage) => {
            const headline = stage.kpis.find((item) => item.id === stage.headline);
            const others = stage.kpis.filter((item) => item.id !== stage.headline && item.value !== null).slice(0, 4);
            return (
              <Fragment key={stage.stage}>
                {stage.bridges.length > 0 && (
                  <li className="funnel-bridge" aria-label={t('drill.bridge')}>
                    <span aria-hidden="true">↓</span>
                    {stage.bridges.map((bridge) => (
                      <span key={bridge.id}>
                        {name(bridge.id)} {value(bridge.id, bridge.value, bridge.inputs)}
                      </span>
                    ))}
                  </li>
                )}
                <li className={`funnel-stage${stage.kpis.some((item) => item.id === kpi.id) ? ' current' : ''}`}>
                  <div className="funnel-headline">
                    <span className="funnel-name">{t(`stage.${stage.stage}` as 'stage.awareness')}</span>
                    {headline && (
                      <Link href={`/kpi/${headline.id}${viewSearch(view)}`} className="funnel-kpi">
                        {name(headline.id)}
                      </Link>
                    )}
                    <span className="funnel-value num">{headline ? value(headline.id, headline.value, headline.inputs) : '—'}</span>
                    {headline && session.kpi(headline.id) && (
                      <Delta comparison={headline[view.compare]} unit={session.kpi(headline.id)!.unit} />
                    )}
                  </div>
                  {others.length > 0 && (
                    <ul className="funnel-others">
                      {others.map((item) => (
                        <li key={item.id} className={item.id === kpi.id ? 'current' : ''}>
                          <Link href={`/kpi/${item.id}${viewSearch(view)}`}>{name(item.id)}</Link>
                          <span className="num">{value(item.id, item.value, item.inputs)}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              </Fragment>
            );
          })}
        </ol>
        </>
      )}
    </section>
  );
}
