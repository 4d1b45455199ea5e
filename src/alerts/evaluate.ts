// Evaluates every enabled rule against the store: which days are unusual, which thresholds were
// crossed, which objectives fell a status. Each finding is recorded once (see history.ts).
import { kpiById } from '../metrics/index.ts';
import { addDays, todayUtc, type Filters } from '../model/index.ts';
import { dashboardScorecard } from '../server/scorecard.ts';
import type { Store } from '../store/index.ts';
import { judgeDay, type AnomalySettings } from './baseline.ts';
import { recordAlert, type Alert, type RaisedAlert } from './history.ts';
import { filtersOf, listRules, type AlertRule, type RuleSpec } from './rules.ts';
import { dailySeries, noiseOf } from './series.ts';
import { worstThreads } from './threads.ts';

/** Complete days looked back on at each evaluation: an import of last week's export still alerts. */
const CATCH_UP_DAYS = 7;
/** Days of context the drill-down link opens with, the judged day last. */
const LINK_DAYS = 28;
const STATUS_RANK: Record<string, number> = { on_track: 0, at_risk: 1, off_track: 2 };

interface Finding {
  raised: RaisedAlert;
  key: string;
}

export function drillDownLink(kpi: string, day: string, filters: Filters = {}): string {
  const query = new URLSearchParams({ from: addDays(day, -(LINK_DAYS - 1)), to: day });
  for (const [dimension, values] of Object.entries(filters))
    if (values?.length) query.set(dimension, values.join(','));
  return `/kpi/${encodeURIComponent(kpi)}?${query}`;
}

/** The days judged: the last complete days, then today, whose partial count can only rise. */
function judgedDays(today: string): { day: string; partial: boolean }[] {
  const days = [];
  for (let back = CATCH_UP_DAYS; back >= 1; back--)
    days.push({ day: addDays(today, -back), partial: false });
  days.push({ day: today, partial: true });
  return days;
}

async function anomalyFindings(
  store: Store,
  rule: AlertRule,
  spec: Extract<RuleSpec, { kind: 'anomaly' }>,
  today: string,
): Promise<Finding[]> {
  const kpi = kpiById(spec.kpi)!;
  const filters = filtersOf(spec);
  const from = addDays(today, -(spec.weeks * 7 + CATCH_UP_DAYS));
  const series = await dailySeries(store, spec.kpi, { from, to: today }, filters, spec.judge);
  const bad = kpi.better === 'higher' ? 'below' : 'above';
  const findings: Finding[] = [];
  for (const { day, partial } of judgedDays(today)) {
    // A partial day can only grow: it may be unusually high, never unusually low.
    const watch: AnomalySettings['watch'] =
      spec.watch === 'both'
        ? partial
          ? 'above'
          : 'both'
        : partial && bad === 'below'
          ? 'none'
          : bad;
    if (watch === 'none') continue;
    const verdict = judgeDay(series, day, {
      weeks: spec.weeks,
      k: spec.k,
      minimumBase: spec.minimum_base,
      noise: noiseOf(kpi, spec.judge),
      watch,
    });
    if (!verdict) continue;
    const tonality = kpi.family === 'tonality' && verdict.side === bad;
    findings.push({
      key: `${rule.id}:${day}:${verdict.side}`,
      raised: {
        rule_id: rule.id,
        kind: 'anomaly',
        kpi: spec.kpi,
        about: day,
        value: verdict.value,
        expected: verdict.range.expected,
        low: Math.max(verdict.range.low, 0),
        high: verdict.range.high,
        base: verdict.base,
        side: verdict.side,
        judged: spec.judge,
        link: drillDownLink(spec.kpi, day, filters),
        threads: tonality ? await worstThreads(store, day, day) : [],
      },
    });
  }
  return findings;
}

async function thresholdFindings(
  store: Store,
  rule: AlertRule,
  spec: Extract<RuleSpec, { kind: 'threshold' }>,
  today: string,
): Promise<Finding[]> {
  const kpi = kpiById(spec.kpi)!;
  const filters = filtersOf(spec);
  const from = addDays(today, -CATCH_UP_DAYS);
  const series = await dailySeries(store, spec.kpi, { from, to: today }, filters, 'value');
  const findings: Finding[] = [];
  for (const { day, partial } of judgedDays(today)) {
    const point = series.get(day);
    if (!point || point.value === null) continue;
    const above = spec.above !== undefined && point.value > spec.above;
    // An additive count below its floor may still be filling up today.
    const below =
      spec.below !== undefined && point.value < spec.below && !(partial && kpi.additive);
    if (!above && !below) continue;
    findings.push({
      key: `${rule.id}:${day}:${above ? 'above' : 'below'}`,
      raised: {
        rule_id: rule.id,
        kind: 'threshold',
        kpi: spec.kpi,
        about: day,
        value: point.value,
        expected: (above ? spec.above : spec.below) ?? null,
        low: spec.below ?? null,
        high: spec.above ?? null,
        base: point.base,
        side: above ? 'above' : 'below',
        judged: 'value',
        link: drillDownLink(spec.kpi, day, filters),
        threads: [],
      },
    });
  }
  return findings;
}

async function statusFindings(
  store: Store,
  rule: AlertRule,
  spec: Extract<RuleSpec, { kind: 'objective_status' }>,
  today: string,
): Promise<Finding[]> {
  const statusOn = async (day: string) => {
    const card = await dashboardScorecard(store, {
      today: day,
      ids: [spec.objective],
      filters: {},
    });
    return card.entries.find((entry) => entry.objective.id === spec.objective);
  };
  const [before, now] = [await statusOn(addDays(today, -1)), await statusOn(today)];
  if (!before || !now || !(now.status in STATUS_RANK) || !(before.status in STATUS_RANK)) return [];
  if (STATUS_RANK[now.status] <= STATUS_RANK[before.status]) return [];
  return [
    {
      key: `${rule.id}:${today}:${now.status}`,
      raised: {
        rule_id: rule.id,
        kind: 'objective_status',
        kpi: now.kpi.id,
        about: today,
        value: now.value,
        expected: now.objective.target,
        low: null,
        high: null,
        base: null,
        side: 'worse',
        judged: 'value',
        status: { from: before.status, to: now.status, objective: now.objective.name },
        link: drillDownLink(now.kpi.id, today),
        threads: [],
      },
    },
  ];
}

function findingsOf(store: Store, rule: AlertRule, today: string): Promise<Finding[]> {
  const spec = rule.spec;
  if (spec.kind === 'anomaly') return anomalyFindings(store, rule, spec, today);
  if (spec.kind === 'threshold') return thresholdFindings(store, rule, spec, today);
  return statusFindings(store, rule, spec, today);
}

/** Evaluates every enabled rule; returns the alerts newly raised (already recorded). */
export async function evaluateRules(
  store: Store,
  options: { now?: Date; today?: string } = {},
): Promise<Alert[]> {
  const now = options.now ?? new Date();
  const today = options.today ?? todayUtc(now);
  const raised: Alert[] = [];
  for (const rule of (await listRules(store)).filter((candidate) => candidate.enabled)) {
    for (const finding of await findingsOf(store, rule, today)) {
      const alert = await recordAlert(
        store,
        finding.raised,
        finding.key,
        rule.spec.cooldown_hours,
        now,
      );
      if (alert) raised.push(alert);
    }
  }
  return raised;
}
