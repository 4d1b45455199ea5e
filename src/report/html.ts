// The report as one self-contained HTML page: inline CSS and SVG, no script, no external request.
// Page 1 is the executive brief; the detail follows, each section starting where it fits.
import type { Lang } from '../alerts/index.ts';
import { kpiById } from '../metrics/index.ts';
import { objectiveNameIn } from '../model/index.ts';
import type { DashboardEntry } from '../server/scorecard.ts';
import type { ReportData } from './data.ts';
import {
  count,
  escapeHtml,
  formatKpiValue,
  localeOf,
  longDay,
  percent,
  withoutPictographs,
} from './format.ts';
import { LABELS, type Labels } from './labels.ts';
import { stylesheet } from './style.ts';
import { progressBar, sparkline } from './svg.ts';

const STATUS_COLOUR: Record<string, string> = {
  on_track: '#2e7d32',
  at_risk: '#e08a00',
  off_track: '#c62828',
  no_data: '#888',
};

function statusLabel(status: string, t: Labels): string {
  return { on_track: t.onTrack, at_risk: t.atRisk, off_track: t.offTrack }[status] ?? t.noData;
}

function kpiName(id: string, lang: Lang): string {
  return escapeHtml(kpiById(id)?.name[lang] ?? id);
}

function change(value: { change: number | null; good: boolean | null } | undefined, lang: Lang) {
  if (!value || value.change === null) return '<span class="muted">—</span>';
  const tone = value.good === null ? 'muted' : value.good ? 'good' : 'bad';
  return `<span class="${tone}">${percent(value.change, lang, true)}</span>`;
}

function tile(entry: DashboardEntry, lang: Lang, t: Labels, colour: string): string {
  const id = entry.kpi.id;
  return `<div class="tile">
  <div class="tile-head"><span class="tile-name">${escapeHtml(objectiveNameIn(entry.objective, lang))}</span>
  <span class="status" style="background:${STATUS_COLOUR[entry.status]}">${statusLabel(entry.status, t)}</span></div>
  <div class="tile-kpi">${kpiName(id, lang)}</div>
  <div class="tile-value">${formatKpiValue(id, entry.value, lang)}<span class="muted"> / ${formatKpiValue(id, entry.objective.target, lang)}</span></div>
  ${progressBar(entry.progress, entry.expected_progress, colour)}
  <table class="tile-facts"><tr><td>${t.progress}</td><td>${percent(entry.progress, lang)}</td></tr>
  <tr><td title="${t.paceNote}">${t.pace}</td><td>${formatKpiValue(id, entry.projected, lang)} (${percent(entry.projected_progress, lang)})</td></tr>
  <tr><td>${t.yoy}</td><td>${change(entry.yoy, lang)}</td></tr></table>
  ${sparkline(
    entry.sparkline.map((point) => point.value),
    colour,
    220,
    30,
  )}
</div>`;
}

function brief(data: ReportData, lang: Lang, t: Labels): string {
  const counts = { on_track: 0, at_risk: 0, off_track: 0 } as Record<string, number>;
  for (const entry of data.scorecard) counts[entry.status] = (counts[entry.status] ?? 0) + 1;
  const movers = data.movers.slice(0, 3);
  return `<section class="brief">
  <h2>${t.brief}</h2>
  <div class="headline">
    <div class="big"><div class="big-value">${percent(data.returnOnObjectives, lang)}</div><div class="big-label">${t.roo}</div><div class="note">${t.rooNote}</div></div>
    <div class="big"><div class="big-value">${data.scorecard.length}</div><div class="big-label">${t.objectives}</div>
      <div class="note"><span style="color:${STATUS_COLOUR.on_track}">● ${counts.on_track} ${t.onTrack}</span> · <span style="color:${STATUS_COLOUR.at_risk}">● ${counts.at_risk} ${t.atRisk}</span> · <span style="color:${STATUS_COLOUR.off_track}">● ${counts.off_track} ${t.offTrack}</span></div></div>
    <div class="big"><div class="big-value">${percent(data.tonality.shares[1]?.share ?? null, lang)}</div><div class="big-label">${kpiName('sentiment_negative_share', lang)}</div><div class="note">${t.base} ${count(data.tonality.base, lang)} ${t.opinions}</div></div>
  </div>
  <div class="tiles">${data.scorecard.map((entry) => tile(entry, lang, t, data.brand.colour)).join('')}</div>
  <h3>${t.moved}</h3>
  ${movers.length ? `<ul class="movers">${movers.map((mover) => `<li><b>${kpiName(mover.kpi, lang)}</b> ${change(mover, lang)} — ${formatKpiValue(mover.kpi, mover.value, lang)} <span class="muted">(${formatKpiValue(mover.kpi, mover.previous, lang)} ${t.vsPrevious}${mover.base !== null ? `; ${t.base} ${count(mover.base, lang)}` : ''})</span></li>`).join('')}</ul>` : `<p class="muted">${t.none}</p>`}
</section>`;
}

function moversTable(data: ReportData, lang: Lang, t: Labels): string {
  if (!data.movers.length) return `<p class="muted">${t.none}</p>`;
  return `<table class="grid"><tr><th></th><th>${t.value}</th><th>${t.vsPrevious}</th><th></th><th>${t.base}</th></tr>
${data.movers.map((mover) => `<tr><td>${kpiName(mover.kpi, lang)}</td><td>${formatKpiValue(mover.kpi, mover.value, lang)}</td><td>${formatKpiValue(mover.kpi, mover.previous, lang)}</td><td>${change(mover, lang)}</td><td>${mover.base === null ? '—' : count(mover.base, lang)}</td></tr>`).join('\n')}</table>`;
}

function funnel(data: ReportData, lang: Lang, t: Labels): string {
  return `<div class="funnel">${data.funnel.stages
    .map((stage) => {
      const headline = stage.kpis.find((kpi) => kpi.id === stage.headline);
      const bridges = stage.bridges
        .map(
          (bridge) =>
            `${kpiName(bridge.id, lang)} ${formatKpiValue(bridge.id, bridge.value, lang)}`,
        )
        .join(' · ');
      return `${bridges ? `<div class="bridge">↓ ${bridges}</div>` : ''}<div class="stage"><span>${kpiName(stage.headline, lang)}</span><b>${formatKpiValue(stage.headline, headline?.value ?? null, lang)}</b> ${change(headline?.previous ?? undefined, lang)}</div>`;
    })
    .join('')}<div class="note">${t.vsPrevious}</div></div>`;
}

function posts(list: ReportData['topPosts'], lang: Lang, t: Labels): string {
  if (!list.length) return `<p class="muted">${t.none}</p>`;
  return `<table class="grid">${list
    .map(
      (post) =>
        `<tr><td class="platform">${escapeHtml(post.platform)}</td><td>${escapeHtml(withoutPictographs(post.text ?? post.post_id).slice(0, 110))}</td><td>${percent(post.value, lang)}</td><td class="muted">${count(post.impressions, lang)} ${t.impressions}</td></tr>`,
    )
    .join('')}</table>`;
}

function tonality(data: ReportData, lang: Lang, t: Labels): string {
  const rows = data.tonality.shares
    .map(
      (share) =>
        `<tr><td>${kpiName(share.kpi, lang)}</td><td>${percent(share.share, lang)}</td><td class="muted">± ${share.margin === null ? '—' : new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 1 }).format(share.margin * 100)} pt</td></tr>`,
    )
    .join('');
  return `<table class="grid">${rows}<tr><td>${t.net}</td><td>${formatKpiValue('net_sentiment', data.tonality.net, lang)}</td><td></td></tr></table>
<p class="note">${t.base} ${count(data.tonality.base, lang)} ${t.opinions}. ${t.tonalityNote}</p>`;
}

function threads(data: ReportData, lang: Lang, t: Labels): string {
  if (!data.worstThreads.length) return `<p class="muted">${t.none}</p>`;
  return `<ul class="threads">${data.worstThreads
    .map(
      (thread) =>
        `<li><b>${count(thread.negatives, lang)} ${t.negativeOf} ${count(thread.opinions, lang)}</b> — ${thread.post_id === null ? t.notUnderPost : escapeHtml(withoutPictographs(thread.post_text ?? thread.post_id).slice(0, 90))}${thread.sample ? `<div class="quote">${t.open}${escapeHtml(withoutPictographs(thread.sample).slice(0, 160))}${t.close}</div>` : ''}</li>`,
    )
    .join('')}</ul>`;
}

function advocates(data: ReportData, lang: Lang, t: Labels): string {
  if (!data.advocates.length) return `<p class="muted">${t.none}</p>`;
  return `<table class="grid">${data.advocates
    .map(
      (person) =>
        `<tr><td>${escapeHtml(person.name)}</td><td class="muted">${escapeHtml(person.platforms)}</td><td>${count(person.support, lang)} ${t.support}</td><td class="muted">${count(person.audience, lang)} ${t.audience}</td></tr>`,
    )
    .join('')}</table>`;
}

export function renderReportHtml(data: ReportData, lang: Lang): string {
  const t = LABELS[lang];
  const { brand } = data;
  const period = `${longDay(data.period.from, lang)} – ${longDay(data.period.to, lang)}`;
  const logo = brand.logo ? `<img class="logo" src="${brand.logo}" alt="">` : '';
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>${escapeHtml(brand.name)} — ${t.report} — ${period}</title>
<style>${stylesheet(brand.colour)}</style></head>
<body>
<header>${logo}<div><h1>${escapeHtml(brand.name)} · ${t.report}</h1><div class="period">${period}</div></div></header>
${brief(data, lang, t)}
<section class="detail"><h2>${t.moved}</h2><p class="note">${t.movedNote}</p>${moversTable(data, lang, t)}
<h2>${t.funnel}</h2>${funnel(data, lang, t)}</section>
<section class="detail"><h2>${t.topPosts}</h2><p class="note">${t.postsNote}</p>${posts(data.topPosts, lang, t)}
<h2>${t.bottomPosts}</h2>${posts(data.bottomPosts, lang, t)}</section>
<section class="detail"><h2>${t.tonality}</h2>${tonality(data, lang, t)}
<h2>${t.worstThreads}</h2>${threads(data, lang, t)}
<h2>${t.advocates}</h2>${advocates(data, lang, t)}</section>
<footer>${t.generated} ${longDay(data.today, lang)} · ${t.measuredTo} ${longDay(data.period.to, lang)}</footer>
</body></html>`;
}
