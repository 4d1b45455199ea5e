import { relative, resolve } from 'node:path';

// A Unix socket's path must fit in 107 bytes (longer ones are cut short, silently); a deep store
// folder may not fit, while its path relative to the current folder may.
const MAX_SOCKET_PATH = 107;

/** The shortest way to name the socket from this process's folder, or null when none fits. */
export function socketAddress(socketPath: string): string | null {
  const absolute = resolve(socketPath);
  const fromHere = relative(process.cwd(), absolute);
  const shortest = fromHere.length < absolute.length ? fromHere : absolute;
  return Buffer.byteLength(shortest) <= MAX_SOCKET_PATH ? shortest : null;
}
