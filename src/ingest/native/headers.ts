// Column headers compared the way people read them: case, accents, quotes and spacing do not matter.

export function normaliseHeader(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Position of the first header matching one of the names (exact, or as a prefix when it ends in "…"). */
export function findColumn(header: string[], names: readonly string[]): number {
  for (const name of names) {
    const wanted = normaliseHeader(name);
    const index = wanted.endsWith('…')
      ? header.findIndex((cell) => cell.startsWith(wanted.slice(0, -1)))
      : header.indexOf(wanted);
    if (index >= 0) return index;
  }
  return -1;
}
