// The alerts stage's public face: rules, evaluation, the alert history and the call after imports.
export {
  judgeDay,
  usualRange,
  DEFAULT_ANOMALY,
  type DailyPoint,
  type AnomalySettings,
  type Verdict,
} from './baseline.ts';
export {
  createRule,
  listRules,
  deleteRule,
  parseRule,
  RULE_KINDS,
  type AlertRule,
  type RuleSpec,
  type RuleInput,
} from './rules.ts';
export { evaluateRules, drillDownLink } from './evaluate.ts';
export { listAlerts, acknowledgeAlert, type Alert } from './history.ts';
export { describeAlert, formatKpiValue, type Lang } from './describe.ts';
export { evaluateAndNotify, watchAlerts, afterImport } from './notify.ts';
export { evaluateAfterBatches, type BatchEvaluator } from './after-batch.ts';
export { worstThreads, type WorstThread } from './threads.ts';
export { measureQuality, type SeriesKind } from './quality.ts';
export { partsOf } from './series.ts';
