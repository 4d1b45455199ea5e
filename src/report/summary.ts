// The report in a few lines of text: the body of the e-mail or the webhook message that carries it.
import type { Lang } from '../alerts/index.ts';
import { kpiById } from '../metrics/index.ts';
import { objectiveNameIn } from '../model/index.ts';
import type { ReportData } from './data.ts';
import { formatKpiValue, longDay, percent } from './format.ts';
import { LABELS } from './labels.ts';

export function reportSubject(data: ReportData, lang: Lang): string {
  const t = LABELS[lang];
  return `${data.brand.name} — ${t.report} ${longDay(data.period.from, lang)} – ${longDay(data.period.to, lang)}`;
}

export function reportSummary(data: ReportData, lang: Lang): string {
  const t = LABELS[lang];
  const status = { on_track: t.onTrack, at_risk: t.atRisk, off_track: t.offTrack } as Record<
    string,
    string
  >;
  const sep = lang === 'fr' ? ' : ' : ': ';
  const lines = [`${t.roo}${sep}${percent(data.returnOnObjectives, lang)}`];
  for (const entry of data.scorecard)
    lines.push(
      `• ${objectiveNameIn(entry.objective, lang)}${sep}${formatKpiValue(entry.kpi.id, entry.value, lang)} / ${formatKpiValue(entry.kpi.id, entry.objective.target, lang)} (${status[entry.status] ?? t.noData})`,
    );
  if (data.movers.length) lines.push('', `${t.moved}${sep}`);
  for (const mover of data.movers.slice(0, 3))
    lines.push(
      `• ${kpiById(mover.kpi)?.name[lang] ?? mover.kpi} ${percent(mover.change, lang, true)} (${formatKpiValue(mover.kpi, mover.value, lang)})`,
    );
  return lines.join('\n');
}
