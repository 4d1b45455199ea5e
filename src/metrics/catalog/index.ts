import {
  ENTITY_DIMENSIONS,
  TIME_GRAINS,
  type Breakdown,
  type EntityDimension,
} from '../../model/index.ts';
import { measuresOf } from './formula.ts';
import { KPIS, kpiById, type Kpi } from './kpis.ts';
import { MEASURES } from './measures.ts';
import { SOURCES } from './sources.ts';

export { KPIS, kpiById, type Kpi, type Unit, type Family, type FunnelStage } from './kpis.ts';
export { MEASURES, type Measure, type MeasureId, type Aggregate } from './measures.ts';
export { SOURCES, type Source, type SourceId } from './sources.ts';
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

/** The catalog as data for the CLI, the API and the dashboard. */
export function describeCatalog() {
  return KPIS.map((kpi) => ({
    id: kpi.id,
    name: kpi.name,
    explanation: kpi.explanation,
    unit: kpi.unit,
    better: kpi.better,
    family: kpi.family,
    stage: kpi.stage,
    additive: kpi.additive,
    breakdowns: breakdownsOf(kpi),
    measures: measuresOf(kpi.formula),
  }));
}

export function requireKpi(id: string): Kpi {
  const kpi = kpiById(id);
  if (!kpi) throw new Error(`unknown KPI "${id}"`);
  return kpi;
}
