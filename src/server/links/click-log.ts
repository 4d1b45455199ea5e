// Durable clicks at redirect speed: each click is appended to a log file and the 302 is answered
// only after the batch holding it is fdatasync'ed (group commit). The log is moved into the store on a
// timer and whenever it holds many clicks, busy or not: it is rotated between two batches, when nothing
// is being written. On start, logs left by a crash are replayed (click ids make replay idempotent).
import {
  closeSync,
  copyFileSync,
  existsSync,
  fdatasync,
  fstatSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Cell, Store, Transaction } from '../../store/index.ts';

export interface Click {
  click_id: string;
  code: string;
  clicked_at: number;
  referrer_host: string | null;
  country: string | null;
  device: string;
  visitor_key: string | null;
  is_bot: boolean;
}

const COLUMNS: (keyof Click)[] = [
  'click_id',
  'code',
  'clicked_at',
  'referrer_host',
  'country',
  'device',
  'visitor_key',
  'is_bot',
];

export class ClickLog {
  private fd: number;
  private pending: { line: string; done: () => void; failed: (error: Error) => void }[] = [];
  private syncing = false;
  private ingestTimer: NodeJS.Timeout | undefined;
  private ingesting: Promise<void> = Promise.resolve();
  private queued: Promise<void> | undefined;
  private rotation = 0;
  private rotationWaiters: { done: () => void; failed: (error: Error) => void }[] = [];
  private loggedSinceRotation = 0;
  /** Told after each move that put clicks in the store (alert rules are evaluated then). */
  afterDrain: (() => void) | undefined;

  constructor(
    private readonly store: Store,
    private readonly path: string,
    ingestEveryMs = 1_000,
    /** Clicks in the live log that start a move without waiting for the timer. */
    private readonly ingestAtClicks = 5_000,
  ) {
    this.fd = openSync(path, 'a');
    if (ingestEveryMs > 0)
      this.ingestTimer = setInterval(() => void this.ingest(), ingestEveryMs).unref();
  }

  /** Resolves once the click is on disk: only then may its redirect be answered. */
  record(click: Click): Promise<void> {
    return new Promise((done, failed) => {
      this.pending.push({
        line: `${JSON.stringify(COLUMNS.map((column) => click[column]))}\n`,
        done,
        failed,
      });
      if (!this.syncing) this.syncBatch();
    });
  }

  private syncBatch(): void {
    const batch = this.pending;
    this.pending = [];
    this.syncing = true;
    this.loggedSinceRotation += batch.length;
    if (this.loggedSinceRotation >= this.ingestAtClicks && !this.queued) void this.ingest();
    try {
      writeSync(this.fd, batch.map((item) => item.line).join(''));
    } catch (error) {
      return this.finishBatch(batch, error as Error);
    }
    fdatasync(this.fd, (error) => this.finishBatch(batch, error ?? undefined));
  }

  private finishBatch(batch: typeof this.pending, error?: Error): void {
    for (const item of batch) {
      if (error) item.failed(error);
      else item.done();
    }
    this.syncing = false;
    // Between two batches nothing is in flight on the file: the moment to rotate it.
    if (this.rotationWaiters.length) this.rotateNow();
    // Clicks that arrived during the sync form the next batch.
    if (this.pending.length) this.syncBatch();
  }

  /** Moves logged clicks into the store: rotate the log, load the rotated files, then delete them. */
  ingest(): Promise<void> {
    // One move waits behind the running one; more calls meanwhile share it.
    if (this.queued) return this.queued;
    // A failed move leaves the rotated file in place: the next run (or the next start) retries it.
    const run = this.ingesting.then(() => {
      this.queued = undefined;
      return this.ingestRotated();
    });
    this.queued = run;
    this.ingesting = run.catch(
      (error: Error) =>
        void process.stderr.write(`clicks not yet moved to the store: ${error.message}\n`),
    );
    return run;
  }

  private async ingestRotated(): Promise<void> {
    await this.rotate();
    let drained = false;
    for (const file of this.rotatedFiles()) {
      const rows = readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .flatMap((line) => {
          try {
            return [JSON.parse(line) as Cell[]];
          } catch {
            return []; // a line torn by a crash never got its fsync, so never got its redirect
          }
        });
      if (rows.length) await this.store.transaction((tx) => insertNewClicks(tx, rows));
      unlinkSync(file);
      drained ||= rows.length > 0;
    }
    if (drained) this.afterDrain?.();
  }

  /** Resolves once the live log was renamed aside: now if idle, else right after the batch being synced. */
  private rotate(): Promise<void> {
    return new Promise((done, failed) => {
      this.rotationWaiters.push({ done, failed });
      if (!this.syncing) this.rotateNow();
    });
  }

  private rotateNow(): void {
    const waiters = this.rotationWaiters.splice(0);
    try {
      if (fstatSync(this.fd).size > 0) {
        closeSync(this.fd);
        renameSync(this.path, `${this.path}.${Date.now()}-${this.rotation++}`);
        this.fd = openSync(this.path, 'a');
      }
      this.loggedSinceRotation = 0;
    } catch (error) {
      for (const waiter of waiters) waiter.failed(error as Error);
      return;
    }
    for (const waiter of waiters) waiter.done();
  }

  private rotatedFiles(): string[] {
    const prefix = `${basename(this.path)}.`;
    return readdirSync(dirname(this.path))
      .filter((name) => name.startsWith(prefix))
      .sort()
      .map((name) => join(dirname(this.path), name));
  }

  /** Replays what a crash left behind: the live log and any rotated file. */
  async recover(): Promise<void> {
    if (existsSync(this.path)) await this.ingest();
  }

  async close(): Promise<void> {
    clearInterval(this.ingestTimer);
    while (this.syncing || this.pending.length)
      await new Promise((resolve) => setTimeout(resolve, 1));
    await this.ingest();
    closeSync(this.fd);
  }
}

/**
 * Moves the click logs found at `formerPath` (the live log and its rotated files) beside `path`, as
 * rotated files it replays on start: clicks logged before the local files moved are not lost.
 */
export function adoptClickLogs(formerPath: string, path: string): number {
  if (formerPath === path || !existsSync(dirname(formerPath))) return 0;
  const prefix = basename(formerPath);
  const files = readdirSync(dirname(formerPath)).filter(
    (name) => name === prefix || name.startsWith(`${prefix}.`),
  );
  files.sort().forEach((name, index) => {
    moveFile(join(dirname(formerPath), name), `${path}.adopted-${Date.now()}-${index}`);
  });
  return files.length;
}

function moveFile(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    copyFileSync(from, to); // the temporary folder is often another file system
    unlinkSync(from);
  }
}

const LOOKUP_SLICE = 1000;

/** Appends the clicks the store does not hold yet (a crash may replay a file already moved). */
async function insertNewClicks(tx: Transaction, rows: Cell[][]): Promise<void> {
  const stored = new Set<string>();
  for (let start = 0; start < rows.length; start += LOOKUP_SLICE) {
    const ids = rows.slice(start, start + LOOKUP_SLICE).map((row) => String(row[0]));
    const found = await tx.all(
      `SELECT click_id FROM clicks WHERE click_id IN (${ids.map((_, index) => `$${index + 1}`).join(', ')})`,
      ids,
    );
    for (const { click_id } of found) stored.add(String(click_id));
  }
  const fresh = rows.filter((row) => !stored.has(String(row[0])));
  if (fresh.length) await tx.append('clicks', COLUMNS, fresh);
}
