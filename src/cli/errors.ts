import { describeLocation, InputError } from '../model/index.ts';

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

/** Prints what went wrong the way a user can act on it, and returns the exit code. */
export function reportError(error: unknown): number {
  if (error instanceof InputError) {
    process.stderr.write(`${describeInputError(error)}\n`);
    return EXIT_BAD_INPUT;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`internal error: ${message}\n`);
  if (process.env.CADRAN_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
  return EXIT_INTERNAL;
}
