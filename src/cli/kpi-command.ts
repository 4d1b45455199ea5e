import type { Command } from 'commander';
import { kpiById, queryKpis, type KpiResponse } from '../metrics/index.ts';
import { TIME_GRAINS } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import { describeCommand } from './command-table.ts';
import type { CliContext } from './context.ts';
import { formatChange, formatValue, renderTable } from './format.ts';
import { printTo } from './io.ts';
import {
  breakdownOf,
  comparisonsOf,
  filtersOf,
  list,
  periodOf,
  positiveInteger,
  weightsOf,
} from './options.ts';

export interface KpiCommandOptions {
  from?: string;
  to?: string;
  by?: string;
  compare?: string;
  fullComparison?: boolean;
  platform?: string;
  account?: string;
  campaign?: string;
  contentType?: string;
  top?: string;
  bottom?: string;
  minBase?: string;
  weights?: string;
  json?: boolean;
  lang?: string;
}

export async function runKpiCommand(
  store: Store,
  ids: string[],
  options: KpiCommandOptions,
): Promise<string> {
  const limit = options.top ?? options.bottom;
  const response = await queryKpis(store, {
    kpis: ids.flatMap((id) => list(id)),
    period: periodOf(options),
    filters: filtersOf(options as Record<string, string | undefined>),
    breakdown: breakdownOf(options.by),
    compare: comparisonsOf(options.compare),
    comparisonSpan: options.fullComparison ? 'full' : 'to_date',
    weights: weightsOf(options.weights),
    top: limit
      ? {
          limit: positiveInteger(limit, options.top ? '--top' : '--bottom'),
          ascending: Boolean(options.bottom),
          minimumBase: options.minBase ? positiveInteger(options.minBase, '--min-base') : undefined,
        }
      : undefined,
  });
  return options.json
    ? JSON.stringify(withNames(response), null, 2)
    : renderResponse(response, options.lang === 'fr' ? 'fr' : 'en');
}

function withNames(response: KpiResponse) {
  return {
    ...response,
    results: response.results.map((result) => {
      const kpi = kpiById(result.id)!;
      return {
        ...result,
        name: kpi.name,
        unit: kpi.unit,
        better: kpi.better,
        explanation: kpi.explanation,
      };
    }),
  };
}

function renderResponse(response: KpiResponse, lang: 'en' | 'fr'): string {
  const toDate = response.period.toDate
    ? ` (to date; requested ${response.period.requested.from} → ${response.period.requested.to}${response.comparisonSpan === 'full' ? ', compared with whole periods' : ''})`
    : '';
  const sections = [
    `Period ${response.period.from} → ${response.period.to}${toDate}` +
      Object.entries(response.comparisons)
        .map(
          ([series, period]) =>
            `, ${series === 'yoy' ? 'year earlier' : 'previous'} ${period!.from} → ${period!.to}`,
        )
        .join(''),
  ];
  for (const result of response.results) {
    const kpi = kpiById(result.id)!;
    const header = [...response.breakdown, 'value'];
    const withMargin = result.rows.some((row) => row.margin !== undefined);
    const withBase = result.rows.some((row) => row.base);
    // Tonality KPIs say how many of the labels they count the model was unsure of.
    const withUncertain = kpi.context?.includes('sentiment_uncertain') ?? false;
    if (withMargin) header.push('± 95 %');
    if (withBase) header.push('base');
    if (withUncertain) header.push('uncertain labels');
    const compared = Object.keys(response.comparisons) as ('previous' | 'yoy')[];
    for (const series of compared)
      header.push(
        series === 'yoy' ? 'year earlier' : 'previous',
        series === 'yoy' ? 'yoy change' : 'change',
      );
    const rows = result.rows.map((row) => [
      ...response.breakdown.map((name) =>
        result.ignoredBreakdowns.includes(name)
          ? '(all)'
          : `${row.key[name] ?? '(not attributed)'}${row.running && isTimeGrain(name) ? ' (running, to date)' : ''}`,
      ),
      formatValue(row.value, kpi.unit),
      ...(withMargin ? [row.margin === undefined ? '—' : row.margin.toFixed(1)] : []),
      ...(withBase ? [baseText(row.base)] : []),
      ...(withUncertain ? [countText(row.inputs.sentiment_uncertain)] : []),
      ...compared.flatMap((series) => [
        formatValue(row[series]?.value, kpi.unit),
        formatChange(row[series], kpi.unit),
      ]),
    ]);
    const aligned = header.map((_, index) => index >= response.breakdown.length);
    const notes = [
      result.ignoredBreakdowns.length
        ? `(not split by ${result.ignoredBreakdowns.join(', ')}: this KPI's data does not carry it)`
        : '',
      result.ignoredFilters.length
        ? `(filters not applicable to this KPI, ignored: ${result.ignoredFilters.join(', ')})`
        : '',
    ]
      .filter(Boolean)
      .map((note) => `\n${note}`)
      .join('');
    sections.push(
      `${kpi.name[lang]} [${kpi.id}]: ${kpi.explanation[lang]}\n${renderTable([header, ...rows], aligned)}${notes}`,
    );
  }
  return sections.join('\n\n');
}

/** What a ratio stands on, e.g. "215 answers" or "12 answers (low base)". */
function baseText(base: KpiResponse['results'][number]['rows'][number]['base']): string {
  if (!base) return '—';
  const value = base.value === null ? '—' : Math.round(base.value).toLocaleString('en-US');
  return `${value} ${base.noun}${base.low ? ' (low base)' : ''}`;
}

const countText = (count: number | null | undefined): string =>
  count === null || count === undefined ? '—' : Math.round(count).toLocaleString('en-US');

function isTimeGrain(name: string): boolean {
  return (TIME_GRAINS as readonly string[]).includes(name);
}

export function registerKpiCommand(program: Command, { io, withStore }: CliContext): void {
  const print = printTo(io);
  program
    .command('kpi')
    .description(describeCommand('kpi'))
    .argument('<ids...>', 'KPI ids (see `cadran kpis`)')
    .option('--from <date>', 'first day, YYYY-MM-DD (default: first day of last month)')
    .option('--to <date>', 'last day, YYYY-MM-DD (default: last day of last month)')
    .option(
      '--by <breakdowns>',
      'comma-separated: day, week, month, quarter, year, platform, account, campaign, content_type, post, conversion_type',
    )
    .option('--compare <comparisons>', 'previous, yoy or both (comma-separated)')
    .option(
      '--full-comparison',
      'compare a period running past today with the whole earlier periods, not their same elapsed days',
    )
    .option('--platform <names>', 'only these platforms (comma-separated)')
    .option('--account <ids>', 'only these accounts')
    .option('--campaign <names>', 'only these campaigns')
    .option('--content-type <types>', 'only these content types')
    .option('--top <n>', 'keep the N best rows by the first KPI')
    .option('--bottom <n>', 'keep the N worst rows by the first KPI')
    .option(
      '--min-base <n>',
      'with --top/--bottom and a ratio: only rows whose denominator reaches N',
    )
    .option('--weights <pairs>', 'engagement weights, e.g. reaction=1,comment=2,share=3,save=2')
    .option('--lang <lang>', 'en or fr', 'en')
    .option('--json', 'machine-readable output (shape in the README)')
    .action((ids: string[], options) =>
      withStore(async (store) => print(await runKpiCommand(store, ids, options))),
    );
}
