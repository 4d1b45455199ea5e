// The trend chart's options: the current series (running bucket hollow, low-base buckets grey and
// hollow), the comparison dashed, NPS's margin of error as a band, the base in the tooltip.
import type { KpiRow, Unit } from '../../api/types.ts';
import { COLORS, type ChartOption } from '../../components/Chart.tsx';
import type { Format } from '../../i18n/format.ts';

export interface TrendTexts {
  current: string;
  comparison: string;
  band: string;
  running: string;
  lowBase: string;
  target: string;
  base: (row: KpiRow) => string;
}

/** The band's colour as its legend shows it: the shade of the area, not the palette's next blue. */
const BAND = 'rgba(31, 58, 95, 0.25)';
/** Steps a duration axis can take: whole minutes, hours and days, never "1 h 07 min". */
const DURATION_STEPS = [60, 120, 300, 600, 900, 1200, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400, 172_800, 604_800];
/** Steps of a score axis: each divides 100, so the −100…100 bounds fall on a tick. */
const SCORE_STEPS = [5, 10, 20, 25, 50];

/**
 * Axis bounds a reader can trust: a score (NPS) stays within −100…100, where the axis's own rounding
 * drew +120; a duration steps by whole minutes or hours. Bounds fall on the step, so no stray label.
 */
function axisSteps(rows: KpiRow[], compare: 'previous' | 'yoy', unit: Unit, target: number | null) {
  if (unit !== 'score' && unit !== 'seconds') return {};
  const values = rows
    .flatMap((row) => [row.value, row[compare]?.value ?? null, ...(row.value !== null && row.margin !== undefined ? [row.value - row.margin, row.value + row.margin] : [])])
    .concat(target)
    .filter((value): value is number => value !== null);
  if (values.length === 0) return {};
  const [low, high] = unit === 'score' ? [-100, 100] : [0, Infinity];
  const least = Math.max(low, Math.min(...values));
  const most = Math.min(high, Math.max(...values));
  const steps = unit === 'score' ? SCORE_STEPS : DURATION_STEPS;
  const step = steps.find((candidate) => (most - least) / candidate <= 6) ?? steps.at(-1)!;
  return {
    interval: step,
    min: Math.max(low, Math.floor(least / step) * step),
    max: Math.min(high, Math.max(Math.ceil(most / step) * step, Math.floor(least / step) * step + step)),
  };
}

export function trendOption(
  rows: KpiRow[],
  grain: string,
  compare: 'previous' | 'yoy',
  unit: Unit,
  format: Format,
  texts: TrendTexts,
  target: number | null,
): ChartOption {
  const labels = rows.map((row) => row.key[grain] ?? '');
  const axisLabel = (day: string) => (grain === 'month' ? format.month(day) : format.day(day));
  const hasBand = rows.some((row) => row.margin !== undefined);
  const targetName = target !== null ? `${texts.target} ${format.value(target, unit)}` : null;
  const point = (row: KpiRow) => {
    if (row.value === null) return null;
    if (row.base?.low) return { value: row.value, symbol: 'emptyCircle', symbolSize: 8, itemStyle: { color: COLORS.grid, borderColor: '#8a8f98' } };
    if (row.running) return { value: row.value, symbol: 'emptyCircle', symbolSize: 9 };
    return row.value;
  };
  // NPS lives in −100…100: the band stops there rather than stretching the axis past what can happen.
  const bandOf = (row: KpiRow) =>
    row.value === null || row.margin === undefined
      ? null
      : { low: Math.max(-100, row.value - row.margin), high: Math.min(100, row.value + row.margin) };
  const band = hasBand
    ? [
        {
          name: texts.band,
          type: 'line',
          data: rows.map((row) => bandOf(row)?.low ?? null),
          stack: 'band',
          color: BAND,
          lineStyle: { opacity: 0 },
          symbol: 'none',
          silent: true,
          tooltip: { show: false },
        },
        {
          name: texts.band,
          type: 'line',
          data: rows.map((row) => {
            const range = bandOf(row);
            return range ? range.high - range.low : null;
          }),
          stack: 'band',
          color: BAND,
          lineStyle: { opacity: 0 },
          areaStyle: { color: COLORS.current, opacity: 0.12 },
          symbol: 'none',
          silent: true,
          tooltip: { show: false },
        },
      ]
    : [];
  return {
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, itemWidth: 18, textStyle: { color: COLORS.text }, data: [texts.current, texts.comparison, ...(hasBand ? [texts.band] : []), ...(targetName ? [targetName] : [])] },
    // On a phone a legend of three entries takes two lines: the plot starts below the second.
    media: [{ query: { maxWidth: 440 }, option: { grid: { top: hasBand || targetName ? 60 : 36 } } }],
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const list = (Array.isArray(params) ? params : [params]) as { dataIndex: number; seriesName: string }[];
        const row = rows[list[0]?.dataIndex ?? 0];
        if (!row) return '';
        const lines = [
          `<strong>${axisLabel(labels[list[0].dataIndex])}</strong>${row.running ? ` (${texts.running})` : ''}`,
          `${texts.current}: ${format.value(row.value, unit)}${row.margin !== undefined ? ` ± ${format.number(row.margin, { digits: 1 })}` : ''}`,
        ];
        if (row.base) lines.push(`${texts.base(row)}${row.base.low ? ` · ${texts.lowBase}` : ''}`);
        const earlier = row[compare]?.value;
        lines.push(`${texts.comparison}: ${format.value(earlier ?? null, unit)}`);
        return lines.join('<br>');
      },
    },
    xAxis: {
      type: 'category',
      data: labels,
      axisLabel: { formatter: axisLabel, color: COLORS.text, hideOverlap: true },
      axisLine: { lineStyle: { color: COLORS.grid } },
    },
    yAxis: {
      type: 'value',
      scale: unit !== 'count' && unit !== 'currency',
      axisLabel: { formatter: (value: number) => format.value(value, unit, { compact: true }), color: COLORS.text },
      splitLine: { lineStyle: { color: COLORS.grid } },
      ...axisSteps(rows, compare, unit, target),
    },
    series: [
      ...band,
      {
        name: texts.current,
        type: 'line',
        data: rows.map(point),
        color: COLORS.current,
        symbol: 'circle',
        symbolSize: 5,
        lineStyle: { width: 2.5 },
        connectNulls: false,
        // The target is named in the legend, so no label sits over a point. ECharts rounds a mark line to
        // 2 decimals unless told: a 4.2 % target (0.042) was drawn at 4.00 %.
        markLine:
          target !== null
            ? {
                symbol: 'none',
                precision: 10,
                lineStyle: { color: COLORS.target, type: 'solid', width: 1.5 },
                label: { show: false },
                data: [{ yAxis: target }],
              }
            : undefined,
      },
      ...(targetName ? [{ name: targetName, type: 'line', data: [], color: COLORS.target, symbol: 'none', lineStyle: { width: 1.5 } }] : []),
      {
        name: texts.comparison,
        type: 'line',
        data: rows.map((row) => row[compare]?.value ?? null),
        color: COLORS.comparison,
        symbolSize: 3,
        lineStyle: { type: 'dashed', width: 1.5 },
      },
    ],
  };
}
