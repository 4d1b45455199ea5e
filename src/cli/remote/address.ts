import { relative, resolve } from 'node:path';

// A Unix socket's path must fit in 107 bytes; a deep store folder may not, relative to here it may.
const MAX_SOCKET_PATH = 107;

/** The shortest way to name the socket from this process's folder. */
export function socketAddress(socketPath: string): string {
  const absolute = resolve(socketPath);
  const fromHere = relative(process.cwd(), absolute);
  return Buffer.byteLength(absolute) <= MAX_SOCKET_PATH || fromHere.length >= absolute.length
    ? absolute
    : fromHere;
}
