// Apache ECharts, only the parts the drill-down uses (line and bar charts, SVG), so the bundle stays small.
import { useEffect, useRef } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, AriaComponent, SVGRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

export function Chart({ option, label, className = 'chart' }: { option: ChartOption; label: string; className?: string }) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    const instance = echarts.init(element.current!, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current!);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    // An option with `media` (rules by the chart's width) takes ECharts' baseOption form.
    const { media, ...own } = option as ChartOption & { media?: unknown };
    // Chart text follows the page's type size (larger on wide screens), 0.8 of it as ECharts' 12 px is of 15 px.
    const fontSize = Math.round(0.8 * rootFontPx());
    const base = {
      aria: { enabled: true, label: { description: label } },
      textStyle: { fontFamily: 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif', fontSize },
      animationDuration: 300,
      ...withLabelSize(own, fontSize),
    };
    chart.current?.setOption(media ? { baseOption: base, media } : base, { notMerge: true });
  }, [option, label]);
  return <div ref={element} className={className} role="img" aria-label={label} />;
}

type Part = Record<string, unknown>;
const sized = (part: Part, key: string, fontSize: number): Part =>
  part[key] === undefined ? part : { ...part, [key]: { fontSize, ...(part[key] as Part) } };
const eachPart = (value: unknown, change: (part: Part) => Part) =>
  Array.isArray(value) ? value.map((part: Part) => change(part)) : value ? change(value as Part) : value;

/** Axis and bar labels do not take the global text size: each is given it unless the option sets its own. */
function withLabelSize(option: Part, fontSize: number): Part {
  return {
    ...option,
    xAxis: eachPart(option.xAxis, (axis) => sized({ axisLabel: {}, ...axis }, 'axisLabel', fontSize)),
    yAxis: eachPart(option.yAxis, (axis) => sized({ axisLabel: {}, ...axis }, 'axisLabel', fontSize)),
    series: eachPart(option.series, (series) => sized(series, 'label', fontSize)),
  };
}

const rootFontPx = () => parseFloat(getComputedStyle(document.documentElement).fontSize) || 15;

export const COLORS = { current: '#1f3a5f', comparison: '#8792a6', target: '#0f7a55', grid: '#e3e7ee', text: '#566074' };
