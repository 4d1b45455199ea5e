import { describeLocation, InputError } from '../model/index.ts';
import type { CommandIO } from './io.ts';

export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 1;
export const EXIT_INTERNAL = 2;

function describeInputError(error: InputError): string {
  const lines = [`error: ${error.message}`];
  const items = error.details.length ? error.details : [error];
  for (const item of items) {
    const { value, expected } = item.location;
    const where = describeLocation(item.location);
    const parts = [
      where && `at ${where}`,
      value !== undefined && `value "${value}"`,
      expected && `expected ${expected}`,
    ].filter(Boolean);
    if (parts.length) lines.push(`  ${parts.join(': ')}`);
  }
  return lines.join('\n');
}

// DuckDB's text: Could not set lock on file "F": Conflicting lock is held in PROGRAM (PID N).
const LOCK_HELD =
  /Could not set lock on file "([^"]+)": Conflicting lock is held in (.+?) \(PID (\d+)\)/;

/** The engine's lock conflict as a message a user can act on, or the error unchanged. */
export function explainStoreLock(error: unknown): unknown {
  const match = error instanceof Error ? LOCK_HELD.exec(error.message) : null;
  if (!match) return error;
  const [, file, program, pid] = match;
  return new InputError(
    `the store ${file} is in use by another program (pid ${pid}, ${program}); stop it, or choose another store with --db`,
  );
}

/** Prints what went wrong the way a user can act on it, and returns the exit code. */
export function reportError(error: unknown, io: CommandIO): number {
  if (error instanceof InputError) {
    io.err(`${describeInputError(error)}\n`);
    return EXIT_BAD_INPUT;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`internal error: ${message}\n`);
  if (io.env.CADRAN_DEBUG) io.err(`${(error as Error).stack}\n`);
  return EXIT_INTERNAL;
}
