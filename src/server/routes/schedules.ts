// Report schedules (admins write) and their run log.
import { z } from 'zod';
import {
  createSchedule,
  deleteSchedule,
  listRuns,
  listSchedules,
  nextDueAt,
  SCHEDULE_PERIODS,
  setScheduleEnabled,
} from '../../schedules/index.ts';
import type { Store } from '../../store/index.ts';
import { route, type Route } from '../route.ts';

const schedule = z.object({
  id: z.string(),
  name: z.string(),
  when: z.string(),
  cron: z.string(),
  time_zone: z.string(),
  period: z.enum(SCHEDULE_PERIODS),
  lang: z.enum(['en', 'fr']),
  format: z.enum(['pdf', 'html']),
  recipients: z.array(z.string()),
  enabled: z.boolean(),
  created_at: z.string(),
  next_run: z.string().nullable().meta({ description: 'the next time it is due, when on' }),
});
const run = z.object({
  key: z.string(),
  schedule_id: z.string(),
  due_at: z.string(),
  status: z.enum(['sending', 'sent', 'failed', 'interrupted']),
  attempts: z.number(),
  late: z.boolean(),
  last_error: z.string().nullable(),
  next_attempt_at: z.string().nullable(),
  sent_at: z.string().nullable(),
});

export function scheduleRoutes(store: Store): Route[] {
  return [
    route({
      id: 'listSchedules',
      method: 'GET',
      url: '/api/schedules',
      tag: 'alerts',
      summary: 'Report schedules',
      role: 'viewer',
      response: z.array(schedule),
      handler: async () => {
        const now = new Date();
        return (await listSchedules(store)).map((item) => ({
          ...item,
          next_run: item.enabled
            ? (nextDueAt(item.cron, item.time_zone, now)?.toISOString() ?? null)
            : null,
        }));
      },
    }),
    route({
      id: 'createSchedule',
      method: 'POST',
      url: '/api/schedules',
      tag: 'alerts',
      summary:
        'Create a schedule: {name, when: "every Monday 08:00" or cron, time_zone, period, lang, format, recipients}',
      role: 'admin',
      body: z.record(z.string(), z.unknown()),
      response: schedule,
      status: 201,
      handler: async ({ body }) => {
        const created = await createSchedule(store, body);
        const next = created.enabled
          ? nextDueAt(created.cron, created.time_zone, new Date())
          : null;
        return { ...created, next_run: next?.toISOString() ?? null };
      },
    }),
    route({
      id: 'setScheduleEnabled',
      method: 'PATCH',
      url: '/api/schedules/:id',
      tag: 'alerts',
      summary: 'Turn a schedule on or off: {enabled: true|false}',
      role: 'admin',
      params: z.object({ id: z.string().min(1).max(64) }),
      body: z.object({ enabled: z.boolean() }),
      response: z.object({ id: z.string(), enabled: z.boolean() }),
      handler: async ({ params, body }) => {
        await setScheduleEnabled(store, params.id, body.enabled);
        return { id: params.id, enabled: body.enabled };
      },
    }),
    route({
      id: 'deleteSchedule',
      method: 'DELETE',
      url: '/api/schedules/:id',
      tag: 'alerts',
      summary: 'Delete a schedule (its run log stays)',
      role: 'admin',
      params: z.object({ id: z.string().min(1).max(64) }),
      response: z.object({ deleted: z.string() }),
      handler: async ({ params }) => {
        await deleteSchedule(store, params.id);
        return { deleted: params.id };
      },
    }),
    route({
      id: 'listScheduleRuns',
      method: 'GET',
      url: '/api/schedules/runs',
      tag: 'alerts',
      summary: 'The run log: sent, late, failed (with the error and the next try) or interrupted',
      role: 'viewer',
      response: z.array(run),
      handler: async () => listRuns(store),
    }),
  ];
}
