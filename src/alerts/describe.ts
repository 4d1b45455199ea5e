// An alert in words, French or English: the KPI, its value against the usual range, the base,
// the drill-down link and, for tonality, the threads behind it.
import { kpiById } from '../metrics/index.ts';
import type { Message } from '../delivery/index.ts';
import type { Alert } from './history.ts';

export type Lang = 'en' | 'fr';

const STATUS: Record<Lang, Record<string, string>> = {
  en: { on_track: 'on track', at_risk: 'at risk', off_track: 'off track', no_data: 'no data' },
  fr: {
    on_track: 'en bonne voie',
    at_risk: 'à risque',
    off_track: 'hors trajectoire',
    no_data: 'sans données',
  },
};

export function formatKpiValue(kpiId: string, value: number | null, lang: Lang): string {
  if (value === null) return '—';
  const unit = kpiById(kpiId)?.unit;
  const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
  if (unit === 'ratio')
    return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(
      value,
    );
  if (unit === 'seconds') {
    const minutes = value / 60;
    return minutes >= 90
      ? `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(minutes / 60)} h`
      : `${Math.round(minutes)} min`;
  }
  if (unit === 'currency')
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'EUR',
      maximumFractionDigits: 0,
    }).format(value);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
}

function formatDay(day: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));
}

/** The value judged: an anomaly rule on a ratio's numerator judges a count (negative comments). */
function judgedFormat(alert: Alert, value: number | null, lang: Lang): string {
  return alert.judged === 'numerator'
    ? new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 0 }).format(
        value ?? 0,
      )
    : formatKpiValue(alert.kpi, value, lang);
}

export function describeAlert(alert: Alert, lang: Lang): Message {
  const name = kpiById(alert.kpi)?.name[lang] ?? alert.kpi;
  const day = formatDay(alert.about, lang);
  const lines: string[] = [];
  let subject: string;
  if (alert.kind === 'objective_status' && alert.status) {
    const [from, to] = [STATUS[lang][alert.status.from], STATUS[lang][alert.status.to]];
    subject =
      lang === 'fr'
        ? `${alert.status.objective} : ${from} → ${to}`
        : `${alert.status.objective}: ${from} → ${to}`;
    lines.push(
      lang === 'fr'
        ? `${name} : ${formatKpiValue(alert.kpi, alert.value, lang)} pour un objectif de ${formatKpiValue(alert.kpi, alert.expected, lang)} (${day}).`
        : `${name}: ${formatKpiValue(alert.kpi, alert.value, lang)} against a target of ${formatKpiValue(alert.kpi, alert.expected, lang)} (${day}).`,
    );
  } else {
    const share =
      alert.judged === 'numerator' && alert.base
        ? formatKpiValue('sentiment_negative_share', (alert.value ?? 0) / alert.base, lang)
        : null;
    const value = share
      ? lang === 'fr'
        ? `numérateur ${judgedFormat(alert, alert.value, lang)} (${share} de ${alert.base})`
        : `numerator ${judgedFormat(alert, alert.value, lang)} (${share} of ${alert.base})`
      : judgedFormat(alert, alert.value, lang);
    const direction =
      alert.side === 'above'
        ? lang === 'fr'
          ? 'au-dessus'
          : 'above'
        : lang === 'fr'
          ? 'en dessous'
          : 'below';
    subject =
      lang === 'fr'
        ? `${alert.kind === 'threshold' ? 'Seuil franchi' : 'Valeur inhabituelle'} : ${name} le ${day}`
        : `${alert.kind === 'threshold' ? 'Threshold crossed' : 'Unusual value'}: ${name} on ${day}`;
    const usual =
      alert.kind === 'anomaly'
        ? lang === 'fr'
          ? `plage habituelle ${judgedFormat(alert, alert.low, lang)} – ${judgedFormat(alert, alert.high, lang)}, valeur attendue ${judgedFormat(alert, alert.expected, lang)}`
          : `usual range ${judgedFormat(alert, alert.low, lang)} – ${judgedFormat(alert, alert.high, lang)}, expected ${judgedFormat(alert, alert.expected, lang)}`
        : lang === 'fr'
          ? `seuil ${formatKpiValue(alert.kpi, alert.expected, lang)}`
          : `threshold ${formatKpiValue(alert.kpi, alert.expected, lang)}`;
    lines.push(`${name}${lang === 'fr' ? ' : ' : ': '}${value}, ${direction} — ${usual}.`);
    if (alert.base !== null)
      lines.push(
        lang === 'fr'
          ? `Base : ${new Intl.NumberFormat('fr-FR').format(alert.base)} (ce sur quoi la valeur est mesurée).`
          : `Base: ${new Intl.NumberFormat('en-GB').format(alert.base)} (what the value is measured over).`,
      );
  }
  for (const thread of alert.threads) {
    const post = (thread.post_text ?? thread.post_id ?? '').slice(0, 80);
    lines.push(
      lang === 'fr'
        ? `• ${thread.negatives} négatifs sur ${thread.opinions} — « ${post} »${thread.sample ? ` : « ${thread.sample.slice(0, 120)} »` : ''}`
        : `• ${thread.negatives} negative of ${thread.opinions} — “${post}”${thread.sample ? `: “${thread.sample.slice(0, 120)}”` : ''}`,
    );
  }
  return { subject: `Cadran — ${subject}`, text: lines.join('\n'), link: alert.link };
}
