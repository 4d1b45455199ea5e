// The scheduler inside `cadran serve`: each minute, every schedule's latest due time is looked at;
// a report not yet sent for that period goes out (marked late when the time was missed while stopped).
import {
  deliver,
  deliverySettings,
  type DeliverySettings,
  type Message,
} from '../delivery/index.ts';
import {
  gatherReport,
  printPdf,
  renderReportHtml,
  reportSubject,
  reportSummary,
} from '../report/index.ts';
import type { Store } from '../store/index.ts';
import { dayIn, periodBefore } from './periods.ts';
import { claimRun, markInterrupted, recordFailure, recordSent } from './runs.ts';
import { listSchedules, type Schedule } from './schedules.ts';
import { lastDueAt } from './when.ts';

/** Sent later than this after its time, a report says it is late. */
const LATE_AFTER_MS = 5 * 60_000;

export interface TickOptions {
  now?: Date;
  log?: (line: string) => void;
  /** The real today for the report's figures (tests pin it). */
  today?: string;
}

async function reportMessage(
  store: Store,
  schedule: Schedule,
  period: { from: string; to: string },
  late: boolean,
  today?: string,
): Promise<Message> {
  const data = await gatherReport(store, period, today);
  const html = renderReportHtml(data, schedule.lang);
  const subject = reportSubject(data, schedule.lang);
  const lateNote = late ? (schedule.lang === 'fr' ? ' (en retard)' : ' (late)') : '';
  const body = schedule.format === 'pdf' ? await printPdf(html) : Buffer.from(html);
  const query = new URLSearchParams({ ...period, lang: schedule.lang, format: schedule.format });
  return {
    subject: `${subject}${lateNote}`,
    text: reportSummary(data, schedule.lang),
    html: undefined,
    attachments: [
      {
        filename: `report-${period.from}-${period.to}-${schedule.lang}.${schedule.format}`,
        content: body,
        contentType: schedule.format === 'pdf' ? 'application/pdf' : 'text/html',
      },
    ],
    link: `/api/reports?${query}`,
  };
}

async function runSchedule(
  store: Store,
  schedule: Schedule,
  settings: DeliverySettings,
  options: TickOptions,
) {
  const now = options.now ?? new Date();
  const log = options.log ?? (() => {});
  const dueAt = lastDueAt(schedule.cron, schedule.time_zone, new Date(schedule.created_at), now);
  if (!dueAt) return 0;
  const period = periodBefore(schedule.period, dayIn(dueAt, schedule.time_zone));
  const late = now.getTime() - dueAt.getTime() > LATE_AFTER_MS;
  let message: Message | null = null;
  let sent = 0;
  for (const to of schedule.recipients) {
    const key = `${schedule.id}:${period.from}:${period.to}:${to}`;
    if (!(await claimRun(store, { key, scheduleId: schedule.id, dueAt, late }, now))) continue;
    try {
      message ??= await reportMessage(store, schedule, period, late, options.today);
      await deliver(to, message, settings);
      await recordSent(store, key, new Date());
      log(
        `report ${schedule.name} (${period.from} → ${period.to}) sent to ${to}${late ? ', late' : ''}`,
      );
      sent++;
    } catch (error) {
      await recordFailure(store, key, (error as Error).message, now);
      log(
        `report ${schedule.name} not sent to ${to}: ${(error as Error).message}; tried again later`,
      );
    }
  }
  return sent;
}

/** Sends every report due and not yet sent; returns how many deliveries succeeded. */
export async function runDueSchedules(store: Store, options: TickOptions = {}): Promise<number> {
  const settings = await deliverySettings(store);
  let sent = 0;
  for (const schedule of (await listSchedules(store)).filter((candidate) => candidate.enabled))
    sent += await runSchedule(store, schedule, settings, options);
  return sent;
}

/** Starts the scheduler: runs left half-sent are marked, missed reports go out now, then every minute. */
export async function startScheduler(store: Store, log: (line: string) => void, everyMs = 60_000) {
  await markInterrupted(store);
  let pass: Promise<void> | null = null;
  const tick = () =>
    (pass ??= runDueSchedules(store, { log })
      .then(
        () => undefined,
        (error: Error) => log(`scheduler: ${error.message}`),
      )
      .finally(() => (pass = null)));
  const first = tick();
  const timer = setInterval(() => void tick(), everyMs).unref();
  return {
    /** Resolves when the first pass (missed reports) is done. */
    ready: first,
    /** Stops the clock; resolves once a pass under way is over, so the store can close. */
    stop: async () => {
      clearInterval(timer);
      await pass;
    },
  };
}
