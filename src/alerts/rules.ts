// Alert rules: what to watch (a KPI over a threshold, an objective's status, a KPI out of its usual
// range), validated once at the edge and kept in the store.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { recipientInput } from '../delivery/index.ts';
import { kpiById } from '../metrics/index.ts';
import { InputError, type Filters } from '../model/index.ts';
import type { Store } from '../store/index.ts';

export const RULE_KINDS = ['threshold', 'objective_status', 'anomaly'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** What every rule says besides what it watches: how long it stays quiet after an alert, and whom it tells. */
const delivered = {
  cooldown_hours: z
    .number()
    .min(0)
    .max(24 * 30)
    .default(24),
  deliver_to: z.array(recipientInput).default([]),
};

export const ruleInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('threshold'),
    kpi: z.string(),
    /** Alert when the day's value goes above (or below) this. */
    above: z.number().optional(),
    below: z.number().optional(),
    filters: z.record(z.string(), z.array(z.string())).optional(),
    ...delivered,
  }),
  z.object({
    kind: z.literal('objective_status'),
    /** The objective watched; its status falling (on track → at risk → off track) alerts. */
    objective: z.string(),
    ...delivered,
  }),
  z.object({
    kind: z.literal('anomaly'),
    kpi: z.string(),
    /** Judge the KPI's numerator (negative comments) rather than the ratio (negative share). */
    judge: z.enum(['value', 'numerator']).default('value'),
    k: z.number().positive().max(10).default(2.5),
    weeks: z.number().int().min(3).max(26).default(8),
    minimum_base: z.number().min(0).default(10),
    watch: z.enum(['bad', 'both']).default('bad'),
    filters: z.record(z.string(), z.array(z.string())).optional(),
    ...delivered,
  }),
]);
export type RuleInput = z.input<typeof ruleInput>;
export type RuleSpec = z.output<typeof ruleInput>;

export interface AlertRule {
  id: string;
  enabled: boolean;
  spec: RuleSpec;
}

/** Validates a rule as typed by a user; the error names the field and what was expected. */
export function parseRule(input: unknown): RuleSpec {
  const parsed = ruleInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`alert rule: ${issue.path.join('.') || 'rule'}: ${issue.message}`);
  }
  const spec = parsed.data;
  if (spec.kind !== 'objective_status' && !kpiById(spec.kpi))
    throw new InputError(`alert rule: unknown KPI "${spec.kpi}" (see \`cadran kpis\`)`);
  if (spec.kind === 'threshold' && spec.above === undefined && spec.below === undefined)
    throw new InputError('alert rule: a threshold needs --above or --below');
  return spec;
}

export function filtersOf(spec: RuleSpec): Filters {
  return spec.kind === 'objective_status' ? {} : ((spec.filters ?? {}) as Filters);
}

export async function createRule(store: Store, input: unknown): Promise<AlertRule> {
  const spec = parseRule(input);
  const id = `rule-${randomUUID().slice(0, 8)}`;
  await store.run(
    `INSERT INTO alert_rules (rule_id, kind, kpi, settings, filters, cooldown_hours, deliver_to, enabled, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, true, now())`,
    [
      id,
      spec.kind,
      spec.kind === 'objective_status' ? spec.objective : spec.kpi,
      JSON.stringify(spec),
      JSON.stringify(filtersOf(spec)),
      spec.cooldown_hours,
      JSON.stringify(spec.deliver_to),
    ],
  );
  return { id, enabled: true, spec };
}

export async function listRules(store: Store): Promise<AlertRule[]> {
  const rows = await store.all(
    'SELECT rule_id, settings, enabled FROM alert_rules ORDER BY created_at, rule_id',
  );
  return rows.map((row) => ({
    id: String(row.rule_id),
    enabled: row.enabled !== false,
    spec: ruleInput.parse(JSON.parse(String(row.settings))),
  }));
}

export async function deleteRule(store: Store, id: string): Promise<void> {
  const [row] = await store.all('SELECT count(*) AS n FROM alert_rules WHERE rule_id = $1', [id]);
  if (Number(row.n) === 0) throw new InputError(`no alert rule "${id}"`);
  await store.run('DELETE FROM alert_rules WHERE rule_id = $1', [id]);
}
