// A small trend line drawn in SVG (no chart library on the scorecard, so it paints at once).
export function Sparkline({
  points,
  target,
  label,
  width = 120,
  height = 36,
}: {
  points: { day: string; value: number | null; running?: boolean }[];
  target?: number | null;
  label: string;
  width?: number;
  height?: number;
}) {
  const values = points.map((point) => point.value).filter((value): value is number => value !== null);
  if (values.length < 2) return <svg className="sparkline" width={width} height={height} aria-hidden="true" />;
  const all = target !== null && target !== undefined ? [...values, target] : values;
  const min = Math.min(...all);
  const max = Math.max(...all);
  const span = max - min || 1;
  const x = (index: number) => 2 + (index * (width - 4)) / Math.max(points.length - 1, 1);
  const y = (value: number) => height - 3 - ((value - min) * (height - 6)) / span;
  // The bucket still running is drawn apart (dashed, hollow): its value is only to date.
  let path = '';
  let runningPath = '';
  let last: [number, number] | null = null;
  let endRunning = false;
  points.forEach((point, index) => {
    if (point.value === null) return;
    const [px, py] = [x(index), y(point.value)];
    const step = `${px.toFixed(1)},${py.toFixed(1)}`;
    if (point.running && last) runningPath = `M${last[0].toFixed(1)},${last[1].toFixed(1)}L${step}`;
    else if (!point.running) path += `${path && last ? 'L' : 'M'}${step}`;
    last = [px, py];
    endRunning = Boolean(point.running);
  });
  const end = last as [number, number] | null;
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      {target !== null && target !== undefined && (
        <line x1="0" x2={width} y1={y(target)} y2={y(target)} className="sparkline-target" />
      )}
      <path d={path} className="sparkline-line" />
      {runningPath && <path d={runningPath} className="sparkline-line sparkline-running" />}
      {end && <circle cx={end[0]} cy={end[1]} r="2.5" className={endRunning ? 'sparkline-dot sparkline-dot-running' : 'sparkline-dot'} data-running={String(endRunning)} />}
    </svg>
  );
}
