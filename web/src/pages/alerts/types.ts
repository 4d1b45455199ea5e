// The shapes the alert and schedule pages read: the server's own types (types only: nothing of the
// server is bundled).
import type { Alert } from '../../../../src/alerts/history.ts';
import type { WorstThread } from '../../../../src/alerts/threads.ts';
import type { Run } from '../../../../src/schedules/runs.ts';
import type { Schedule } from '../../../../src/schedules/schedules.ts';

export type AlertThread = WorstThread;
export type AlertRecord = Alert;
/** A schedule as GET/POST /api/schedules answer it: with its next run, null when it is off. */
export type ScheduleRecord = Schedule & { next_run: string | null };
export type ScheduleRun = Run;
