// The run log: one row per schedule, period and recipient, so a restart never sends a report twice.
import type { Store } from '../store/index.ts';

export const MAX_ATTEMPTS = 6;

export interface Run {
  key: string;
  schedule_id: string;
  due_at: string;
  status: 'sending' | 'sent' | 'failed' | 'interrupted';
  attempts: number;
  late: boolean;
  last_error: string | null;
  next_attempt_at: string | null;
  sent_at: string | null;
}

/**
 * Takes the run if it is to be sent now: new, or failed and its retry is due. A run found "sending"
 * was cut by a stop mid-delivery: it may have arrived, so it is marked interrupted, never resent.
 */
export async function claimRun(
  store: Store,
  run: { key: string; scheduleId: string; dueAt: Date; late: boolean },
  now: Date,
): Promise<boolean> {
  return store.transaction(async (tx) => {
    const [row] = await tx.all(
      `SELECT status, attempts, ${tx.dialect.epochMs('next_attempt_at')} AS next_ms FROM schedule_runs WHERE run_key = $1`,
      [run.key],
    );
    if (!row) {
      await tx.run(
        `INSERT INTO schedule_runs (run_key, schedule_id, due_at, status, attempts, late)
         VALUES ($1, $2, ${tx.dialect.timestampFromMs('$3')}, 'sending', 1, $4)`,
        [run.key, run.scheduleId, run.dueAt.getTime(), run.late],
      );
      return true;
    }
    if (row.status === 'failed' && row.next_ms !== null && Number(row.next_ms) <= now.getTime()) {
      await tx.run(
        "UPDATE schedule_runs SET status = 'sending', attempts = attempts + 1 WHERE run_key = $1",
        [run.key],
      );
      return true;
    }
    return false;
  });
}

/** Runs left "sending" by a process that stopped: marked interrupted at start, never resent. */
export async function markInterrupted(store: Store): Promise<void> {
  await store.run(
    "UPDATE schedule_runs SET status = 'interrupted', last_error = 'stopped while sending; not resent, to never send twice' WHERE status = 'sending'",
  );
}

export async function recordSent(store: Store, key: string, now: Date): Promise<void> {
  await store.run(
    `UPDATE schedule_runs SET status = 'sent', sent_at = ${store.dialect.timestampFromMs('$2')}, last_error = NULL, next_attempt_at = NULL WHERE run_key = $1`,
    [key, now.getTime()],
  );
}

/** A failed delivery is tried again after 1, 2, 4, 8, 16 minutes, then given up. */
export async function recordFailure(
  store: Store,
  key: string,
  error: string,
  now: Date,
): Promise<void> {
  const [row] = await store.all('SELECT attempts FROM schedule_runs WHERE run_key = $1', [key]);
  const attempts = Number(row.attempts);
  const next = attempts < MAX_ATTEMPTS ? now.getTime() + 60_000 * 2 ** (attempts - 1) : null;
  await store.run(
    `UPDATE schedule_runs SET status = 'failed', last_error = $2, next_attempt_at = ${store.dialect.timestampFromMs('$3')} WHERE run_key = $1`,
    [key, error.slice(0, 500), next],
  );
}

export async function listRuns(store: Store, scheduleId?: string): Promise<Run[]> {
  const rows = await store.all(
    `SELECT run_key, schedule_id, ${store.dialect.epochMs('due_at')} AS due_ms, status, attempts, late, last_error,
            ${store.dialect.epochMs('next_attempt_at')} AS next_ms, ${store.dialect.epochMs('sent_at')} AS sent_ms
       FROM schedule_runs ${scheduleId ? 'WHERE schedule_id = $1' : ''}
      ORDER BY due_at DESC, run_key`,
    scheduleId ? [scheduleId] : [],
  );
  const time = (value: unknown) => (value === null ? null : new Date(Number(value)).toISOString());
  return rows.map((row) => ({
    key: String(row.run_key),
    schedule_id: String(row.schedule_id),
    due_at: time(row.due_ms)!,
    status: row.status as Run['status'],
    attempts: Number(row.attempts),
    late: Boolean(row.late),
    last_error: row.last_error === null ? null : String(row.last_error),
    next_attempt_at: time(row.next_ms),
    sent_at: time(row.sent_ms),
  }));
}
