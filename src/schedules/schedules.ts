// Report schedules: which report, when (in the brand's time zone), in what language, to whom.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { recipientInput } from '../delivery/index.ts';
import { InputError } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import { SCHEDULE_PERIODS, type SchedulePeriod } from './periods.ts';
import { checkTimeZone, cronOf } from './when.ts';

export interface Schedule {
  id: string;
  name: string;
  when: string;
  cron: string;
  time_zone: string;
  period: SchedulePeriod;
  lang: 'en' | 'fr';
  format: 'pdf' | 'html';
  recipients: string[];
  enabled: boolean;
  created_at: string;
}

export const scheduleInput = z.object({
  name: z.string().min(1).max(200),
  when: z.string().min(1).max(100),
  time_zone: z.string().default('Europe/Paris'),
  period: z.enum(SCHEDULE_PERIODS).default('previous_week'),
  lang: z.enum(['en', 'fr']).default('en'),
  format: z.enum(['pdf', 'html']).default('pdf'),
  recipients: z.array(recipientInput).min(1),
  enabled: z.boolean().default(true),
});

export async function createSchedule(
  store: Store,
  input: unknown,
  now = new Date(),
): Promise<Schedule> {
  const parsed = scheduleInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`schedule: ${issue.path.join('.') || 'schedule'}: ${issue.message}`);
  }
  const spec = parsed.data;
  const timeZone = checkTimeZone(spec.time_zone);
  const schedule: Schedule = {
    id: `sched-${randomUUID().slice(0, 8)}`,
    name: spec.name,
    when: spec.when,
    cron: cronOf(spec.when, timeZone),
    time_zone: timeZone,
    period: spec.period,
    lang: spec.lang,
    format: spec.format,
    recipients: spec.recipients,
    enabled: spec.enabled,
    created_at: now.toISOString(),
  };
  await store.run(
    `INSERT INTO schedules (schedule_id, name, cron, time_zone, period, lang, format, recipients, when_text, enabled, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, ${store.dialect.timestampFromMs('$11')})`,
    [
      schedule.id,
      schedule.name,
      schedule.cron,
      schedule.time_zone,
      schedule.period,
      schedule.lang,
      schedule.format,
      JSON.stringify(schedule.recipients),
      schedule.when,
      schedule.enabled,
      now.getTime(),
    ],
  );
  return schedule;
}

export async function listSchedules(store: Store): Promise<Schedule[]> {
  const rows = await store.all(
    `SELECT schedule_id, name, when_text, cron, time_zone, period, lang, format, recipients, enabled,
            ${store.dialect.epochMs('created_at')} AS created_ms
       FROM schedules ORDER BY created_at, schedule_id`,
  );
  return rows.map((row) => ({
    id: String(row.schedule_id),
    name: String(row.name),
    when: String(row.when_text ?? row.cron),
    cron: String(row.cron),
    time_zone: String(row.time_zone),
    period: row.period as SchedulePeriod,
    lang: row.lang === 'fr' ? 'fr' : 'en',
    format: row.format === 'html' ? 'html' : 'pdf',
    recipients: JSON.parse(String(row.recipients)) as string[],
    enabled: row.enabled !== false,
    created_at: new Date(Number(row.created_ms)).toISOString(),
  }));
}

export async function deleteSchedule(store: Store, id: string): Promise<void> {
  const [row] = await store.all('SELECT count(*) AS n FROM schedules WHERE schedule_id = $1', [id]);
  if (Number(row.n) === 0) throw new InputError(`no schedule "${id}"`);
  await store.run('DELETE FROM schedules WHERE schedule_id = $1', [id]);
}

export async function setScheduleEnabled(
  store: Store,
  id: string,
  enabled: boolean,
): Promise<void> {
  const [row] = await store.all('SELECT count(*) AS n FROM schedules WHERE schedule_id = $1', [id]);
  if (Number(row.n) === 0) throw new InputError(`no schedule "${id}"`);
  await store.run('UPDATE schedules SET enabled = $2 WHERE schedule_id = $1', [id, enabled]);
}
