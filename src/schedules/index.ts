// The schedules stage's public face: report schedules, their run log and the scheduler of `cadran serve`.
export {
  createSchedule,
  listSchedules,
  setScheduleEnabled,
  deleteSchedule,
  scheduleInput,
  type Schedule,
} from './schedules.ts';
export { listRuns, MAX_ATTEMPTS, type Run } from './runs.ts';
export { runDueSchedules, startScheduler } from './scheduler.ts';
export { cronOf, lastDueAt, nextDueAt } from './when.ts';
export { periodBefore, dayIn, SCHEDULE_PERIODS, type SchedulePeriod } from './periods.ts';
