// How one scan covers many date ranges (windows and their buckets): the ranges are cut into disjoint
// parts, contiguous parts are read by one branch of the query, and each row is keyed by its part.
import { bucketStart, nextBucketStart, TIME_GRAINS, type TimeGrain } from '../model/index.ts';

/** Days [from, until): the first day included and the day after the last. */
export interface Range {
  from: string;
  until: string;
}

export const rangeKey = (range: Range): string => `${range.from}/${range.until}`;

/**
 * How a branch tells its parts apart: one part needs no key; a few are told apart by comparisons on
 * the time column; many that tile a grain's buckets (a daily trend over a year) by the bucket number.
 */
export type BranchKey =
  { kind: 'single' } | { kind: 'case' } | { kind: 'bucket'; grain: TimeGrain };

export interface Branch {
  /** Contiguous, disjoint, in time order. */
  parts: Range[];
  key: BranchKey;
  /** Index of the branch's first part among all the parts of the scan. */
  offset: number;
}

/** Beyond this many parts a chain of comparisons per row costs more than a bucket number. */
const MAX_CASE_PARTS = 16;

function dedupe(ranges: Range[]): Range[] {
  const unique = new Map(ranges.map((range) => [rangeKey(range), range]));
  return [...unique.values()].sort((a, b) =>
    a.from === b.from ? b.until.localeCompare(a.until) : a.from.localeCompare(b.from),
  );
}

/** The disjoint pieces cut by every range's ends, keeping those some range covers. */
export function piecesOf(ranges: Range[]): Range[] {
  const unique = dedupe(ranges);
  const bounds = [...new Set(unique.flatMap((range) => [range.from, range.until]))].sort();
  const pieces: Range[] = [];
  for (let index = 0; index + 1 < bounds.length; index++) {
    const piece = { from: bounds[index], until: bounds[index + 1] };
    if (unique.some((range) => range.from <= piece.from && piece.until <= range.until))
      pieces.push(piece);
  }
  return pieces;
}

/** Ranges sorted into layers whose ranges do not overlap (a window in one, its buckets in another). */
export function layersOf(ranges: Range[]): Range[][] {
  const layers: Range[][] = [];
  for (const range of dedupe(ranges)) {
    const layer = layers.find((candidate) => candidate.at(-1)!.until <= range.from);
    if (layer) layer.push(range);
    else layers.push([range]);
  }
  return layers;
}

/** Disjoint parts (sorted) grouped into branches of contiguous parts, each with its way of keying rows. */
export function branchesOf(parts: Range[], offset = 0): Branch[] {
  const runs: Range[][] = [];
  for (const part of parts) {
    const run = runs.at(-1);
    if (run && run.at(-1)!.until === part.from) run.push(part);
    else runs.push([part]);
  }
  const branches: Branch[] = [];
  for (const run of runs) {
    for (const chunk of keyedChunks(run)) {
      branches.push({ ...chunk, offset });
      offset += chunk.parts.length;
    }
  }
  return branches;
}

function keyedChunks(run: Range[]): { parts: Range[]; key: BranchKey }[] {
  if (run.length === 1) return [{ parts: run, key: { kind: 'single' } }];
  if (run.length <= MAX_CASE_PARTS) return [{ parts: run, key: { kind: 'case' } }];
  const grain = TIME_GRAINS.find((candidate) => tilesGrain(run, candidate));
  if (grain) return [{ parts: run, key: { kind: 'bucket', grain } }];
  const chunks: { parts: Range[]; key: BranchKey }[] = [];
  for (let start = 0; start < run.length; start += MAX_CASE_PARTS) {
    const parts = run.slice(start, start + MAX_CASE_PARTS);
    chunks.push({ parts, key: { kind: parts.length === 1 ? 'single' : 'case' } });
  }
  return chunks;
}

/** Whether each part lies within one bucket of the grain and no two parts share a bucket. */
function tilesGrain(run: Range[], grain: TimeGrain): boolean {
  return run.every(
    (part, index) =>
      (index === 0 || bucketStart(part.from, grain) === part.from) &&
      nextBucketStart(bucketStart(part.from, grain), grain) >= part.until,
  );
}

/** The number the engine gives the bucket that starts on `start` (see Dialect.bucketKey). */
export function bucketKeyOf(grain: TimeGrain, start: string): number {
  const [year, month] = start.split('-').map(Number);
  const days = Math.round(Date.parse(`${start}T00:00:00Z`) / 86_400_000);
  switch (grain) {
    case 'day':
      return days;
    case 'week':
      return Math.floor((days + 3) / 7);
    case 'month':
      return year * 12 + month - 1;
    case 'quarter':
      return year * 4 + Math.floor((month - 1) / 3);
    case 'year':
      return year;
  }
}

/** One row of results: the dimension values it is split by and its measures. */
export interface ScanCell {
  dimensions: Record<string, unknown>;
  values: Partial<Record<string, number | null>>;
}

/** Cells per range (by rangeKey), then per dimension values (JSON). */
export type RangeCells = Map<string, Map<string, ScanCell>>;

export interface CompiledScan {
  sql: string;
  params: unknown[];
  /** Turns the query's rows into cells per range. */
  read(rows: Record<string, unknown>[]): RangeCells;
}

/** Sets a cell's value, creating the range and the cell on first use. */
export function cellOf(
  cells: RangeCells,
  range: string,
  dimensions: Record<string, unknown>,
): ScanCell {
  const byDimensions = cells.get(range) ?? new Map<string, ScanCell>();
  cells.set(range, byDimensions);
  const key = JSON.stringify(dimensions);
  const cell = byDimensions.get(key) ?? { dimensions, values: {} };
  byDimensions.set(key, cell);
  return cell;
}
