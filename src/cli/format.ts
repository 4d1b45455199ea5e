// Turns KPI values into text a person reads at a glance, per the catalog's unit.
import type { Unit } from '../metrics/index.ts';

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat('en-US', {
  maximumFractionDigits: 1,
  minimumFractionDigits: 1,
});

export function formatValue(value: number | null | undefined, unit: Unit): string {
  if (value === null || value === undefined) return '—';
  switch (unit) {
    case 'ratio':
      return `${(value * 100).toFixed(Math.abs(value) < 0.1 ? 2 : 1)} %`;
    case 'score':
      return `${value > 0 ? '+' : ''}${decimalFormat.format(value)}`;
    case 'index':
      return decimalFormat.format(value);
    case 'seconds':
      return formatDuration(value);
    case 'currency':
      return `${numberFormat.format(value)} €`;
    case 'count':
      return Number.isInteger(value) ? numberFormat.format(value) : decimalFormat.format(value);
  }
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 86_400)
    return `${Math.floor(seconds / 3600)} h ${String(Math.round((seconds % 3600) / 60)).padStart(2, '0')}`;
  return `${(seconds / 86_400).toFixed(1)} d`;
}

/** A change with its sign, and a mark saying whether it goes the good way for the KPI. */
export function formatChange(
  change: { delta: number | null; change: number | null; good: boolean | null } | undefined,
  unit: Unit,
): string {
  if (!change || change.delta === null) return '—';
  const mark = change.good === null ? '=' : change.good ? '▲ good' : '▼ bad';
  const relative =
    change.change === null
      ? ''
      : ` (${change.change > 0 ? '+' : change.change < 0 ? '−' : ''}${Math.abs(change.change * 100).toFixed(1)} %)`;
  const sign = change.delta > 0 ? '+' : change.delta < 0 ? '−' : '';
  const magnitude =
    unit === 'ratio'
      ? `${(Math.abs(change.delta) * 100).toFixed(2)} pts`
      : unit === 'score' || unit === 'index'
        ? decimalFormat.format(Math.abs(change.delta))
        : formatValue(Math.abs(change.delta), unit);
  const delta = `${sign}${magnitude}`;
  return `${delta}${unit === 'ratio' ? '' : relative} ${mark}`;
}

/** Aligns rows of cells into columns; the first row is the header. */
export function renderTable(rows: string[][], rightAligned: boolean[] = []): string {
  const widths = rows[0].map((_, column) =>
    Math.max(...rows.map((row) => [...(row[column] ?? '')].length)),
  );
  const line = (row: string[]) =>
    row
      .map((cell, column) =>
        rightAligned[column] ? cell.padStart(widths[column]) : cell.padEnd(widths[column]),
      )
      .join('  ')
      .trimEnd();
  return [
    line(rows[0]),
    widths.map((width) => '─'.repeat(width)).join('  '),
    ...rows.slice(1).map(line),
  ].join('\n');
}
