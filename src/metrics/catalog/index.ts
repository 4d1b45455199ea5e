import {
  ENTITY_DIMENSIONS,
  TIME_GRAINS,
  type Breakdown,
  type EntityDimension,
} from '../../model/index.ts';
import { measuresOf, type Formula } from './formula.ts';
import { KPIS, kpiById, type Kpi } from './kpis.ts';
import { MEASURES } from './measures.ts';
import { SOURCES } from './sources.ts';
import { baseOf } from './bases.ts';
import { sectionsOf } from './sections.ts';

export {
  KPIS,
  kpiById,
  inputsOf,
  type Kpi,
  type Unit,
  type Family,
  type FunnelStage,
} from './kpis.ts';
export { MEASURES, type Measure, type MeasureId, type Aggregate } from './measures.ts';
export { SOURCES, type Rollup, type Source, type SourceId } from './sources.ts';
export { SECTIONS, sectionsOf, type Section } from './sections.ts';
export { baseOf, caveatOf, marginOf, type BaseNoun, type RatioBase } from './bases.ts';
export {
  evaluate,
  measuresOf,
  DEFAULT_ENGAGEMENT_WEIGHTS,
  type Formula,
  type EngagementWeights,
} from './formula.ts';

/** Dimensions every measure of the KPI can be split by: a KPI is only broken down where all its inputs can be. */
export function entityDimensionsOf(kpi: Kpi): EntityDimension[] {
  const sources = [...new Set(measuresOf(kpi.formula).map((id) => SOURCES[MEASURES[id].source]))];
  return ENTITY_DIMENSIONS.filter((dimension) =>
    sources.every((source) => dimension in source.dimensions),
  );
}

export function breakdownsOf(kpi: Kpi): Breakdown[] {
  return [...TIME_GRAINS, ...entityDimensionsOf(kpi)];
}

/**
 * Whether one SQL query can rank entities by the formula (top and bottom lists): its measures must
 * come from one source, and neither gauges nor per-author counts can be ordered inside that query.
 */
export function canRank(formula: Formula): boolean {
  const measures = measuresOf(formula).map((id) => MEASURES[id]);
  return (
    new Set(measures.map((measure) => measure.source)).size === 1 &&
    measures.every((measure) => !['gauge', 'per_entity'].includes(measure.aggregate.kind))
  );
}

/** The catalog as data for the CLI, the API and the dashboard. */
export function describeCatalog() {
  return KPIS.map((kpi) => describeKpi(kpi));
}

function describeKpi(kpi: Kpi) {
  const base = baseOf(kpi);
  return {
    id: kpi.id,
    name: kpi.name,
    explanation: kpi.explanation,
    unit: kpi.unit,
    better: kpi.better,
    family: kpi.family,
    stage: kpi.stage,
    additive: kpi.additive,
    breakdowns: breakdownsOf(kpi),
    rankable: canRank(kpi.formula),
    measures: measuresOf(kpi.formula),
    base: base ? { noun: base.noun, minimum: base.minimum } : null,
    sections: sectionsOf(kpi, breakdownsOf(kpi), canRank(kpi.formula)),
  };
}

export function requireKpi(id: string): Kpi {
  const kpi = kpiById(id);
  if (!kpi) throw new Error(`unknown KPI "${id}"`);
  return kpi;
}
