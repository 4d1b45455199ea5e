import type { Loaded } from '../../api/use-api.ts';
import type { VoiceShare } from '../../api/types.ts';
import type { api } from '../../api/client.ts';
import { ExportLink } from '../../components/ExportLink.tsx';
import { Empty, ErrorBox, Loading } from '../../components/States.tsx';
import { useI18n } from '../../i18n/index.tsx';

/** Who the mentions are about: the brand and each tracked competitor, with their share. */
export function VoiceSplit({ loaded, params }: { loaded: Loaded<VoiceShare[]>; params: Parameters<typeof api.url>[1] }) {
  const { t, format, plural } = useI18n();
  const rows = loaded.data ?? [];
  return (
    <section className="card breakdown" aria-label={t('voice.title')} data-testid="voice-split">
      <div className="card-head">
        <div>
          <h2>{t('voice.title')}</h2>
          <p className="muted">{t('voice.help')}</p>
        </div>
        <ExportLink path="/api/voice-split" params={params} />
      </div>
      {loaded.error ? (
        <ErrorBox error={loaded.error} retry={loaded.reload} />
      ) : !loaded.data ? (
        <Loading lines={3} />
      ) : rows.length === 0 ? (
        <Empty title={t('voice.none')} />
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('voice.who')}</th>
                <th scope="col" className="num">{t('voice.share')}</th>
                <th scope="col" className="num">{t('table.base')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.competitor ?? 'brand'} data-competitor={row.competitor ?? 'brand'}>
                  <th scope="row">{row.competitor === null ? t('voice.brand') : row.competitor}</th>
                  <td className="num">
                    {row.share === null ? '—' : format.percent(row.share, 1)}
                  </td>
                  <td className="num">{plural('base.mentions', row.mentions)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.every((row) => row.competitor === null) && <p className="muted summary-note">{t('voice.noCompetitor')}</p>}
        </div>
      )}
    </section>
  );
}
