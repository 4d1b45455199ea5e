import type { Loaded } from '../../api/use-api.ts';
import type { SsiSeller } from '../../api/types.ts';
import type { api } from '../../api/client.ts';
import { ExportLink } from '../../components/ExportLink.tsx';
import { Empty, ErrorBox, Loading } from '../../components/States.tsx';
import { useI18n } from '../../i18n/index.tsx';

const PILLARS = ['brand', 'people', 'insights', 'relationships', 'ssi'] as const;

/** One row per seller: the latest snapshot's 4 pillars and total, and their change against the comparison. */
export function SsiTeam({ loaded, compare, params }: { loaded: Loaded<SsiSeller[]>; compare: 'previous' | 'yoy'; params: Parameters<typeof api.url>[1] }) {
  const { t, format } = useI18n();
  // One decimal everywhere, so that the columns line up (19.0, not 19) and a rounded −0.04 reads ±0.0, not −0.
  const oneDecimal = (value: number) => format.number(value, { digits: 1, fixed: true });
  const change = (value: number | null) => {
    if (value === null) return '—';
    const rounded = Math.round(value * 10) / 10;
    return `${rounded > 0 ? '+' : rounded < 0 ? '−' : '±'}${oneDecimal(Math.abs(rounded))}`;
  };
  return (
    <section className="card breakdown" aria-label={t('ssiTeam.title')} data-testid="ssi-team">
      <div className="card-head">
        <div>
          <h2>{t('ssiTeam.title')}</h2>
          <p className="muted">{t('ssiTeam.help', { compare: t(compare === 'yoy' ? 'compare.vsYoy' : 'compare.vsPrevious') })}</p>
        </div>
        <ExportLink path="/api/ssi-team" params={{ ...params, compare }} />
      </div>
      {loaded.error ? (
        <ErrorBox error={loaded.error} retry={loaded.reload} />
      ) : !loaded.data ? (
        <Loading lines={4} />
      ) : loaded.data.length === 0 ? (
        <Empty title={t('ssiTeam.none')} />
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('ssiTeam.seller')}</th>
                {PILLARS.map((pillar) => (
                  <th scope="col" className="num" key={pillar}>
                    {t(`ssiTeam.${pillar}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {loaded.data.map((seller) => (
                <tr key={seller.person_id} data-person={seller.person_id}>
                  <th scope="row">
                    {seller.person_name ?? seller.person_id}
                    <span className="muted">
                      {seller.team && ` · ${seller.team}`} · {format.day(seller.day)}
                    </span>
                  </th>
                  {PILLARS.map((pillar) => (
                    <td className="num" key={pillar} data-pillar={pillar}>
                      {seller.pillars[pillar].value === null ? '—' : oneDecimal(seller.pillars[pillar].value!)} <span className="muted">{change(seller.pillars[pillar].change)}</span>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
