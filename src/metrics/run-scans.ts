// Collects what several KPI queries need and reads it in as few scans as possible: one per source,
// filters and breakdown for all sums and counts, whatever the windows and buckets asked for.
import type { FilterDimension, Filters } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import { MEASURES, SOURCES, type MeasureId, type SourceId } from './catalog/index.ts';
import { compileAdditive } from './compile-additive.ts';
import { compilePerEntity, compileWindowed, perEntityShape } from './compile-layered.ts';
import { compileGauge } from './compile.ts';
import { rollupFor } from './rollup.ts';
import { rangeKey, type CompiledScan, type Range, type RangeCells, type ScanCell } from './scan.ts';
import type { Scope } from './sql-parts.ts';

interface Need {
  source: SourceId;
  scope: Scope;
  measures: Set<MeasureId>;
  ranges: Map<string, Range>;
}

/** The scope as the source sees it: filters and breakdowns it cannot apply make no difference. */
function scopeFor(source: SourceId, scope: Scope): Scope {
  const dimensions = SOURCES[source].dimensions;
  const filters: Filters = {};
  for (const [dimension, values] of Object.entries(scope.filters).sort()) {
    if (values?.length && dimension in dimensions)
      filters[dimension as FilterDimension] = [...values].sort();
  }
  return {
    dimensions: scope.dimensions.filter((dimension) => dimension in dimensions),
    filters,
    ...(scope.keys && scope.keys.dimension in dimensions ? { keys: scope.keys } : {}),
  };
}

const needKey = (source: SourceId, scope: Scope) => JSON.stringify([source, scope]);

export class ScanBatch {
  private readonly needs = new Map<string, Need>();
  private readonly results = new Map<string, RangeCells>();
  /** Statements run so far (for tests and benchmarks). */
  queries = 0;

  need(ids: MeasureId[], scope: Scope, ranges: Range[]): void {
    for (const id of ids) {
      const source = MEASURES[id].source;
      const sourceScope = scopeFor(source, scope);
      const key = needKey(source, sourceScope);
      const need = this.needs.get(key) ?? {
        source,
        scope: sourceScope,
        measures: new Set(),
        ranges: new Map(),
      };
      need.measures.add(id);
      for (const range of ranges) need.ranges.set(rangeKey(range), range);
      this.needs.set(key, need);
    }
  }

  async run(store: Store): Promise<void> {
    const scans = [...this.needs].flatMap(([key, need]) =>
      scansOf(store, need).map((scan) => ({ key, scan })),
    );
    this.queries += scans.length;
    const outcomes = await Promise.all(
      scans.map(async ({ key, scan }) => ({
        key,
        cells: scan.read(await store.all(scan.sql, scan.params as never)),
      })),
    );
    for (const { key, cells } of outcomes) merge(this.results, key, cells);
  }

  /** The cells of the measure's source over the range, by dimension values. */
  cells(id: MeasureId, scope: Scope, range: Range): Map<string, ScanCell> {
    const source = MEASURES[id].source;
    const cells = this.results.get(needKey(source, scopeFor(source, scope)));
    return cells?.get(rangeKey(range)) ?? new Map();
  }
}

/** Counts and whole sums add up from pieces; quantiles and fractional sums are taken per range. */
function isAdditive(id: MeasureId): boolean {
  const { aggregate } = MEASURES[id];
  return aggregate.kind === 'count' || (aggregate.kind === 'sum' && !aggregate.fractional);
}

function partition<T>(items: T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))];
}

/** One scan for the counts and whole sums, one for the quantiles and fractional sums, one per kind of per-author count, one per gauge. */
function scansOf(store: Store, need: Need): CompiledScan[] {
  const { dialect } = store;
  const ranges = [...need.ranges.values()];
  const byKind = (kinds: string[]) =>
    [...need.measures].filter((id) => kinds.includes(MEASURES[id].aggregate.kind));
  const scans: CompiledScan[] = [];
  const [additive, windowed] = partition(byKind(['sum', 'count', 'quantile']), isAdditive);
  if (additive.length) {
    const source = rollupFor(store, need.source, additive, need.scope) ?? SOURCES[need.source];
    scans.push(compileAdditive(dialect, source, additive, need.scope, ranges));
  }
  if (windowed.length)
    scans.push(compileWindowed(dialect, need.source, windowed, need.scope, ranges));
  const shapes = new Map<string, MeasureId[]>();
  for (const id of byKind(['per_entity']))
    shapes.set(perEntityShape(id), [...(shapes.get(perEntityShape(id)) ?? []), id]);
  for (const ids of shapes.values())
    scans.push(compilePerEntity(dialect, need.source, ids, need.scope, ranges));
  for (const id of byKind(['gauge'])) scans.push(compileGauge(dialect, id, need.scope, ranges));
  return scans;
}

function merge(results: Map<string, RangeCells>, key: string, cells: RangeCells): void {
  const target = results.get(key) ?? new Map();
  results.set(key, target);
  for (const [range, byDimensions] of cells) {
    const targetRange = target.get(range) ?? new Map<string, ScanCell>();
    target.set(range, targetRange);
    for (const [dimensions, cell] of byDimensions) {
      const existing = targetRange.get(dimensions);
      if (existing) Object.assign(existing.values, cell.values);
      else targetRange.set(dimensions, cell);
    }
  }
}
