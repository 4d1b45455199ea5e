// Where a format's fields sit in a header, and which other columns are platform metrics to keep.
import type { NativeFormat } from './format.ts';
import { findColumn, normaliseHeader } from './headers.ts';

export interface ExtraColumn {
  position: number;
  /** The platform's name for it, as the header writes it. */
  name: string;
}

export function fieldPositions(format: NativeFormat, header: string[]): Map<string, number> {
  const normalised = header.map(normaliseHeader);
  const positions = new Map<string, number>();
  for (const [field, names] of Object.entries(format.fields)) {
    const position = findColumn(normalised, names);
    if (position >= 0) positions.set(field, position);
  }
  return positions;
}

/** Columns that are neither a field nor ignored: kept in extra_metrics when they hold numbers. */
export function extraColumns(
  format: NativeFormat,
  header: string[],
  positions: Map<string, number>,
): ExtraColumn[] {
  const ignored = new Set((format.ignored ?? []).map(normaliseHeader));
  const used = new Set(positions.values());
  return header
    .map((name, position) => ({ name: name.trim(), position, normalised: normaliseHeader(name) }))
    .filter(
      ({ normalised, position }) => normalised && !used.has(position) && !ignored.has(normalised),
    )
    .map(({ name, position }) => ({ name, position }));
}
