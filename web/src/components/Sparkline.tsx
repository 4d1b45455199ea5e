// A small trend line drawn in SVG (no chart library on the scorecard, so it paints at once).
export function Sparkline({
  points,
  target,
  label,
  width = 120,
  height = 36,
}: {
  points: { day: string; value: number | null }[];
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
  let path = '';
  let last: [number, number] | null = null;
  points.forEach((point, index) => {
    if (point.value === null) return;
    const [px, py] = [x(index), y(point.value)];
    path += `${path && last ? 'L' : 'M'}${px.toFixed(1)},${py.toFixed(1)}`;
    last = [px, py];
  });
  const end = last as [number, number] | null;
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      {target !== null && target !== undefined && (
        <line x1="0" x2={width} y1={y(target)} y2={y(target)} className="sparkline-target" />
      )}
      <path d={path} className="sparkline-line" />
      {end && <circle cx={end[0]} cy={end[1]} r="2.5" className="sparkline-dot" />}
    </svg>
  );
}
