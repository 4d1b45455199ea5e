// One retraining per store at a time, across processes: `cadran nlp train --with-corrections` and the server's
// retraining job both take an exclusive lock file beside the store, so the second one is told at once that a
// retraining is already running instead of training the same thing twice and racing to write the brand model.
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { InputError } from '../model/index.ts';
import { localPathOf } from '../store/index.ts';

/** A refusal that is about timing, not about the request: HTTP 409. */
export class RetrainAlreadyRunning extends InputError {
  readonly statusCode = 409;
}

export interface RetrainLock {
  readonly path: string;
  release(): void;
}

interface Holder {
  pid: number;
  startedAt: string;
}

/**
 * Beside a DuckDB file; for a ClickHouse address or an in-memory store, in the temporary folder under a hash of the
 * address (which may hold a password).
 */
export function retrainLockPath(location: string): string {
  return localPathOf(location, '.retrain.lock');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): Holder | null {
  try {
    const holder = JSON.parse(readFileSync(path, 'utf8')) as Partial<Holder>;
    return typeof holder.pid === 'number'
      ? { pid: holder.pid, startedAt: String(holder.startedAt) }
      : null;
  } catch {
    return null;
  }
}

/** A lock file younger than this with no holder in it yet is being written, not stale. */
const BEING_WRITTEN_MS = 5000;

function isBeingWritten(path: string): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs < BEING_WRITTEN_MS;
  } catch {
    return false;
  }
}

function create(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  const holder: Holder = { pid: process.pid, startedAt: new Date().toISOString() };
  writeSync(fd, JSON.stringify(holder));
  closeSync(fd);
  return true;
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * Takes the store's retraining lock, or throws RetrainAlreadyRunning naming the process that holds it. A lock left by
 * a process that no longer runs (a crash, a kill) is taken over.
 */
export function takeRetrainLock(location: string): RetrainLock {
  const path = retrainLockPath(location);
  for (let attempt = 0; attempt < 2; attempt++) {
    if (create(path)) return { path, release: () => removeQuietly(path) };
    const holder = readHolder(path);
    if (holder ? isAlive(holder.pid) : isBeingWritten(path))
      throw new RetrainAlreadyRunning(
        `a retraining is already running on this store${holder ? ` (process ${holder.pid}, started ${holder.startedAt})` : ''}; wait for it to finish, then try again`,
      );
    // Written by a process that is gone, or half-written by one that died: stale.
    removeQuietly(path);
  }
  throw new RetrainAlreadyRunning(
    `a retraining is already running on this store (its lock ${path} keeps coming back); wait for it to finish, then try again`,
  );
}
