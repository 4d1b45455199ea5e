// The metrics stage's public face: the catalog, KPI queries and objectives.
export {
  KPIS,
  kpiById,
  describeCatalog,
  breakdownsOf,
  DEFAULT_ENGAGEMENT_WEIGHTS,
  SECTIONS,
  type Kpi,
  type Unit,
  type Family,
  type FunnelStage,
  type EngagementWeights,
} from './catalog/index.ts';
export {
  queryKpis,
  queryKpiBatch,
  type KpiRequest,
  type KpiResponse,
  type KpiResult,
  type KpiRow,
  type BreakdownKey,
} from './engine.ts';
export {
  comparisonPeriods,
  periodToDate,
  type ComparisonValue,
  type ComparisonSpan,
  type EvaluatedPeriod,
} from './compare.ts';
export { evaluate as evaluateFormula, type Formula, type MeasureId } from './catalog/index.ts';
