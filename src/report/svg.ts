// Inline SVG pieces of the report: sparklines and progress bars, no script and no external file.

/** A sparkline of the values (gaps skipped), scaled to its own min and max. */
export function sparkline(
  values: (number | null)[],
  colour: string,
  width = 120,
  height = 28,
): string {
  const present = values
    .map((value, index) => ({ value, index }))
    .filter((point) => point.value !== null) as {
    value: number;
    index: number;
  }[];
  if (present.length < 2)
    return `<svg width="${width}" height="${height}" aria-hidden="true"></svg>`;
  const min = Math.min(...present.map((point) => point.value));
  const max = Math.max(...present.map((point) => point.value));
  const x = (index: number) =>
    ((index / Math.max(values.length - 1, 1)) * (width - 4) + 2).toFixed(1);
  const y = (value: number) =>
    (height - 2 - ((value - min) / (max - min || 1)) * (height - 4)).toFixed(1);
  const path = present
    .map((point, n) => `${n ? 'L' : 'M'}${x(point.index)} ${y(point.value)}`)
    .join(' ');
  const last = present[present.length - 1];
  return `<svg width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" aria-hidden="true"><path d="${path}" fill="none" stroke="${colour}" stroke-width="1.6"/><circle cx="${x(last.index)}" cy="${y(last.value)}" r="2.4" fill="${colour}"/></svg>`;
}

/** A progress bar to 100 %, with the expected pace marked. */
export function progressBar(
  progress: number | null,
  expected: number | null,
  colour: string,
): string {
  const clamp = (value: number) => Math.max(0, Math.min(value, 1)) * 100;
  const filled = progress === null ? 0 : clamp(progress);
  const mark =
    expected === null
      ? ''
      : `<line x1="${clamp(expected).toFixed(1)}%" x2="${clamp(expected).toFixed(1)}%" y1="0" y2="8" stroke="#333" stroke-width="1.5"/>`;
  return `<svg width="100%" height="8" aria-hidden="true"><rect width="100%" height="8" rx="4" fill="#e8e8e8"/><rect width="${filled.toFixed(1)}%" height="8" rx="4" fill="${colour}"/>${mark}</svg>`;
}
