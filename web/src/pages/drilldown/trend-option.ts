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
    legend: { top: 0, left: 0, itemWidth: 18, textStyle: { color: COLORS.text }, data: [texts.current, texts.comparison, ...(hasBand ? [texts.band] : [])] },
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
        // The target's label sits at the start of its line, away from the latest point.
        markLine:
          target !== null
            ? {
                symbol: 'none',
                lineStyle: { color: COLORS.target, type: 'solid', width: 1.5 },
                label: { formatter: `${texts.target} ${format.value(target, unit)}`, position: 'insideStartTop', color: COLORS.target },
                data: [{ yAxis: target }],
              }
            : undefined,
      },
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
