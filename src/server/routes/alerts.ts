// Alert rules (admins write) and the alert history (anyone reads; analysts acknowledge) (R18).
import { z } from 'zod';
import {
  acknowledgeAlert,
  createRule,
  deleteRule,
  listAlerts,
  listRules,
} from '../../alerts/index.ts';
import type { Store } from '../../store/index.ts';
import { route, type Route } from '../route.ts';

const idParam = z.object({ id: z.string().min(1).max(64) });
const thread = z.object({
  post_id: z.string().nullable(),
  post_text: z.string().nullable(),
  permalink: z.string().nullable(),
  negatives: z.number(),
  opinions: z.number(),
  sample: z.string().nullable(),
});
const alert = z.object({
  id: z.string(),
  rule_id: z.string(),
  kind: z.enum(['threshold', 'objective_status', 'anomaly']),
  kpi: z.string(),
  about: z.string(),
  value: z.number().nullable(),
  expected: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  base: z.number().nullable(),
  side: z.enum(['above', 'below', 'worse']),
  judged: z.enum(['value', 'numerator']),
  status: z.object({ from: z.string(), to: z.string(), objective: z.string() }).optional(),
  link: z.string().meta({ description: 'drill-down page: /kpi/ID?from=…&to=…' }),
  threads: z.array(thread),
  raised_at: z.string(),
  delivered_at: z.string().nullable(),
  acknowledged_at: z.string().nullable(),
  acknowledged_by: z.string().nullable(),
});
const rule = z.object({
  id: z.string(),
  enabled: z.boolean(),
  spec: z.record(z.string(), z.unknown()),
});

export function alertRoutes(store: Store): Route[] {
  return [
    route({
      id: 'listAlerts',
      method: 'GET',
      url: '/api/alerts',
      tag: 'alerts',
      summary: 'Alerts raised, newest first',
      role: 'viewer',
      query: z.object({
        unacknowledged: z.enum(['true', 'false']).optional(),
        limit: z.coerce.number().int().min(1).max(1000).default(100),
      }),
      response: z.array(alert),
      handler: async ({ query }) =>
        listAlerts(store, { unacknowledged: query.unacknowledged === 'true', limit: query.limit }),
    }),
    route({
      id: 'acknowledgeAlert',
      method: 'POST',
      url: '/api/alerts/:id/acknowledge',
      tag: 'alerts',
      summary: 'Acknowledge an alert: records who and when',
      role: 'analyst',
      params: idParam,
      response: alert,
      handler: async ({ params, principal }) => acknowledgeAlert(store, params.id, principal!.id),
    }),
    route({
      id: 'listAlertRules',
      method: 'GET',
      url: '/api/alert-rules',
      tag: 'alerts',
      summary: 'Alert rules',
      role: 'viewer',
      response: z.array(rule),
      handler: async () => listRules(store),
    }),
    route({
      id: 'createAlertRule',
      method: 'POST',
      url: '/api/alert-rules',
      tag: 'alerts',
      summary:
        'Create a rule: {kind: "anomaly", kpi, judge?, k?, weeks?, minimum_base?}, {kind: "threshold", kpi, above?|below?} or {kind: "objective_status", objective}; deliver_to lists e-mails and webhook URLs',
      role: 'admin',
      body: z.record(z.string(), z.unknown()),
      response: rule,
      status: 201,
      handler: async ({ body }) => createRule(store, body),
    }),
    route({
      id: 'deleteAlertRule',
      method: 'DELETE',
      url: '/api/alert-rules/:id',
      tag: 'alerts',
      summary: 'Delete an alert rule (its past alerts stay)',
      role: 'admin',
      params: idParam,
      response: z.object({ deleted: z.string() }),
      handler: async ({ params }) => {
        await deleteRule(store, params.id);
        return { deleted: params.id };
      },
    }),
  ];
}
